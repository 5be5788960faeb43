#include "graph/internal/keys.h"

#include <doctest/doctest.h>

namespace dossier::graph::internal {

TEST_SUITE("graph/keys") {
  TEST_CASE("Big-endian ids make byte order equal numeric order") {
    CHECK(EntityKey(1) < EntityKey(2));
    CHECK(EntityKey(255) < EntityKey(256));
    CHECK(EntityKey(0x00ffffffffffffffull) < EntityKey(0x0100000000000000ull));
    CHECK(EntityKey(0x0102030405060708ull) ==
          std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8));
  }

  TEST_CASE("Primitive coding round-trips and rejects truncation") {
    std::string buf;
    PutFixed32(&buf, 0xdeadbeef);
    PutFixed64(&buf, 42);
    PutVarint(&buf, 300);
    PutVarint(&buf, ~0ull);
    PutString(&buf, "h\0i" + std::string(1, '\xff'));
    Reader in(buf);
    std::uint32_t a = 0;
    std::uint64_t b = 0, c = 0, d = 0;
    std::string s;
    REQUIRE(in.Fixed32(&a));
    REQUIRE(in.Fixed64(&b));
    REQUIRE(in.Varint(&c));
    REQUIRE(in.Varint(&d));
    REQUIRE(in.String(&s));
    CHECK(in.done());
    CHECK(a == 0xdeadbeef);
    CHECK(b == 42);
    CHECK(c == 300);
    CHECK(d == ~0ull);
    CHECK(s == "h\0i" + std::string(1, '\xff'));
    for (std::size_t cut = 0; cut < buf.size(); ++cut) {
      Reader shorter(std::string_view(buf).substr(0, cut));
      const bool all = shorter.Fixed32(&a) && shorter.Fixed64(&b) &&
                       shorter.Varint(&c) && shorter.Varint(&d) &&
                       shorter.String(&s);
      CHECK_FALSE(all);
    }
  }

  TEST_CASE("Dates keep ten bytes; anything else is the unknown date") {
    CHECK(Date10("2024-05-01T10:00:00Z") == "2024-05-01");
    CHECK(Date10("2024-05-01") == "2024-05-01");
    CHECK(Date10("") == kUnknownDate);
    CHECK(Date10("May 2024 ..") == kUnknownDate);
    CHECK(std::string(kUnknownDate) < "1987-01-01");
  }

  TEST_CASE("Composite keys parse back into their parts") {
    AliasKeyParts alias;
    REQUIRE(ParseAliasKey(
        AliasKey("andy konwinski", AliasKind::kSurname, 'P', 7), &alias));
    CHECK(alias.norm == "andy konwinski");
    CHECK(alias.kind == AliasKind::kSurname);
    CHECK(alias.type_class == 'P');
    CHECK(alias.id == 7);
    CHECK_FALSE(ParseAliasKey("short", &alias));

    RelationKeyParts rel;
    REQUIRE(ParseRelationKey(RelationKey(1, 3, 2, "bbc/tech-001"), &rel));
    CHECK(rel.from == 1);
    CHECK(rel.type == 3);
    CHECK(rel.to == 2);
    CHECK(rel.article == "bbc/tech-001");

    CoocKeyParts cooc;
    REQUIRE(ParseCoocKey(CoocEvidenceKey(5, 9, "a1"), &cooc));
    CHECK(cooc.tag == 'E');
    CHECK(cooc.a == 5);
    CHECK(cooc.b == 9);
    CHECK(cooc.article == "a1");
    REQUIRE(ParseCoocKey(CoocListKey(9), &cooc));
    CHECK(cooc.tag == 'N');
    CHECK(cooc.a == 9);
    CHECK(cooc.b == 0);
    CHECK(cooc.article.empty());
    // Format 3's pair counters, read until a writer upgrades the store.
    REQUIRE(ParseCoocKey(CoocCountKeyV3(9, 5), &cooc));
    CHECK(cooc.tag == 'N');
    CHECK(cooc.a == 9);
    CHECK(cooc.b == 5);
    CHECK_FALSE(ParseCoocKey(CoocListKey(9).substr(0, 8), &cooc));

    QuoteKeyParts quote;
    REQUIRE(ParseQuoteKey(QuoteKey(11, "2024-01-02", "x/y", 3), &quote));
    CHECK(quote.speaker == 11);
    CHECK(quote.date10 == "2024-01-02");
    CHECK(quote.article == "x/y");
    CHECK(quote.index == 3);
    CHECK(MentionKey(4, "2024-01-02", "a").size() == 19);
  }

