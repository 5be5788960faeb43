// The layout of dossier's Xapian database: term prefixes, value slots and
// metadata keys. schemas/xapian_layout.md documents the same in prose;
// change both together and bump kXapianSchemaVersion.
//
//   <db>/xapian   one document per article: terms, positions, values; its
//                 data is the article id (schema 1 kept one document per
//                 quote in <db>/quotes, schema 2 the record in the data)
//   <db>/docs     the article records (fields, text, quotes): DocStore
#ifndef DOSSIER_INDEXER_XAPIAN_LAYOUT_H_
#define DOSSIER_INDEXER_XAPIAN_LAYOUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "indexer/article_id.h"

namespace dossier::indexer {

inline constexpr int kXapianSchemaVersion = 3;
inline constexpr std::string_view kSchemaVersionKey = "dossier.schema_version";
inline constexpr std::string_view kLastUpdateKey = "dossier.last_update";

inline constexpr std::string_view kArticlesSubdir = "xapian";
inline constexpr std::string_view kGraphSubdir = "graph";

// Term prefixes (Omega convention; our own start with X).
inline constexpr std::string_view kPrefixId = "Q";       // unique id
inline constexpr std::string_view kPrefixTitle = "S";    // title words
inline constexpr std::string_view kPrefixSource = "XSRC";  // boolean
inline constexpr std::string_view kPrefixAuthor = "A";     // boolean
inline constexpr std::string_view kPrefixYear = "Y";       // Y2024
inline constexpr std::string_view kPrefixMonth = "M";      // M202405
inline constexpr std::string_view kPrefixDay = "D";        // D20240501
inline constexpr std::string_view kPrefixPerson = "XPER";
inline constexpr std::string_view kPrefixOrg = "XORG";
inline constexpr std::string_view kPrefixCompany = "XCOM";
inline constexpr std::string_view kPrefixInstitution = "XINS";
inline constexpr std::string_view kPrefixPlace = "XPLC";
inline constexpr std::string_view kPrefixMisc = "XMSC";
// Speakers of the article's quotes (`dossier said --by`), and a marker on
// every article with at least one quote.
inline constexpr std::string_view kPrefixSpeaker = "XSPK";  // full name
inline constexpr std::string_view kPrefixSpeakerWord = "XSPW";  // each word
inline constexpr std::string_view kTermHasQuotes = "XQUOTED";

// Value slots.
inline constexpr unsigned kSlotDate = 0;      // YYYYMMDD, for ranges/sorting
inline constexpr unsigned kSlotSource = 1;    // source as written (facet)
inline constexpr unsigned kSlotMonth = 2;     // YYYY-MM (facet)
inline constexpr unsigned kSlotHash = 3;      // content hash (idempotence)
inline constexpr unsigned kSlotEntities = 4;  // facet keys, see FacetKey
inline constexpr unsigned kSlotQuoteCount = 5;  // decimal; absent when 0

// The entity facet slot holds one key per entity of the article, sorted:
// the facet letter (P person, C company, I institution, O organization,
// L place, M misc), then the low 40 bits of FNV-1a 64 of "<letter>:<name>",
// big-endian. The names are in the article's record ("facets"), where a
// search looks up the few it shows. A key is a third of a name's size.
inline constexpr std::size_t kFacetKeyBytes = 6;
inline std::string FacetKey(std::string_view entry) {
  std::string key(kFacetKeyBytes, '\0');
  key[0] = entry.empty() ? 'M' : entry[0];
  const std::uint64_t hash = Fnv1a64(entry);
  for (std::size_t i = 1; i < kFacetKeyBytes; ++i) {
    key[i] = static_cast<char>((hash >> (8 * (kFacetKeyBytes - 1 - i))) & 0xFF);
  }
  return key;
}

// Title words count this many times a body word (wdf increment).
inline constexpr unsigned kTitleWeight = 3;

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_XAPIAN_LAYOUT_H_
