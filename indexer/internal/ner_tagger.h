// Greedy left-to-right decoding with a loaded Model (see ner_model.h).
// The Tagger precomputes, for every word in the model's vocabulary, the
// summed weight rows of its word features at each offset and of its
// label-history features for each previous label, so tagging a known word
// costs a few dense row additions instead of ~50 hash lookups. Words outside
// the vocabulary get the same treatment from a per-call cache. Label-only
// history rows are dense tables too; the remaining context features are
// looked up once per token and shared by both passes.
// Tag() is const and thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_NER_TAGGER_H_
#define DOSSIER_INDEXER_INTERNAL_NER_TAGGER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/internal/ner_features.h"
#include "indexer/internal/ner_model.h"

namespace dossier::indexer::internal {

// A word block: the word's rows at the 2*kMaxOffset+1 offsets, then its
// word-history rows for each previous label.
inline constexpr int kOffsets = 2 * kMaxOffset + 1;
inline constexpr int kHistoryBase = kOffsets * kNumLabels;
inline constexpr int kBlockFloats = kHistoryBase + kNumLabels * kNumLabels;

// Sums the weight rows of `keys` into *scores (features the model lacks
// count zero).
void AddRows(const Model& model, const std::vector<std::uint64_t>& keys,
             float* scores);

// Returns the best label for `scores` that may follow `prev` (an I- label
// only continues its own type).
int BestAllowedLabel(const float* scores, int prev);

class Tagger {
 public:
  // `model` must outlive the Tagger.
  explicit Tagger(const Model& model);

  // Sets (*labels)[i] to the label of doc.words[i].
  void Tag(const NerDocument& doc, std::vector<int>* labels) const;

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const {
      return static_cast<std::size_t>(HashBytes(0, s));
    }
  };
  using BlockMap =
      std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

  void FillBlock(std::string_view word, float* block) const;
  void Pass(const NerDocument& doc, const std::vector<float>& static_scores,
            const std::vector<const float*>& blocks, const DocContext* history,
            std::vector<int>* labels) const;

  const Model& model_;
  BlockMap known_;            // word -> block index
  std::vector<float> blocks_;  // kBlockFloats per known word
  std::vector<float> pads_;    // kOffsets rows: the pad row per offset
  // Label-history rows: prev1 (kNumLabels rows), (prev2, prev1) (squared).
  std::vector<float> prev1_rows_;
  std::vector<float> prev12_rows_;
};

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_NER_TAGGER_H_
