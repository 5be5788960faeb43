// GraphStore reads: lookups, entity details, neighbours, link evidence and
// whole-graph scans. Everything is answered from key prefixes (see
// schemas/graph_keys.md); nothing here loads the whole graph except the
// ForEach* scans.
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "graph/graph_store.h"
#include "graph/internal/contributions.h"
#include "graph/internal/keys.h"
#include "graph/internal/rocks_db.h"

namespace dossier::graph {

using internal::Cf;

namespace {

constexpr std::size_t kMaxPrefixMatches = 20;
constexpr std::size_t kMaxEvidenceSample = 64;

// Whether an alias counter still counts an article: a retracted one stays,
// at zero, until compaction drops it (schemas/graph_keys.md, invariant 4).
bool LiveCount(std::string_view value) {
  std::int64_t count = 0;
  return internal::DecodeCount(value, &count) && count > 0;
}

EntitySummary ToSummary(EntityId id, const internal::EntityValue& v) {
  EntitySummary s;
  s.id = id;
  s.type = static_cast<EntityType>(v.type);
  s.articles = v.articles;
  s.mentions = v.mentions;
  std::int64_t best = 0;
  for (const auto& [name, count] : v.names) {
    if (count > best) {
      best = count;
      s.name = name;
    }
  }
  if (s.name.empty() && !v.aliases.empty()) {
    s.name = v.aliases.begin()->first.first;
  }
  if (s.type == EntityType::kOrg) {
    s.org_kind =
        v.org_kind_votes[1] >= v.org_kind_votes[2] && v.org_kind_votes[1] > 0
            ? OrgKind::kCompany
        : v.org_kind_votes[2] > 0 ? OrgKind::kInstitution
                                  : OrgKind::kNone;
  }
  return s;
}

bool InRange(std::string_view date10, const NeighborOptions& o) {
  if (o.since.empty() && o.until.empty()) {
    return true;
  }
  if (date10 == internal::kUnknownDate) {
    return false;
  }
  return (o.since.empty() ||
          date10 >= std::string_view(o.since).substr(0, 10)) &&
         (o.until.empty() || date10 <= std::string_view(o.until).substr(0, 10));
}

std::string PublicDate(std::string_view date10) {
  return date10 == internal::kUnknownDate ? std::string() : std::string(date10);
}

// The citation of `e` without its sentence's text.
EvidenceRef ToRefWithoutText(std::string_view article, std::string_view date10,
                             const internal::Evidence& e) {
  EvidenceRef r;
  r.article = std::string(article);
  r.date = PublicDate(date10);
  r.start = e.start;
  r.end = e.end;
  r.role = e.role;
  return r;
}

// Reads the sentence of `r` from `sentences` (left empty if unreadable: the
// article id and offsets still cite it).
void FillSentence(const internal::KvStore& kv, EvidenceRef* r) {
  if (r->end <= r->start || !r->sentence.empty()) {
    return;
  }
  Result<std::optional<std::string>> text =
      kv.Get(Cf::kSentences, internal::SentenceKey(r->article, r->start));
  if (text.has_value() && text->has_value()) {
    r->sentence = std::move(**text);
  }
}

EvidenceRef ToRef(const internal::KvStore& kv, std::string_view article,
                  std::string_view date10, const internal::Evidence& e) {
  EvidenceRef r = ToRefWithoutText(article, date10, e);
  FillSentence(kv, &r);
  return r;
}

// An article mentioning an entity, as its `mentions` key names it.
struct DatedArticle {
  std::string date10;
  std::string article;
};

// The articles that mention `id` within the date range of `o`, in key order
// (date, then article id).
Status ArticlesMentioning(const internal::KvStore& kv, EntityId id,
                          const NeighborOptions& o,
                          std::vector<DatedArticle>* out) {
  const std::string prefix = internal::EntityKey(id);
  std::string start;
  if (!o.since.empty()) {
    start = prefix + std::string(std::string_view(o.since).substr(0, 10));
  }
  return kv.Scan(
      Cf::kMentions, prefix,
      [&](std::string_view key, std::string_view) {
        if (key.size() <= 18) {
          return true;
        }
        const std::string_view date10 = key.substr(8, 10);
        if (!o.until.empty() &&
            date10 > std::string_view(o.until).substr(0, 10)) {
          return false;  // keys are in date order
        }
        if (InRange(date10, o)) {
          out->push_back({std::string(date10), std::string(key.substr(18))});
        }
        return true;
      },
      start);
}

// The number of articles that mention `id` (0 when unknown).
std::int64_t ArticleCount(const internal::KvStore& kv, EntityId id) {
  Result<std::optional<std::string>> bytes =
      kv.Get(Cf::kEntities, internal::EntityKey(id));
  internal::EntityValue v;
  if (!bytes.has_value() || !bytes->has_value() ||
      !internal::DecodeEntity(**bytes, &v)) {
    return 0;
  }
  return v.articles;
}

// Up to `limit` articles that mention both a and b within the range of `o`,
// in key order (date, then article id). Co-occurrence evidence of a pair no
// sentence names is not stored ('E' keys exist only for shared sentences):
// these are its articles. Walks the mentions of the rarer entity and looks
// each article up under the other, so a hub costs no more than its partner.
Result<std::vector<DatedArticle>> ArticlesMentioningBoth(
    const internal::KvStore& kv, EntityId a, EntityId b,
    const NeighborOptions& o, std::size_t limit) {
  if (ArticleCount(kv, b) < ArticleCount(kv, a)) {
    std::swap(a, b);
  }
  std::vector<DatedArticle> of_a;
  DOSSIER_RETURN_IF_ERROR(ArticlesMentioning(kv, a, o, &of_a));
  std::vector<DatedArticle> both;
  for (DatedArticle& d : of_a) {
    if (both.size() >= limit) {
      break;
    }
    Result<std::optional<std::string>> found = kv.Get(
        Cf::kMentions, internal::MentionKey(b, d.date10, d.article));
    if (!found.has_value()) {
      return found.error();
    }
    if (found->has_value()) {
      both.push_back(std::move(d));
    }
  }
  return both;
}

// The citation of a co-occurrence of a and b within the range of `o`: the
// first sentence naming both ('E' keys), else the first article mentioning
// both (no sentence); nullopt when they share none.
Result<std::optional<EvidenceRef>> CoocCitation(const internal::KvStore& kv,
                                                EntityId a, EntityId b,
                                                const NeighborOptions& o) {
  std::optional<EvidenceRef> ref;
  DOSSIER_RETURN_IF_ERROR(
      kv.Scan(Cf::kCooccurrence,
              internal::CoocEvidenceKey(std::min(a, b), std::max(a, b), ""),
              [&](std::string_view key, std::string_view value) {
                internal::CoocKeyParts p;
                internal::CoocEvidence ev;
                // Format 2 stores also hold keys without a sentence.
                if (!internal::ParseCoocKey(key, &p) ||
                    !internal::DecodeCoocEvidence(value, &ev) ||
                    ev.sentences == 0 || !InRange(ev.date10, o)) {
                  return true;
                }
                ref = ToRef(kv, p.article, ev.date10, ev.first);
                return false;
              }));
  if (ref) {
    return ref;
  }
  Result<std::vector<DatedArticle>> both =
      ArticlesMentioningBoth(kv, a, b, o, 1);
  if (!both.has_value()) {
    return both.error();
  }
  if (!both->empty()) {
    ref = ToRefWithoutText(both->front().article, both->front().date10,
                           internal::Evidence{});
  }
  return ref;
}

// Co-occurrence of one entity with one neighbour.
struct Cooc {
  EntityId other;
  std::int64_t articles;
  std::int64_t sentences;
};

// The owner and the neighbour entries of an 'N' key in either layout: a
// format 4 list, or a format 3 pair (a store opened read-only before a
// writer upgraded it). False for any other key or a malformed value.
bool DecodeCoocCounter(std::string_view key, std::string_view value,
                       std::uint64_t* owner,
                       std::vector<internal::CoocEntry>* entries) {
  internal::CoocKeyParts p;
  if (!internal::ParseCoocKey(key, &p) || p.tag != 'N') {
    return false;
  }
  *owner = p.a;
  entries->clear();
  if (key.size() == internal::kCoocListKeySize) {
    return internal::DecodeCoocList(value, entries);
  }
  internal::CoocEntry pair{p.b, {}};
  if (!internal::DecodeCoocCounts(value, &pair.counts)) {
    return false;
  }
  entries->push_back(pair);
  return true;
}

// The co-occurrence counts of `id` with each neighbour over the articles in
// the range of `o`, recounted from those articles' records by the pairs
// Contribute() counts into 'N'; sorted by neighbour id.
Status CountCoocInRange(const internal::KvStore& kv, EntityId id,
                        const NeighborOptions& o, std::vector<Cooc>* out) {
  std::vector<DatedArticle> articles;
  DOSSIER_RETURN_IF_ERROR(ArticlesMentioning(kv, id, o, &articles));
  std::unordered_map<EntityId, Cooc> tally;
  for (const DatedArticle& a : articles) {
    Result<std::optional<std::string>> bytes = kv.Get(Cf::kArticles, a.article);
    if (!bytes.has_value()) {
      return bytes.error();
    }
    internal::ArticleRecord record;
    if (!bytes->has_value() ||
        !internal::DecodeArticleRecord(**bytes, &record)) {
      continue;  // a dangling mention; `dossier check` reports those
    }
    for (const internal::CoocPair& pair : internal::CoocPairsOf(record)) {
      if (pair.a != id && pair.b != id) {
        continue;
      }
      const EntityId other = pair.a == id ? pair.b : pair.a;
      Cooc& c = tally.try_emplace(other, Cooc{other, 0, 0}).first->second;
      c.articles += 1;
      c.sentences += pair.evidence.sentences;
    }
  }
  out->clear();
  out->reserve(tally.size());
  for (const auto& [other, c] : tally) {
    out->push_back(c);
  }
  std::sort(out->begin(), out->end(),
            [](const Cooc& x, const Cooc& y) { return x.other < y.other; });
  return Status::Ok();
}

}  // namespace

std::string KindLabel(const EntitySummary& entity) {
  if (entity.type == EntityType::kOrg && entity.org_kind != OrgKind::kNone) {
    return std::string(OrgKindName(entity.org_kind));
  }
  return std::string(EntityTypeName(entity.type));
}

std::string_view MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact:
      return "exact";
    case MatchKind::kAlias:
      return "alias";
    case MatchKind::kPrefix:
      return "prefix";
    case MatchKind::kSurname:
      return "surname";
  }
  return "exact";
}

