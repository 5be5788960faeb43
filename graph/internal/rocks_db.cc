#include "graph/internal/rocks_db.h"

#include <rocksdb/compaction_filter.h>
#include <rocksdb/db.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/memtablerep.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/table.h>
#include <rocksdb/table_properties.h>
#include <rocksdb/write_batch.h>

#include <array>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "graph/internal/keys.h"

namespace dossier::graph::internal {
namespace {

// The memtables of all families together. RocksDB's default bounds each of
// the eleven at 64 MiB, and with atomic flushes every family waited for the
// fullest: once co-occurrence lists made that family smaller, the others
// held 164 MiB between flushes (BBC x20 peak RSS 378 MiB, 296 MiB with this
// bound, and no slower: 3 alternating runs 46.9 s against 49.3 s).
constexpr std::size_t kMemtableBytes = std::size_t{96} << 20;

constexpr std::array<std::string_view, kCfCount> kCfNames = {
    kCfEntities,    kCfAliases,      kCfMentions, kCfRelationsOut,
    kCfRelationsIn, kCfCooccurrence, kCfQuotes,   kCfArticles,
    kCfMeta,        kCfOverrides,    kCfSentences};

// rocksdb::Status -> Status, code by code.
Status FromRocks(const rocksdb::Status& s, std::string_view what) {
  if (s.ok()) {
    return Status::Ok();
  }
  std::string msg = std::string(what) + ": " + s.ToString();
  if (s.IsNotFound()) {
    return Status::NotFound(msg);
  }
  if (s.IsCorruption()) {
    return Status::Corruption(msg);
  }
  if (s.IsIOError()) {
    return Status::IOError(msg);
  }
  if (s.IsNotSupported()) {
    return Status::NotSupported(msg);
  }
  if (s.IsInvalidArgument()) {
    return Status::InvalidInput(msg);
  }
  return Status::Internal(msg);
}

rocksdb::Slice ToSlice(std::string_view s) {
  return {s.data(), s.size()};
}
std::string_view ToView(const rocksdb::Slice& s) {
  return {s.data(), s.size()};
}

// Sums counter operands (Batch::AddCounters), so adding an article's
// counts needs no read of the current ones.
class CounterSum : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice& /*key*/, const rocksdb::Slice* existing,
             const rocksdb::Slice& value, std::string* new_value,
             rocksdb::Logger* /*logger*/) const override {
    return AddCounters(
        existing == nullptr ? std::string_view() : ToView(*existing),
        ToView(value), new_value);
  }
  const char* Name() const override { return "dossier.CounterSum"; }
};

// The merge of the cooccurrence family: a format 4 'N' key sums neighbour
// lists (SumCoocLists), a format 3 one (a pair, until upgraded) counters.
// All of an article's entries for one entity arrive as one operand, so a
// flush or compaction sums many operands at once rather than pair by pair.
class CoocSum : public rocksdb::MergeOperator {
 public:
  bool FullMergeV2(const MergeOperationInput& merge_in,
                   MergeOperationOutput* merge_out) const override {
    const std::string_view existing = merge_in.existing_value == nullptr
                                          ? std::string_view()
                                          : ToView(*merge_in.existing_value);
    return Sum(ToView(merge_in.key),
               merge_in.existing_value == nullptr ? nullptr : &existing,
               merge_in.operand_list, &merge_out->new_value);
  }
  bool PartialMergeMulti(const rocksdb::Slice& key,
                         const std::deque<rocksdb::Slice>& operand_list,
                         std::string* new_value,
                         rocksdb::Logger* /*logger*/) const override {
    return Sum(ToView(key), nullptr, operand_list, new_value);
  }
  const char* Name() const override { return "dossier.CoocSum"; }

