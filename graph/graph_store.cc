// GraphStore writes. Storing an article:
//  1. Build its record (entities, relations, co-occurrences, quotes) from
//     the analysis, in code points.
//  2. Resolve each entity to its cross-article id: the id of its normalized
//     name, then a user split for (id, article), then user merges.
//  3. Diff Contribute(new record) against Contribute(stored record) and write
//     the difference plus the new record in one WriteBatch.
// Deleting is step 3 with an empty new record; Merge and Split write an
// override and redo steps 2-3 from the stored records of affected articles.
#include "graph/graph_store.h"

#include <set>
#include <utility>

#include "graph/internal/contributions.h"
#include "graph/internal/keys.h"
#include "graph/internal/rocks_db.h"

namespace dossier::graph {

using internal::ArticleRecord;
using internal::Batch;
using internal::Cf;
using internal::KvStore;

namespace {

constexpr int kMaxMergeHops = 16;
// At a few hundred bytes per value, at most some tens of MiB: the entities
// a news archive names again and again fit many times over.
constexpr std::size_t kEntityCacheEntries = std::size_t{1} << 16;

// Format 2 kept an 'E' co-occurrence key for every pair of every article;
// format 3 keeps only those of pairs a sentence names. Dropping the others
// is the whole upgrade (one scan of the 'E' keys, one batch).
Status UpgradeFrom2(KvStore& kv) {
  Batch batch;
  DOSSIER_RETURN_IF_ERROR(kv.Scan(
      Cf::kCooccurrence, "E", [&](std::string_view key, std::string_view value) {
        internal::CoocEvidence ev;
        if (internal::DecodeCoocEvidence(value, &ev) && ev.sentences == 0) {
          batch.Delete(Cf::kCooccurrence, std::string(key));
        }
        return true;
      }));
  std::string version;
  internal::PutFixed32(&version, 3);
  batch.Put(Cf::kMeta, std::string(internal::kMetaFormatVersion), version);
  return kv.Write(batch);
}

// Format 3 kept an 'N' key for every ordered pair; format 4 keeps one
// neighbour list per entity. The pairs arrive sorted by (a, b), so each
// list is built in one pass; one batch, with the version, so that a store
// is never part one layout and part the other.
Status UpgradeFrom3(KvStore& kv) {
  static_assert(internal::kFormatVersion == 4,
                "a newer format needs its own upgrade step after this one");
  Batch batch;
  std::vector<internal::CoocCountDelta> pairs;
  bool malformed = false;
  DOSSIER_RETURN_IF_ERROR(
      kv.Scan(Cf::kCooccurrence, "N",
              [&](std::string_view key, std::string_view value) {
                internal::CoocKeyParts pair;
                if (key.size() != internal::kCoocPairKeySize ||
                    !internal::ParseCoocKey(key, &pair)) {
                  return true;
                }
                internal::CoocCounts counts;
                if (!internal::DecodeCoocCounts(value, &counts)) {
                  malformed = true;
                  return false;
                }
                batch.Delete(Cf::kCooccurrence, std::string(key));
                pairs.push_back({pair.a, pair.b, counts});
                return true;
              }));
  if (malformed) {
    return Status::Corruption("malformed co-occurrence count in graph store");
  }
  internal::ForEachCoocList(pairs, [&](std::uint64_t a, std::string list) {
    batch.Put(Cf::kCooccurrence, internal::CoocListKey(a), std::move(list));
  });
  std::string version;
  internal::PutFixed32(&version, 4);
  batch.Put(Cf::kMeta, std::string(internal::kMetaFormatVersion), version);
  return kv.Write(batch);
}

Status CheckVersion(KvStore& kv, const std::filesystem::path& dir,
                    bool read_only) {
  Result<std::optional<std::string>> stored =
      kv.Get(Cf::kMeta, internal::kMetaFormatVersion);
  if (!stored.has_value()) {
    return stored.error();
  }
  if (!stored->has_value()) {
    if (read_only) {
      return Status::Corruption("graph store " + dir.string() +
                                " has no format version");
    }
    std::string version;
    internal::PutFixed32(&version, internal::kFormatVersion);
    Batch batch;
    batch.Put(Cf::kMeta, std::string(internal::kMetaFormatVersion), version);
    DOSSIER_RETURN_IF_ERROR(kv.Write(batch));
    // Durable now even when writes skip the log (GraphOptions::unlogged):
    // a store that lost its version after a crash would not open.
    return kv.Flush();
  }
  internal::Reader reader(**stored);
  std::uint32_t version = 0;
  if (!reader.Fixed32(&version) || !reader.done()) {
    return Status::Corruption("graph store " + dir.string() +
                              " has a malformed format version");
  }
  if (version == 2 || version == 3) {
    // Readers skip format 2's surplus keys and read format 3's pair
    // counters, so a read-only open needs no upgrade.
    if (read_only) {
      return Status::Ok();
    }
    if (version == 2) {
      DOSSIER_RETURN_IF_ERROR(UpgradeFrom2(kv));
    }
    DOSSIER_RETURN_IF_ERROR(UpgradeFrom3(kv));
    return kv.Flush();
  }
  if (version < internal::kFormatVersion) {
    return Status::InvalidInput(
        "graph store " + dir.string() + " has format version " +
        std::to_string(version) + ", this dossier reads version " +
        std::to_string(internal::kFormatVersion) +
        "; delete that directory and re-run `dossier index` to rebuild it");
  }
  if (version > internal::kFormatVersion) {
    return Status::NotSupported(
        "graph store " + dir.string() + " has format version " +
        std::to_string(version) + ", newer than this dossier reads (" +
        std::to_string(internal::kFormatVersion) + "); upgrade dossier");
  }
  return Status::Ok();
}

Result<std::optional<ArticleRecord>> LoadRecord(const KvStore& kv,
                                                std::string_view id) {
  Result<std::optional<std::string>> bytes = kv.Get(Cf::kArticles, id);
  if (!bytes.has_value()) {
    return bytes.error();
  }
  if (!bytes->has_value()) {
    return std::optional<ArticleRecord>();
  }
  ArticleRecord record;
  if (!internal::DecodeArticleRecord(**bytes, &record)) {
    return Status::Corruption("bad article record for " + std::string(id));
  }
  return std::optional<ArticleRecord>(std::move(record));
}

// Step 2: sets each entity's id, via and split_name from the overrides;
// `has_overrides` false skips their lookups (a store nobody merged or split
// in: two reads per entity of every article otherwise).
Status Resolve(const KvStore& kv, std::string_view article, bool has_overrides,
               ArticleRecord* record) {
  for (internal::RecordEntity& e : record->entities) {
    e.via.clear();
    e.split_name.clear();
    std::uint64_t id = internal::BaseId(e);
    if (!has_overrides) {
      e.id = id;
      continue;
    }
    Result<std::optional<std::string>> split =
        kv.Get(Cf::kOverrides, internal::SplitOverrideKey(id, article));
    if (!split.has_value()) {
      return split.error();
    }
    if (split->has_value()) {
      internal::Reader reader(**split);
      if (!reader.Fixed64(&id) || !reader.String(&e.split_name)) {
        return Status::Corruption("bad split override");
      }
      e.via = "split by user from " + e.name;
    }
    for (int hop = 0; hop < kMaxMergeHops; ++hop) {
      Result<std::optional<std::string>> merged =
          kv.Get(Cf::kOverrides, internal::MergeOverrideKey(id));
      if (!merged.has_value()) {
        return merged.error();
      }
      if (!merged->has_value() || (*merged)->size() != 8) {
        break;
      }
      id = internal::DecodeFixed64(**merged);
      e.via = "merged by user";
    }
    e.id = id;
  }
  return Status::Ok();
}

// Step 3: writes new_record (or the deletion when nullopt) over old_record,
// reading and updating entity values through `cache` (never null).
Status Store(KvStore& kv, internal::EntityCache* cache, std::string_view id,
             const std::optional<ArticleRecord>& old_record,
             const std::optional<ArticleRecord>& new_record) {
  const internal::Contributions old_c =
      old_record ? internal::Contribute(id, *old_record)
                 : internal::Contributions();
  internal::Contributions new_c =
      new_record ? internal::Contribute(id, *new_record)
                 : internal::Contributions();
  Batch batch;
  Status status =
      internal::ApplyDiff(kv, old_c, std::move(new_c), cache, &batch);
  if (status.ok()) {
    if (new_record) {
      batch.Put(Cf::kArticles, std::string(id),
                internal::EncodeArticleRecord(*new_record));
    } else {
      batch.Delete(Cf::kArticles, std::string(id));
    }
    status = kv.Write(batch);
  }
  if (!status.ok()) {
    cache->Clear();  // it holds values this batch did not write
  }
  return status;
}

}  // namespace

GraphStore::GraphStore(std::unique_ptr<KvStore> kv, const GraphOptions& options)
    : kv_(std::move(kv)),
      options_(options),
      entity_cache_(
          std::make_unique<internal::EntityCache>(kEntityCacheEntries)) {}

GraphStore::~GraphStore() {
  Close().IgnoreError();  // safety net; callers Close() and check
}

Result<std::unique_ptr<GraphStore>> GraphStore::Open(
    const std::filesystem::path& dir, const GraphOptions& options) {
  if (options.create_if_missing && !options.read_only) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      return Status::IOError("creating " + dir.string() + ": " + ec.message());
    }
  } else if (!std::filesystem::exists(dir / "CURRENT")) {
    return Status::NotFound("no graph store at " + dir.string());
  }
  internal::KvOptions kv_options;
  kv_options.create_if_missing = options.create_if_missing && !options.read_only;
  kv_options.read_only = options.read_only;
  kv_options.block_cache_bytes = options.block_cache_bytes;
  kv_options.write_mostly = options.write_mostly && !options.read_only;
  kv_options.unlogged = options.unlogged && !options.read_only;
  Result<std::unique_ptr<KvStore>> kv = KvStore::Open(dir, kv_options);
  if (!kv.has_value()) {
    return kv.error();
  }
  DOSSIER_RETURN_IF_ERROR(CheckVersion(**kv, dir, options.read_only));
  // Overrides change only through a writer, and one process writes at a
  // time (RocksDB's lock): what this open sees stays true until this
  // instance merges or splits.
  bool has_overrides = false;
  DOSSIER_RETURN_IF_ERROR((*kv)->Scan(Cf::kOverrides, "",
                                      [&](std::string_view, std::string_view) {
                                        has_overrides = true;
                                        return false;
                                      }));
  auto store = std::unique_ptr<GraphStore>(
      new GraphStore(std::move(kv.value()), options));
  store->has_overrides_ = has_overrides;
  return store;
}

