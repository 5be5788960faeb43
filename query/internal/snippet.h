// MakeSnippet: picks the window of an article's text with the most distinct
// query terms and marks the matched words. Unlike Xapian's MSet::snippet it
// stems only the words that could match (a query stem is a prefix of them),
// which makes it several times faster on long articles.
#ifndef DOSSIER_QUERY_INTERNAL_SNIPPET_H_
#define DOSSIER_QUERY_INTERNAL_SNIPPET_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "query/search.h"

namespace dossier::query::internal {

struct SnippetTerms {
  std::vector<std::string> exact;  // lower-case words matched as they are
  std::vector<std::string> stems;  // matched when stem(word) equals one
};

// `stem` maps a lower-case word to its stem.
Snippet MakeSnippet(std::string_view text, const SnippetTerms& terms,
                    std::size_t length_chars,
                    const std::function<std::string(const std::string&)>& stem);

}  // namespace dossier::query::internal

#endif  // DOSSIER_QUERY_INTERNAL_SNIPPET_H_
