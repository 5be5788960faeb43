// IsOneOf: whether a word is one of a short literal list. The hand-written
// word lists of the analysis rules (NER post-processing and features, org
// kinds, relation rules) all test membership through it.
#ifndef DOSSIER_INDEXER_INTERNAL_WORD_LIST_H_
#define DOSSIER_INDEXER_INTERNAL_WORD_LIST_H_

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace dossier::indexer::internal {

inline bool IsOneOf(std::string_view word,
                    std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_WORD_LIST_H_