 private:
  template <typename Operands>
  static bool Sum(std::string_view key, const std::string_view* existing,
                  const Operands& operands, std::string* sum) {
    if (key.size() == kCoocListKeySize) {
      std::vector<std::string_view> lists;
      lists.reserve(operands.size());
      for (const rocksdb::Slice& operand : operands) {
        lists.push_back(ToView(operand));
      }
      return SumCoocLists(existing, lists, sum);
    }
    std::string total(existing == nullptr ? std::string_view() : *existing);
    for (const rocksdb::Slice& operand : operands) {
      if (!AddCounters(total, ToView(operand), sum)) {
        return false;
      }
      total.swap(*sum);
    }
    sum->swap(total);
    return true;
  }
};

// Drops counters whose counts are all zero (zig-zag varint 0 is one zero
// byte). Retractions merge negative differences rather than reading
// (contributions.cc), so a count that reaches zero stays until compaction;
// readers skip it meanwhile (schemas/graph_keys.md, invariant 4). With
// `prefix`, only keys that start with it are counters; with `lists`, those
// of kCoocListKeySize bytes are neighbour lists, zero when empty.
class ZeroCounterFilter : public rocksdb::CompactionFilter {
 public:
  ZeroCounterFilter(std::string prefix, bool lists)
      : prefix_(std::move(prefix)), lists_(lists) {}
  bool Filter(int /*level*/, const rocksdb::Slice& key,
              const rocksdb::Slice& value, std::string* /*new_value*/,
              bool* /*value_changed*/) const override {
    return IsZeroCounter(key, value);
  }
  // A zero operand adds nothing; dropping it also drops the zero that a
  // flush makes of an addition and its retraction.
  bool FilterMergeOperand(int /*level*/, const rocksdb::Slice& key,
                          const rocksdb::Slice& operand) const override {
    return IsZeroCounter(key, operand);
  }
  const char* Name() const override { return "dossier.ZeroCounterFilter"; }

 private:
  bool IsZeroCounter(const rocksdb::Slice& key,
                     const rocksdb::Slice& value) const {
    if (!key.starts_with(prefix_)) {
      return false;
    }
    if (lists_ && key.size() == kCoocListKeySize) {
      return value.empty();
    }
    if (value.empty()) {
      return false;
    }
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (value[i] != 0) {
        return false;
      }
    }
    return true;
  }

  const std::string prefix_;
  const bool lists_;
};

// Whether writes to `cf` never read it (see KvOptions::write_mostly).
bool WriteOnly(std::string_view cf) {
  return cf != kCfEntities && cf != kCfArticles && cf != kCfMeta &&
         cf != kCfOverrides;
}

// Whether every read of `cf` is a prefix scan, never a Get (graph_queries.cc).
// A whole-key bloom filter serves only Gets, so these families have none:
// they hold most of the graph's keys (format 3 kept two 'N' keys for every
// co-occurring pair), and their filters were the one part of the store's
// memory that grew with the archive.
bool ScannedOnly(std::string_view cf) {
  return cf == kCfAliases || cf == kCfRelationsOut || cf == kCfRelationsIn ||
         cf == kCfCooccurrence || cf == kCfQuotes;
}

}  // namespace

std::string_view CfName(Cf cf) {
  return kCfNames[static_cast<int>(cf)];
}

struct KvStore::Impl {
  std::unique_ptr<rocksdb::DB> db;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;  // owned; see Close()
  bool read_only = false;
  bool unlogged = false;

  rocksdb::ColumnFamilyHandle* handle(Cf cf) const {
    return handles[static_cast<int>(cf)];
  }
};

KvStore::KvStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

KvStore::~KvStore() {
  // Safety net only: callers Close() explicitly and see its Status.
  Close().IgnoreError();  // nothing to report to from a destructor
}

