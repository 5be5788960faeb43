#include <doctest/doctest.h>

#include "indexer/article_store.h"
#include "query/search.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::indexer {

TEST_SUITE("indexer/ArticleStore") {
  TEST_CASE("Compact keeps every article searchable and the store writable") {
    testing::ScopedTempDir dir;
    Result<std::unique_ptr<ArticleStore>> store =
        ArticleStore::Open(dir.path(), OpenMode::kReadWrite);
    REQUIRE(store.has_value());
    DocumentBuilder builder;
    for (int i = 0; i < 50; ++i) {
      Article article;
      article.id = "a" + std::to_string(i);
      article.title = "Story " + std::to_string(i);
      article.text = "Ferry crews met in harbour number " + std::to_string(i);
      REQUIRE((*store)
                  ->Put(builder.Build(article, {}, ContentHash(article)))
                  .has_value());
    }
    REQUIRE((*store)->Compact().ok());
    Article late;
    late.id = "late";
    late.text = "Written after compaction about ferry timetables.";
    REQUIRE((*store)->Put(builder.Build(late, {}, ContentHash(late)))
                .has_value());
    REQUIRE((*store)->Commit().ok());
    CHECK((*store)->Stats()->articles == 51);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "xapian.old"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "xapian.compact"));
    query::SearchOptions options;
    options.query = "ferry";
    options.limit = 100;
    Result<query::SearchResults> results = query::Search(dir.path(), options);
    REQUIRE(results.has_value());
    CHECK(results->total == 51);
  }

  TEST_CASE("Open finishes a compaction swap that a crash interrupted") {
    testing::ScopedTempDir dir;
    {
      Result<std::unique_ptr<ArticleStore>> store =
          ArticleStore::Open(dir.path(), OpenMode::kReadWrite);
      REQUIRE(store.has_value());
      Article article;
      article.id = "only";
      article.text = "The one article.";
      DocumentBuilder builder;
      REQUIRE((*store)
                  ->Put(builder.Build(article, {}, ContentHash(article)))
                  .has_value());
      REQUIRE((*store)->Commit().ok());
    }
    // A crash between the two renames leaves only xapian.old.
    std::filesystem::rename(dir.path() / "xapian", dir.path() / "xapian.old");
    Result<std::unique_ptr<ArticleStore>> reopened =
        ArticleStore::Open(dir.path(), OpenMode::kReadWrite);
    REQUIRE(reopened.has_value());
    CHECK((*reopened)->Stats()->articles == 1);
  }
}

}  // namespace dossier::indexer