Status GraphStore::PutArticle(const Article& article,
                              const ArticleAnalysis& analysis,
                              std::string_view content_hash) {
  if (kv_ == nullptr) {
    return Status::Internal("graph store is closed");
  }
  if (article.id.empty()) {
    return Status::InvalidInput("article has an empty id");
  }
  Result<ArticleRecord> record =
      internal::BuildRecord(article, analysis, content_hash,
                            options_.max_cooccurring_entities);
  if (!record.has_value()) {
    return record.error().WithContext("article " + article.id);
  }
  DOSSIER_RETURN_IF_ERROR(
      Resolve(*kv_, article.id, has_overrides_, &record.value()));
  Result<std::optional<ArticleRecord>> old = LoadRecord(*kv_, article.id);
  if (!old.has_value()) {
    return old.error();
  }
  return Store(*kv_, entity_cache_.get(), article.id, *old,
               std::optional<ArticleRecord>(*record));
}

Status GraphStore::DeleteArticle(std::string_view id) {
  if (kv_ == nullptr) {
    return Status::Internal("graph store is closed");
  }
  Result<std::optional<ArticleRecord>> old = LoadRecord(*kv_, id);
  if (!old.has_value()) {
    return old.error();
  }
  if (!old->has_value()) {
    return Status::NotFound("no article " + std::string(id) + " in the graph");
  }
  return Store(*kv_, entity_cache_.get(), id, *old, std::nullopt);
}

