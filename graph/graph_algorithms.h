// Graph algorithms over the stored graph, run with Boost.Graph on an
// in-memory copy of the part they need: paths between two entities (each
// hop citing an article and sentence), rankings (mentions, PageRank,
// degree), connected components and communities. Each call reads the store
// and returns plain values; thread-safe as far as GraphStore reads are.
#ifndef DOSSIER_GRAPH_GRAPH_ALGORITHMS_H_
#define DOSSIER_GRAPH_GRAPH_ALGORITHMS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "graph/graph_store.h"
#include "graph/graph_types.h"

namespace dossier::graph {

// One step of a path, in walking order: `from` then `to`. link.outgoing
// says whether the relation points the same way (from -TYPE-> to) or back.
struct Hop {
  EntitySummary from;
  EntitySummary to;
  Link link;
};

struct GraphPath {
  std::vector<Hop> hops;
  double cost = 0;  // lower is better; each co-occurrence hop costs 10x
};

struct PathOptions {
  // How many paths (Yen's k shortest loopless paths). Default: 1.
  std::size_t k = 1;
  // Typed relations only, no co-occurrence hops. Default: false.
  bool typed_only = false;
  // Inclusive date range of the evidence, "YYYY-MM-DD"; empty = open.
  std::string since;
  std::string until;
  // Paths longer than this are dropped. Default: 4.
  std::size_t max_hops = 4;
  // Neighbours loaded around each end, and around each of the strongest
  // `expand` of those. Bounds the work on hubs (bench/bench_graph.cc).
  // Defaults: 100, 10, 30.
  std::size_t first_ring = 100;
  std::size_t expand = 10;
  std::size_t second_ring = 30;
};

// Paths from `from` to `to`, best first: fewest co-occurrence hops, then
// fewest and best-attested typed hops. Empty when none is found within the
// loaded neighbourhoods. kInvalidInput when from == to.
Result<std::vector<GraphPath>> FindPaths(const GraphStore& store,
                                         EntityId from, EntityId to,
                                         const PathOptions& options);

struct MetricsOptions {
  // Use typed relations only. Default: false (also co-occurrence edges).
  bool typed_only = false;
  // Co-occurrence edges need at least this many shared sentences; 0 keeps
  // same-article pairs too. Default: 1.
  std::int64_t min_cooc_sentences = 1;
  // PageRank iterations. Default: 30.
  int pagerank_iterations = 30;
  // Label propagation rounds for communities. Default: 20.
  int community_rounds = 20;
};

struct NodeMetrics {
  double pagerank = 0;
  std::size_t degree = 0;     // distinct neighbours
  std::size_t component = 0;  // connected component number (0 = largest)
  EntityId community = 0;     // community label: the id of one member
};

// Metrics of every entity with at least one edge.
Result<std::unordered_map<EntityId, NodeMetrics>> ComputeMetrics(
    const GraphStore& store, const MetricsOptions& options);

enum class RankBy { kMentions, kArticles, kPageRank, kDegree };

struct RankOptions {
  RankBy by = RankBy::kMentions;           // Default: mentions
  std::optional<EntityType> type;          // Default: any
  std::optional<OrgKind> org_kind;         // Default: any
  std::size_t limit = 20;                  // Default: 20
  MetricsOptions metrics;                  // for kPageRank / kDegree
};

struct RankedEntity {
  EntitySummary entity;
  double score = 0;
};

Result<std::vector<RankedEntity>> TopEntities(const GraphStore& store,
                                              const RankOptions& options);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_GRAPH_ALGORITHMS_H_
