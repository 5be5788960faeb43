// The values the graph store answers with: entity summaries and details,
// relations and co-occurrences with their evidence, quotes. Plain value
// types; offsets are Unicode code points into the article text, dates are
// "YYYY-MM-DD" or empty when the article had none.
#ifndef DOSSIER_GRAPH_GRAPH_TYPES_H_
#define DOSSIER_GRAPH_GRAPH_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/annotations.h"
#include "graph/entity_name.h"

namespace dossier::graph {

struct EntitySummary {
  EntityId id = 0;
  std::string name;  // the surface form most articles use
  EntityType type = EntityType::kMisc;
  OrgKind org_kind = OrgKind::kNone;  // majority vote of the articles
  std::int64_t articles = 0;          // articles mentioning it
  std::int64_t mentions = 0;          // mentions over all articles
};

// "PERSON", "COMPANY", "INSTITUTION", "ORG", "PLACE", "MISC".
std::string KindLabel(const EntitySummary& entity);

// One sentence that supports a relation, co-occurrence or hop.
struct EvidenceRef {
  std::string article;
  std::string date;
  std::uint32_t start = 0;  // code points of the sentence in the article
  std::uint32_t end = 0;
  std::string sentence;
  std::string role;  // e.g. "co-founder"; typed relations only
};

struct AliasInfo {
  std::string form;
  std::string reason;  // why it joined, e.g. "surname", "merged by user"
  std::int64_t articles = 0;
};

struct QuoteRef {
  std::string article;
  std::string date;
  std::string text;
  std::string cue;
  QuoteKind kind = QuoteKind::kDirect;
  std::uint32_t start = 0;  // code points of the quoted words
  std::uint32_t end = 0;
};

// A typed relation between the entity asked about and `other`, seen from
// the entity: outgoing means entity -TYPE-> other.
struct RelationEdge {
  RelationType type = RelationType::kWorksFor;
  bool outgoing = true;
  EntitySummary other;
  std::int64_t articles = 0;  // articles asserting it
  std::string first_seen;
  std::string last_seen;
  std::vector<EvidenceRef> evidence;  // capped; oldest first
};

struct EntityDetails {
  EntitySummary summary;
  std::vector<AliasInfo> aliases;  // every other form, with why it joined
  std::string first_seen;
  std::string last_seen;
  std::vector<RelationEdge> relations;
  std::vector<QuoteRef> quotes;  // most recent first, capped
};

// How a lookup string matched.
enum class MatchKind { kExact, kAlias, kPrefix, kSurname };
std::string_view MatchKindName(MatchKind kind);  // "exact", "alias", ...

struct EntityMatch {
  MatchKind how = MatchKind::kExact;
  std::string matched;  // the stored form that matched
  EntitySummary entity;
};

struct FindResult {
  std::vector<EntityMatch> candidates;  // best first (most articles)
  // True when the best match kind found more than one entity; callers should
  // show the candidates rather than silently pick the first.
  bool ambiguous = false;
};

// A neighbour of an entity and the strength of the link.
struct Neighbor {
  EntitySummary entity;
  double weight = 0;  // typed evidence x3 + same-sentence + same-article/4
  std::vector<std::pair<RelationType, bool>> relations;  // (type, outgoing)
  std::int64_t typed_evidence = 0;      // sentences asserting typed relations
  std::int64_t cooc_articles = 0;       // articles naming both
  std::int64_t cooc_sentences = 0;      // sentences naming both
  std::optional<EvidenceRef> evidence;  // the best supporting sentence
};

struct NeighborOptions {
  // Typed relations only, no co-occurrence. Default: false.
  bool typed_only = false;
  // Only this relation type (implies typed_only). Default: any.
  std::optional<RelationType> relation;
  // Only neighbours of this type. Default: any.
  std::optional<EntityType> entity_type;
  // Only organizations of this kind (with entity_type kOrg). Default: any.
  std::optional<OrgKind> org_kind;
  // Inclusive date range "YYYY-MM-DD"; empty = open. Undated evidence is
  // dropped when either bound is set. Default: open.
  std::string since;
  std::string until;
  // At most this many neighbours, strongest first. Default: 50.
  std::size_t limit = 50;
  // Fill Neighbor::entity beyond its id and the text of Neighbor::evidence;
  // costs two reads per neighbour, and the type filters need it. Without
  // it the evidence still names the article and offsets. Default: true.
  bool summaries = true;
};

// A direct link between two entities, with the sentence supporting it.
struct Link {
  bool typed = false;  // a typed relation, else co-occurrence
  RelationType type = RelationType::kWorksFor;  // when typed
  bool outgoing = true;  // a -TYPE-> b (false: b -TYPE-> a)
  EvidenceRef evidence;  // sentence empty for same-article co-occurrence
};

// A whole-graph edge, for algorithms and export.
struct GraphEdge {
  EntityId from = 0;
  EntityId to = 0;
  bool typed = false;
  RelationType type = RelationType::kWorksFor;  // when typed
  std::int64_t articles = 0;
  std::int64_t sentences = 0;            // co-occurrence only
  std::vector<std::string> article_ids;  // provenance (filled on request)
};

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_GRAPH_TYPES_H_