Result<EntitySummary> GraphStore::GetSummary(EntityId id) const {
  Result<std::optional<std::string>> bytes =
      kv_->Get(Cf::kEntities, internal::EntityKey(id));
  if (!bytes.has_value()) {
    return bytes.error();
  }
  if (!bytes->has_value()) {
    return Status::NotFound("no entity with id " + std::to_string(id));
  }
  internal::EntityValue v;
  if (!internal::DecodeEntity(**bytes, &v)) {
    return Status::Corruption("bad entity value for id " + std::to_string(id));
  }
  return ToSummary(id, v);
}

Result<FindResult> GraphStore::FindEntity(std::string_view name) const {
  const std::string folded = FoldName(name);
  if (folded.empty()) {
    return Status::InvalidInput("empty entity name");
  }
  std::map<EntityId, EntityMatch> best;  // id -> best match so far
  auto consider = [&](MatchKind how, std::string_view matched, EntityId id) {
    auto it = best.find(id);
    if (it == best.end() || how < it->second.how) {
      EntityMatch m;
      m.how = how;
      m.matched = std::string(matched);
      m.entity.id = id;
      best[id] = std::move(m);
    }
  };
  std::set<std::string> norms = {folded, NormalizeName(name, EntityType::kOrg),
                                 NormalizeName(name, EntityType::kPerson)};
  for (const std::string& norm : norms) {
    std::string prefix = norm;
    prefix.push_back('\0');
    DOSSIER_RETURN_IF_ERROR(kv_->Scan(
        Cf::kAliases, prefix,
        [&](std::string_view key, std::string_view value) {
          internal::AliasKeyParts p;
          if (internal::ParseAliasKey(key, &p) && LiveCount(value)) {
            const MatchKind how =
                p.kind == internal::AliasKind::kName    ? MatchKind::kExact
                : p.kind == internal::AliasKind::kAlias ? MatchKind::kAlias
                                                        : MatchKind::kSurname;
            consider(how, p.norm, p.id);
          }
          return true;
        }));
  }
  if (best.empty()) {
    // Word prefixes of stored names: "andy" finds "andy konwinski".
    std::size_t seen = 0;
    DOSSIER_RETURN_IF_ERROR(
        kv_->Scan(Cf::kAliases, folded + " ",
                  [&](std::string_view key, std::string_view value) {
                    internal::AliasKeyParts p;
                    if (internal::ParseAliasKey(key, &p) &&
                        p.kind != internal::AliasKind::kSurname &&
                        LiveCount(value)) {
                      consider(MatchKind::kPrefix, p.norm, p.id);
                    }
                    return ++seen < kMaxPrefixMatches * 4;
                  }));
  }
  if (best.empty()) {
    return Status::NotFound("no entity named \"" + std::string(name) + "\"");
  }
  FindResult result;
  for (auto& [id, match] : best) {
    Result<EntitySummary> s = GetSummary(id);
    if (!s.has_value()) {
      return s.error();
    }
    match.entity = *s;
    result.candidates.push_back(std::move(match));
  }
  std::sort(result.candidates.begin(), result.candidates.end(),
            [](const EntityMatch& a, const EntityMatch& b) {
              if (a.how != b.how) {
                return a.how < b.how;
              }
              if (a.entity.articles != b.entity.articles) {
                return a.entity.articles > b.entity.articles;
              }
              return a.entity.id < b.entity.id;
            });
  // Prefix and surname matches are equally fuzzy: compare them together.
  auto rank = [](MatchKind k) {
    return k == MatchKind::kSurname ? MatchKind::kPrefix : k;
  };
  const MatchKind top = rank(result.candidates.front().how);
  result.ambiguous =
      result.candidates.size() > 1 && rank(result.candidates[1].how) == top;
  return result;
}

