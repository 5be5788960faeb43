// DocStore: what dossier keeps of each article besides its index terms: its
// fields, text and quotes as one JSON record (schemas/xapian_layout.md),
// keyed by article id, in <db>/docs (RocksDB, zstd-compressed blocks).
//
// The Xapian index holds terms, positions and values only; the document data
// of an article there is its id, the key here. Compressed blocks of many
// articles take less than Xapian's per-document zlib took (BBC: about 3.0 MB
// against 3.42 MB of `docdata`), and keep the index itself small
// (bench/index.sh).
//
// A record is kept under its article id and its version, the content hash
// the index stores with the article (value slot 3): id, a zero byte, then
// the version. Writes are staged and land in two steps around the Xapian
// commit that ArticleStore makes: new versions first, so that the version
// Xapian has always has its record; removals of old versions after. A crash
// in between leaves both versions, and readers, who ask for the version the
// index names, still read the one that matches the index.
//
// The first step also marks each id it touches as pending, and the second
// clears the marks. A mark that outlives its run is a crash between the two:
// the next writer keeps, of each marked id, only the version the index
// names (ArticleStore::Open calls KeepIndexedVersions), so no record of a
// version nothing indexes is left behind.
//
// Not thread-safe; readers open their own read-only instance.
#ifndef DOSSIER_INDEXER_DOC_STORE_H_
#define DOSSIER_INDEXER_DOC_STORE_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"

namespace dossier::indexer {

inline constexpr std::string_view kDocsSubdir = "docs";

class DocStore {
 public:
  // Opens <db_dir>/docs; `writable` creates it when missing. kNotFound when
  // read-only and missing; kIOError when another process writes it.
  static Result<std::unique_ptr<DocStore>> Open(
      const std::filesystem::path& db_dir, bool writable);
  ~DocStore();
  DocStore(const DocStore&) = delete;
  DocStore& operator=(const DocStore&) = delete;

  // Stage a version's record, or its removal; the last staged change of a
  // version wins. Get() sees staged records.
  void StagePut(std::string_view id, std::string_view version,
                std::string record);
  void StageDelete(std::string_view id, std::string_view version);

  // Writes the staged records durably (synced).
  Status WriteStagedPuts();
  // Writes the staged removals; call after the index committed them.
  Status WriteStagedDeletes();

  Result<std::optional<std::string>> Get(std::string_view id,
                                         std::string_view version) const;

  // After a crash between the two writes: for each id still marked
  // pending, removes every version but `indexed_version(id)` (all of them
  // when it is nullopt), and clears the marks. Returns how many records it
  // removed. REQUIRES: nothing staged.
  using IndexedVersion =
      std::function<Result<std::optional<std::string>>(std::string_view id)>;
  Result<std::uint64_t> KeepIndexedVersions(
      const IndexedVersion& indexed_version);

  // Writes everything out of the log into fully compacted files (after a
  // bulk load, and before the store is measured).
  Status Compact();

  std::uint64_t SizeBytes() const;

 private:
  struct Impl;
  explicit DocStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_DOC_STORE_H_
