// Search: full-text search over the articles of a dossier database, with
// Xapian's query syntax (AND/OR/NOT, "phrases", NEAR, title:/source:/
// author:/person:/org:/company:/institution:/place: fields, date ranges
// date:2024-01-01..2024-06-30), ranked by relevance or date, with
// highlighted snippets and optional facet counts. Stateless; each call opens
// the database read-only, so searches may run while `index` writes.
#ifndef DOSSIER_QUERY_SEARCH_H_
#define DOSSIER_QUERY_SEARCH_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"

namespace dossier::query {

enum class SortOrder { kRelevance, kDate };

struct SearchOptions {
  std::string query;  // user syntax; "" matches nothing
  std::size_t limit = 10;
  std::size_t offset = 0;
  SortOrder sort = SortOrder::kRelevance;
  bool facets = false;  // count by source, month and entity type
  // Length of each snippet in characters (code points). Default: 200.
  std::size_t snippet_chars = 200;
};

// A snippet of the article text around the best cluster of matches.
struct Snippet {
  std::string text;  // may start or end with "..." when cut
  // Matched words, as code point [begin, end) offsets into `text`.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> highlights;
};

struct SearchHit {
  std::string id;
  std::string title;
  std::string source;
  std::string date;
  std::string url;
  std::string author;
  double score = 0;  // Xapian BM25 weight; 0 when sorted by date
  Snippet snippet;
};

// Search checks at least this many matches, so that smaller totals are
// exact (Xapian's estimate for "interest rates" on BBC said 30 of 91).
inline constexpr std::uint64_t kExactTotalUpTo = 1000;

struct FacetCount {
  std::string value;
  std::uint64_t count = 0;
};

struct SearchResults {
  // Matching articles: exact up to kExactTotalUpTo matches and with facets,
  // else Xapian's estimate (total_exact false).
  std::uint64_t total = 0;
  bool total_exact = true;
  std::vector<SearchHit> hits;
  // "source", "month", "person", "company", "institution", "org", "place",
  // "misc": values by descending count (then value), at most 20 each.
  std::map<std::string, std::vector<FacetCount>> facets;
};

// kNotFound when there is no database; kInvalidInput for a query Xapian
// cannot parse ("cannot parse query: ..."); kCorruption / kIOError from the
// store.
Result<SearchResults> Search(const std::filesystem::path& db_dir,
                             const SearchOptions& options);

// Renders a snippet with each highlight wrapped in `open` and `close`.
std::string RenderSnippet(const Snippet& snippet, const std::string& open,
                          const std::string& close);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_SEARCH_H_