namespace {

// Collects typed relations of `id` in one direction into `edges`.
Status CollectRelations(
    const internal::KvStore& kv, Cf cf, EntityId id,
    const DetailOptions& options,
    std::map<std::pair<int, EntityId>, RelationEdge>* edges) {
  const bool outgoing = cf == Cf::kRelationsOut;
  return kv.Scan(
      cf, internal::EntityKey(id),
      [&](std::string_view key, std::string_view value) {
        internal::RelationKeyParts p;
        internal::RelationValue v;
        if (!internal::ParseRelationKey(key, &p) ||
            !internal::DecodeRelation(value, &v)) {
          return true;  // skip a malformed entry rather than fail the view
        }
        const int slot = (outgoing ? 0 : 16) + p.type;
        auto found = edges->find({slot, p.to});
        if (found == edges->end()) {
          if (edges->size() >= options.max_relations) {
            return true;
          }
          RelationEdge e;
          e.type = static_cast<RelationType>(p.type);
          e.outgoing = outgoing;
          e.other.id = p.to;
          found =
              edges->emplace(std::make_pair(slot, p.to), std::move(e)).first;
        }
        RelationEdge& e = found->second;
        ++e.articles;
        const std::string date = PublicDate(v.date10);
        if (!date.empty()) {
          e.first_seen =
              e.first_seen.empty() ? date : std::min(e.first_seen, date);
          e.last_seen = std::max(e.last_seen, date);
        }
        for (const internal::Evidence& ev : v.evidence) {
          // Keep a bounded sample for hubs; the caller trims it further.
          if (e.evidence.size() < kMaxEvidenceSample) {
            e.evidence.push_back(ToRef(kv, p.article, v.date10, ev));
          }
        }
        return true;
      });
}

}  // namespace

