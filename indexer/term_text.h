// Normalization of the text of boolean terms (source, author, entity names),
// shared by indexing and query parsing so that `source:"BBC News"` matches
// however the archive spelled it. Pure functions; thread-safe.
#ifndef DOSSIER_INDEXER_TERM_TEXT_H_
#define DOSSIER_INDEXER_TERM_TEXT_H_

#include <string>
#include <string_view>

namespace dossier::indexer {

// Lower-cases (ASCII and Latin-1 letters), folds runs of white space to one
// space, trims, and truncates to fit Xapian's term length limit together
// with any prefix of up to 8 bytes.
std::string NormalizeTermText(std::string_view text);

// "2024-05-01..." -> "20240501"; "" when `iso_date` has no full date.
std::string CompactDate(std::string_view iso_date);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_TERM_TEXT_H_