Result<std::unique_ptr<KvStore>> KvStore::Open(const std::filesystem::path& dir,
                                               const KvOptions& options) {
  rocksdb::Options db_options;
  db_options.create_if_missing = options.create_if_missing;
  db_options.create_missing_column_families = options.create_if_missing;
  db_options.max_open_files = 512;
  // A vector memtable takes one writer at a time (we have one anyway).
  db_options.allow_concurrent_memtable_write = !options.write_mostly;
  // Without a log, only flushing all families at once keeps an article's
  // record and its counters together across a crash.
  db_options.atomic_flush = options.unlogged;
  db_options.db_write_buffer_size = kMemtableBytes;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(options.block_cache_bytes);
  // Tables without a filter share the block cache.
  std::shared_ptr<rocksdb::TableFactory> unfiltered_tables(
      rocksdb::NewBlockBasedTableFactory(table));
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  rocksdb::ColumnFamilyOptions cf_options;
  cf_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  // Only counter keys ever receive merge operands (Batch::AddCounters).
  cf_options.merge_operator = std::make_shared<CounterSum>();
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName, cf_options);
  // Filters are shared and stateless; the options only point to them.
  static const ZeroCounterFilter kAliasCounters("", false);
  static const ZeroCounterFilter kCoocCounters("N", true);
  for (std::string_view name : kCfNames) {
    rocksdb::ColumnFamilyOptions family = cf_options;
    if (name == kCfAliases) {
      family.compaction_filter = &kAliasCounters;
    } else if (name == kCfCooccurrence) {
      family.compaction_filter = &kCoocCounters;
      family.merge_operator = std::make_shared<CoocSum>();
    }
    if (ScannedOnly(name)) {
      family.table_factory = unfiltered_tables;
    }
    if (options.write_mostly && WriteOnly(name)) {
      family.memtable_factory = std::make_shared<rocksdb::VectorRepFactory>();
    }
    if (options.write_mostly && name == kCfEntities) {
      // Safe here: no snapshot or iterator reads this family while indexing.
      family.inplace_update_support = true;
    }
    descriptors.emplace_back(std::string(name), family);
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s =
      options.read_only
          ? rocksdb::DB::OpenForReadOnly(db_options, dir.string(), descriptors,
                                         &handles, &raw)
          : rocksdb::DB::Open(db_options, dir.string(), descriptors, &handles,
                              &raw);
  std::unique_ptr<rocksdb::DB> db(raw);
  if (!s.ok()) {
    if (s.IsIOError() && s.ToString().find("lock") != std::string::npos) {
      return Status::IOError("graph store locked by another process: " +
                             dir.string());
    }
    if (s.IsInvalidArgument() && !options.create_if_missing) {
      return Status::NotFound("no graph store at " + dir.string());
    }
    return FromRocks(s, "opening graph store " + dir.string());
  }
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(db);
  impl->read_only = options.read_only;
  impl->unlogged = options.unlogged && !options.read_only;
  // Drop the default CF handle; our CFs are indexed by Cf.
  impl->db->DestroyColumnFamilyHandle(handles[0]).PermitUncheckedError();
  impl->handles.assign(handles.begin() + 1, handles.end());
  return std::unique_ptr<KvStore>(new KvStore(std::move(impl)));
}

Result<std::optional<std::string>> KvStore::Get(Cf cf,
                                                std::string_view key) const {
  std::string value;
  rocksdb::Status s = impl_->db->Get(rocksdb::ReadOptions(), impl_->handle(cf),
                                     ToSlice(key), &value);
  if (s.IsNotFound()) {
    return std::optional<std::string>();
  }
  if (!s.ok()) {
    return FromRocks(s, "reading " + std::string(CfName(cf)));
  }
  return std::optional<std::string>(std::move(value));
}

Status KvStore::Write(const Batch& batch) {
  // Sized once: an article's batch is some tens of KiB, which growing by
  // doubling copied several times over.
  std::size_t bytes = 64;
  for (const Batch::Op& op : batch.ops) {
    bytes += op.key.size() + op.value.size() + 16;
  }
  rocksdb::WriteBatch wb(bytes);
  for (const Batch::Op& op : batch.ops) {
    rocksdb::ColumnFamilyHandle* cf = impl_->handle(op.cf);
    rocksdb::Status s;
    switch (op.kind) {
      case Batch::Kind::kPut:
        s = wb.Put(cf, ToSlice(op.key), ToSlice(op.value));
        break;
      case Batch::Kind::kDelete:
        s = wb.Delete(cf, ToSlice(op.key));
        break;
      case Batch::Kind::kAddCounters:
        s = wb.Merge(cf, ToSlice(op.key), ToSlice(op.value));
        break;
    }
    if (!s.ok()) {
      return FromRocks(s, "building write batch");
    }
  }
  rocksdb::WriteOptions write_options;
  write_options.disableWAL = impl_->unlogged;
  return FromRocks(impl_->db->Write(write_options, &wb),
                   "writing graph store");
}