Result<EntityDetails> GraphStore::GetDetails(
    EntityId id, const DetailOptions& options) const {
  Result<std::optional<std::string>> bytes =
      kv_->Get(Cf::kEntities, internal::EntityKey(id));
  if (!bytes.has_value()) {
    return bytes.error();
  }
  internal::EntityValue v;
  if (!bytes->has_value() || !internal::DecodeEntity(**bytes, &v)) {
    return Status::NotFound("no entity with id " + std::to_string(id));
  }
  EntityDetails d;
  d.summary = ToSummary(id, v);
  for (const auto& [name, count] : v.names) {
    if (name != d.summary.name) {
      d.aliases.push_back({name, "same normalized name", count});
    }
  }
  for (const auto& [alias, count] : v.aliases) {
    d.aliases.push_back({alias.first, alias.second, count});
  }
  std::stable_sort(d.aliases.begin(), d.aliases.end(),
                   [](const AliasInfo& a, const AliasInfo& b) {
                     return a.articles > b.articles;
                   });
  const std::string prefix = internal::EntityKey(id);
  DOSSIER_RETURN_IF_ERROR(kv_->Scan(
      Cf::kMentions, prefix,
      [&](std::string_view key, std::string_view) {
        d.first_seen = PublicDate(key.substr(8, 10));
        return false;
      },
      prefix + "0000-00-01"));
  DOSSIER_RETURN_IF_ERROR(kv_->ScanReverse(
      Cf::kMentions, prefix, [&](std::string_view key, std::string_view) {
        d.last_seen = PublicDate(key.substr(8, 10));
        return false;
      }));
  std::map<std::pair<int, EntityId>, RelationEdge> edges;
  DOSSIER_RETURN_IF_ERROR(
      CollectRelations(*kv_, Cf::kRelationsOut, id, options, &edges));
  DOSSIER_RETURN_IF_ERROR(
      CollectRelations(*kv_, Cf::kRelationsIn, id, options, &edges));
  for (auto& [slot, edge] : edges) {
    Result<EntitySummary> other = GetSummary(edge.other.id);
    if (other.has_value()) {
      edge.other = *other;
    }
    std::stable_sort(edge.evidence.begin(), edge.evidence.end(),
                     [](const EvidenceRef& a, const EvidenceRef& b) {
                       return a.date < b.date;
                     });
    if (edge.evidence.size() > options.max_evidence_per_relation) {
      edge.evidence.resize(options.max_evidence_per_relation);
    }
    d.relations.push_back(std::move(edge));
  }
  std::stable_sort(d.relations.begin(), d.relations.end(),
                   [](const RelationEdge& a, const RelationEdge& b) {
                     return a.articles > b.articles;
                   });
  DOSSIER_RETURN_IF_ERROR(kv_->ScanReverse(
      Cf::kQuotes, prefix, [&](std::string_view key, std::string_view value) {
        internal::QuoteKeyParts p;
        internal::QuoteValue q;
        if (internal::ParseQuoteKey(key, &p) &&
            internal::DecodeQuote(value, &q)) {
          d.quotes.push_back({p.article, PublicDate(p.date10), q.text, q.cue,
                              static_cast<QuoteKind>(q.kind), q.start, q.end});
        }
        return d.quotes.size() < options.max_quotes;
      }));
  return d;
}

