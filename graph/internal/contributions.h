// What one article contributes to the graph, in two steps:
//  1. BuildRecord turns an Article + ArticleAnalysis into an ArticleRecord
//     (code point offsets, sentences, co-occurring pairs), before ids are
//     resolved against the store's overrides.
//  2. Contribute expands a resolved record into the exact keys and counter
//     deltas it adds to each column family. Storing old -> new is then
//     "apply Contribute(new) - Contribute(old)", which makes re-indexing and
//     deletion exact.
// BuildRecord, Contribute and CoocPairsOf are pure and thread-safe;
// ApplyDiff reads the store and updates an EntityCache, which belongs to
// one writer.
#ifndef DOSSIER_GRAPH_INTERNAL_CONTRIBUTIONS_H_
#define DOSSIER_GRAPH_INTERNAL_CONTRIBUTIONS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/annotations.h"
#include "common/article.h"
#include "common/result.h"
#include "graph/internal/keys.h"
#include "graph/internal/rocks_db.h"

namespace dossier::graph::internal {

// kInvalidInput when a span lies outside the text.
Result<ArticleRecord> BuildRecord(const Article& article,
                                  const ArticleAnalysis& analysis,
                                  std::string_view content_hash,
                                  std::size_t max_cooccurring_entities);

// The id an article entity resolves to before overrides.
std::uint64_t BaseId(const RecordEntity& entity);

// A counter delta of the ordered pair (a, b): b's entry in a's 'N' list.
struct CoocCountDelta {
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  CoocCounts counts;
};

// Calls write(a, list) for each a of `deltas` (sorted by (a, b)) with a's
// CoocList; entries whose counts are zero are left out, and so is an a left
// with none.
void ForEachCoocList(
    const std::vector<CoocCountDelta>& deltas,
    const std::function<void(std::uint64_t a, std::string list)>& write);

struct Contributions {
  // Keys owned by this article alone: key -> value, per column family.
  std::map<Cf, std::map<std::string, std::string>> owned;
  // Counter deltas on shared keys.
  std::map<std::uint64_t, EntityValue> entities;     // id -> delta
  std::map<std::string, std::int64_t> aliases;       // alias key -> delta
  // Both orders of every pair, sorted by (a, b) (each a's list in
  // neighbour order), unique. A sorted vector: an article has some tens of
  // pairs, each built into a map node and a key string before, a tenth of the
  // graph writer's time.
  std::vector<CoocCountDelta> cooc_counts;
};

Contributions Contribute(std::string_view article_id,
                         const ArticleRecord& record);

// The record's co-occurrences per resolved unordered pair (smaller id
// first): the sentences naming both summed, the first of them kept. What
// Contribute() counts into 'N' and 'E', and what a dated neighbour query
// recounts. Pairs whose ids resolved equal, or with an index outside the
// record's entities, are left out. Sorted by (a, b), unique.
struct CoocPair {
  std::uint64_t a = 0;  // the smaller id
  std::uint64_t b = 0;
  CoocEvidence evidence;
};
using CoocPairs = std::vector<CoocPair>;
CoocPairs CoocPairsOf(const ArticleRecord& record);

// The entity values one writer last wrote, decoded. Storing an article
// reads and rewrites the value of each of its entities, and news names the
// same people and companies article after article: without it, those reads
// searched a growing memtable and decoded the value again each time.
// Correct only while every entity write of the store goes through the
// cache's ApplyDiff calls, which holds because RocksDB admits one writer.
// Bounded: it forgets everything when it reaches max_entries.
class EntityCache {
 public:
  explicit EntityCache(std::size_t max_entries) : max_entries_(max_entries) {}

  // The value of `id` as last written (nullopt: absent), or nullptr when
  // the cache does not know it.
  std::optional<EntityValue>* Find(std::uint64_t id);
  void Set(std::uint64_t id, std::optional<EntityValue> value);
  // After a failed write: what Set recorded may not be in the store.
  void Clear() { values_.clear(); }
  std::size_t size() const { return values_.size(); }

 private:
  std::size_t max_entries_;
  std::unordered_map<std::uint64_t, std::optional<EntityValue>> values_;
};

// Adds to `batch` what turns the store's state with `old_c` applied into the
// state with `new_c` applied; `new_c`'s keys and values move into `batch`.
// Reads the entities it changes from `cache`, else from `kv`, and records
// their new values in `cache`; the caller clears the cache if `batch` is
// then not written. Alias and co-occurrence counters change by merged
// differences, unread.
Status ApplyDiff(const KvStore& kv, const Contributions& old_c,
                 Contributions new_c, EntityCache* cache, Batch* batch);

}  // namespace dossier::graph::internal

#endif  // DOSSIER_GRAPH_INTERNAL_CONTRIBUTIONS_H_
