#include "query/search.h"

#include <doctest/doctest.h>

#include <xapian.h>

#include <algorithm>

#include "indexer/article_store.h"
#include "query/said.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::query {
namespace {

using indexer::ArticleStore;
using indexer::DocumentBuilder;
using indexer::OpenMode;

Article MakeArticle(std::string id, std::string title, std::string text,
                    std::string date, std::string source,
                    std::string author = "") {
  Article article;
  article.id = std::move(id);
  article.title = std::move(title);
  article.text = std::move(text);
  article.date = std::move(date);
  article.source = std::move(source);
  article.author = std::move(author);
  return article;
}

// A mention of `name` (which must occur in `article.text`).
Mention MentionOf(const Article& article, std::string_view name,
                  EntityType type, OrgKind kind = OrgKind::kNone) {
  const std::size_t at = article.text.find(name);
  REQUIRE(at != std::string::npos);
  Mention mention;
  mention.span = {static_cast<std::uint32_t>(at),
                  static_cast<std::uint32_t>(at + name.size())};
  mention.type = type;
  mention.org_kind = kind;
  return mention;
}

void Put(ArticleStore& store, const Article& article,
         const ArticleAnalysis& analysis = {}) {
  DocumentBuilder builder;
  Result<indexer::PutOutcome> outcome = store.Put(
      builder.Build(article, analysis, indexer::ContentHash(article)));
  REQUIRE(outcome.has_value());
}

std::unique_ptr<ArticleStore> OpenWriter(const std::filesystem::path& dir) {
  Result<std::unique_ptr<ArticleStore>> store =
      ArticleStore::Open(dir, OpenMode::kReadWrite);
  REQUIRE(store.has_value());
  return std::move(*store);
}

// Writes a small archive and returns nothing; the db lives in `dir`.
void BuildFixture(const std::filesystem::path& dir) {
  Result<std::unique_ptr<ArticleStore>> store =
      ArticleStore::Open(dir, OpenMode::kReadWrite);
  REQUIRE(store.has_value());
  const Article a = MakeArticle(
      "a1", "Central bank raises interest rates",
      "The central bank raised interest rates on Tuesday. Analysts at "
      "Northwind Capital said the move was expected.",
      "2024-02-10", "Daily Ledger", "Maria Lopez");
  ArticleAnalysis a_analysis;
  a_analysis.mentions.push_back(
      MentionOf(a, "Northwind Capital", EntityType::kOrg, OrgKind::kCompany));
  Put(**store, a, a_analysis);
  const Article b = MakeArticle(
      "b2", "Open-source models spread",
      "Researchers in China released open source models. Andy Konwinski "
      "said open research helps everyone, and interest grew.",
      "2024-07-03", "Tech Wire");
  ArticleAnalysis b_analysis;
  b_analysis.mentions.push_back(
      MentionOf(b, "Andy Konwinski", EntityType::kPerson));
  b_analysis.mentions.push_back(MentionOf(b, "China", EntityType::kPlace));
  Put(**store, b, b_analysis);
  Put(**store, MakeArticle("c3", "Rates steady in spring",
                           "Banks kept rates steady. The bank board met in "
                           "May and rates did not move.",
                           "2024-05-20", "Daily Ledger"));
  REQUIRE((*store)->Commit().ok());
}

std::vector<std::string> Ids(const SearchResults& results) {
  std::vector<std::string> ids;
  for (const SearchHit& hit : results.hits) {
    ids.push_back(hit.id);
  }
  return ids;
}

std::vector<std::string> SortedIds(const SearchResults& results) {
  std::vector<std::string> ids = Ids(results);
  std::sort(ids.begin(), ids.end());
  return ids;
}

SearchResults MustSearch(const std::filesystem::path& dir, std::string query,
                         SortOrder sort = SortOrder::kRelevance) {
  SearchOptions options;
  options.query = std::move(query);
  options.sort = sort;
  Result<SearchResults> results = Search(dir, options);
  REQUIRE_MESSAGE(results.has_value(), results.error().ToString());
  return *results;
}

using Ids_t = std::vector<std::string>;

}  // namespace

