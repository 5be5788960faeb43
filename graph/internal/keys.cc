#include "graph/internal/keys.h"

#include <algorithm>

namespace dossier::graph::internal {
namespace {

std::uint64_t ZigZag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^
         static_cast<std::uint64_t>(v >> 63);
}
std::int64_t UnZigZag(std::uint64_t v) {
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

void PutEvidence(std::string* out, const Evidence& e) {
  PutVarint(out, e.start);
  PutVarint(out, e.end);
  PutString(out, e.role);
}

bool GetU32(Reader& in, std::uint32_t* value) {
  std::uint64_t v = 0;
  if (!in.Varint(&v) || v > 0xffffffffu) {
    return false;
  }
  *value = static_cast<std::uint32_t>(v);
  return true;
}

bool GetEvidence(Reader& in, Evidence* e) {
  e->sentence.clear();
  return GetU32(in, &e->start) && GetU32(in, &e->end) && in.String(&e->role);
}

bool GetCount(Reader& in, std::int64_t* value) {
  std::uint64_t v = 0;
  if (!in.Varint(&v)) {
    return false;
  }
  *value = UnZigZag(v);
  return true;
}

// One entry of a CoocList, as PutCoocEntry wrote it.
bool GetCoocEntry(Reader& in, CoocEntry* entry) {
  return in.Fixed64(&entry->other) && GetCount(in, &entry->counts.articles) &&
         GetCount(in, &entry->counts.sentences);
}

void PutQuoteBody(std::string* out, const QuoteValue& q) {
  PutString(out, q.text);
  PutVarint(out, q.start);
  PutVarint(out, q.end);
  PutString(out, q.cue);
  out->push_back(static_cast<char>(q.kind));
}

bool GetQuoteBody(Reader& in, QuoteValue* q) {
  return in.String(&q->text) && GetU32(in, &q->start) && GetU32(in, &q->end) &&
         in.String(&q->cue) && in.Byte(&q->kind);
}

}  // namespace

std::string Date10(std::string_view iso_date) {
  if (iso_date.size() < 10) {
    return std::string(kUnknownDate);
  }
  std::string_view d = iso_date.substr(0, 10);
  for (std::size_t i = 0; i < 10; ++i) {
    const bool dash = (i == 4 || i == 7);
    if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) {
      return std::string(kUnknownDate);
    }
  }
  return std::string(d);
}

void PutFixed32(std::string* out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

void PutFixed64(std::string* out, std::uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

void PutVarint(std::string* out, std::uint64_t value) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

void PutString(std::string* out, std::string_view value) {
  PutVarint(out, value.size());
  out->append(value);
}

std::uint64_t DecodeFixed64(std::string_view bytes) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    v = (v << 8) | static_cast<unsigned char>(bytes[i]);
  }
  return v;
}

bool Reader::Fixed32(std::uint32_t* value) {
  if (in_.size() < 4) {
    return false;
  }
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    v = (v << 8) | static_cast<unsigned char>(in_[i]);
  }
  *value = v;
  in_.remove_prefix(4);
  return true;
}

bool Reader::Fixed64(std::uint64_t* value) {
  if (in_.size() < 8) {
    return false;
  }
  *value = DecodeFixed64(in_);
  in_.remove_prefix(8);
  return true;
}

bool Reader::Varint(std::uint64_t* value) {
  std::uint64_t v = 0;
  for (int shift = 0; shift <= 63; shift += 7) {
    if (in_.empty()) {
      return false;
    }
    const auto byte = static_cast<unsigned char>(in_.front());
    in_.remove_prefix(1);
    v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) {
      *value = v;
      return true;
    }
  }
  return false;
}

bool Reader::Byte(std::uint8_t* value) {
  if (in_.empty()) {
    return false;
  }
  *value = static_cast<std::uint8_t>(in_.front());
  in_.remove_prefix(1);
  return true;
}

