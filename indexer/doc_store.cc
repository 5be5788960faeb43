#include "indexer/doc_store.h"

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/write_batch.h>

#include <set>
#include <vector>

#include "common/disk_usage.h"

namespace dossier::indexer {

struct DocStore::Impl {
  std::filesystem::path dir;
  bool writable = false;
  std::unique_ptr<rocksdb::DB> db;
  // key -> record, or nullopt for a removal; the last change wins.
  std::map<std::string, std::optional<std::string>, std::less<>> staged;
  // Ids marked pending by WriteStagedPuts, cleared by WriteStagedDeletes.
  std::set<std::string, std::less<>> pending;
};

namespace {

std::string RecordKey(std::string_view id, std::string_view version) {
  std::string key(id);
  key.push_back('\0');
  key.append(version);
  return key;
}

// Pending marks sort after every record: ids are UTF-8, which never has a
// 0xff byte.
constexpr char kPendingMark = '\xff';

std::string PendingKey(std::string_view id) {
  std::string key(1, kPendingMark);
  key.append(id);
  return key;
}

// The id of a record key (before its zero byte).
std::string_view IdOfKey(std::string_view key) {
  return key.substr(0, key.find('\0'));
}

Status FromRocks(const rocksdb::Status& s, const std::string& what) {
  if (s.ok()) {
    return Status::Ok();
  }
  if (s.IsCorruption()) {
    return Status::Corruption(what + ": " + s.ToString());
  }
  return Status::IOError(what + ": " + s.ToString());
}

rocksdb::Options StoreOptions(bool writable) {
  rocksdb::Options options;
  options.create_if_missing = writable;
  options.max_open_files = 256;
  options.keep_log_file_num = 2;
  // Records are written once and read by id: big blocks compress the text
  // well (zstd over many articles at once) and cost one decompression per
  // lookup.
  rocksdb::BlockBasedTableOptions table;
  table.block_size = 32 * 1024;
  table.block_cache = rocksdb::NewLRUCache(std::size_t{16} << 20);
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  // zstd's fastest level while a run writes its tables, and its default
  // (3) where data settles: the bottom level, which a bulk load's closing
  // compaction rewrites everything into.
  options.compression = rocksdb::kZSTD;
  options.compression_opts.level = 1;
  options.bottommost_compression = rocksdb::kZSTD;
  options.bottommost_compression_opts.level = 3;
  options.bottommost_compression_opts.enabled = true;
  // Bounds the memory a run holds in the memtable, whatever the archive.
  options.write_buffer_size = std::size_t{16} << 20;
  return options;
}

Status WriteSynced(rocksdb::DB* db, rocksdb::WriteBatch* batch,
                   const std::string& what) {
  if (batch->Count() == 0) {
    return Status::Ok();
  }
  rocksdb::WriteOptions sync;
  sync.sync = true;
  return FromRocks(db->Write(sync, batch), what);
}

}  // namespace

Result<std::unique_ptr<DocStore>> DocStore::Open(
    const std::filesystem::path& db_dir, bool writable) {
  auto impl = std::make_unique<Impl>();
  impl->dir = db_dir / kDocsSubdir;
  impl->writable = writable;
  if (!writable && !std::filesystem::exists(impl->dir / "CURRENT")) {
    return Status::NotFound("no article records at " + impl->dir.string() +
                            " (run dossier index first)");
  }
  rocksdb::DB* raw = nullptr;
  const rocksdb::Options options = StoreOptions(writable);
  const rocksdb::Status s =
      writable ? rocksdb::DB::Open(options, impl->dir.string(), &raw)
               : rocksdb::DB::OpenForReadOnly(options, impl->dir.string(),
                                              &raw);
  impl->db.reset(raw);
  if (!s.ok()) {
    if (s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
      return Status::IOError("article records locked by another process: " +
                             impl->dir.string());
    }
    return FromRocks(s, "opening article records " + impl->dir.string());
  }
  return std::unique_ptr<DocStore>(new DocStore(std::move(impl)));
}

DocStore::DocStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

DocStore::~DocStore() {
  if (impl_->writable) {
    // Out of the write-ahead log into a compressed file, so that the next
    // open replays nothing; the log keeps the data if this fails.
    impl_->db->Flush(rocksdb::FlushOptions()).PermitUncheckedError();
  }
  impl_->db->Close().PermitUncheckedError();
}

void DocStore::StagePut(std::string_view id, std::string_view version,
                        std::string record) {
  impl_->staged.insert_or_assign(RecordKey(id, version),
                                 std::optional<std::string>(std::move(record)));
}

void DocStore::StageDelete(std::string_view id, std::string_view version) {
  impl_->staged.insert_or_assign(RecordKey(id, version), std::nullopt);
}

Status DocStore::WriteStagedPuts() {
  rocksdb::WriteBatch batch;
  for (auto it = impl_->staged.begin(); it != impl_->staged.end();) {
    // Every id with a staged change is pending until the removals land;
    // its removals stay staged, so the mark is cleared with them.
    const std::string_view id = IdOfKey(it->first);
    if (impl_->pending.emplace(id).second) {
      batch.Put(PendingKey(id), "");
    }
    if (!it->second) {
      ++it;
      continue;
    }
    batch.Put(it->first, *it->second);
    it = impl_->staged.erase(it);
  }
  return WriteSynced(impl_->db.get(), &batch,
                     "writing article records to " + impl_->dir.string());
}

Status DocStore::WriteStagedDeletes() {
  rocksdb::WriteBatch batch;
  for (const auto& [key, record] : impl_->staged) {
    if (record) {
      batch.Put(key, *record);  // staged after WriteStagedPuts: keep it
    } else {
      batch.Delete(key);
    }
  }
  for (const std::string& id : impl_->pending) {
    batch.Delete(PendingKey(id));
  }
  impl_->staged.clear();
  impl_->pending.clear();
  return WriteSynced(impl_->db.get(), &batch,
                     "removing article records from " + impl_->dir.string());
}

Result<std::optional<std::string>> DocStore::Get(
    std::string_view id, std::string_view version) const {
  const std::string key = RecordKey(id, version);
  const auto staged = impl_->staged.find(key);
  if (staged != impl_->staged.end()) {
    return staged->second;
  }
  std::string value;
  const rocksdb::Status s =
      impl_->db->Get(rocksdb::ReadOptions(), key, &value);
  if (s.IsNotFound()) {
    return std::optional<std::string>();
  }
  DOSSIER_RETURN_IF_ERROR(
      FromRocks(s, "reading article records at " + impl_->dir.string()));
  return std::optional<std::string>(std::move(value));
}

Result<std::uint64_t> DocStore::KeepIndexedVersions(
    const IndexedVersion& indexed_version) {
  if (!impl_->writable) {
    return Status::Internal("DocStore::KeepIndexedVersions on a read-only store");
  }
  std::vector<std::string> marked;
  {
    std::unique_ptr<rocksdb::Iterator> it(
        impl_->db->NewIterator(rocksdb::ReadOptions()));
    for (it->Seek(std::string(1, kPendingMark)); it->Valid(); it->Next()) {
      marked.emplace_back(it->key().ToStringView().substr(1));
    }
    DOSSIER_RETURN_IF_ERROR(
        FromRocks(it->status(), "reading article records at " +
                                    impl_->dir.string()));
  }
  if (marked.empty()) {
    return std::uint64_t{0};
  }
  rocksdb::WriteBatch batch;
  std::uint64_t removed = 0;
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db->NewIterator(rocksdb::ReadOptions()));
  for (const std::string& id : marked) {
    Result<std::optional<std::string>> keep = indexed_version(id);
    if (!keep.has_value()) {
      return keep.error();
    }
    const std::string prefix = RecordKey(id, "");
    for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix);
         it->Next()) {
      const std::string_view version =
          it->key().ToStringView().substr(prefix.size());
      if (!keep->has_value() || version != **keep) {
        batch.Delete(it->key());
        ++removed;
      }
    }
    batch.Delete(PendingKey(id));
  }
  DOSSIER_RETURN_IF_ERROR(FromRocks(
      it->status(), "reading article records at " + impl_->dir.string()));
  DOSSIER_RETURN_IF_ERROR(
      WriteSynced(impl_->db.get(), &batch,
                  "removing unindexed records from " + impl_->dir.string()));
  return removed;
}

Status DocStore::Compact() {
  if (!impl_->writable) {
    return Status::Internal("DocStore::Compact on a read-only store");
  }
  DOSSIER_RETURN_IF_ERROR(
      FromRocks(impl_->db->Flush(rocksdb::FlushOptions()),
                "flushing article records at " + impl_->dir.string()));
  rocksdb::CompactRangeOptions options;
  options.bottommost_level_compaction =
      rocksdb::BottommostLevelCompaction::kForce;
  return FromRocks(impl_->db->CompactRange(options, nullptr, nullptr),
                   "compacting article records at " + impl_->dir.string());
}

std::uint64_t DocStore::SizeBytes() const {
  return DiskUsage(impl_->dir);
}

}  // namespace dossier::indexer