Status GraphStore::ReapplyArticle(std::string_view id) {
  Result<std::optional<ArticleRecord>> old = LoadRecord(*kv_, id);
  if (!old.has_value()) {
    return old.error();
  }
  if (!old->has_value()) {
    return Status::Ok();
  }
  ArticleRecord updated = **old;
  DOSSIER_RETURN_IF_ERROR(Resolve(*kv_, id, has_overrides_, &updated));
  if (updated == **old) {
    return Status::Ok();
  }
  return Store(*kv_, entity_cache_.get(), id, *old,
               std::optional<ArticleRecord>(updated));
}

Result<std::optional<std::string>> GraphStore::ArticleHash(
    std::string_view id) const {
  Result<std::optional<ArticleRecord>> record = LoadRecord(*kv_, id);
  if (!record.has_value()) {
    return record.error();
  }
  if (!record->has_value()) {
    return std::optional<std::string>();
  }
  return std::optional<std::string>((*record)->hash);
}

Status GraphStore::ForEachArticle(
    const std::function<Status(std::string_view, std::string_view)>& fn) const {
  Status result;
  Status scan = kv_->Scan(Cf::kArticles, "", [&](std::string_view key,
                                                 std::string_view value) {
    internal::Reader reader(value);
    std::string hash;
    if (!reader.String(&hash)) {
      result = Status::Corruption("bad article record for " + std::string(key));
      return false;
    }
    result = fn(key, hash);
    return result.ok();
  });
  DOSSIER_RETURN_IF_ERROR(scan);
  return result;
}

