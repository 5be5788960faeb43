// The article record (schemas/xapian_layout.md, "Article records") written
// straight into a string. Records were written with nlohmann::json, which
// copied each article's text into a tree of nodes and then escaped it; the
// bytes here are the same as its dump(-1, ' ', false,
// error_handler_t::replace) of that tree (keys sorted, no spaces), so
// records written before and after compare equal.
#ifndef DOSSIER_INDEXER_INTERNAL_RECORD_JSON_H_
#define DOSSIER_INDEXER_INTERNAL_RECORD_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::indexer::internal {

// Appends `text` as a JSON string: quote, backslash and control characters
// escaped (\b \f \n \r \t, else \u00xx), everything else as it is; invalid
// UTF-8 becomes U+FFFD as nlohmann::json replaces it.
void AppendJsonString(std::string_view text, std::string* out);

void AppendJsonNumber(std::uint64_t value, std::string* out);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_RECORD_JSON_H_
