// Every RocksDB key and value of the graph store is encoded and decoded here,
// and nowhere else (schemas/graph_keys.md describes the layout in prose).
// Ids are big-endian fixed-width so byte order equals numeric order. Decoders
// return false (never crash) on short or malformed input. Pure functions;
// thread-safe.
#ifndef DOSSIER_GRAPH_INTERNAL_KEYS_H_
#define DOSSIER_GRAPH_INTERNAL_KEYS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dossier::graph::internal {

// On-disk format version written to the meta CF at creation. Bump it on any
// change to a key or value layout below (and to schemas/graph_keys.md).
inline constexpr std::uint32_t kFormatVersion = 4;

// Column family names, all in one place.
inline constexpr std::string_view kCfEntities = "entities";
inline constexpr std::string_view kCfAliases = "aliases";
inline constexpr std::string_view kCfMentions = "mentions";
inline constexpr std::string_view kCfRelationsOut = "relations_out";
inline constexpr std::string_view kCfRelationsIn = "relations_in";
inline constexpr std::string_view kCfCooccurrence = "cooccurrence";
inline constexpr std::string_view kCfQuotes = "quotes";
inline constexpr std::string_view kCfArticles = "articles";
inline constexpr std::string_view kCfMeta = "meta";
inline constexpr std::string_view kCfOverrides = "overrides";
inline constexpr std::string_view kCfSentences = "sentences";
inline constexpr std::string_view kMetaFormatVersion = "format_version";

// Article dates are stored as exactly 10 bytes "YYYY-MM-DD"; unknown dates
// as kUnknownDate, which sorts before every real date.
inline constexpr std::string_view kUnknownDate = "0000-00-00";
std::string Date10(std::string_view iso_date);

// ---- primitive coding -------------------------------------------------------
void PutFixed32(std::string* out, std::uint32_t value);    // big-endian
void PutFixed64(std::string* out, std::uint64_t value);    // big-endian
void PutVarint(std::string* out, std::uint64_t value);     // LEB128
void PutString(std::string* out, std::string_view value);  // varint length

