// Feature extraction for the NER tagger (see ner_model.h for the families).
// Everything here is a pure function of its inputs; thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_NER_FEATURES_H_
#define DOSSIER_INDEXER_INTERNAL_NER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "indexer/internal/ner_model.h"

namespace dossier::indexer::internal {

// Words to tag, grouped in sentences. The views point into text the caller
// keeps alive for as long as the document is used.
struct NerDocument {
  std::vector<std::string_view> words;
  // First word of each sentence, ascending; sentence s spans
  // [sentence_begin[s], sentence_begin[s+1]) (or to words.size()).
  std::vector<std::uint32_t> sentence_begin;
};

inline constexpr int kMaxOffset = 2;  // word features at offsets -2..2

// What the word features of one word depend on, derived once and shared by
// every offset and every label history (the tagger needs 5 + 9 sets of keys
// per word).
struct WordAnalysis {
  std::string lower;              // ASCII lower case
  std::uint64_t form_hash = 0;    // HashBytes(0, word)
  std::uint64_t lower_hash = 0;   // HashBytes(0, lower)
  std::uint64_t shape_hash = 0;   // HashBytes(0, short shape)
  WordClusters clusters;
  std::uint16_t flags = 0;        // bit f-1 for each WordFlag f that holds
};
void AnalyzeWord(std::string_view word, const Model& model,
                 WordAnalysis* analysis);

// Appends the keys of the word features of `word` seen at `offset` from the
// token being tagged. The first form analyses the word; the second reuses
// an analysis (same keys).
void AppendWordFeatures(std::string_view word, int offset, const Model& model,
                        std::vector<std::uint64_t>* keys);
void AppendWordFeatures(const WordAnalysis& word, int offset,
                        std::vector<std::uint64_t>* keys);
// The key standing for "no word" at `offset` (beyond a sentence edge).
std::uint64_t PadFeature(int offset);

// What the context features of a document need, computed once per document.
struct DocContext {
  // Per word: gazetteer bits (bit t: a phrase of type t starts here; bit
  // 4+t: such a phrase continues here).
  std::vector<std::uint8_t> gazetteer;
  // Per word: kSentenceInitial / kHeadline / document-level evidence bits.
  std::vector<std::uint16_t> flags;
  // Per word: the label that the first pass gave this word elsewhere in the
  // document most often (entity types only), or -1. Filled by the tagger's
  // second pass; all -1 in the first.
  std::vector<std::int8_t> history;
  // Per word, computed once so that no feature re-derives them per use:
  // HashBytes(0, lower-cased word), HashBytes(0, ShortShape(word)), and the
  // word's lower-case form as a dense id (equal ids, equal lower-case
  // forms; ids 0..lower_forms-1, local to the document).
  std::vector<std::uint64_t> lower_hash;
  std::vector<std::uint64_t> shape_hash;
  std::vector<std::uint32_t> lower_id;
  std::uint32_t lower_forms = 0;
  // Per word: the next word of the document with the same lower-case form,
  // wrapping around (a word alone in its form points at itself). Context
  // aggregation walks it to see the neighbours of the other occurrences.
  std::vector<std::uint32_t> next_same_form;
};

// Flag bits of DocContext::flags.
inline constexpr std::uint16_t kSentenceInitial = 1 << 0;
inline constexpr std::uint16_t kHeadline = 1 << 1;          // all-caps sentence
inline constexpr std::uint16_t kCapElsewhere = 1 << 2;      // same word, mid-sentence capitalized elsewhere
inline constexpr std::uint16_t kLowerElsewhere = 1 << 3;    // same word lower-case elsewhere
inline constexpr std::uint16_t kTitledElsewhere = 1 << 4;   // after "Mr." etc. elsewhere
inline constexpr std::uint16_t kSeqTailElsewhere = 1 << 5;  // ends a capitalized run elsewhere
inline constexpr std::uint16_t kSeqHeadElsewhere = 1 << 6;  // starts a capitalized run elsewhere
inline constexpr std::uint16_t kOrgCueElsewhere = 1 << 7;   // in a run ending "Inc" / "University" elsewhere
inline constexpr std::uint16_t kCapitalized = 1 << 8;       // this occurrence
inline constexpr std::uint16_t kTitleCase = 1 << 9;         // Title Case sentence
inline constexpr std::uint16_t kHasLetters = 1 << 10;       // an ASCII letter (no feature)

// True for a sentence written in Title Case (a mixed-case headline): most
// of its longer words capitalized.
bool IsTitleCase(const std::vector<std::string_view>& words, std::size_t begin,
                 std::size_t end);

// Gazetteer lookups: lower-cased phrase hash -> type bits | kGazPrefixBit.
using Gazetteer = std::unordered_map<std::uint64_t, std::uint8_t>;
inline constexpr int kMaxGazetteerWords = 6;
// Hash of the lower-cased phrase words[begin, end) as the gazetteer keys it.
std::uint64_t PhraseHash(const std::vector<std::string_view>& words,
                         std::size_t begin, std::size_t end);

// The gazetteer as tagging looks it up, hash -> bits: every phrase start of
// every article is looked up, and a hash map's bucket and node were two
// cache misses (and a division) for each.
FeatureIndex IndexGazetteer(const Gazetteer& gazetteer);

void BuildDocContext(const NerDocument& doc, const FeatureIndex& gazetteer,
                     DocContext* context);
// As above, indexing `gazetteer` first (training, tests).
void BuildDocContext(const NerDocument& doc, const Gazetteer& gazetteer,
                     DocContext* context);

// Fills context->history from first-pass `labels` (one per word): for each
// word with letters, the entity type its other occurrences (same lower-case
// form) were given most often, kHistoryOutside when they were all outside
// any entity, -1 when it has no other occurrence.
// REQUIRES: BuildDocContext(doc, ..., context) was called.
inline constexpr std::int8_t kHistoryOutside = kNumTypes;
void ComputeHistory(const NerDocument& doc, const std::vector<int>& labels,
                    DocContext* context);

// Appends the keys of the context features of word `i`: the static ones
// (everything but context.history) and the first-pass history one.
void AppendContextFeatures(const NerDocument& doc, const DocContext& context,
                           std::size_t i, std::vector<std::uint64_t>* keys);
void AppendStaticContextFeatures(const NerDocument& doc,
                                 const DocContext& context, std::size_t i,
                                 std::vector<std::uint64_t>* keys);
void AppendFirstPassFeature(const DocContext& context, std::size_t i,
                            std::vector<std::uint64_t>* keys);

// Keys of the history features of a word given the two previous labels
// (0 = O, also at a sentence start): the label-only ones and the ones
// conjoined with the word (its shape, its lower case).
void AppendHistoryFeatures(int prev2, int prev1, std::string_view word,
                           std::vector<std::uint64_t>* keys);
void AppendLabelHistoryFeatures(int prev2, int prev1,
                                std::vector<std::uint64_t>* keys);
void AppendWordHistoryFeatures(int prev1, std::string_view word,
                               std::vector<std::uint64_t>* keys);
void AppendWordHistoryFeatures(int prev1, const WordAnalysis& word,
                               std::vector<std::uint64_t>* keys);

// Hand-written lists, shared with org_kind and the recognizer's filters.
bool IsPersonTitle(std::string_view lower_word);    // "mr.", "ceo", ...
bool IsCompanySuffix(std::string_view lower_word);  // "inc", "gmbh", ...
bool IsOrgKeyword(std::string_view lower_word);     // "university", ...
// Capitalized after a name, a named chair: "the Herman Feshbach Professor".
bool IsChairTitle(std::string_view lower_word);     // "professor", ...

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_NER_FEATURES_H_