namespace {

// Per-neighbour tallies while scanning; kept small because hubs have tens of
// thousands of neighbours and only `limit` become full Neighbor values.
struct Tally {
  std::int64_t typed = 0;
  std::int64_t articles = 0;
  std::int64_t sentences = 0;
  std::uint16_t out_types = 0;  // bit per RelationType
  std::uint16_t in_types = 0;
  std::optional<EvidenceRef> evidence;  // set for typed neighbours only
};

double Weight(const Tally& t) {
  return 3.0 * static_cast<double>(t.typed) + static_cast<double>(t.sentences) +
         static_cast<double>(t.articles) / 4.0;
}

Neighbor ToNeighbor(EntityId id, Tally&& t) {
  Neighbor n;
  n.entity.id = id;
  n.weight = Weight(t);
  for (std::uint8_t type = 0; type < 16; ++type) {
    if (t.out_types & (1u << type)) {
      n.relations.emplace_back(static_cast<RelationType>(type), true);
    }
    if (t.in_types & (1u << type)) {
      n.relations.emplace_back(static_cast<RelationType>(type), false);
    }
  }
  n.typed_evidence = t.typed;
  n.cooc_articles = t.articles;
  n.cooc_sentences = t.sentences;
  n.evidence = std::move(t.evidence);
  return n;
}

}  // namespace