  TEST_CASE("Values round-trip and reject trailing or missing bytes") {
    EntityValue e;
    e.type = 1;
    e.articles = 3;
    e.mentions = 9;
    e.names = {{"Databricks", 2}, {"Databricks Inc.", 1}};
    e.org_kind_votes[1] = 3;
    e.aliases = {{{"DB", "acronym"}, 1}};
    EntityValue e2;
    REQUIRE(DecodeEntity(EncodeEntity(e), &e2));
    CHECK(e2 == e);
    CHECK_FALSE(DecodeEntity(EncodeEntity(e) + "x", &e2));
    CHECK_FALSE(DecodeEntity(EncodeEntity(e).substr(1), &e2));

    // Evidence sentences are not encoded (they live once in `sentences`).
    RelationValue r{"2024-01-01", {{1, 5, "", "founder"}, {6, 9, "", ""}}};
    RelationValue r2;
    REQUIRE(DecodeRelation(EncodeRelation(r), &r2));
    CHECK(r2 == r);
    RelationValue with_text = r;
    with_text.evidence[0].sentence = "A founded B.";
    CHECK(EncodeRelation(with_text) == EncodeRelation(r));

    CoocCounts c{4, 2}, c2;
    REQUIRE(DecodeCoocCounts(EncodeCoocCounts(c), &c2));
    CHECK(c2 == c);
    CoocEvidence ev{"2024-01-01", 2, {3, 4, "", ""}}, ev2;
    REQUIRE(DecodeCoocEvidence(EncodeCoocEvidence(ev), &ev2));
    CHECK(ev2 == ev);
    QuoteValue q{"we are open", 10, 21, "said", 2}, q2;
    REQUIRE(DecodeQuote(EncodeQuote(q), &q2));
    CHECK(q2 == q);
    std::int64_t n = 0;
    REQUIRE(DecodeCount(EncodeCount(-5), &n));
    CHECK(n == -5);
  }

  TEST_CASE("Article records round-trip") {
    ArticleRecord rec;
    rec.hash = "abc";
    rec.date10 = "2024-02-03";
    rec.title = "T";
    RecordEntity e;
    e.type = 0;
    e.name = "Andy Konwinski";
    e.aliases = {{"Konwinski", "surname"}};
    e.mentions = 3;
    e.id = 0xfedcba9876543210ull;
    e.via = "merged by user";
    e.split_name = "Andy K";
    rec.entities = {e, e};
    rec.relations = {{0, 0, 1, {1, 2, "", "co-founder"}}};
    rec.cooccurrences = {{0, 1, 2, {1, 2, "", ""}}};
    rec.quotes = {{1, {"q", 1, 2, "said", 0}}};
    ArticleRecord back;
    REQUIRE(DecodeArticleRecord(EncodeArticleRecord(rec), &back));
    CHECK(back == rec);
    const std::string bytes = EncodeArticleRecord(rec);
    CHECK_FALSE(DecodeArticleRecord(bytes.substr(0, bytes.size() - 1), &back));
  }

  TEST_CASE("Counter operands add element by element, negative deltas too") {
    std::string sum;
    REQUIRE(
        AddCounters(EncodeCoocCounts({3, 1}), EncodeCoocCounts({1, 2}), &sum));
    CoocCounts counts;
    REQUIRE(DecodeCoocCounts(sum, &counts));
    CHECK(counts == CoocCounts{4, 3});
    // No existing value: the operand is the value.
    REQUIRE(AddCounters("", EncodeCount(2), &sum));
    std::int64_t count = 0;
    REQUIRE(DecodeCount(sum, &count));
    CHECK(count == 2);
    REQUIRE(AddCounters(EncodeCount(2), EncodeCount(-2), &sum));
    REQUIRE(DecodeCount(sum, &count));
    CHECK(count == 0);
    // A truncated varint is refused rather than summed.
    CHECK_FALSE(AddCounters(std::string("\x80"), EncodeCount(1), &sum));
  }

  TEST_CASE("Neighbour lists sum per neighbour and drop what sums to zero") {
    const auto list = [](std::vector<CoocEntry> entries) {
      std::string out;
      for (const CoocEntry& e : entries) {
        PutCoocEntry(&out, e.other, e.counts);
      }
      return out;
    };
    const auto entries = [](std::string_view bytes) {
      std::vector<CoocEntry> out;
      REQUIRE(DecodeCoocList(bytes, &out));
      return out;
    };
    const std::string base = list({{3, {2, 1}}, {7, {1, 0}}, {9, {4, 4}}});
    const std::string_view base_view = base;
    std::string sum;
    // Operands in any order, overlapping each other and the base.
    REQUIRE(SumCoocLists(&base_view,
                         {list({{9, {1, 0}}, {12, {1, 1}}}),
                          list({{1, {1, 0}}, {7, {-1, 0}}, {9, {1, 1}}})},
                         &sum));
    CHECK(entries(sum) ==
          std::vector<CoocEntry>{
              {1, {1, 0}}, {3, {2, 1}}, {9, {6, 5}}, {12, {1, 1}}});
    // An article's list and its retraction cancel out: the empty list.
    const std::string added = list({{4, {1, 1}}, {5, {1, 0}}});
    const std::string retracted = list({{4, {-1, -1}}, {5, {-1, 0}}});
    REQUIRE(SumCoocLists(nullptr, {added, retracted}, &sum));
    CHECK(sum.empty());
    // Without operands the base comes back as it is, minus zero entries.
    const std::string with_zero = list({{2, {0, 0}}, {8, {1, 0}}});
    const std::string_view with_zero_view = with_zero;
    REQUIRE(SumCoocLists(&with_zero_view, {}, &sum));
    CHECK(sum == list({{8, {1, 0}}}));
    // Malformed input is refused, in an operand or in the base.
    CHECK_FALSE(
        SumCoocLists(nullptr, {added.substr(0, added.size() - 1)}, &sum));
    const std::string_view short_base = std::string_view(base).substr(0, 5);
    CHECK_FALSE(SumCoocLists(&short_base, {added}, &sum));
  }
}

}  // namespace dossier::graph::internal
