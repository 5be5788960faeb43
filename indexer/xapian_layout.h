// The layout of dossier's Xapian database: term prefixes, value slots and
// metadata keys. schemas/xapian_layout.md documents the same in prose;
// change both together and bump kXapianSchemaVersion.
//
//   <db>/xapian   one document per article, its quotes in its data
//                 (schema 1 kept one document per quote in <db>/quotes)
#ifndef DOSSIER_INDEXER_XAPIAN_LAYOUT_H_
#define DOSSIER_INDEXER_XAPIAN_LAYOUT_H_

#include <string_view>

namespace dossier::indexer {

inline constexpr int kXapianSchemaVersion = 2;
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
inline constexpr unsigned kSlotEntities = 4;  // facet list, see layout doc
inline constexpr unsigned kSlotQuoteCount = 5;  // decimal; absent when 0

// Title words count this many times a body word (wdf increment).
inline constexpr unsigned kTitleWeight = 3;

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_XAPIAN_LAYOUT_H_