Result<std::vector<Neighbor>> GraphStore::Neighbors(
    EntityId id, const NeighborOptions& options) const {
  std::unordered_map<EntityId, Tally> found;
  const std::string prefix = internal::EntityKey(id);
  for (Cf cf : {Cf::kRelationsOut, Cf::kRelationsIn}) {
    DOSSIER_RETURN_IF_ERROR(kv_->Scan(
        cf, prefix, [&](std::string_view key, std::string_view value) {
          internal::RelationKeyParts p;
          internal::RelationValue v;
          if (!internal::ParseRelationKey(key, &p) ||
              !internal::DecodeRelation(value, &v) ||
              !InRange(v.date10, options) ||
              (options.relation &&
               static_cast<std::uint8_t>(*options.relation) != p.type) ||
              p.type >= 16) {
            return true;
          }
          Tally& t = found[p.to];
          (cf == Cf::kRelationsOut ? t.out_types : t.in_types) |=
              static_cast<std::uint16_t>(1u << p.type);
          t.typed += static_cast<std::int64_t>(v.evidence.size());
          if (!t.evidence && !v.evidence.empty()) {
            // The text is read only for the neighbours returned.
            t.evidence =
                ToRefWithoutText(p.article, v.date10, v.evidence.front());
          }
          return true;
        }));
  }
  // Co-occurrence keys arrive sorted by neighbour id; tally them in a flat
  // vector (hubs have tens of thousands) and look typed tallies up there.
  std::vector<Cooc> cooc;
  const bool dated = !options.since.empty() || !options.until.empty();
  if (!options.typed_only && !options.relation) {
    if (dated) {
      DOSSIER_RETURN_IF_ERROR(CountCoocInRange(*kv_, id, options, &cooc));
    } else {
      std::uint64_t owner = 0;
      std::vector<internal::CoocEntry> entries;
      DOSSIER_RETURN_IF_ERROR(
          kv_->Scan(Cf::kCooccurrence, "N" + prefix,
                    [&](std::string_view key, std::string_view value) {
                      if (!DecodeCoocCounter(key, value, &owner, &entries) ||
                          owner != id) {
                        return true;
                      }
                      for (const internal::CoocEntry& e : entries) {
                        if (e.counts.articles > 0) {
                          cooc.push_back(
                              {e.other, e.counts.articles, e.counts.sentences});
                        }
                      }
                      return true;
                    }));
    }
  }
  for (const Cooc& c : cooc) {
    auto it = found.find(c.other);
    if (it != found.end()) {
      it->second.articles += c.articles;
      it->second.sentences += c.sentences;
    }
  }
  std::vector<std::pair<double, EntityId>> ranked;
  ranked.reserve(found.size() + cooc.size());
  for (const auto& [other, t] : found) {
    ranked.emplace_back(Weight(t), other);
  }
  for (const Cooc& c : cooc) {
    if (found.find(c.other) == found.end()) {
      ranked.emplace_back(static_cast<double>(c.sentences) +
                              static_cast<double>(c.articles) / 4.0,
                          c.other);
    }
  }
  auto stronger = [](const std::pair<double, EntityId>& a,
                     const std::pair<double, EntityId>& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  // Only the strongest few are needed unless a type filter may skip many.
  const bool filtered = options.entity_type || options.org_kind;
  const std::size_t head =
      filtered ? ranked.size() : std::min(ranked.size(), options.limit);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(head),
                    ranked.end(), stronger);
  // Fetch summaries in weight order until `limit` pass the type filter, so
  // a hub with thousands of neighbours costs only what is shown.
  std::vector<Neighbor> out;
  for (std::size_t i = 0; i < head && out.size() < options.limit; ++i) {
    const EntityId other = ranked[i].second;
    auto typed = found.find(other);
    Tally t;
    if (typed != found.end()) {
      t = std::move(typed->second);
    } else {
      auto c = std::lower_bound(
          cooc.begin(), cooc.end(), other,
          [](const Cooc& a, EntityId key) { return a.other < key; });
      t.articles = c->articles;
      t.sentences = c->sentences;
    }
    Neighbor n = ToNeighbor(other, std::move(t));
    if (!options.summaries) {
      out.push_back(std::move(n));
      continue;
    }
    Result<EntitySummary> s = GetSummary(other);
    if (!s.has_value()) {
      continue;  // a dangling edge; `dossier check` reports those
    }
    if ((options.entity_type && s->type != *options.entity_type) ||
        (options.org_kind && s->org_kind != *options.org_kind)) {
      continue;
    }
    n.entity = *s;
    if (n.evidence) {
      FillSentence(*kv_, &*n.evidence);
    } else {
      // A co-occurrence cites its first shared sentence or article too.
      Result<std::optional<EvidenceRef>> citation =
          CoocCitation(*kv_, id, other, options);
      if (!citation.has_value()) {
        return citation.error();
      }
      n.evidence = std::move(*citation);
    }
    out.push_back(std::move(n));
  }
  return out;
}

