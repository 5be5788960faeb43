// KvStore: the only file pair that sees RocksDB. It opens the graph's column
// families, converts rocksdb::Status code by code, and offers point reads,
// prefix scans and atomic batches in our own types. Not thread-safe for
// writes; one writer at a time (GraphStore's contract).
#ifndef DOSSIER_GRAPH_INTERNAL_ROCKS_DB_H_
#define DOSSIER_GRAPH_INTERNAL_ROCKS_DB_H_

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/status.h"

namespace dossier::graph::internal {

enum class Cf : int {
  kEntities = 0,
  kAliases,
  kMentions,
  kRelationsOut,
  kRelationsIn,
  kCooccurrence,
  kQuotes,
  kArticles,
  kMeta,
  kOverrides,
  kSentences,
};
inline constexpr int kCfCount = 11;
std::string_view CfName(Cf cf);

// A list of puts, deletes and counter merges applied atomically by
// KvStore::Write.
struct Batch {
  enum class Kind { kPut, kDelete, kAddCounters };
  struct Op {
    Cf cf;
    Kind kind;
    std::string key;
    std::string value;  // empty for kDelete
  };
  std::vector<Op> ops;
  void Put(Cf cf, std::string key, std::string value) {
    ops.push_back({cf, Kind::kPut, std::move(key), std::move(value)});
  }
  void Delete(Cf cf, std::string key) {
    ops.push_back({cf, Kind::kDelete, std::move(key), {}});
  }
  // Adds the zig-zag varint counters in `delta` to the key's (AddCounters
  // in keys.h) without reading it: only for CFs whose values are counters
  // (kAliases, and the `N` keys of kCooccurrence).
  void AddCounters(Cf cf, std::string key, std::string delta) {
    ops.push_back({cf, Kind::kAddCounters, std::move(key), std::move(delta)});
  }
};

// Returns false to stop a scan early.
using ScanFn =
    std::function<bool(std::string_view key, std::string_view value)>;

struct KvOptions {
  bool create_if_missing = true;              // Default: true
  std::size_t block_cache_bytes = 64u << 20;  // Default: 64 MiB
  bool read_only = false;                     // Default: false
  // The column families that writes never read (all but entities,
  // articles, meta and overrides) keep their memtable as an unsorted vector,
  // sorted once when flushed, instead of a skip list: a write is an append.
  // A Get on one of them must then copy and sort the memtable, so this is
  // for a process that only writes them (dossier index). The entities
  // family, rewritten for every article that names an entity, updates its
  // memtable entry in place when the new value is no longer (RocksDB's
  // inplace_update_support): its memtable stays about one entry per
  // entity instead of one per write. Default: false.
  bool write_mostly = false;
  // Writes skip the write-ahead log, and the column families flush together
  // (atomic_flush), so a crash loses a consistent tail of the latest
  // writes, never part of one. Default: false.
  bool unlogged = false;
};

class KvStore {
 public:
  // kIOError when the directory is locked or unreadable, kCorruption when
  // RocksDB reports it, kNotFound when missing and !create_if_missing.
  static Result<std::unique_ptr<KvStore>> Open(const std::filesystem::path& dir,
                                               const KvOptions& options);
  ~KvStore();
  KvStore(const KvStore&) = delete;
  KvStore& operator=(const KvStore&) = delete;

  // nullopt when the key is absent.
  Result<std::optional<std::string>> Get(Cf cf, std::string_view key) const;
  Status Write(const Batch& batch);
  // Visits keys starting with `prefix` in order, from `start` when given
  // (start must itself begin with prefix).
  Status Scan(Cf cf, std::string_view prefix, const ScanFn& fn,
              std::string_view start = {}) const;
  // Visits keys starting with `prefix` from the last one backwards.
  Status ScanReverse(Cf cf, std::string_view prefix, const ScanFn& fn) const;
  // The bytes of bloom filter in the family's tables: RocksDB holds them in
  // memory, outside the block cache, while the store is open.
  Result<std::uint64_t> FilterBytes(Cf cf) const;
  // Rewrites every column family fully compacted; the compaction filters
  // drop zero counters.
  Status Compact();
  // Writes every memtable to disk: what must survive a crash of an
  // unlogged store (KvOptions::unlogged).
  Status Flush();
  // Destroys the column family handles, then the database.
  Status Close();

 private:
  struct Impl;
  explicit KvStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dossier::graph::internal

#endif  // DOSSIER_GRAPH_INTERNAL_ROCKS_DB_H_