TEST_SUITE("query/Search") {
  TEST_CASE("query syntax: words, boolean operators, phrases, NEAR, fields") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    struct Case {
      const char* query;
      Ids_t expected;
    };
    const Case cases[] = {
        {"rates", {"a1", "c3"}},
        {"interest rates", {"a1"}},  // AND by default
        {"interest OR spring", {"a1", "b2", "c3"}},
        {"rates NOT spring", {"a1"}},
        {"rates -steady", {"a1"}},
        {"\"interest rates\"", {"a1"}},
        {"\"rates interest\"", {}},
        {"analysts NEAR expected", {"a1"}},
        {"tuesday NEAR/2 expected", {}},
        {"title:spring", {"c3"}},
        {"title:bank", {"a1"}},
        {"source:\"daily ledger\"", {"a1", "c3"}},
        {"source:\"Daily Ledger\" steady", {"c3"}},
        {"author:\"maria lopez\"", {"a1"}},
        {"person:\"Andy Konwinski\"", {"b2"}},
        {"org:\"northwind capital\"", {"a1"}},
        {"company:\"Northwind Capital\"", {"a1"}},
        {"place:China", {"b2"}},
        {"date:2024-05-01..2024-12-31", {"b2", "c3"}},
        {"rates date:2024-01-01..2024-03-31", {"a1"}},
        {"year:2024 open", {"b2"}},
        {"month:2024-05", {"c3"}},
        {"raising", {"a1"}},  // stemmed: raise/raised/raising
    };
    for (const Case& c : cases) {
      const std::string query = c.query;
      const Ids_t got = SortedIds(MustSearch(dir.path(), query));
      std::string got_text;
      for (const std::string& id : got) {
        got_text += id + " ";
      }
      CAPTURE(query);
      CAPTURE(got_text);
      CHECK(got == c.expected);
    }
  }

  TEST_CASE("title words rank above body words") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    // "bank" is in a1's title and c3's body.
    const SearchResults results = MustSearch(dir.path(), "bank");
    REQUIRE(results.hits.size() == 2);
    CHECK(results.hits[0].id == "a1");
  }

  TEST_CASE("sort by date puts the newest first, and paging works") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    CHECK(Ids(MustSearch(dir.path(), "rates OR open", SortOrder::kDate)) ==
          Ids_t{"b2", "c3", "a1"});
    SearchOptions options;
    options.query = "rates OR open";
    options.sort = SortOrder::kDate;
    options.limit = 1;
    options.offset = 1;
    Result<SearchResults> page = Search(dir.path(), options);
    REQUIRE(page.has_value());
    CHECK(page->total == 3);
    CHECK(Ids(*page) == Ids_t{"c3"});
  }

  TEST_CASE("each hit has its fields and a highlighted snippet") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    const SearchResults results = MustSearch(dir.path(), "expected analysts");
    REQUIRE(results.hits.size() == 1);
    const SearchHit& hit = results.hits[0];
    CHECK(hit.title == "Central bank raises interest rates");
    CHECK(hit.source == "Daily Ledger");
    CHECK(hit.date == "2024-02-10");
    CHECK(hit.author == "Maria Lopez");
    CHECK(hit.score > 0);
    CHECK(RenderSnippet(hit.snippet, "[", "]") ==
          "The central bank raised interest rates on Tuesday. [Analysts] at "
          "Northwind Capital said the move was [expected].");
  }

  TEST_CASE("facets count by source, month and entity") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    SearchOptions options;
    options.query = "rates OR open";
    options.facets = true;
    Result<SearchResults> results = Search(dir.path(), options);
    REQUIRE(results.has_value());
    const auto& source = results->facets.at("source");
    REQUIRE(source.size() == 2);
    CHECK(source[0].value == "Daily Ledger");
    CHECK(source[0].count == 2);
    CHECK(source[1].value == "Tech Wire");
    CHECK(results->facets.at("month").size() == 3);
    REQUIRE(results->facets.count("person") == 1);
    CHECK(results->facets.at("person")[0].value == "Andy Konwinski");
    CHECK(results->facets.at("company")[0].value == "Northwind Capital");
    CHECK(results->facets.at("place")[0].value == "China");
  }

  TEST_CASE("entity facets: top 20 of a type by count, then name, the names "
            "read back from the article records") {
    testing::ScopedTempDir dir;
    {
      const std::unique_ptr<ArticleStore> store = OpenWriter(dir.path());
      // Person k (k = 0..24) is named in k % 3 + 1 of the articles.
      for (int doc = 0; doc < 3; ++doc) {
        std::string text = "Harbour report.";
        for (int k = 0; k < 25; ++k) {
          if (doc <= k % 3) {
            text += " Person" + std::string(1, static_cast<char>('A' + k)) +
                    " Walker spoke.";
          }
        }
        const Article article =
            MakeArticle("d" + std::to_string(doc), "Harbour", text,
                        "2024-01-0" + std::to_string(doc + 1), "Wire");
        ArticleAnalysis analysis;
        for (int k = 0; k < 25; ++k) {
          const std::string name =
              "Person" + std::string(1, static_cast<char>('A' + k)) + " Walker";
          if (text.find(name) != std::string::npos) {
            analysis.mentions.push_back(
                MentionOf(article, name, EntityType::kPerson));
          }
        }
        Put(*store, article, analysis);
      }
      REQUIRE(store->Commit().ok());
    }
    SearchOptions options;
    options.query = "harbour";
    options.facets = true;
    Result<SearchResults> results = Search(dir.path(), options);
    REQUIRE(results.has_value());
    const std::vector<FacetCount>& people = results->facets.at("person");
    REQUIRE(people.size() == 20);
    // Count 3: k = 2, 5, ..., 23 (8 names); count 2: k = 1, 4, ..., 22
    // (8); then 4 of the 9 named once, by name.
    CHECK(people[0].value == "PersonC Walker");
    CHECK(people[0].count == 3);
    CHECK(people[7].value == "PersonX Walker");
    CHECK(people[8].value == "PersonB Walker");
    CHECK(people[8].count == 2);
    CHECK(people[16].value == "PersonA Walker");
    CHECK(people[16].count == 1);
    CHECK(people[19].value == "PersonJ Walker");
  }

  TEST_CASE("org: finds companies, institutions and organizations of no "
            "known kind") {
    testing::ScopedTempDir dir;
    {
      const std::unique_ptr<ArticleStore> store = OpenWriter(dir.path());
      const OrgKind kinds[] = {OrgKind::kCompany, OrgKind::kInstitution,
                               OrgKind::kNone};
      for (int i = 0; i < 3; ++i) {
        const Article article = MakeArticle(
            "o" + std::to_string(i), "Ports",
            "The Harbour Board met the minister.", "2024-03-01", "Wire");
        ArticleAnalysis analysis;
        analysis.mentions.push_back(
            MentionOf(article, "Harbour Board", EntityType::kOrg, kinds[i]));
        Put(*store, article, analysis);
      }
      REQUIRE(store->Commit().ok());
    }
    CHECK(SortedIds(MustSearch(dir.path(), "org:\"harbour board\"")) ==
          Ids_t{"o0", "o1", "o2"});
    CHECK(Ids(MustSearch(dir.path(), "company:\"harbour board\"")) ==
          Ids_t{"o0"});
    CHECK(Ids(MustSearch(dir.path(), "institution:\"harbour board\"")) ==
          Ids_t{"o1"});
  }

  TEST_CASE("the total is exact for a thousand matches or fewer, whatever "
            "the page size") {
    testing::ScopedTempDir dir;
    {
      const std::unique_ptr<ArticleStore> store = OpenWriter(dir.path());
      // "ferry" and "strike" always come together: Xapian's estimate for
      // the AND assumes them independent (200 * 200 / 1000 = 40).
      // The first article is the shortest, so it outweighs every other
      // match and Xapian need not look at them all.
      for (int i = 0; i < 1000; ++i) {
        std::string text = i < 200 ? "The ferry strike goes on." : "Quiet.";
        for (int k = 0; k < i % 50; ++k) {
          text += " The harbour is quiet today.";
        }
        Put(*store, MakeArticle("t" + std::to_string(i), "Report", text,
                                "2024-01-01", "Wire"));
      }
      REQUIRE(store->Commit().ok());
    }
    SearchOptions options;
    options.query = "ferry strike";
    options.limit = 2;
    Result<SearchResults> results = Search(dir.path(), options);
    REQUIRE(results.has_value());
    CHECK(results->hits.size() == 2);
    CHECK(results->total == 200);
    CHECK(results->total_exact);
  }

  TEST_CASE("search and said refuse an index of an older schema, with a "
            "rebuild hint") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    {
      Xapian::WritableDatabase index((dir.path() / "xapian").string());
      index.set_metadata("dossier.schema_version", "2");
      index.commit();
    }
    SearchOptions options;
    options.query = "rates";
    Result<SearchResults> results = Search(dir.path(), options);
    REQUIRE_FALSE(results.has_value());
    CHECK(results.error().code() == StatusCode::kInvalidInput);
    CHECK(results.error().ToString().find("rebuild") != std::string::npos);
    SaidOptions said;
    said.about = "rates";
    Result<SaidResults> quotes = Said(dir.path(), said);
    REQUIRE_FALSE(quotes.has_value());
    CHECK(quotes.error().code() == StatusCode::kInvalidInput);
  }

  TEST_CASE("a query Xapian cannot parse is invalid input, and a missing "
            "database is not found") {
    testing::ScopedTempDir dir;
    SearchOptions options;
    options.query = "anything";
    Result<SearchResults> missing = Search(dir.path() / "nope", options);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code() == StatusCode::kNotFound);
    BuildFixture(dir.path());
    options.query = "title:(";
    Result<SearchResults> bad = Search(dir.path(), options);
    if (!bad.has_value()) {
      CHECK(bad.error().code() == StatusCode::kInvalidInput);
    }
  }
}

