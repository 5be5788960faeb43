// Word clusters for the NER model from unlabelled text: each frequent word
// is represented by its left and right neighbours (PPMI-weighted, randomly
// projected to a few dozen dimensions) and grouped by spherical k-means;
// the fine clusters are grouped again into coarse ones. Deterministic for
// a given seed; single-threaded.
#ifndef DOSSIER_INDEXER_INTERNAL_NER_CLUSTERS_H_
#define DOSSIER_INDEXER_INTERNAL_NER_CLUSTERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/internal/ner_model.h"

namespace dossier::indexer::internal {

// Tokens interned as ids; kSentenceEnd separates sentences.
class Corpus {
 public:
  static constexpr std::uint32_t kSentenceEnd = 0xFFFFFFFFu;
  void Add(std::string_view word);
  void EndSentence() { tokens_.push_back(kSentenceEnd); }
  const std::vector<std::uint32_t>& tokens() const { return tokens_; }
  const std::vector<std::string>& words() const { return words_; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<std::uint32_t> tokens_;
};

struct ClusterOptions {
  int fine = 512;             // Default: 512
  int coarse = 64;            // Default: 64
  int min_count = 4;          // rarer words get no cluster. Default: 4
  int max_words = 60000;      // most frequent words clustered. Default: 60000
  // Neighbours that count as context, and the size of the projection.
  // Default: 5000, 160. CoNLL dev F1, mean of seeds 1-2 (each model the
  // mean of 3 runs): 2000 / 96 92.74; 3000 / 128 92.94; 5000 / 96 92.82;
  // 5000 / 160 93.03; 10000 / 256 92.84.
  int context_words = 5000;
  int dims = 160;
  int iterations = 10;        // k-means iterations. Default: 10
  std::uint64_t seed = 1;
};

std::unordered_map<std::string, WordClusters> LearnClusters(
    const Corpus& corpus, const ClusterOptions& options);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_NER_CLUSTERS_H_
