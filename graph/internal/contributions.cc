#include "graph/internal/contributions.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "graph/entity_name.h"

namespace dossier::graph::internal {
namespace {

constexpr std::string_view kSameArticleReason = "same entity in the article";

Status CheckSpan(const Span& span, std::size_t size, std::string_view what) {
  if (span.end > size || span.begin > span.end) {
    return Status::InvalidInput(
        std::string(what) + " span [" + std::to_string(span.begin) + ", " +
        std::to_string(span.end) + ") lies outside the text (" +
        std::to_string(size) + " bytes)");
  }
  return Status::Ok();
}

Evidence MakeEvidence(const Article& article, const CodepointMap& cps,
                      const Span& span) {
  Evidence e;
  e.start = cps.ToCodepoint(span.begin);
  e.end = cps.ToCodepoint(span.end);
  e.sentence = article.text.substr(span.begin, span.size());
  return e;
}

// Index of the sentence containing byte `pos`, or -1.
int SentenceOf(const std::vector<Sentence>& sentences, std::uint32_t pos) {
  auto it = std::upper_bound(
      sentences.begin(), sentences.end(), pos,
      [](std::uint32_t p, const Sentence& s) { return p < s.span.begin; });
  if (it == sentences.begin()) {
    return -1;
  }
  --it;
  return pos < it->span.end ? static_cast<int>(it - sentences.begin()) : -1;
}

// Record index of an analysis entity given by index, else by name.
int FindEntity(const ArticleRecord& record, const std::vector<int>& mapping,
               int index, std::string_view name) {
  if (index >= 0 && static_cast<std::size_t>(index) < mapping.size()) {
    return mapping[index];
  }
  if (name.empty()) {
    return -1;
  }
  const std::string folded = FoldName(name);
  for (std::size_t i = 0; i < record.entities.size(); ++i) {
    const RecordEntity& e = record.entities[i];
    if (FoldName(e.name) == folded) {
      return static_cast<int>(i);
    }
    for (const auto& alias : e.aliases) {
      if (FoldName(alias.first) == folded) {
        return static_cast<int>(i);
      }
    }
  }
  return -1;
}

Status AddEntities(const ArticleAnalysis& analysis, ArticleRecord* record,
                   std::vector<int>* mapping) {
  mapping->assign(analysis.entities.size(), -1);
  for (std::size_t i = 0; i < analysis.entities.size(); ++i) {
    const ArticleEntity& in = analysis.entities[i];
    if (in.type == EntityType::kMisc ||
        NormalizeName(in.name, in.type).empty()) {
      continue;
    }
    RecordEntity e;
    e.type = static_cast<std::uint8_t>(in.type);
    e.org_kind = static_cast<std::uint8_t>(in.org_kind);
    e.name = in.name;
    for (std::size_t a = 0; a < in.aliases.size(); ++a) {
      e.aliases.emplace_back(in.aliases[a],
                             a < in.reasons.size()
                                 ? in.reasons[a]
                                 : std::string(kSameArticleReason));
    }
    e.mentions = static_cast<std::uint32_t>(
        std::max<std::size_t>(1, in.mentions.size()));
    (*mapping)[i] = static_cast<int>(record->entities.size());
    record->entities.push_back(std::move(e));
  }
  return Status::Ok();
}

void AddCooccurrences(const Article& article, const ArticleAnalysis& analysis,
                      const CodepointMap& cps, const std::vector<int>& mapping,
                      std::size_t max_entities, ArticleRecord* record) {
  std::vector<Sentence> sentences = analysis.sentences;
  std::sort(sentences.begin(), sentences.end(),
            [](const Sentence& a, const Sentence& b) {
              return a.span.begin < b.span.begin;
            });
  // Entities per sentence, from the resolved mentions.
  std::map<int, std::set<std::uint32_t>> by_sentence;
  for (const Mention& m : analysis.mentions) {
    if (m.entity < 0 || static_cast<std::size_t>(m.entity) >= mapping.size() ||
        mapping[m.entity] < 0) {
      continue;
    }
    const int s = SentenceOf(sentences, m.span.begin);
    if (s >= 0) {
      by_sentence[s].insert(static_cast<std::uint32_t>(mapping[m.entity]));
    }
  }
  std::map<std::pair<std::uint32_t, std::uint32_t>, RecordCooc> pairs;
  for (const auto& [s, members] : by_sentence) {
    for (auto a = members.begin(); a != members.end(); ++a) {
      for (auto b = std::next(a); b != members.end(); ++b) {
        RecordCooc& c = pairs[{*a, *b}];
        if (c.sentences++ == 0) {
          c.a = *a;
          c.b = *b;
          c.first = MakeEvidence(article, cps, sentences[s].span);
        }
      }
    }
  }
  // Same-article pairs among the most mentioned entities.
  std::vector<std::uint32_t> order(record->entities.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_sort(
      order.begin(), order.end(), [record](std::uint32_t a, std::uint32_t b) {
        return record->entities[a].mentions > record->entities[b].mentions;
      });
  order.resize(std::min(order.size(), max_entities));
  std::sort(order.begin(), order.end());
  for (std::size_t i = 0; i < order.size(); ++i) {
    for (std::size_t j = i + 1; j < order.size(); ++j) {
      RecordCooc& c = pairs[{order[i], order[j]}];
      c.a = order[i];
      c.b = order[j];
    }
  }
  for (auto& [key, c] : pairs) {
    record->cooccurrences.push_back(std::move(c));
  }
}

Status AddRelations(const Article& article, const ArticleAnalysis& analysis,
                    const CodepointMap& cps, const std::vector<int>& mapping,
                    ArticleRecord* record) {
  for (const Relation& r : analysis.relations) {
    DOSSIER_RETURN_IF_ERROR(
        CheckSpan(r.evidence, article.text.size(), "relation evidence"));
    const int head = FindEntity(*record, mapping, r.head_entity, r.head_name);
    const int tail = FindEntity(*record, mapping, r.tail_entity, r.tail_name);
    if (head < 0 || tail < 0 || head == tail) {
      continue;
    }
    Span evidence = r.evidence;
    if (evidence.empty()) {
      const int s = SentenceOf(analysis.sentences, r.head.begin);
      if (s >= 0) {
        evidence = analysis.sentences[s].span;
      }
    }
    RecordRelation rel;
    rel.type = static_cast<std::uint8_t>(r.type);
    rel.head = static_cast<std::uint32_t>(head);
    rel.tail = static_cast<std::uint32_t>(tail);
    rel.evidence = MakeEvidence(article, cps, evidence);
    rel.evidence.role = r.role;
    record->relations.push_back(std::move(rel));
  }
  return Status::Ok();
}

Status AddQuotes(const Article& article, const ArticleAnalysis& analysis,
                 const CodepointMap& cps, const std::vector<int>& mapping,
                 ArticleRecord* record) {
  for (const Quote& q : analysis.quotes) {
    DOSSIER_RETURN_IF_ERROR(CheckSpan(q.content, article.text.size(), "quote"));
    DOSSIER_RETURN_IF_ERROR(CheckSpan(q.cue, article.text.size(), "quote cue"));
    const int speaker =
        FindEntity(*record, mapping, q.speaker_entity, q.speaker_name);
    if (speaker < 0) {
      continue;  // quotes are stored under their speaker only
    }
    RecordQuote rq;
    rq.speaker = static_cast<std::uint32_t>(speaker);
    rq.quote.text = article.text.substr(q.content.begin, q.content.size());
    rq.quote.start = cps.ToCodepoint(q.content.begin);
    rq.quote.end = cps.ToCodepoint(q.content.end);
    rq.quote.cue = article.text.substr(q.cue.begin, q.cue.size());
    rq.quote.kind = static_cast<std::uint8_t>(q.kind);
    record->quotes.push_back(std::move(rq));
  }
  return Status::Ok();
}

}  // namespace

Result<ArticleRecord> BuildRecord(const Article& article,
                                  const ArticleAnalysis& analysis,
                                  std::string_view content_hash,
                                  std::size_t max_cooccurring_entities) {
  const std::size_t size = article.text.size();
  for (const Sentence& s : analysis.sentences) {
    DOSSIER_RETURN_IF_ERROR(CheckSpan(s.span, size, "sentence"));
  }
  for (const Mention& m : analysis.mentions) {
    DOSSIER_RETURN_IF_ERROR(CheckSpan(m.span, size, "mention"));
  }
  ArticleRecord record;
  record.hash = std::string(content_hash);
  record.date10 = Date10(article.date);
  record.title = article.title;
  const CodepointMap cps(article.text);
  std::vector<int> mapping;
  DOSSIER_RETURN_IF_ERROR(AddEntities(analysis, &record, &mapping));
  DOSSIER_RETURN_IF_ERROR(
      AddRelations(article, analysis, cps, mapping, &record));
  DOSSIER_RETURN_IF_ERROR(AddQuotes(article, analysis, cps, mapping, &record));
  AddCooccurrences(article, analysis, cps, mapping, max_cooccurring_entities,
                   &record);
  return record;
}

std::uint64_t BaseId(const RecordEntity& entity) {
  const auto type = static_cast<EntityType>(entity.type);
  return EntityIdFor(type, NormalizeName(entity.name, type));
}

namespace {

void AddEntityContribution(
    const RecordEntity& e, Contributions* c,
    std::set<std::pair<std::uint64_t, std::string>>* seen_names,
    std::set<std::string>* seen_alias_keys) {
  const auto type = static_cast<EntityType>(e.type);
  const char tc = TypeClass(type);
  EntityValue& v = c->entities[e.id];
  if (v.articles == 0) {
    v.type = e.type;
    v.articles = 1;
    if (type == EntityType::kOrg && e.org_kind < 3) {
      v.org_kind_votes[e.org_kind] = 1;
    }
  }
  v.mentions += e.mentions;
  auto add_alias_key = [&](const std::string& norm, AliasKind kind) {
    if (norm.empty() || IsPronounForm(norm)) {
      return;
    }
    std::string key = AliasKey(norm, kind, tc, e.id);
    if (seen_alias_keys->insert(key).second) {
      c->aliases[key] += 1;
    }
  };
  auto add_alias = [&](const std::string& form, const std::string& reason) {
    const std::string folded = FoldName(form);
    if (folded.empty() || IsPronounForm(folded)) {
      return;
    }
    if (seen_names->insert({e.id, form + '\0' + reason}).second) {
      v.aliases[{form, reason}] += 1;
    }
  };
  const std::string display = e.split_name.empty() ? e.name : e.split_name;
  if (e.via.empty() || !e.split_name.empty()) {
    if (seen_names->insert({e.id, display}).second) {
      v.names[display] += 1;
    }
    add_alias_key(NormalizeName(display, type), AliasKind::kName);
  }
  if (!e.via.empty()) {
    add_alias(e.name, e.via);
    add_alias_key(NormalizeName(e.name, type), AliasKind::kAlias);
  }
  for (const auto& [form, reason] : e.aliases) {
    add_alias(form, reason);
    add_alias_key(FoldName(form), AliasKind::kAlias);
  }
  if (type == EntityType::kPerson) {
    add_alias_key(SurnameOf(NormalizeName(display, type)), AliasKind::kSurname);
  }
}

}  // namespace

CoocPairs CoocPairsOf(const ArticleRecord& record) {
  struct Ref {
    std::uint64_t a;
    std::uint64_t b;
    const RecordCooc* cooc;
  };
  std::vector<Ref> refs;
  refs.reserve(record.cooccurrences.size());
  const std::size_t size = record.entities.size();
  for (const RecordCooc& rc : record.cooccurrences) {
    if (rc.a >= size || rc.b >= size) {
      continue;  // a damaged record
    }
    const std::uint64_t a = record.entities[rc.a].id;
    const std::uint64_t b = record.entities[rc.b].id;
    if (a == b) {
      continue;
    }
    refs.push_back({std::min(a, b), std::max(a, b), &rc});
  }
  // Stable: of two record pairs that resolved to one, the first in the
  // record gives the first sentence.
  std::stable_sort(refs.begin(), refs.end(), [](const Ref& x, const Ref& y) {
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  CoocPairs pairs;
  pairs.reserve(refs.size());
  for (const Ref& ref : refs) {
    if (pairs.empty() || pairs.back().a != ref.a || pairs.back().b != ref.b) {
      pairs.push_back(CoocPair{ref.a, ref.b, {}});
      pairs.back().evidence.date10 = record.date10;
    }
    CoocEvidence& ev = pairs.back().evidence;
    if (ev.sentences == 0 && ref.cooc->sentences > 0) {
      ev.first = ref.cooc->first;
    }
    ev.sentences += ref.cooc->sentences;
  }
  return pairs;
}

Contributions Contribute(std::string_view article_id,
                         const ArticleRecord& record) {
  Contributions c;
  std::set<std::pair<std::uint64_t, std::string>> seen_names;
  std::set<std::string> seen_alias_keys;
  std::map<std::uint64_t, std::int64_t> mentions;
  for (const RecordEntity& e : record.entities) {
    AddEntityContribution(e, &c, &seen_names, &seen_alias_keys);
    mentions[e.id] += e.mentions;
  }
  auto& owned_mentions = c.owned[Cf::kMentions];
  for (const auto& [id, count] : mentions) {
    owned_mentions[MentionKey(id, record.date10, article_id)] =
        EncodeCount(count);
  }
  // Evidence sentences, once each. A record read back from the store has
  // no texts (they are not encoded): its keys still name what to retract.
  auto& owned_sentences = c.owned[Cf::kSentences];
  const auto add_sentence = [&](const Evidence& e) {
    if (e.end > e.start) {
      owned_sentences[SentenceKey(article_id, e.start)] = e.sentence;
    }
  };
  // Typed relations: one key per (head, type, tail, article), both ways.
  std::map<std::string, RelationValue> out;
  std::map<std::string, std::string> in_keys;  // out key -> in key
  for (const RecordRelation& r : record.relations) {
    const std::uint64_t head = record.entities[r.head].id;
    const std::uint64_t tail = record.entities[r.tail].id;
    if (head == tail) {
      continue;
    }
    add_sentence(r.evidence);
    const std::string key = RelationKey(head, r.type, tail, article_id);
    RelationValue& v = out[key];
    v.date10 = record.date10;
    if (std::find(v.evidence.begin(), v.evidence.end(), r.evidence) ==
        v.evidence.end()) {
      v.evidence.push_back(r.evidence);
    }
    in_keys[key] = RelationKey(tail, r.type, head, article_id);
  }
  for (const auto& [key, value] : out) {
    std::string encoded = EncodeRelation(value);
    c.owned[Cf::kRelationsIn][in_keys[key]] = encoded;
    c.owned[Cf::kRelationsOut][key] = std::move(encoded);
  }
  auto& owned_cooc = c.owned[Cf::kCooccurrence];
  for (const CoocPair& pair : CoocPairsOf(record)) {
    // Evidence once per unordered pair (smaller id first), and only for a
    // pair a sentence names: four pairs in five share no more than the
    // article, and the articles mentioning both are already listed under
    // `mentions`. The counts both ways, so that each entity's neighbours
    // are one list.
    const CoocEvidence& ev = pair.evidence;
    if (ev.sentences > 0) {
      add_sentence(ev.first);
      owned_cooc[CoocEvidenceKey(pair.a, pair.b, article_id)] =
          EncodeCoocEvidence(ev);
    }
    const CoocCounts delta{1, ev.sentences};
    c.cooc_counts.push_back({pair.a, pair.b, delta});
    c.cooc_counts.push_back({pair.b, pair.a, delta});
  }
  std::sort(c.cooc_counts.begin(), c.cooc_counts.end(),
            [](const CoocCountDelta& x, const CoocCountDelta& y) {
              return std::tie(x.a, x.b) < std::tie(y.a, y.b);
            });
  auto& owned_quotes = c.owned[Cf::kQuotes];
  for (std::size_t i = 0; i < record.quotes.size(); ++i) {
    const RecordQuote& q = record.quotes[i];
    owned_quotes[QuoteKey(record.entities[q.speaker].id, record.date10,
                          article_id, static_cast<std::uint32_t>(i))] =
        EncodeQuote(q.quote);
  }
  return c;
}

namespace {

void AddInto(EntityValue* total, const EntityValue& delta, int sign) {
  total->articles += sign * delta.articles;
  total->mentions += sign * delta.mentions;
  for (const auto& [name, n] : delta.names) {
    total->names[name] += sign * n;
  }
  for (int k = 0; k < 3; ++k) {
    total->org_kind_votes[k] += sign * delta.org_kind_votes[k];
  }
  for (const auto& [alias, n] : delta.aliases) {
    total->aliases[alias] += sign * n;
  }
}

template <typename Map>
void DropZeros(Map* m) {
  for (auto it = m->begin(); it != m->end();) {
    it = it->second <= 0 ? m->erase(it) : std::next(it);
  }
}

Status ApplyEntities(const KvStore& kv, const Contributions& old_c,
                     const Contributions& new_c, EntityCache* cache,
                     Batch* batch) {
  std::set<std::uint64_t> ids;
  for (const auto& [id, v] : old_c.entities) {
    ids.insert(id);
  }
  for (const auto& [id, v] : new_c.entities) {
    ids.insert(id);
  }
  for (std::uint64_t id : ids) {
    const auto o = old_c.entities.find(id);
    const auto n = new_c.entities.find(id);
    if (o != old_c.entities.end() && n != new_c.entities.end() &&
        o->second == n->second) {
      continue;  // unchanged contribution
    }
    const std::string key = EntityKey(id);
    EntityValue total;
    std::optional<EntityValue>* cached = cache->Find(id);
    if (cached != nullptr) {
      if (cached->has_value()) {
        total = std::move(**cached);  // replaced by Set below
      }
    } else {
      Result<std::optional<std::string>> current = kv.Get(Cf::kEntities, key);
      if (!current.has_value()) {
        return current.error();
      }
      if (current->has_value() && !DecodeEntity(**current, &total)) {
        return Status::Corruption("bad entity value for id " +
                                  std::to_string(id));
      }
    }
    if (o != old_c.entities.end()) {
      AddInto(&total, o->second, -1);
    }
    if (n != new_c.entities.end()) {
      if (total.articles <= 0) {
        total.type = n->second.type;
      }
      AddInto(&total, n->second, +1);
    }
    DropZeros(&total.names);
    DropZeros(&total.aliases);
    if (total.articles <= 0) {
      batch->Delete(Cf::kEntities, key);
      cache->Set(id, std::nullopt);
    } else {
      batch->Put(Cf::kEntities, key, EncodeEntity(total));
      cache->Set(id, std::move(total));
    }
  }
  return Status::Ok();
}

// Counters change by merging the difference between the new and the old
// contribution, never by reading: CounterSum adds the operands, a count
// that reaches zero stays until compaction drops it, and readers skip it
// (schemas/graph_keys.md, invariants 4 and 5). So storing an article reads
// no counter, and the counter families can be written as fast as appends.
template <typename Value, typename Subtract, typename Encode>
void MergeCounterDiffs(Cf cf, const std::map<std::string, Value>& old_m,
                       std::map<std::string, Value>&& new_m,
                       Subtract subtract, Encode encode, Batch* batch) {
  if (old_m.empty()) {
    // A new article (the common case while indexing): every key is new_m's,
    // in order, and no union of the two key sets is needed; the keys move
    // into the batch.
    while (!new_m.empty()) {
      auto node = new_m.extract(new_m.begin());
      const Value diff = subtract(node.mapped(), Value{});
      if (!(diff == Value{})) {
        batch->AddCounters(cf, std::move(node.key()), encode(diff));
      }
    }
    return;
  }
  std::set<std::string> keys;
  for (const auto& [k, v] : old_m) {
    keys.insert(k);
  }
  for (const auto& [k, v] : new_m) {
    keys.insert(k);
  }
  for (const std::string& key : keys) {
    const auto o = old_m.find(key);
    const auto n = new_m.find(key);
    const Value diff = subtract(n == new_m.end() ? Value{} : n->second,
                                o == old_m.end() ? Value{} : o->second);
    if (!(diff == Value{})) {
      batch->AddCounters(cf, key, encode(diff));
    }
  }
}

// MergeCounterDiffs for the 'N' keys: one walk over the two sorted lists,
// writing one neighbour list per entity whose counts changed.
void MergeCoocCountDiffs(const std::vector<CoocCountDelta>& old_v,
                         const std::vector<CoocCountDelta>& new_v,
                         Batch* batch) {
  const CoocCountDelta none;
  std::vector<CoocCountDelta> diffs;
  auto o = old_v.begin();
  auto n = new_v.begin();
  while (o != old_v.end() || n != new_v.end()) {
    const bool take_old =
        n == new_v.end() ||
        (o != old_v.end() && std::tie(o->a, o->b) <= std::tie(n->a, n->b));
    const bool take_new =
        o == old_v.end() ||
        (n != new_v.end() && std::tie(n->a, n->b) <= std::tie(o->a, o->b));
    const CoocCountDelta& before = take_old ? *o : none;
    const CoocCountDelta& after = take_new ? *n : none;
    const CoocCountDelta& at = take_new ? after : before;
    diffs.push_back(
        {at.a, at.b,
         CoocCounts{after.counts.articles - before.counts.articles,
                    after.counts.sentences - before.counts.sentences}});
    o += take_old ? 1 : 0;
    n += take_new ? 1 : 0;
  }
  ForEachCoocList(diffs, [&](std::uint64_t a, std::string list) {
    batch->AddCounters(Cf::kCooccurrence, CoocListKey(a), std::move(list));
  });
}

}  // namespace

void ForEachCoocList(
    const std::vector<CoocCountDelta>& deltas,
    const std::function<void(std::uint64_t a, std::string list)>& write) {
  std::string list;
  for (std::size_t i = 0; i < deltas.size(); ++i) {
    const CoocCountDelta& d = deltas[i];
    if (!(d.counts == CoocCounts{})) {
      PutCoocEntry(&list, d.b, d.counts);
    }
    if ((i + 1 == deltas.size() || deltas[i + 1].a != d.a) && !list.empty()) {
      write(d.a, std::move(list));
      list.clear();
    }
  }
}

std::optional<EntityValue>* EntityCache::Find(std::uint64_t id) {
  const auto it = values_.find(id);
  return it == values_.end() ? nullptr : &it->second;
}

void EntityCache::Set(std::uint64_t id, std::optional<EntityValue> value) {
  if (values_.size() >= max_entries_ && values_.find(id) == values_.end()) {
    values_.clear();
  }
  values_[id] = std::move(value);
}

Status ApplyDiff(const KvStore& kv, const Contributions& old_c,
                 Contributions new_c, EntityCache* cache, Batch* batch) {
  // Owned keys: delete what the new version lacks, write what changed.
  static const std::map<std::string, std::string> kEmpty;
  for (Cf cf : {Cf::kMentions, Cf::kRelationsOut, Cf::kRelationsIn,
                Cf::kCooccurrence, Cf::kQuotes, Cf::kSentences}) {
    const auto o = old_c.owned.find(cf);
    const auto n = new_c.owned.find(cf);
    const auto& old_m = o == old_c.owned.end() ? kEmpty : o->second;
    for (const auto& [key, value] : old_m) {
      if (n == new_c.owned.end() || n->second.find(key) == n->second.end()) {
        batch->Delete(cf, key);
      }
    }
    if (n == new_c.owned.end()) {
      continue;
    }
    // The new keys and values move into the batch: new_c is ours.
    std::map<std::string, std::string>& new_m = n->second;
    while (!new_m.empty()) {
      auto node = new_m.extract(new_m.begin());
      if (cf == Cf::kSentences && node.mapped().empty()) {
        continue;  // a record from the store: the text is already there
      }
      const auto it = old_m.find(node.key());
      if (it == old_m.end() || it->second != node.mapped()) {
        batch->Put(cf, std::move(node.key()), std::move(node.mapped()));
      }
    }
  }
  DOSSIER_RETURN_IF_ERROR(ApplyEntities(kv, old_c, new_c, cache, batch));
  MergeCounterDiffs(
      Cf::kAliases, old_c.aliases, std::move(new_c.aliases),
      [](std::int64_t n, std::int64_t o) { return n - o; },
      [](std::int64_t d) { return EncodeCount(d); }, batch);
  MergeCoocCountDiffs(old_c.cooc_counts, new_c.cooc_counts, batch);
  return Status::Ok();
}

}  // namespace dossier::graph::internal