TEST_SUITE("indexer/ArticleStore") {
  TEST_CASE("re-putting an article replaces it, and delete removes it") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    {
      Result<std::unique_ptr<ArticleStore>> store =
          ArticleStore::Open(dir.path(), OpenMode::kReadWrite);
      REQUIRE(store.has_value());
      const Article changed =
          MakeArticle("a1", "Central bank holds", "Nothing moved at all.",
                      "2024-02-11", "Daily Ledger");
      DocumentBuilder builder;
      Result<indexer::PutOutcome> outcome = (*store)->Put(builder.Build(
          changed, {}, indexer::ContentHash(changed)));
      REQUIRE(outcome.has_value());
      CHECK(*outcome == indexer::PutOutcome::kReplaced);
      Result<std::optional<std::string>> hash = (*store)->StoredHash("a1");
      REQUIRE(hash.has_value());
      CHECK(**hash == indexer::ContentHash(changed));
      Result<bool> deleted = (*store)->Delete("c3");
      REQUIRE(deleted.has_value());
      CHECK(*deleted);
      Result<bool> again = (*store)->Delete("c3");
      REQUIRE(again.has_value());
      CHECK_FALSE(*again);
      REQUIRE((*store)->Commit().ok());
      Result<indexer::StoreStats> stats = (*store)->Stats();
      REQUIRE(stats.has_value());
      CHECK(stats->articles == 2);
      CHECK_FALSE(stats->last_update.empty());
    }
    CHECK(SortedIds(MustSearch(dir.path(), "rates")).empty());
    CHECK(SortedIds(MustSearch(dir.path(), "nothing moved")) == Ids_t{"a1"});
  }

  TEST_CASE("ContentHash changes with any field and is stable") {
    const Article a = MakeArticle("x", "T", "body", "2024-01-01", "S");
    Article b = a;
    CHECK(indexer::ContentHash(a) == indexer::ContentHash(b));
    b.text = "body!";
    CHECK(indexer::ContentHash(a) != indexer::ContentHash(b));
    Article c = a;
    c.title = "T2";
    CHECK(indexer::ContentHash(a) != indexer::ContentHash(c));
    CHECK(indexer::ContentHash(a).size() == 16);
  }

  TEST_CASE("a second writer is refused with a clear message") {
    testing::ScopedTempDir dir;
    Result<std::unique_ptr<ArticleStore>> first =
        ArticleStore::Open(dir.path(), OpenMode::kReadWrite);
    REQUIRE(first.has_value());
    Result<std::unique_ptr<ArticleStore>> second =
        ArticleStore::Open(dir.path(), OpenMode::kReadWrite);
    REQUIRE_FALSE(second.has_value());
    CHECK(second.error().code() == StatusCode::kIOError);
    CHECK(second.error().message().rfind("index locked by another process",
                                         0) == 0);
  }
}

}  // namespace dossier::query
