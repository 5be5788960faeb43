#include "query/said.h"

#include <doctest/doctest.h>

#include "indexer/article_store.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::query {
namespace {

Span SpanOf(const std::string& text, std::string_view part) {
  const std::size_t at = text.find(part);
  REQUIRE(at != std::string::npos);
  return {static_cast<std::uint32_t>(at),
          static_cast<std::uint32_t>(at + part.size())};
}

Quote MakeQuote(const std::string& text, std::string_view content,
                std::string_view cue, std::string_view speaker_as_written,
                std::string speaker_name) {
  Quote quote;
  quote.content = SpanOf(text, content);
  quote.cue = SpanOf(text, cue);
  quote.speaker = SpanOf(text, speaker_as_written);
  quote.speaker_name = std::move(speaker_name);
  quote.kind = QuoteKind::kDirect;
  quote.rule = "test";
  return quote;
}

void AddArticle(indexer::ArticleStore* store, const std::string& id,
                const std::string& date, const std::string& text,
                const std::vector<Quote>& quotes) {
  Article article;
  article.id = id;
  article.title = "Title " + id;
  article.text = text;
  article.date = date;
  article.source = "Wire";
  ArticleAnalysis analysis;
  analysis.quotes = quotes;
  indexer::DocumentBuilder builder;
  REQUIRE(
      store
          ->Put(builder.Build(article, analysis, indexer::ContentHash(article)))
          .has_value());
}

void BuildFixture(const std::filesystem::path& dir) {
  Result<std::unique_ptr<indexer::ArticleStore>> store =
      indexer::ArticleStore::Open(dir, indexer::OpenMode::kReadWrite);
  REQUIRE(store.has_value());
  const std::string t1 =
      "\"China is moving faster on open models,\" Ana Ruiz said. "
      "\"Budgets are tight,\" said Tom Hale.";
  AddArticle(store->get(), "q1", "2024-03-01", t1,
             {MakeQuote(t1, "China is moving faster on open models,", "said",
                        "Ana Ruiz", "Ana Ruiz"),
              MakeQuote(t1, "Budgets are tight,", "said Tom", "Tom Hale",
                        "Tom Hale")});
  const std::string t2 =
      "Ruiz warned that labs in China publish more. \"We must share,\" she "
      "added.";
  AddArticle(store->get(), "q2", "2024-09-15", t2,
             {MakeQuote(t2, "labs in China publish more", "warned", "Ruiz",
                        "Ana Ruiz"),
              MakeQuote(t2, "We must share,", "added", "she", "Ana Ruiz")});
  REQUIRE((*store)->Commit().ok());
}

}  // namespace

TEST_SUITE("query/Said") {
  TEST_CASE("--by lists a speaker's quotes newest first, by any name part") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    SaidOptions options;
    options.by = "Ruiz";
    Result<SaidResults> results = Said(dir.path(), options);
    REQUIRE(results.has_value());
    REQUIRE(results->quotes.size() == 3);
    CHECK(results->quotes[0].article == "q2");
    CHECK(results->quotes[2].text == "China is moving faster on open models,");
    CHECK(results->quotes[2].speaker == "Ana Ruiz");
    CHECK(results->quotes[2].start == 1);
    CHECK(results->quotes[2].date == "2024-03-01");
    options.by = "ana ruiz";
    CHECK(Said(dir.path(), options)->quotes.size() == 3);
    options.by = "Tom Ruiz";
    CHECK(Said(dir.path(), options)->quotes.empty());
  }

  TEST_CASE("--about narrows to the topic, stemmed, and dates bound it") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    SaidOptions options;
    options.by = "Ruiz";
    options.about = "china";
    Result<SaidResults> results = Said(dir.path(), options);
    REQUIRE(results.has_value());
    CHECK(results->quotes.size() == 2);
    options.about = "publishing";  // stem of "publish"
    CHECK(Said(dir.path(), options)->quotes.size() == 1);
    options.about = "\"open models\"";
    CHECK(Said(dir.path(), options)->quotes.size() == 1);
    options.about = "china";
    options.since = "2024-06-01";
    REQUIRE(Said(dir.path(), options)->quotes.size() == 1);
    CHECK(Said(dir.path(), options)->quotes[0].article == "q2");
    options.since = "June";
    Result<SaidResults> bad = Said(dir.path(), options);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message() ==
          "expected a date as YYYY-MM-DD, got \"June\"");
  }

  TEST_CASE("speaker and topic must meet in the same quote") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    SaidOptions options;
    // q1 has a Tom Hale quote and a quote about China, not both at once.
    options.by = "Hale";
    options.about = "china";
    REQUIRE(Said(dir.path(), options).has_value());
    CHECK(Said(dir.path(), options)->quotes.empty());
    CHECK(Said(dir.path(), options)->total == 0);
    options.about = "budget";
    CHECK(Said(dir.path(), options)->quotes.size() == 1);
  }

  TEST_CASE("the topic query is evaluated on each quote's words") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    SaidOptions options;
    options.by = "Ruiz";
    options.about = "china NOT labs";
    REQUIRE(Said(dir.path(), options)->quotes.size() == 1);
    CHECK(Said(dir.path(), options)->quotes[0].article == "q1");
    options.about = "china NEAR models";
    CHECK(Said(dir.path(), options)->quotes.size() == 1);
    options.about = "\"models open\"";  // a phrase keeps its order
    CHECK(Said(dir.path(), options)->quotes.empty());
    options.about = "share OR budgets";
    REQUIRE(Said(dir.path(), options)->quotes.size() == 1);
    CHECK(Said(dir.path(), options)->quotes[0].text == "We must share,");
  }

  TEST_CASE("stats count the quotes stored with the articles") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    auto store =
        indexer::ArticleStore::Open(dir.path(), indexer::OpenMode::kReadOnly);
    REQUIRE(store.has_value());
    Result<indexer::StoreStats> stats = (*store)->Stats();
    REQUIRE(stats.has_value());
    CHECK(stats->articles == 2);
    CHECK(stats->quotes == 4);
  }

  TEST_CASE("without --by, speakers are grouped with counts and a best quote") {
    testing::ScopedTempDir dir;
    BuildFixture(dir.path());
    SaidOptions options;
    options.about = "china OR budgets";
    Result<SaidResults> results = Said(dir.path(), options);
    REQUIRE(results.has_value());
    REQUIRE(results->speakers.size() == 2);
    CHECK(results->speakers[0].speaker == "Ana Ruiz");
    CHECK(results->speakers[0].count == 2);
    CHECK(results->speakers[1].speaker == "Tom Hale");
    CHECK(results->speakers[1].best.text == "Budgets are tight,");
    CHECK(results->speakers_total == 2);
    options.limit = 1;
    results = Said(dir.path(), options);
    REQUIRE(results.has_value());
    CHECK(results->speakers.size() == 1);
    CHECK(results->speakers_total == 2);
  }

  TEST_CASE("a question with neither speaker nor topic is refused") {
    testing::ScopedTempDir dir;
    Result<SaidResults> results = Said(dir.path(), SaidOptions());
    REQUIRE_FALSE(results.has_value());
    CHECK(results.error().code() == StatusCode::kInvalidInput);
  }
}

}  // namespace dossier::query
