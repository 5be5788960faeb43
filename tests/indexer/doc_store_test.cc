#include "indexer/doc_store.h"

#include <doctest/doctest.h>
#include <xapian.h>

#include <thread>

#include "indexer/article_store.h"
#include "indexer/internal/bounded_queue.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::indexer {
namespace {

std::optional<std::string> MustGet(const DocStore& store, std::string_view id,
                                   std::string_view version = "v1") {
  Result<std::optional<std::string>> record = store.Get(id, version);
  REQUIRE_MESSAGE(record.has_value(), record.error().ToString());
  return *record;
}

Article MakeArticle(std::string id, std::string text) {
  Article article;
  article.id = std::move(id);
  article.title = "Harbour news";
  article.text = std::move(text);
  article.source = "Wire";
  return article;
}

std::unique_ptr<ArticleStore> OpenWriter(const std::filesystem::path& dir) {
  Result<std::unique_ptr<ArticleStore>> store =
      ArticleStore::Open(dir, OpenMode::kReadWrite);
  REQUIRE(store.has_value());
  return std::move(*store);
}

std::unique_ptr<ArticleStore> OpenReader(const std::filesystem::path& dir) {
  Result<std::unique_ptr<ArticleStore>> store =
      ArticleStore::Open(dir, OpenMode::kReadOnly);
  REQUIRE(store.has_value());
  return std::move(*store);
}

void MustPut(ArticleStore& store, const Article& article) {
  DocumentBuilder builder;
  REQUIRE(store.Put(builder.Build(article, {}, ContentHash(article)))
              .has_value());
}

}  // namespace

TEST_SUITE("indexer/DocStore") {
  TEST_CASE("staged records are seen by Get at once and by readers once "
            "written; the last change of an id wins") {
    testing::ScopedTempDir dir;
    {
      Result<std::unique_ptr<DocStore>> store = DocStore::Open(dir.path(), true);
      REQUIRE(store.has_value());
      (*store)->StagePut("a", "v1", "first");
      (*store)->StagePut("b", "v1", "kept");
      (*store)->StageDelete("a", "v1");
      (*store)->StageDelete("c", "v1");
      (*store)->StagePut("c", "v1", "back");
      (*store)->StagePut("c", "v2", "newer");
      CHECK(MustGet(**store, "a") == std::nullopt);
      CHECK(MustGet(**store, "c") == "back");
      REQUIRE((*store)->WriteStagedPuts().ok());
      REQUIRE((*store)->WriteStagedDeletes().ok());
    }
    Result<std::unique_ptr<DocStore>> reader = DocStore::Open(dir.path(), false);
    REQUIRE(reader.has_value());
    CHECK(MustGet(**reader, "a") == std::nullopt);
    CHECK(MustGet(**reader, "b") == "kept");
    CHECK(MustGet(**reader, "c") == "back");
    CHECK(MustGet(**reader, "c", "v2") == "newer");  // versions apart
    CHECK(MustGet(**reader, "b", "v2") == std::nullopt);
    CHECK(MustGet(**reader, "missing") == std::nullopt);
  }

  TEST_CASE("removals wait for WriteStagedDeletes; records do not") {
    testing::ScopedTempDir dir;
    Result<std::unique_ptr<DocStore>> store = DocStore::Open(dir.path(), true);
    REQUIRE(store.has_value());
    (*store)->StagePut("old", "v1", "text");
    REQUIRE((*store)->WriteStagedPuts().ok());
    REQUIRE((*store)->WriteStagedDeletes().ok());
    (*store)->StagePut("new", "v1", "text");
    (*store)->StageDelete("old", "v1");
    REQUIRE((*store)->WriteStagedPuts().ok());
    // What a crash at this point leaves: the new record, the old one too.
    {
      Result<std::unique_ptr<DocStore>> reader =
          DocStore::Open(dir.path(), false);
      REQUIRE(reader.has_value());
      CHECK(MustGet(**reader, "new") == "text");
      CHECK(MustGet(**reader, "old") == "text");
    }
    REQUIRE((*store)->WriteStagedDeletes().ok());
    Result<std::unique_ptr<DocStore>> reader = DocStore::Open(dir.path(), false);
    REQUIRE(reader.has_value());
    CHECK(MustGet(**reader, "old") == std::nullopt);
  }

  TEST_CASE("after a crash between the writes, only the indexed version of "
            "a pending id stays") {
    testing::ScopedTempDir dir;
    const auto indexed = [](std::string version) {
      return [version](std::string_view) -> Result<std::optional<std::string>> {
        if (version.empty()) {
          return std::optional<std::string>();
        }
        return std::optional<std::string>(version);
      };
    };
    {
      Result<std::unique_ptr<DocStore>> store = DocStore::Open(dir.path(), true);
      REQUIRE(store.has_value());
      (*store)->StagePut("kept", "v1", "one");
      (*store)->StagePut("story", "v1", "one");
      REQUIRE((*store)->WriteStagedPuts().ok());
      REQUIRE((*store)->WriteStagedDeletes().ok());
      // A clean run leaves no marks: nothing to sweep, whatever the index.
      Result<std::uint64_t> swept =
          (*store)->KeepIndexedVersions(indexed("elsewhere"));
      REQUIRE(swept.has_value());
      CHECK(*swept == 0);
      // The next run writes v2 of "story" and stops before the removals.
      (*store)->StagePut("story", "v2", "two");
      (*store)->StageDelete("story", "v1");
      (*store)->StagePut("gone", "v1", "never indexed");
      REQUIRE((*store)->WriteStagedPuts().ok());
    }
    // What the index committed decides: here it still names v1 of "story"
    // and has no "gone".
    Result<std::unique_ptr<DocStore>> store = DocStore::Open(dir.path(), true);
    REQUIRE(store.has_value());
    Result<std::uint64_t> swept =
        (*store)->KeepIndexedVersions([](std::string_view id) {
          return Result<std::optional<std::string>>(
              id == "story" ? std::optional<std::string>("v1")
                            : std::optional<std::string>());
        });
    REQUIRE(swept.has_value());
    CHECK(*swept == 2);
    CHECK(MustGet(**store, "story", "v1") == "one");
    CHECK(MustGet(**store, "story", "v2") == std::nullopt);
    CHECK(MustGet(**store, "gone", "v1") == std::nullopt);
    CHECK(MustGet(**store, "kept", "v1") == "one");
    // The marks are cleared with the sweep.
    swept = (*store)->KeepIndexedVersions(indexed(""));
    REQUIRE(swept.has_value());
    CHECK(*swept == 0);
    CHECK(MustGet(**store, "story", "v1") == "one");
  }

  TEST_CASE("a missing store is not found read-only; a second writer is "
            "refused") {
    testing::ScopedTempDir dir;
    Result<std::unique_ptr<DocStore>> missing =
        DocStore::Open(dir.path(), false);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().code() == StatusCode::kNotFound);
    Result<std::unique_ptr<DocStore>> writer = DocStore::Open(dir.path(), true);
    REQUIRE(writer.has_value());
    Result<std::unique_ptr<DocStore>> second = DocStore::Open(dir.path(), true);
    REQUIRE_FALSE(second.has_value());
    CHECK(second.error().code() == StatusCode::kIOError);
  }

  TEST_CASE("Compact keeps every record and leaves the log empty") {
    testing::ScopedTempDir dir;
    Result<std::unique_ptr<DocStore>> store = DocStore::Open(dir.path(), true);
    REQUIRE(store.has_value());
    for (int i = 0; i < 200; ++i) {
      (*store)->StagePut("id" + std::to_string(i), "v1",
                         std::string(500, static_cast<char>('a' + i % 26)));
    }
    REQUIRE((*store)->WriteStagedPuts().ok());
    REQUIRE((*store)->Compact().ok());
    CHECK(MustGet(**store, "id7") == std::string(500, 'h'));
    // 100 KB of repetitive records compress to a fraction.
    CHECK((*store)->SizeBytes() < 60000);
  }
}