Status KvStore::Scan(Cf cf, std::string_view prefix, const ScanFn& fn,
                     std::string_view start) const {
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db->NewIterator(rocksdb::ReadOptions(), impl_->handle(cf)));
  for (it->Seek(ToSlice(start.empty() ? prefix : start)); it->Valid();
       it->Next()) {
    std::string_view key = ToView(it->key());
    if (key.substr(0, prefix.size()) != prefix) {
      break;
    }
    if (!fn(key, ToView(it->value()))) {
      break;
    }
  }
  return FromRocks(it->status(), "scanning " + std::string(CfName(cf)));
}

Result<std::uint64_t> KvStore::FilterBytes(Cf cf) const {
  rocksdb::TablePropertiesCollection tables;
  DOSSIER_RETURN_IF_ERROR(FromRocks(
      impl_->db->GetPropertiesOfAllTables(impl_->handle(cf), &tables),
      "reading table properties of " + std::string(CfName(cf))));
  std::uint64_t bytes = 0;
  for (const auto& [file, properties] : tables) {
    bytes += properties->filter_size;
  }
  return bytes;
}

Status KvStore::Compact() {
  rocksdb::CompactRangeOptions options;
  options.bottommost_level_compaction =
      rocksdb::BottommostLevelCompaction::kForce;
  for (rocksdb::ColumnFamilyHandle* handle : impl_->handles) {
    DOSSIER_RETURN_IF_ERROR(
        FromRocks(impl_->db->CompactRange(options, handle, nullptr, nullptr),
                  "compacting " + handle->GetName()));
  }
  return Status::Ok();
}

Status KvStore::Flush() {
  return FromRocks(impl_->db->Flush(rocksdb::FlushOptions(), impl_->handles),
                   "flushing graph store");
}

Status KvStore::ScanReverse(Cf cf, std::string_view prefix,
                            const ScanFn& fn) const {
  std::unique_ptr<rocksdb::Iterator> it(
      impl_->db->NewIterator(rocksdb::ReadOptions(), impl_->handle(cf)));
  // Position after the last key with this prefix: the prefix followed by
  // 0xff bytes is past any key we write (article ids are UTF-8, never 0xff).
  std::string upper(prefix);
  upper.append(32, '\xff');
  for (it->SeekForPrev(ToSlice(upper)); it->Valid(); it->Prev()) {
    std::string_view key = ToView(it->key());
    if (key.substr(0, prefix.size()) != prefix) {
      break;
    }
    if (!fn(key, ToView(it->value()))) {
      break;
    }
  }
  return FromRocks(it->status(), "scanning " + std::string(CfName(cf)));
}

Status KvStore::Close() {
  if (impl_ == nullptr || impl_->db == nullptr) {
    return Status::Ok();
  }
  Status result;
  if (!impl_->read_only) {
    // Flush so the next open (often read-only, by a query command) does not
    // replay the write-ahead log into memtables, and scans read SST files.
    result = Flush();
  }
  for (rocksdb::ColumnFamilyHandle* h : impl_->handles) {
    Status s = FromRocks(impl_->db->DestroyColumnFamilyHandle(h),
                         "closing column family");
    if (result.ok()) {
      result = s;
    }
  }
  impl_->handles.clear();
  Status s = FromRocks(impl_->db->Close(), "closing graph store");
  impl_->db.reset();
  return result.ok() ? s : result;
}

}  // namespace dossier::graph::internal
