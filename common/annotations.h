// The analysis of one article: tokens, sentences, entity mentions, the
// entities they resolve to within the article, quotes and typed relations.
// This is the vocabulary shared by indexer/ (which produces it) and graph/
// (which stores it). All spans are byte offsets into Article::text; outputs
// convert them to code points with CodepointMap (common/utf8.h).
#ifndef DOSSIER_COMMON_ANNOTATIONS_H_
#define DOSSIER_COMMON_ANNOTATIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

// Byte offsets [begin, end) into an article's text.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool empty() const { return end <= begin; }
  std::uint32_t size() const { return empty() ? 0 : end - begin; }
  bool operator==(const Span&) const = default;
};

struct Token {
  Span span;
};

struct Sentence {
  Span span;
  std::uint32_t first_token = 0;  // index into ArticleAnalysis::tokens
  std::uint32_t token_count = 0;
};

enum class EntityType { kPerson, kOrg, kPlace, kMisc };
// Every ORG is a company or an institution (see indexer/org_kind.h for the rule).
enum class OrgKind { kNone, kCompany, kInstitution };

std::string_view EntityTypeName(EntityType type);  // "PERSON", "ORG", ...
std::string_view OrgKindName(OrgKind kind);        // "", "COMPANY", ...
std::optional<EntityType> ParseEntityType(std::string_view name);

struct Mention {
  Span span;
  EntityType type = EntityType::kMisc;
  OrgKind org_kind = OrgKind::kNone;
  int entity = -1;  // index into ArticleAnalysis::entities; -1 unresolved
};

// One real-world entity as far as this article knows it: its mentions
// merged ("Andy Konwinski", "Konwinski", "Mr. Konwinski").
struct ArticleEntity {
  std::string name;  // the fullest name the article uses
  EntityType type = EntityType::kMisc;
  OrgKind org_kind = OrgKind::kNone;
  std::vector<int> mentions;         // indices into ArticleAnalysis::mentions
  std::vector<std::string> aliases;  // distinct surface forms besides `name`
  std::vector<std::string> reasons;  // why each alias joined, parallel to aliases
};

enum class QuoteKind { kDirect, kIndirect, kMixed };
std::string_view QuoteKindName(QuoteKind kind);  // "direct", ...

struct Quote {
  Span content;             // the quoted or reported words
  Span cue;                 // reporting verb or phrase ("said", "according to")
  Span speaker;             // speaker mention as written; empty when none
  int speaker_entity = -1;  // index into ArticleAnalysis::entities
  std::string speaker_name;  // resolved full name; empty when unknown
  QuoteKind kind = QuoteKind::kDirect;
  std::string rule;  // which rule fired, for explanations
};

enum class RelationType {
  kFounded,
  kLeads,
  kWorksFor,
  kPartOf,
  kLocatedIn,
  kAcquired,
  kInvestedIn,
};
std::string_view RelationTypeName(RelationType type);  // "FOUNDED", ...
std::optional<RelationType> ParseRelationType(std::string_view name);

struct Relation {
  RelationType type = RelationType::kWorksFor;
  Span head;  // head mention as the evidence sentence writes it
  Span tail;
  int head_entity = -1;  // indices into ArticleAnalysis::entities
  int tail_entity = -1;
  std::string head_name;  // resolved names
  std::string tail_name;
  Span evidence;     // the sentence
  std::string role;  // "co-founder", "CEO", "professor"; may be empty
  std::string rule;  // which rule or feature fired
};

struct ArticleAnalysis {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<ArticleEntity> entities;
  std::vector<Quote> quotes;
  std::vector<Relation> relations;
};

}  // namespace dossier

#endif  // DOSSIER_COMMON_ANNOTATIONS_H_