TEST_SUITE("indexer/ArticleStore") {
  TEST_CASE("documents built on one thread are stored on another, as the "
            "index pipeline does, and each arrives whole") {
    // The builder must let go of each document before handing it over:
    // Xapian counts references without atomics. When it did not, this
    // test crashed in about half its runs (a queue of one keeps the
    // writer on the document the builder has just released).
    testing::ScopedTempDir dir;
    constexpr int kArticles = 20000;
    internal::BoundedQueue<PreparedArticlePtr> built(1);
    std::thread builder_thread([&] {
      DocumentBuilder builder;
      for (int i = 0; i < kArticles; ++i) {
        const Article article = MakeArticle(
            "a" + std::to_string(i), "Ferry " + std::to_string(i) + " ran.");
        if (!built.Push(builder.Build(article, {}, ContentHash(article)))) {
          return;
        }
      }
      built.Close();
    });
    const std::unique_ptr<ArticleStore> store = OpenWriter(dir.path());
    int stored = 0;
    while (std::optional<PreparedArticlePtr> prepared = built.Pop()) {
      Result<PutOutcome> put = store->Put(std::move(*prepared));
      if (!put.has_value()) {
        built.Close();
        break;
      }
      ++stored;
    }
    builder_thread.join();
    REQUIRE(stored == kArticles);
    REQUIRE(store->Commit().ok());
    Xapian::Database index((dir.path() / "xapian").string());
    CHECK(index.get_doccount() == kArticles);
    // Every document kept its own words: "ferri" in all, its number once.
    CHECK(index.get_termfreq("ferri") == kArticles);
    CHECK(index.get_termfreq(std::to_string(kArticles - 1)) == 1);
  }

  TEST_CASE("the index keeps the article id as document data and the record "
            "in docs/; deleting removes both") {
    testing::ScopedTempDir dir;
    const Article keep = MakeArticle("keep", "Ferries ran late on Monday.");
    const Article drop = MakeArticle("drop", "Ferries were cancelled.");
    {
      const std::unique_ptr<ArticleStore> store = OpenWriter(dir.path());
      MustPut(*store, keep);
      MustPut(*store, drop);
      REQUIRE(store->Commit().ok());
      Result<bool> deleted = store->Delete("drop");
      REQUIRE(deleted.has_value());
      CHECK(*deleted);
      REQUIRE(store->Commit().ok());
    }
    Xapian::Database index((dir.path() / "xapian").string());
    REQUIRE(index.get_doccount() == 1);
    Xapian::PostingIterator posting = index.postlist_begin("Qkeep");
    REQUIRE(posting != index.postlist_end("Qkeep"));
    CHECK(index.get_document(*posting).get_data() == "keep");

    Result<std::unique_ptr<DocStore>> docs = DocStore::Open(dir.path(), false);
    REQUIRE(docs.has_value());
    CHECK(MustGet(**docs, "drop", ContentHash(drop)) == std::nullopt);
    const std::optional<std::string> record =
        MustGet(**docs, "keep", ContentHash(keep));
    REQUIRE(record.has_value());
    CHECK(record->find("Ferries ran late on Monday.") != std::string::npos);

    const std::unique_ptr<ArticleStore> reader = OpenReader(dir.path());
    Result<std::optional<Article>> loaded = reader->LoadArticle("keep");
    REQUIRE(loaded.has_value());
    REQUIRE(loaded->has_value());
    CHECK((*loaded)->text == "Ferries ran late on Monday.");
    CHECK((*loaded)->source == "Wire");
    CHECK(reader->Stats()->size_bytes > (*docs)->SizeBytes());
  }

  TEST_CASE("an indexed article whose record is gone is reported as "
            "corruption, not as an empty article") {
    testing::ScopedTempDir dir;
    const Article lost = MakeArticle("lost", "Ferries ran late.");
    {
      const std::unique_ptr<ArticleStore> store = OpenWriter(dir.path());
      MustPut(*store, lost);
      REQUIRE(store->Commit().ok());
    }
    {
      Result<std::unique_ptr<DocStore>> docs = DocStore::Open(dir.path(), true);
      REQUIRE(docs.has_value());
      (*docs)->StageDelete("lost", ContentHash(lost));
      REQUIRE((*docs)->WriteStagedDeletes().ok());
    }
    Result<std::optional<Article>> loaded =
        OpenReader(dir.path())->LoadArticle("lost");
    REQUIRE_FALSE(loaded.has_value());
    CHECK(loaded.error().code() == StatusCode::kCorruption);
  }

  TEST_CASE("a replacement keeps one record; a crash after the new record "
            "and before the index commit still reads the indexed version") {
    testing::ScopedTempDir dir;
    const Article v1 = MakeArticle("story", "Ferries ran late.");
    const Article v2 = MakeArticle("story", "Ferries ran on time.");
    const Article v3 = MakeArticle("story", "Ferries were cancelled.");
    {
      const std::unique_ptr<ArticleStore> store = OpenWriter(dir.path());
      MustPut(*store, v1);
      REQUIRE(store->Commit().ok());
      MustPut(*store, v2);
      REQUIRE(store->Commit().ok());
    }
    {
      Result<std::unique_ptr<DocStore>> docs = DocStore::Open(dir.path(), false);
      REQUIRE(docs.has_value());
      CHECK(MustGet(**docs, "story", ContentHash(v1)) == std::nullopt);
      CHECK(MustGet(**docs, "story", ContentHash(v2)).has_value());
    }
    // What ArticleStore::Commit does first for v3, and then no more.
    {
      Result<std::unique_ptr<DocStore>> docs = DocStore::Open(dir.path(), true);
      REQUIRE(docs.has_value());
      (*docs)->StagePut("story", ContentHash(v3), "{\"text\": \"v3\"}");
      REQUIRE((*docs)->WriteStagedPuts().ok());
    }
    Result<std::optional<Article>> loaded =
        OpenReader(dir.path())->LoadArticle("story");
    REQUIRE(loaded.has_value());
    REQUIRE(loaded->has_value());
    CHECK((*loaded)->text == v2.text);
    // The next writer drops the record the index never took, and an old
    // version that a crash after the index commit would have left.
    {
      Result<std::unique_ptr<DocStore>> docs = DocStore::Open(dir.path(), true);
      REQUIRE(docs.has_value());
      (*docs)->StagePut("story", ContentHash(v1), "{\"text\": \"v1\"}");
      REQUIRE((*docs)->WriteStagedPuts().ok());
    }
    OpenWriter(dir.path());
    Result<std::unique_ptr<DocStore>> docs = DocStore::Open(dir.path(), false);
    REQUIRE(docs.has_value());
    CHECK(MustGet(**docs, "story", ContentHash(v1)) == std::nullopt);
    CHECK(MustGet(**docs, "story", ContentHash(v2)).has_value());
    CHECK(MustGet(**docs, "story", ContentHash(v3)) == std::nullopt);
  }
}

}  // namespace dossier::indexer