bool Reader::String(std::string* value) {
  std::uint64_t size = 0;
  if (!Varint(&size) || size > in_.size()) {
    return false;
  }
  value->assign(in_.substr(0, size));
  in_.remove_prefix(size);
  return true;
}

std::string EntityKey(std::uint64_t id) {
  std::string key;
  PutFixed64(&key, id);
  return key;
}

std::string AliasKey(std::string_view norm, AliasKind kind, char type_class,
                     std::uint64_t id) {
  std::string key(norm);
  key.push_back('\0');
  key.push_back(static_cast<char>(kind));
  key.push_back(type_class);
  PutFixed64(&key, id);
  return key;
}

bool ParseAliasKey(std::string_view key, AliasKeyParts* parts) {
  if (key.size() < 11 || key[key.size() - 11] != '\0') {
    return false;
  }
  const std::size_t tail = key.size() - 10;
  const auto kind = static_cast<std::uint8_t>(key[tail]);
  if (kind > 2) {
    return false;
  }
  parts->norm.assign(key.substr(0, key.size() - 11));
  parts->kind = static_cast<AliasKind>(kind);
  parts->type_class = key[tail + 1];
  parts->id = DecodeFixed64(key.substr(tail + 2));
  return true;
}

std::string MentionKey(std::uint64_t id, std::string_view date10,
                       std::string_view article) {
  std::string key;
  PutFixed64(&key, id);
  key.append(date10);
  key.append(article);
  return key;
}

std::string RelationKey(std::uint64_t from, std::uint8_t type, std::uint64_t to,
                        std::string_view article) {
  std::string key;
  PutFixed64(&key, from);
  key.push_back(static_cast<char>(type));
  PutFixed64(&key, to);
  key.append(article);
  return key;
}

bool ParseRelationKey(std::string_view key, RelationKeyParts* parts) {
  if (key.size() < 17) {
    return false;
  }
  parts->from = DecodeFixed64(key);
  parts->type = static_cast<std::uint8_t>(key[8]);
  parts->to = DecodeFixed64(key.substr(9));
  parts->article.assign(key.substr(17));
  return true;
}

std::string CoocListKey(std::uint64_t a) {
  std::string key(1, 'N');
  PutFixed64(&key, a);
  return key;
}

std::string CoocCountKeyV3(std::uint64_t a, std::uint64_t b) {
  std::string key(1, 'N');
  PutFixed64(&key, a);
  PutFixed64(&key, b);
  return key;
}

std::string CoocEvidenceKey(std::uint64_t a, std::uint64_t b,
                            std::string_view article) {
  std::string key(1, 'E');
  PutFixed64(&key, a);
  PutFixed64(&key, b);
  key.append(article);
  return key;
}

bool ParseCoocKey(std::string_view key, CoocKeyParts* parts) {
  if (key.empty()) {
    return false;
  }
  if (key[0] == 'N' && key.size() == kCoocListKeySize) {
    parts->tag = 'N';
    parts->a = DecodeFixed64(key.substr(1));
    parts->b = 0;
    parts->article.clear();
    return true;
  }
  if (key.size() < kCoocPairKeySize || (key[0] != 'N' && key[0] != 'E') ||
      (key[0] == 'N' && key.size() != kCoocPairKeySize)) {
    return false;
  }
  parts->tag = key[0];
  parts->a = DecodeFixed64(key.substr(1));
  parts->b = DecodeFixed64(key.substr(9));
  parts->article.assign(key.substr(kCoocPairKeySize));
  return true;
}

std::string QuoteKey(std::uint64_t speaker, std::string_view date10,
                     std::string_view article, std::uint32_t index) {
  std::string key;
  PutFixed64(&key, speaker);
  key.append(date10);
  key.append(article);
  PutFixed32(&key, index);
  return key;
}

bool ParseQuoteKey(std::string_view key, QuoteKeyParts* parts) {
  if (key.size() < 22) {
    return false;
  }
  parts->speaker = DecodeFixed64(key);
  parts->date10.assign(key.substr(8, 10));
  parts->article.assign(key.substr(18, key.size() - 22));
  Reader tail(key.substr(key.size() - 4));
  return tail.Fixed32(&parts->index);
}