namespace {

// Ids of the articles mentioning `id`, from the mentions CF.
Result<std::vector<std::string>> ArticlesOf(const KvStore& kv,
                                            std::uint64_t id) {
  std::vector<std::string> articles;
  const std::string prefix = internal::EntityKey(id);
  Status s = kv.Scan(Cf::kMentions, prefix,
                     [&](std::string_view key, std::string_view) {
                       articles.emplace_back(key.substr(18));
                       return true;
                     });
  if (!s.ok()) {
    return s;
  }
  return articles;
}

}  // namespace

Status GraphStore::Merge(EntityId into, EntityId from) {
  if (into == from) {
    return Status::InvalidInput("cannot merge an entity into itself");
  }
  Result<EntitySummary> a = GetSummary(into);
  if (!a.has_value()) {
    return a.error();
  }
  Result<EntitySummary> b = GetSummary(from);
  if (!b.has_value()) {
    return b.error();
  }
  Batch batch;
  std::string target;
  internal::PutFixed64(&target, into);
  batch.Put(Cf::kOverrides, internal::MergeOverrideKey(from), target);
  // An earlier merge the other way would now form a cycle: drop it.
  batch.Delete(Cf::kOverrides, internal::MergeOverrideKey(into));
  has_overrides_ = true;  // before the write: a failed one may have landed
  DOSSIER_RETURN_IF_ERROR(kv_->Write(batch));
  Result<std::vector<std::string>> articles = ArticlesOf(*kv_, from);
  if (!articles.has_value()) {
    return articles.error();
  }
  for (const std::string& article : *articles) {
    DOSSIER_RETURN_IF_ERROR(ReapplyArticle(article));
  }
  return Status::Ok();
}

