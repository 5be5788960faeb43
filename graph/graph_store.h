// GraphStore: the knowledge graph of people, organizations and places across
// every indexed article, kept in RocksDB (<db>/graph). Each article's
// contribution (entities, mentions, typed relations with evidence,
// co-occurrences, quotes) is recorded per article, so re-indexing an article
// replaces exactly what it added and deleting it removes exactly that; every
// count is a sum of per-article contributions. User merge/split decisions
// live apart (overrides) and survive re-indexing.
//
// Thread-safety: one writer at a time (PutArticle, DeleteArticle, Merge,
// Split); const queries may run concurrently with each other.
#ifndef DOSSIER_GRAPH_GRAPH_STORE_H_
#define DOSSIER_GRAPH_GRAPH_STORE_H_

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/annotations.h"
#include "common/article.h"
#include "common/result.h"
#include "common/status.h"
#include "graph/graph_types.h"

namespace dossier::graph {

namespace internal {
class EntityCache;
class KvStore;
}

struct GraphOptions {
  // Create the store when missing. Default: true.
  bool create_if_missing = true;
  // Open without writing (queries from several processes). Default: false.
  bool read_only = false;
  // RocksDB block cache. Default: 64 MiB.
  std::size_t block_cache_bytes = std::size_t{64} << 20;
  // Same-article co-occurrence pairs are recorded among at most this many
  // entities of an article (the most mentioned); same-sentence pairs are
  // always recorded. Default: 30.
  std::size_t max_cooccurring_entities = 30;
  // For a writer that stores articles and hardly queries (dossier index):
  // the column families that storing never reads take writes as appends
  // (BBC x5: the graph thread's CPU 11.4 -> 5.7 s). A query in the same
  // process then sorts their unflushed writes on every read, so leave it off
  // elsewhere. Default: false.
  bool write_mostly = false;
  // Writes skip RocksDB's write-ahead log (BBC x20: about 6% of the graph
  // thread's CPU went to it), and all column families flush together, so a
  // crash loses a consistent tail of the latest articles and never half of
  // one. Only for a writer that redoes that tail after a crash: dossier
  // index re-puts the articles the search index has and the graph lacks
  // (indexer/consistency.h). Close() flushes. Default: false.
  bool unlogged = false;
};

struct DetailOptions {
  std::size_t max_relations = 100;          // Default: 100
  std::size_t max_evidence_per_relation = 3;  // Default: 3
  std::size_t max_quotes = 5;               // Default: 5
};

class GraphStore {
 public:
  // Opens (and with create_if_missing, creates) the store in `dir`.
  // Errors: kNotFound when missing and !create_if_missing; kIOError when
  // locked by another process; kInvalidInput when the store was written by
  // an older format (message says to rebuild with `dossier index
  // --rebuild-graph` or delete the directory); kNotSupported when written by
  // a newer dossier.
  static Result<std::unique_ptr<GraphStore>> Open(
      const std::filesystem::path& dir, const GraphOptions& options);
  ~GraphStore();
  GraphStore(const GraphStore&) = delete;
  GraphStore& operator=(const GraphStore&) = delete;

  // Replaces everything `article.id` contributed with what `analysis` says,
  // in one atomic batch. Spans in `analysis` are byte offsets into
  // `article.text`; the store keeps code points. Entities of type MISC and
  // entities without a usable name are skipped. kInvalidInput when the id is
  // empty or a span lies outside the text.
  Status PutArticle(const Article& article, const ArticleAnalysis& analysis,
                    std::string_view content_hash);
  // Retracts everything the article contributed; kNotFound when unknown.
  Status DeleteArticle(std::string_view id);
  // The content hash given to PutArticle; nullopt for an unknown article.
  Result<std::optional<std::string>> ArticleHash(std::string_view id) const;
  // Visits every stored article in id order; stops at the first error `fn`
  // returns and returns it.
  Status ForEachArticle(
      const std::function<Status(std::string_view id, std::string_view hash)>&
          fn) const;

  // ---- user overrides (kept across re-indexing) ----
  // Folds entity `from` into `into`: every article that resolved to `from`
  // now resolves to `into`, and `from`'s names become aliases of `into` with
  // reason "merged by user". kNotFound for an unknown id, kInvalidInput when
  // from == into.
  Status Merge(EntityId into, EntityId from);
  // Moves what `articles` contributed to entity `id` into a new entity named
  // `new_name` (e.g. the other John Smith). Returns the new entity's id.
  // kNotFound when `id` is unknown or none of the articles mention it.
  Result<EntityId> Split(EntityId id, std::span<const std::string> articles,
                         std::string_view new_name);

  // ---- queries ----
  // Looks `name` up: exact normalized name first, then aliases, then name
  // prefixes and person surnames. kNotFound when nothing matches.
  Result<FindResult> FindEntity(std::string_view name) const;
  // kNotFound for an unknown id.
  Result<EntitySummary> GetSummary(EntityId id) const;
  Result<EntityDetails> GetDetails(EntityId id,
                                   const DetailOptions& options) const;
  // Neighbours by typed relations and co-occurrence, strongest first.
  Result<std::vector<Neighbor>> Neighbors(EntityId id,
                                          const NeighborOptions& options) const;
  // The best direct link between a and b with its sentence: typed
  // relations first (either direction; only options.relation when set),
  // then co-occurrence unless options.typed_only, within options' date
  // range; nullopt when none.
  Result<std::optional<Link>> FindLink(
      EntityId a, EntityId b, const NeighborOptions& options) const;

  // ---- whole-graph scans (algorithms, export) ----
  Status ForEachEntity(const std::function<void(const EntitySummary&)>& fn) const;
  // Typed edges (one per from, type, to) and co-occurrence edges (one per
  // unordered pair, from < to). With `with_provenance`, article_ids is
  // filled. `include_cooccurrence` false skips co-occurrence edges.
  struct EdgeScanOptions {
    bool include_cooccurrence = true;  // Default: true
    bool with_provenance = false;      // Default: false
  };
  Status ForEachEdge(const EdgeScanOptions& options,
                     const std::function<void(const GraphEdge&)>& fn) const;

  // Every key and value of every column family, one line each, hex-escaped
  // and in order: tests compare stores with it. Counters at zero, which
  // readers treat as absent, are left out unless `with_zero_counters`.
  Result<std::string> DumpForTesting(bool with_zero_counters = false) const;

  // Rewrites the store fully compacted: smaller and faster to read after a
  // bulk load, and without the counters retractions left at zero.
  Status Compact();

  // Flushes and closes; further calls fail. The destructor closes too, but
  // only Close() reports errors.
  Status Close();

 private:
  GraphStore(std::unique_ptr<internal::KvStore> kv, const GraphOptions& options);
  Status ReapplyArticle(std::string_view id);

  std::unique_ptr<internal::KvStore> kv_;
  GraphOptions options_;
  // Entity values as this writer last wrote them (see contributions.h).
  std::unique_ptr<internal::EntityCache> entity_cache_;
  // Whether the store holds any merge or split override (see Resolve).
  bool has_overrides_ = true;
};

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_GRAPH_STORE_H_