std::string SentenceKey(std::string_view article, std::uint32_t start) {
  std::string key(article);
  PutFixed32(&key, start);
  return key;
}

std::string MergeOverrideKey(std::uint64_t from) {
  std::string key(1, 'M');
  PutFixed64(&key, from);
  return key;
}

std::string SplitOverrideKey(std::uint64_t id, std::string_view article) {
  std::string key(1, 'S');
  PutFixed64(&key, id);
  key.append(article);
  return key;
}

bool EntityValue::operator==(const EntityValue& other) const {
  return type == other.type && articles == other.articles &&
         mentions == other.mentions && names == other.names &&
         org_kind_votes[0] == other.org_kind_votes[0] &&
         org_kind_votes[1] == other.org_kind_votes[1] &&
         org_kind_votes[2] == other.org_kind_votes[2] &&
         aliases == other.aliases;
}

std::string EncodeEntity(const EntityValue& value) {
  std::string out;
  out.push_back(static_cast<char>(value.type));
  PutVarint(&out, ZigZag(value.articles));
  PutVarint(&out, ZigZag(value.mentions));
  PutVarint(&out, value.names.size());
  for (const auto& [name, count] : value.names) {
    PutString(&out, name);
    PutVarint(&out, ZigZag(count));
  }
  for (std::int64_t votes : value.org_kind_votes) {
    PutVarint(&out, ZigZag(votes));
  }
  PutVarint(&out, value.aliases.size());
  for (const auto& [alias, count] : value.aliases) {
    PutString(&out, alias.first);
    PutString(&out, alias.second);
    PutVarint(&out, ZigZag(count));
  }
  return out;
}

bool DecodeEntity(std::string_view bytes, EntityValue* value) {
  Reader in(bytes);
  std::uint64_t n = 0;
  if (!in.Byte(&value->type) || !GetCount(in, &value->articles) ||
      !GetCount(in, &value->mentions) || !in.Varint(&n)) {
    return false;
  }
  value->names.clear();
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string name;
    std::int64_t count = 0;
    if (!in.String(&name) || !GetCount(in, &count)) {
      return false;
    }
    value->names[name] = count;
  }
  for (std::int64_t& votes : value->org_kind_votes) {
    if (!GetCount(in, &votes)) {
      return false;
    }
  }
  if (!in.Varint(&n)) {
    return false;
  }
  value->aliases.clear();
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string form;
    std::string reason;
    std::int64_t count = 0;
    if (!in.String(&form) || !in.String(&reason) || !GetCount(in, &count)) {
      return false;
    }
    value->aliases[{form, reason}] = count;
  }
  return in.done();
}

std::string EncodeRelation(const RelationValue& value) {
  std::string out;
  PutString(&out, value.date10);
  PutVarint(&out, value.evidence.size());
  for (const Evidence& e : value.evidence) {
    PutEvidence(&out, e);
  }
  return out;
}

bool DecodeRelation(std::string_view bytes, RelationValue* value) {
  Reader in(bytes);
  std::uint64_t n = 0;
  if (!in.String(&value->date10) || !in.Varint(&n) || n > bytes.size()) {
    return false;
  }
  value->evidence.assign(n, Evidence{});
  for (Evidence& e : value->evidence) {
    if (!GetEvidence(in, &e)) {
      return false;
    }
  }
  return in.done();
}

std::string EncodeCoocCounts(const CoocCounts& value) {
  std::string out;
  PutVarint(&out, ZigZag(value.articles));
  PutVarint(&out, ZigZag(value.sentences));
  return out;
}

bool DecodeCoocCounts(std::string_view bytes, CoocCounts* value) {
  Reader in(bytes);
  return GetCount(in, &value->articles) && GetCount(in, &value->sentences) &&
         in.done();
}

