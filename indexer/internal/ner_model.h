// The NER model and its feature set, shared by the tagger (inference) and
// the trainer. Internal to indexer/: nothing outside the module includes it.
//
// The tagger is an averaged structured perceptron over BIO labels, decoded
// left to right with a small beam (ner_tagger.h). A token's score vector
// (one float per label) is the sum of the weight rows of its features; a
// sentence's labelling scores the sum of its tokens' scores for their
// labels. Features are 64-bit hashes of (template, value); the model
// maps each kept hash to one weight row. Three feature families:
//   - word features: depend only on the string of the token at offset k in
//     -2..2 (its form, lower case, shape, affixes, clusters, list flags). As
//     they depend on (word, k) only, the tagger caches their summed rows per
//     distinct word, which is what makes tagging fast;
//   - context features: sentence position, all-caps headline, gazetteer
//     matches, how the same word is capitalized and tagged elsewhere in the
//     document;
//   - history features: the two previous predicted labels.
// A Model is immutable after loading and safe to share between threads.
#ifndef DOSSIER_INDEXER_INTERNAL_NER_MODEL_H_
#define DOSSIER_INDEXER_INTERNAL_NER_MODEL_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "common/status.h"

namespace dossier::indexer::internal {

// BIO labels over the four CoNLL types.
inline constexpr int kNumLabels = 9;
inline constexpr int kNumTypes = 4;  // PER ORG LOC MISC
// 0 = O; 1 + 2*type = B-type; 2 + 2*type = I-type.
inline int BeginLabel(int type) { return 1 + 2 * type; }
inline int InsideLabel(int type) { return 2 + 2 * type; }
inline int LabelType(int label) { return label == 0 ? -1 : (label - 1) / 2; }
inline bool IsBegin(int label) { return label != 0 && (label - 1) % 2 == 0; }
// True when `label` may follow `prev` (0 = O also at a sentence start): an
// I- label only continues its own type.
inline bool IsAllowedAfter(int prev, int label) {
  return label == 0 || IsBegin(label) || LabelType(label) == LabelType(prev);
}
std::string_view LabelName(int label);       // "B-PER", "O", ...
int ParseLabel(std::string_view name);       // -1 when unknown; IOB1 ok
std::string_view TypeName(int type);         // "PER", "ORG", "LOC", "MISC"

using Scores = std::array<float, kNumLabels>;

// Open-addressing map from feature hash to a dense row index. Beside the
// slots, a 16-bit tag per slot (0 = empty) is probed first: the tags of
// the whole table fit in the L2 cache, so the many lookups of features the
// model does not have (most word bigrams) never touch the slots.
class FeatureIndex {
 public:
  void Reserve(std::size_t n);
  // Returns the row of `key`, or -1.
  std::int32_t Find(std::uint64_t key) const {
    if (entries_.empty()) {
      return -1;
    }
    const std::uint64_t mixed = Mix(key);
    const std::uint16_t tag = TagOf(mixed);
    for (std::size_t slot = mixed & mask_;; slot = (slot + 1) & mask_) {
      const std::uint16_t t = tags_[slot];
      if (t == tag && entries_[slot].key == key) {
        return entries_[slot].row;
      }
      if (t == 0) {
        return -1;
      }
    }
  }
  // Starts loading the tag that Find(key) probes first, so that a Find a
  // little later does not wait for memory.
  void Prefetch(std::uint64_t key) const {
    if (!tags_.empty()) {
      __builtin_prefetch(&tags_[Mix(key) & mask_]);
    }
  }
  // REQUIRES: key not yet inserted; Reserve() was called with room.
  void Insert(std::uint64_t key, std::int32_t row);
  std::size_t size() const { return count_; }
  // Calls f(key, row) for every entry, in slot order.
  template <typename F>
  void ForEach(F f) const {
    for (std::size_t slot = 0; slot < entries_.size(); ++slot) {
      if (tags_[slot] != 0) {
        f(entries_[slot].key, entries_[slot].row);
      }
    }
  }

 private:
  static std::uint64_t Mix(std::uint64_t key) {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return key;
  }
  // The top bits (the slot uses the bottom ones); never 0.
  static std::uint16_t TagOf(std::uint64_t mixed) {
    const auto tag = static_cast<std::uint16_t>(mixed >> 48);
    return tag == 0 ? 1 : tag;
  }
  // Key and row side by side: one cache miss per probe.
  struct Entry {
    std::uint64_t key = 0;
    std::int32_t row = -1;
  };
  std::vector<std::uint16_t> tags_;
  std::vector<Entry> entries_;
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

// Word cluster ids (0 = unknown) at two granularities.
struct WordClusters {
  std::uint16_t fine = 0;
  std::uint16_t coarse = 0;
};

// Gazetteer entry: which types the phrase was seen as (bit per type), and
// whether it is a strict prefix of a longer phrase (bit 7).
inline constexpr std::uint8_t kGazPrefixBit = 0x80;

struct Model {
  // Feature weights: row r holds kNumLabels floats at weights[r*kNumLabels].
  FeatureIndex index;
  std::vector<float> weights;
  // Word (as written) -> clusters; learned from unlabelled news text.
  std::unordered_map<std::string, WordClusters> clusters;
  // Hash of a lower-cased token sequence -> type bits | prefix bit.
  std::unordered_map<std::uint64_t, std::uint8_t> gazetteer;
  std::string description;  // training data and settings, for `--version`
  std::uint32_t flags = 0;   // kTwoPass

  const float* Row(std::uint64_t key) const {
    const std::int32_t r = index.Find(key);
    return r < 0 ? nullptr : &weights[static_cast<std::size_t>(r) * kNumLabels];
  }
  WordClusters ClustersOf(std::string_view word) const;
};

// Serialization (ner_model_io.cc). Format, all little-endian:
//   "DOSNERM\0" magic, u32 version (kModelVersion), u32 flags (kTwoPass),
//   string description, u64 feature count, then per feature u64 key and
//   kNumLabels f32; u64 cluster count, then per word string + u16 fine +
//   u16 coarse; u64 gazetteer count, then per entry u64 hash + u8 bits;
//   u64 FNV-1a checksum of everything before it. Strings are u32 length +
//   bytes.
// Version 3: weights of a structured perceptron for beam decoding (the
// models of versions 1 and 2 were trained for greedy decoding and score
// badly in a beam). Version 4: context aggregation features (the words
// around a capitalized word's other occurrences); a version 3 model lacks
// their weights.
inline constexpr std::uint32_t kModelVersion = 4;
// Model::flags bit: the model was trained with first-pass history features,
// so the tagger runs twice over a document.
inline constexpr std::uint32_t kTwoPass = 1;
std::string SerializeModel(const Model& model);
// kCorruption on a bad magic, truncation or checksum; kNotSupported on
// another version.
Result<Model> DeserializeModel(std::string_view bytes);

// Hashing helpers used by features and gazetteer.
inline std::uint64_t HashBytes(std::uint64_t seed, std::string_view s) {
  std::uint64_t h = seed ^ 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}
inline std::uint64_t HashCombine(std::uint64_t a, std::uint64_t b) {
  a ^= b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2);
  a *= 0xbf58476d1ce4e5b9ULL;
  return a ^ (a >> 31);
}
// Lower-cases ASCII letters into *out (other bytes unchanged).
void LowerAscii(std::string_view word, std::string* out);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_NER_MODEL_H_
