// ArticleStore: the Xapian side of a dossier database: one document per
// article in <db>/xapian, with its quotes (layout in indexer/xapian_layout.h
// and schemas/xapian_layout.md).
//
// Documents are built by a DocumentBuilder, one per thread, so that term
// generation runs on every core; the store itself has a single writer.
// ArticleStore is not thread-safe.
#ifndef DOSSIER_INDEXER_ARTICLE_STORE_H_
#define DOSSIER_INDEXER_ARTICLE_STORE_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/annotations.h"
#include "common/article.h"
#include "common/result.h"

namespace dossier::indexer {

// An article turned into Xapian documents, ready to store. Opaque; moved
// from the thread that built it to the writer.
struct PreparedArticle;
struct PreparedArticleDeleter {
  void operator()(PreparedArticle* prepared) const;
};
using PreparedArticlePtr =
    std::unique_ptr<PreparedArticle, PreparedArticleDeleter>;

// Returns a stable hex digest of everything that makes up an indexed
// article (its fields and the analysis version), so that re-indexing an
// unchanged article can be recognized and skipped.
std::string ContentHash(const Article& article);

class DocumentBuilder {
 public:
  DocumentBuilder();
  ~DocumentBuilder();
  DocumentBuilder(const DocumentBuilder&) = delete;
  DocumentBuilder& operator=(const DocumentBuilder&) = delete;

  // Builds the article document (stemmed text with positions, title,
  // boolean terms, values, stored fields and quotes). The result shares
  // no Xapian object with the builder, so it may go to another thread.
  PreparedArticlePtr Build(const Article& article,
                           const ArticleAnalysis& analysis,
                           std::string_view content_hash);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

enum class OpenMode { kReadOnly, kReadWrite };
enum class PutOutcome { kAdded, kReplaced };

struct StoreStats {
  std::uint64_t articles = 0;
  std::uint64_t quotes = 0;
  std::uint64_t size_bytes = 0;     // on disk: index_bytes + records_bytes
  std::uint64_t index_bytes = 0;    // <db>/xapian
  std::uint64_t records_bytes = 0;  // <db>/docs
  std::string last_update;       // ISO-8601 UTC of the last commit
};

class ArticleStore {
 public:
  // Opens (kReadWrite: creating when missing) the databases under `db_dir`.
  // kNotFound when read-only and missing; kIOError when locked by another
  // writer; kNotSupported for a newer schema; kInvalidInput for an older one
  // (with a rebuild hint); kCorruption when Xapian reports it.
  static Result<std::unique_ptr<ArticleStore>> Open(
      const std::filesystem::path& db_dir, OpenMode mode);
  ~ArticleStore();
  ArticleStore(const ArticleStore&) = delete;
  ArticleStore& operator=(const ArticleStore&) = delete;

  // The content hash stored for `id`, or nullopt when the id is absent.
  // Sees this writer's uncommitted changes.
  Result<std::optional<std::string>> StoredHash(std::string_view id);

  // The stored article (all its fields, text included), or nullopt.
  Result<std::optional<Article>> LoadArticle(std::string_view id);

  // Adds or replaces the article (its quotes with it).
  // REQUIRES: opened kReadWrite.
  Result<PutOutcome> Put(PreparedArticlePtr prepared);

  // Removes the article (and its quotes); false when it was not there.
  Result<bool> Delete(std::string_view id);

  // Makes everything since the last commit durable.
  Status Commit();

  // Commits, then rewrites the database fully packed (Xapian compaction:
  // about a third smaller after a bulk load, and faster to search). The
  // swap is crash-safe: Open() finishes or undoes an interrupted one.
  // REQUIRES: opened kReadWrite.
  Status Compact();

  Result<StoreStats> Stats();

  // Calls fn(id, content_hash) for every stored article, in id order.
  Status ForEachArticle(
      const std::function<void(std::string_view, std::string_view)>& fn);

 private:
  struct Impl;
  explicit ArticleStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_ARTICLE_STORE_H_