void PutCoocEntry(std::string* list, std::uint64_t other,
                  const CoocCounts& counts) {
  PutFixed64(list, other);
  PutVarint(list, ZigZag(counts.articles));
  PutVarint(list, ZigZag(counts.sentences));
}

bool DecodeCoocList(std::string_view list, std::vector<CoocEntry>* entries) {
  Reader in(list);
  while (!in.done()) {
    CoocEntry e;
    if (!GetCoocEntry(in, &e)) {
      return false;
    }
    entries->push_back(e);
  }
  return true;
}

bool SumCoocLists(const std::string_view* base,
                  const std::vector<std::string_view>& operands,
                  std::string* sum) {
  // The operands (an article's list each) are small and many; a hub's base
  // holds thousands of entries. So: sort the operands' entries together,
  // then one merge walk with the base, which is sorted already.
  std::vector<CoocEntry> added;
  for (std::string_view operand : operands) {
    if (!DecodeCoocList(operand, &added)) {
      return false;
    }
  }
  std::sort(
      added.begin(), added.end(),
      [](const CoocEntry& x, const CoocEntry& y) { return x.other < y.other; });
  sum->clear();
  const auto put = [&](std::uint64_t other, const CoocCounts& counts) {
    if (!(counts == CoocCounts{})) {
      PutCoocEntry(sum, other, counts);
    }
  };
  Reader in(base != nullptr ? *base : std::string_view());
  CoocEntry next_base;
  bool have_base = false;
  const auto read_base = [&] {
    have_base = !in.done();
    return !have_base || GetCoocEntry(in, &next_base);
  };
  if (!read_base()) {
    return false;
  }
  for (std::size_t i = 0; i < added.size();) {
    const std::uint64_t other = added[i].other;
    while (have_base && next_base.other < other) {
      put(next_base.other, next_base.counts);
      if (!read_base()) {
        return false;
      }
    }
    CoocCounts total;
    if (have_base && next_base.other == other) {
      total = next_base.counts;
      if (!read_base()) {
        return false;
      }
    }
    for (; i < added.size() && added[i].other == other; ++i) {
      total.articles += added[i].counts.articles;
      total.sentences += added[i].counts.sentences;
    }
    put(other, total);
  }
  while (have_base) {
    put(next_base.other, next_base.counts);
    if (!read_base()) {
      return false;
    }
  }
  return true;
}

std::string EncodeCoocEvidence(const CoocEvidence& value) {
  std::string out;
  PutString(&out, value.date10);
  PutVarint(&out, value.sentences);
  PutEvidence(&out, value.first);
  return out;
}

bool DecodeCoocEvidence(std::string_view bytes, CoocEvidence* value) {
  Reader in(bytes);
  return in.String(&value->date10) && GetU32(in, &value->sentences) &&
         GetEvidence(in, &value->first) && in.done();
}

std::string EncodeQuote(const QuoteValue& value) {
  std::string out;
  PutQuoteBody(&out, value);
  return out;
}

bool DecodeQuote(std::string_view bytes, QuoteValue* value) {
  Reader in(bytes);
  return GetQuoteBody(in, value) && in.done();
}

std::string EncodeCount(std::int64_t count) {
  std::string out;
  PutVarint(&out, ZigZag(count));
  return out;
}

bool DecodeCount(std::string_view bytes, std::int64_t* count) {
  Reader in(bytes);
  return GetCount(in, count) && in.done();
}

bool AddCounters(std::string_view a, std::string_view b, std::string* sum) {
  Reader left(a);
  Reader right(b);
  sum->clear();
  while (!left.done() || !right.done()) {
    std::int64_t x = 0;
    std::int64_t y = 0;
    if ((!left.done() && !GetCount(left, &x)) ||
        (!right.done() && !GetCount(right, &y))) {
      return false;
    }
    PutVarint(sum, ZigZag(x + y));
  }
  return true;
}