Result<EntityId> GraphStore::Split(EntityId id,
                                   std::span<const std::string> articles,
                                   std::string_view new_name) {
  Result<EntitySummary> summary = GetSummary(id);
  if (!summary.has_value()) {
    return summary.error();
  }
  const std::string norm = NormalizeName(new_name, summary->type);
  const EntityId new_id = EntityIdFor(summary->type, norm);
  if (norm.empty() || new_id == id) {
    return Status::InvalidInput("split needs a new name that differs from \"" +
                                summary->name + "\"");
  }
  std::string value;
  internal::PutFixed64(&value, new_id);
  internal::PutString(&value, new_name);
  std::vector<std::string> touched;
  for (const std::string& article : articles) {
    Result<std::optional<ArticleRecord>> record = LoadRecord(*kv_, article);
    if (!record.has_value()) {
      return record.error();
    }
    if (!record->has_value()) {
      continue;
    }
    Batch batch;
    for (const internal::RecordEntity& e : (*record)->entities) {
      if (e.id == id) {
        batch.Put(Cf::kOverrides,
                  internal::SplitOverrideKey(internal::BaseId(e), article),
                  value);
      }
    }
    if (!batch.ops.empty()) {
      has_overrides_ = true;
      DOSSIER_RETURN_IF_ERROR(kv_->Write(batch));
      touched.push_back(article);
    }
  }
  if (touched.empty()) {
    return Status::NotFound("none of the given articles mention \"" +
                            summary->name + "\"");
  }
  // Splitting off a name that an earlier merge folded in undoes that merge:
  // the user now says the two are different.
  Result<std::optional<std::string>> merged =
      kv_->Get(Cf::kOverrides, internal::MergeOverrideKey(new_id));
  if (!merged.has_value()) {
    return merged.error();
  }
  if (merged->has_value()) {
    Batch batch;
    batch.Delete(Cf::kOverrides, internal::MergeOverrideKey(new_id));
    DOSSIER_RETURN_IF_ERROR(kv_->Write(batch));
    Result<std::vector<std::string>> all = ArticlesOf(*kv_, id);
    if (!all.has_value()) {
      return all.error();
    }
    touched = std::move(all.value());
  }
  for (const std::string& article : touched) {
    DOSSIER_RETURN_IF_ERROR(ReapplyArticle(article));
  }
  return new_id;
}

Status GraphStore::Compact() {
  if (kv_ == nullptr) {
    return Status::Internal("graph store is closed");
  }
  return kv_->Compact();
}

Result<std::string> GraphStore::DumpForTesting(bool with_zero_counters) const {
  std::string out;
  auto hex = [](std::string_view s) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string h;
    for (unsigned char c : s) {
      if (c >= 0x20 && c < 0x7f && c != '\\') {
        h.push_back(static_cast<char>(c));
      } else {
        h += "\\x";
        h.push_back(kDigits[c >> 4]);
        h.push_back(kDigits[c & 15]);
      }
    }
    return h;
  };
  for (int cf = 0; cf < internal::kCfCount; ++cf) {
    const Cf family = static_cast<Cf>(cf);
    DOSSIER_RETURN_IF_ERROR(kv_->Scan(
        family, "", [&](std::string_view key, std::string_view value) {
          const bool counter =
              family == Cf::kAliases ||
              (family == Cf::kCooccurrence && key.starts_with("N"));
          if (counter && !with_zero_counters &&
              value.find_first_not_of('\0') == std::string_view::npos) {
            return true;  // a zero counter is absent (invariant 4)
          }
          out += std::string(internal::CfName(family)) + " " + hex(key) +
                 " = " + hex(value) + "\n";
          return true;
        }));
  }
  return out;
}

Status GraphStore::Close() {
  if (kv_ == nullptr) {
    return Status::Ok();
  }
  Status s = kv_->Close();
  kv_.reset();
  return s;
}

}  // namespace dossier::graph