Result<std::optional<Link>> GraphStore::FindLink(
    EntityId a, EntityId b, const NeighborOptions& options) const {
  std::optional<Link> link;
  auto scan_typed = [&](Cf cf, std::uint8_t type) {
    std::string prefix = internal::EntityKey(a);
    prefix.push_back(static_cast<char>(type));
    internal::PutFixed64(&prefix, b);
    return kv_->Scan(
        cf, prefix, [&](std::string_view key, std::string_view value) {
          internal::RelationKeyParts p;
          internal::RelationValue v;
          if (!internal::ParseRelationKey(key, &p) ||
              !internal::DecodeRelation(value, &v) || v.evidence.empty() ||
              !InRange(v.date10, options)) {
            return true;
          }
          link = Link{true, static_cast<RelationType>(type),
                      cf == Cf::kRelationsOut,
                      ToRef(*kv_, p.article, v.date10, v.evidence.front())};
          return false;
        });
  };
  for (std::uint8_t type = 0; type <= 6 && !link; ++type) {
    if (options.relation &&
        static_cast<std::uint8_t>(*options.relation) != type) {
      continue;
    }
    DOSSIER_RETURN_IF_ERROR(scan_typed(Cf::kRelationsOut, type));
    if (!link) {
      DOSSIER_RETURN_IF_ERROR(scan_typed(Cf::kRelationsIn, type));
    }
  }
  if (link || options.typed_only || options.relation) {
    return link;
  }
  Result<std::optional<EvidenceRef>> cooc =
      CoocCitation(*kv_, a, b, options);
  if (!cooc.has_value()) {
    return cooc.error();
  }
  if (cooc->has_value()) {
    link = Link{false, RelationType::kWorksFor, true, std::move(**cooc)};
  }
  return link;
}

