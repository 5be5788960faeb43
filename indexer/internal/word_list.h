// The hand-written word lists of the analysis rules (NER post-processing
// and features, org kinds, relation rules) test membership through these.
// The rules test some lists for every word of every article, where a
// linear scan of a hundred words showed in profiles, so a list of more
// than a few words is a WordSet, built once where it is used:
//   static const WordSet kJoiners{"of", "de", "van", "von"};
//   if (kJoiners.contains(word)) ...
// IsOneOf keeps the inline form for lists of a few words.
#ifndef DOSSIER_INDEXER_INTERNAL_WORD_LIST_H_
#define DOSSIER_INDEXER_INTERNAL_WORD_LIST_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/article_id.h"

namespace dossier::indexer::internal {

inline bool IsOneOf(std::string_view word,
                    std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// A fixed set of words: one hash probe per lookup (open addressing, at most
// half full). Immutable after construction, so shared freely by threads.
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words)
      : WordSet(std::vector<std::string_view>(words)) {}
  explicit WordSet(const std::vector<std::string_view>& words);

  bool contains(std::string_view word) const { return find(word) >= 0; }

  // The position of `word` in the list the set was built from (the first,
  // when the list names it twice), or -1.
  int find(std::string_view word) const {
    if (word.size() > longest_) {
      return -1;
    }
    for (std::size_t slot = Hash(word) & mask_; positions_[slot] >= 0;
         slot = (slot + 1) & mask_) {
      if (words_[slot] == word) {
        return positions_[slot];
      }
    }
    return -1;
  }

 private:
  // FNV-1a, its high bits folded into the low ones the mask keeps.
  static std::uint64_t Hash(std::string_view word) {
    const std::uint64_t hash = Fnv1a64(word);
    return hash ^ (hash >> 29);
  }

  std::vector<std::string> words_;  // by slot
  std::vector<int> positions_;      // by slot; -1 for an empty slot
  std::uint64_t mask_ = 0;
  std::size_t longest_ = 0;
};

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_WORD_LIST_H_