// Reads primitives from the front of a view; every getter returns false when
// the input is too short or malformed, leaving the reader unusable.
class Reader {
 public:
  explicit Reader(std::string_view input) : in_(input) {}
  bool Fixed32(std::uint32_t* value);
  bool Fixed64(std::uint64_t* value);
  bool Varint(std::uint64_t* value);
  bool Byte(std::uint8_t* value);
  bool String(std::string* value);
  std::string_view rest() const { return in_; }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

std::uint64_t DecodeFixed64(std::string_view bytes);  // REQUIRES: size >= 8

// ---- keys -------------------------------------------------------------------
// entities: id(8)
std::string EntityKey(std::uint64_t id);
// aliases: normalized form, 0x00, kind(1), type class(1), id(8)
enum class AliasKind : std::uint8_t { kName = 0, kAlias = 1, kSurname = 2 };
std::string AliasKey(std::string_view norm, AliasKind kind, char type_class,
                     std::uint64_t id);
struct AliasKeyParts {
  std::string norm;
  AliasKind kind = AliasKind::kName;
  char type_class = 'M';
  std::uint64_t id = 0;
};
bool ParseAliasKey(std::string_view key, AliasKeyParts* parts);
// mentions: id(8), date(10), article id
std::string MentionKey(std::uint64_t id, std::string_view date10,
                       std::string_view article);
// relations_out: src(8), type(1), dst(8), article; relations_in swaps src/dst.
std::string RelationKey(std::uint64_t from, std::uint8_t type, std::uint64_t to,
                        std::string_view article);
struct RelationKeyParts {
  std::uint64_t from = 0;
  std::uint8_t type = 0;
  std::uint64_t to = 0;
  std::string article;
};
bool ParseRelationKey(std::string_view key, RelationKeyParts* parts);
// cooccurrence: 'N', a(8) -> CoocList, a's neighbours with their counts;
// 'E', a(8), b(8), article -> evidence (a < b). Format 3 kept one 'N' key per
// ordered pair, 'N', a(8), b(8) -> CoocCounts: read from old stores
// (CoocCountKeyV3) until a writable open upgrades them.
inline constexpr std::size_t kCoocListKeySize = 9;
inline constexpr std::size_t kCoocPairKeySize = 17;
std::string CoocListKey(std::uint64_t a);
std::string CoocCountKeyV3(std::uint64_t a, std::uint64_t b);
std::string CoocEvidenceKey(std::uint64_t a, std::uint64_t b,
                            std::string_view article);
struct CoocKeyParts {
  char tag = 'N';
  std::uint64_t a = 0;
  std::uint64_t b = 0;  // 0 for a format 4 'N' key
  std::string article;  // empty for 'N'
};
bool ParseCoocKey(std::string_view key, CoocKeyParts* parts);
// quotes: speaker(8), date(10), article, index(4)
std::string QuoteKey(std::uint64_t speaker, std::string_view date10,
                     std::string_view article, std::uint32_t index);
struct QuoteKeyParts {
  std::uint64_t speaker = 0;
  std::string date10;
  std::string article;
  std::uint32_t index = 0;
};
bool ParseQuoteKey(std::string_view key, QuoteKeyParts* parts);
// overrides: 'M', from(8) -> into(8); 'S', id(8), article -> split entity
// sentences: article id, start(4): the text of an evidence sentence, stored
// once however many relations and pairs cite it.
std::string SentenceKey(std::string_view article, std::uint32_t start);

std::string MergeOverrideKey(std::uint64_t from);
std::string SplitOverrideKey(std::uint64_t id, std::string_view article);

// ---- values -----------------------------------------------------------------
// The cross-article entity: every field is a sum of per-article
// contributions, so adding and retracting an article are exact inverses.
struct EntityValue {
  std::uint8_t type = 0;  // EntityType
  std::int64_t articles = 0;
  std::int64_t mentions = 0;
  std::map<std::string, std::int64_t> names;   // surface form -> articles
  std::int64_t org_kind_votes[3] = {0, 0, 0};  // OrgKind -> articles
  // (surface form, why it joined) -> articles
  std::map<std::pair<std::string, std::string>, std::int64_t> aliases;
  bool operator==(const EntityValue& other) const;
};
std::string EncodeEntity(const EntityValue& value);
bool DecodeEntity(std::string_view bytes, EntityValue* value);

struct Evidence {
  std::uint32_t start = 0;  // code points into the article text
  std::uint32_t end = 0;
  // Not encoded: the text lives once in `sentences` (SentenceKey); filled
  // when building a record and when answering a query.
  std::string sentence;
  std::string role;  // relations only; may be empty
  bool operator==(const Evidence&) const = default;
};
struct RelationValue {
  std::string date10;
  std::vector<Evidence> evidence;
  bool operator==(const RelationValue&) const = default;
};
std::string EncodeRelation(const RelationValue& value);
bool DecodeRelation(std::string_view bytes, RelationValue* value);

struct CoocCounts {
  std::int64_t articles = 0;
  std::int64_t sentences = 0;
  bool operator==(const CoocCounts&) const = default;
};
std::string EncodeCoocCounts(const CoocCounts& value);
bool DecodeCoocCounts(std::string_view bytes, CoocCounts* value);

// CoocList: entries sorted by neighbour id, each the neighbour(8) then its
// CoocCounts. An article adds (and a retraction subtracts) one list per
// entity as a merge operand; SumCoocLists is the merge.
struct CoocEntry {
  std::uint64_t other = 0;
  CoocCounts counts;
  bool operator==(const CoocEntry&) const = default;
};
void PutCoocEntry(std::string* list, std::uint64_t other,
                  const CoocCounts& counts);
// Appends the entries of `list` to *entries; false when malformed.
bool DecodeCoocList(std::string_view list, std::vector<CoocEntry>* entries);
// *sum = `base` (none when null) plus every list of `operands`, summed per
// neighbour; a neighbour whose counts sum to zero is left out, so the sum of
// an article's list and its retraction is the empty list. False when any
// input is malformed. `operands` need not be sorted against each other.
bool SumCoocLists(const std::string_view* base,
                  const std::vector<std::string_view>& operands,
                  std::string* sum);

struct CoocEvidence {
  std::string date10;
  std::uint32_t sentences = 0;  // sentences naming both; 0 = same article only
  Evidence first;               // first such sentence (empty when none)
  bool operator==(const CoocEvidence&) const = default;
};
std::string EncodeCoocEvidence(const CoocEvidence& value);
bool DecodeCoocEvidence(std::string_view bytes, CoocEvidence* value);

struct QuoteValue {
  std::string text;
  std::uint32_t start = 0;  // code points
  std::uint32_t end = 0;
  std::string cue;
  std::uint8_t kind = 0;  // QuoteKind
  bool operator==(const QuoteValue&) const = default;
};
std::string EncodeQuote(const QuoteValue& value);
bool DecodeQuote(std::string_view bytes, QuoteValue* value);

std::string EncodeCount(std::int64_t count);  // mentions and aliases
bool DecodeCount(std::string_view bytes, std::int64_t* count);

// Counters (the `aliases` values and the `N` co-occurrence values) are
// written as RocksDB merge operands holding the change, and summed by the
// store: `sum` = `a` + `b` element by element, both sequences of zig-zag
// varints (a shorter one counts as zeros). False when either is malformed.
bool AddCounters(std::string_view a, std::string_view b, std::string* sum);

// The per-article record: everything an article contributed, with the
// entity ids it resolved to at the time, so that retracting it is exact even
// after overrides changed.
struct RecordEntity {
  std::uint8_t type = 0;
  std::uint8_t org_kind = 0;
  std::string name;
  std::vector<std::pair<std::string, std::string>> aliases;  // form, reason
  std::uint32_t mentions = 0;
  std::uint64_t id = 0;    // resolved cross-article id
  std::string via;         // "" or why it resolved elsewhere (merge/split)
  std::string split_name;  // the name a split gave it; empty otherwise
  bool operator==(const RecordEntity&) const = default;
};
struct RecordRelation {
  std::uint8_t type = 0;
  std::uint32_t head = 0;  // indices into ArticleRecord::entities
  std::uint32_t tail = 0;
  Evidence evidence;
  bool operator==(const RecordRelation&) const = default;
};
struct RecordCooc {
  std::uint32_t a = 0;  // indices into ArticleRecord::entities
  std::uint32_t b = 0;
  std::uint32_t sentences = 0;
  Evidence first;
  bool operator==(const RecordCooc&) const = default;
};
struct RecordQuote {
  std::uint32_t speaker = 0;  // index into ArticleRecord::entities
  QuoteValue quote;
  bool operator==(const RecordQuote&) const = default;
};
struct ArticleRecord {
  std::string hash;
  std::string date10;
  std::string title;
  std::vector<RecordEntity> entities;
  std::vector<RecordRelation> relations;
  std::vector<RecordCooc> cooccurrences;
  std::vector<RecordQuote> quotes;
  bool operator==(const ArticleRecord&) const = default;
};
std::string EncodeArticleRecord(const ArticleRecord& record);
bool DecodeArticleRecord(std::string_view bytes, ArticleRecord* record);

}  // namespace dossier::graph::internal

#endif  // DOSSIER_GRAPH_INTERNAL_KEYS_H_