Status GraphStore::ForEachEntity(
    const std::function<void(const EntitySummary&)>& fn) const {
  return kv_->Scan(Cf::kEntities, "",
                   [&](std::string_view key, std::string_view value) {
                     internal::EntityValue v;
                     if (key.size() == 8 && internal::DecodeEntity(value, &v)) {
                       fn(ToSummary(internal::DecodeFixed64(key), v));
                     }
                     return true;
                   });
}

Status GraphStore::ForEachEdge(
    const EdgeScanOptions& options,
    const std::function<void(const GraphEdge&)>& fn) const {
  // Keys are grouped by (from, type, to) then article, so one pass emits
  // each edge when its group ends.
  std::optional<GraphEdge> current;
  auto flush = [&]() {
    if (current) {
      fn(*current);
      current.reset();
    }
  };
  DOSSIER_RETURN_IF_ERROR(kv_->Scan(
      Cf::kRelationsOut, "", [&](std::string_view key, std::string_view) {
        internal::RelationKeyParts p;
        if (!internal::ParseRelationKey(key, &p)) {
          return true;
        }
        const auto type = static_cast<RelationType>(p.type);
        if (!current || current->from != p.from || current->to != p.to ||
            current->type != type) {
          flush();
          current = GraphEdge{p.from, p.to, true, type, 0, 0, {}};
        }
        ++current->articles;
        if (options.with_provenance) {
          current->article_ids.push_back(p.article);
        }
        return true;
      }));
  flush();
  if (!options.include_cooccurrence) {
    return Status::Ok();
  }
  // Co-occurrence: counts from 'N' (a < b), provenance from 'E' or, for a
  // pair no sentence names, from `mentions`.
  std::uint64_t owner = 0;
  std::vector<internal::CoocEntry> entries;
  DOSSIER_RETURN_IF_ERROR(kv_->Scan(
      Cf::kCooccurrence, "N",
      [&](std::string_view key, std::string_view value) {
        if (!DecodeCoocCounter(key, value, &owner, &entries)) {
          return true;
        }
        for (const internal::CoocEntry& entry : entries) {
          const internal::CoocCounts& c = entry.counts;
          if (owner >= entry.other || c.articles <= 0) {
            continue;
          }
          GraphEdge e{owner,      entry.other, false, RelationType::kWorksFor,
                      c.articles, c.sentences, {}};
          if (options.with_provenance && c.sentences > 0) {
            // The articles where a sentence names both.
            kv_->Scan(Cf::kCooccurrence,
                      internal::CoocEvidenceKey(owner, entry.other, ""),
                      [&](std::string_view ekey, std::string_view evalue) {
                        internal::CoocEvidence ev;
                        if (internal::DecodeCoocEvidence(evalue, &ev) &&
                            ev.sentences > 0) {
                          e.article_ids.emplace_back(ekey.substr(17));
                        }
                        return true;
                      })
                .IgnoreError();  // provenance is best effort in a scan
          } else if (options.with_provenance) {
            // No sentence names both: the articles that mention both, as
            // many as the pair is counted in.
            Result<std::vector<DatedArticle>> both = ArticlesMentioningBoth(
                *kv_, owner, entry.other, NeighborOptions{},
                static_cast<std::size_t>(c.articles));
            if (both.has_value()) {
              for (DatedArticle& d : *both) {
                e.article_ids.push_back(std::move(d.article));
              }
            }
          }
          fn(e);
        }
        return true;
      }));
  return Status::Ok();
}

}  // namespace dossier::graph