std::string EncodeArticleRecord(const ArticleRecord& record) {
  std::string out;
  PutString(&out, record.hash);
  PutString(&out, record.date10);
  PutString(&out, record.title);
  PutVarint(&out, record.entities.size());
  for (const RecordEntity& e : record.entities) {
    out.push_back(static_cast<char>(e.type));
    out.push_back(static_cast<char>(e.org_kind));
    PutString(&out, e.name);
    PutVarint(&out, e.aliases.size());
    for (const auto& [form, reason] : e.aliases) {
      PutString(&out, form);
      PutString(&out, reason);
    }
    PutVarint(&out, e.mentions);
    PutFixed64(&out, e.id);
    PutString(&out, e.via);
    PutString(&out, e.split_name);
  }
  PutVarint(&out, record.relations.size());
  for (const RecordRelation& r : record.relations) {
    out.push_back(static_cast<char>(r.type));
    PutVarint(&out, r.head);
    PutVarint(&out, r.tail);
    PutEvidence(&out, r.evidence);
  }
  PutVarint(&out, record.cooccurrences.size());
  for (const RecordCooc& c : record.cooccurrences) {
    PutVarint(&out, c.a);
    PutVarint(&out, c.b);
    PutVarint(&out, c.sentences);
    PutEvidence(&out, c.first);
  }
  PutVarint(&out, record.quotes.size());
  for (const RecordQuote& q : record.quotes) {
    PutVarint(&out, q.speaker);
    PutQuoteBody(&out, q.quote);
  }
  return out;
}

namespace {

bool GetCountPrefix(Reader& in, std::uint64_t limit, std::uint64_t* n) {
  return in.Varint(n) && *n <= limit;
}

bool DecodeRecordEntities(Reader& in, std::uint64_t limit,
                          std::vector<RecordEntity>* out) {
  std::uint64_t n = 0;
  if (!GetCountPrefix(in, limit, &n)) {
    return false;
  }
  out->assign(n, RecordEntity{});
  for (RecordEntity& e : *out) {
    std::uint64_t aliases = 0;
    if (!in.Byte(&e.type) || !in.Byte(&e.org_kind) || !in.String(&e.name) ||
        !GetCountPrefix(in, limit, &aliases)) {
      return false;
    }
    e.aliases.assign(aliases, {});
    for (auto& [form, reason] : e.aliases) {
      if (!in.String(&form) || !in.String(&reason)) {
        return false;
      }
    }
    if (!GetU32(in, &e.mentions) || !in.Fixed64(&e.id) || !in.String(&e.via) ||
        !in.String(&e.split_name)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool DecodeArticleRecord(std::string_view bytes, ArticleRecord* record) {
  Reader in(bytes);
  const std::uint64_t limit = bytes.size();
  std::uint64_t n = 0;
  if (!in.String(&record->hash) || !in.String(&record->date10) ||
      !in.String(&record->title) ||
      !DecodeRecordEntities(in, limit, &record->entities) ||
      !GetCountPrefix(in, limit, &n)) {
    return false;
  }
  record->relations.assign(n, RecordRelation{});
  for (RecordRelation& r : record->relations) {
    if (!in.Byte(&r.type) || !GetU32(in, &r.head) || !GetU32(in, &r.tail) ||
        !GetEvidence(in, &r.evidence)) {
      return false;
    }
  }
  if (!GetCountPrefix(in, limit, &n)) {
    return false;
  }
  record->cooccurrences.assign(n, RecordCooc{});
  for (RecordCooc& c : record->cooccurrences) {
    if (!GetU32(in, &c.a) || !GetU32(in, &c.b) || !GetU32(in, &c.sentences) ||
        !GetEvidence(in, &c.first)) {
      return false;
    }
  }
  if (!GetCountPrefix(in, limit, &n)) {
    return false;
  }
  record->quotes.assign(n, RecordQuote{});
  for (RecordQuote& q : record->quotes) {
    if (!GetU32(in, &q.speaker) || !GetQuoteBody(in, &q.quote)) {
      return false;
    }
  }
  return in.done();
}

}  // namespace dossier::graph::internal
