// Left-to-right beam decoding with a loaded Model (see ner_model.h): the
// kBeamWidth best label sequences of a sentence so far are kept, and of
// those ending in the same two labels (the history the features see) only
// the best, so the beam holds distinct states.
// The Tagger precomputes, for every word in the model's vocabulary, the
// summed weight rows of its word features at each offset and of its
// label-history features for each previous label, so tagging a known word
// costs a few dense row additions instead of ~50 hash lookups. Words outside
// the vocabulary get the same treatment from a per-call cache. Label-only
// and first-pass history rows are dense tables too; the remaining context
// features are looked up once per token and shared by both passes.
// Tag() is const and thread-safe: its working buffers are per thread
// (thread_local) and reused, so a thread allocates only for a document
// larger than any it tagged before.
#ifndef DOSSIER_INDEXER_INTERNAL_NER_TAGGER_H_
#define DOSSIER_INDEXER_INTERNAL_NER_TAGGER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/internal/ner_features.h"
#include "indexer/internal/ner_model.h"

namespace dossier::indexer::internal {

// A word block: the word's rows at the 2*kMaxOffset+1 offsets, then its
// word-history rows for each previous label.
inline constexpr int kOffsets = 2 * kMaxOffset + 1;
inline constexpr int kHistoryBase = kOffsets * kNumLabels;
inline constexpr int kBlockFloats = kHistoryBase + kNumLabels * kNumLabels;

// Label sequences kept per word when training (the committed model was
// trained with 8, and models/ names the command that rebuilds it). Greedy
// is 1; 8 is worth about 2 F1 points on CoNLL-2003 dev over greedy
// training and decoding.
inline constexpr int kTrainBeamWidth = 8;
// Label sequences kept per word when tagging. Sequences are distinct in
// their last two labels, so a narrower beam loses little: on CoNLL-2003 dev
// with the committed model, FB1 is 93.04 at 8, 93.05 at 6, 93.01 at 5 and
// 93.00 at 4, and 6 tags 25% faster than 8 (bench/ner.sh: 1.01 M against
// 0.80 M tokens/s), so 6.
inline constexpr int kBeamWidth = 6;

// Sums the weight rows of `keys` into *scores (features the model lacks
// count zero).
void AddRows(const Model& model, const std::vector<std::uint64_t>& keys,
             float* scores);

// Open-addressing map from a word (hashed with HashBytes(0, word)) to a
// word-block index. Stores views: the caller keeps the words alive.
class WordBlockTable {
 public:
  // Empties the table and makes room for `n` words.
  void Reset(std::size_t n);
  // The block of `word`, or -1.
  std::int64_t Find(std::string_view word, std::uint64_t hash) const;
  // REQUIRES: `word` is not in the table; fewer than n words were inserted.
  void Insert(std::string_view word, std::uint64_t hash, std::uint32_t block);

 private:
  struct Slot {
    std::uint64_t hash = 0;
    const char* data = nullptr;  // nullptr: empty slot
    std::uint32_t size = 0;
    std::uint32_t block = 0;
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

class Tagger {
 public:
  // `model` must outlive the Tagger.
  explicit Tagger(const Model& model);
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // Sets (*labels)[i] to the label of doc.words[i].
  void Tag(const NerDocument& doc, std::vector<int>* labels) const;

 private:
  struct Scratch;

  void FillBlock(std::string_view word, WordAnalysis* analysis,
                 std::vector<std::uint64_t>* keys, float* block) const;
  void Pass(const NerDocument& doc, bool first_pass, Scratch* scratch,
            std::vector<int>* labels) const;
  void DecodeSentence(std::size_t begin, std::size_t end, bool first_pass,
                      Scratch* scratch, std::vector<int>* labels) const;

  const Model& model_;
  const std::uint64_t serial_;  // unique per Tagger in the process
  std::string known_words_;    // the words of known_, back to back
  WordBlockTable known_;       // word of the model's vocabulary -> block
  FeatureIndex gazetteer_;     // the model's gazetteer (IndexGazetteer)
  std::vector<float> blocks_;  // kBlockFloats per known word
  std::vector<float> pads_;    // kOffsets rows: the pad row per offset
  // Label-history rows: prev1 (kNumLabels rows), (prev2, prev1) (squared).
  std::vector<float> prev1_rows_;
  std::vector<float> prev12_rows_;
  // The first-pass history row per (capitalized, history value), or
  // nullptr when the model has no such feature.
  std::array<const float*, 2 * (kNumTypes + 1)> first_pass_rows_{};
};

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_NER_TAGGER_H_
