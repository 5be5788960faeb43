// FindPaths with Boost.Graph.
//  1. Load the neighbourhood: every neighbour of both ends (first_ring), and
//     the typed neighbours of the strongest `expand` of those (second_ring),
//     so paths of up to four hops meet in the middle without loading hubs
//     whole. Co-occurrence hops are therefore found next to either end only.
//  2. Weight edges so that typed relations always win: a typed hop costs
//     1..1.5 (less with more evidence), a co-occurrence hop 10..15.
//  3. Yen's algorithm: Dijkstra for the best path, then for each spur node
//     of the last accepted path, Dijkstra on a filtered_graph without the
//     root's vertices and the edges already used from that root.
//  4. Turn node paths into hops, each with the sentence that supports it.
// Steps 1-4 run first over typed relations only (see FindPaths), and over
// co-occurrence too only when that finds fewer than k paths.
#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>

#include "graph/graph_algorithms.h"

namespace dossier::graph {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                    boost::no_property,
                                    boost::property<boost::edge_weight_t, double>>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;
using VertexPair = std::pair<Vertex, Vertex>;

VertexPair Ordered(Vertex a, Vertex b) { return {std::min(a, b), std::max(a, b)}; }

// Filters for Yen's spur searches; default-constructible as filtered_graph
// requires.
struct EdgeFilter {
  const Graph* g = nullptr;
  const std::set<VertexPair>* removed = nullptr;
  bool operator()(const Edge& e) const {
    return removed->count(Ordered(boost::source(e, *g), boost::target(e, *g))) == 0;
  }
};
struct VertexFilter {
  const std::vector<char>* removed = nullptr;
  bool operator()(Vertex v) const { return (*removed)[v] == 0; }
};

class Subgraph {
 public:
  Vertex VertexOf(EntityId id) {
    auto [it, added] = index_.emplace(id, 0);
    if (added) {
      it->second = boost::add_vertex(g_);
      ids_.push_back(id);
    }
    return it->second;
  }

  void AddEdge(EntityId a, EntityId b, double cost) {
    const Vertex u = VertexOf(a);
    const Vertex v = VertexOf(b);
    auto [it, added] = cost_.emplace(Ordered(u, v), cost);
    if (added) {
      boost::add_edge(u, v, cost, g_);
    } else if (cost < it->second) {
      // Keep the cheaper description of the same pair.
      it->second = cost;
      boost::put(boost::edge_weight, g_, boost::edge(u, v, g_).first, cost);
    }
  }

  std::optional<Vertex> Find(EntityId id) const {
    auto it = index_.find(id);
    return it == index_.end() ? std::nullopt : std::optional<Vertex>(it->second);
  }
  EntityId IdOf(Vertex v) const { return ids_[v]; }
  double CostOf(Vertex a, Vertex b) const { return cost_.at(Ordered(a, b)); }
  const Graph& graph() const { return g_; }

 private:
  Graph g_;
  std::unordered_map<EntityId, Vertex> index_;
  std::vector<EntityId> ids_;
  std::map<VertexPair, double> cost_;
};

double HopCost(const Neighbor& n) {
  if (n.typed_evidence > 0) {
    return 1.0 + 0.5 / static_cast<double>(1 + n.typed_evidence);
  }
  if (n.cooc_sentences > 0) {
    return 10.0 + 2.0 / static_cast<double>(1 + n.cooc_sentences);
  }
  return 13.0 + 2.0 / static_cast<double>(1 + n.cooc_articles);
}

NeighborOptions NeighborQuery(const PathOptions& options, std::size_t limit) {
  NeighborOptions q;
  q.typed_only = options.typed_only;
  q.since = options.since;
  q.until = options.until;
  q.limit = limit;
  q.summaries = false;
  return q;
}

Status LoadRings(const GraphStore& store, EntityId end,
                 const PathOptions& options, Subgraph* sub) {
  Result<std::vector<Neighbor>> ring =
      store.Neighbors(end, NeighborQuery(options, options.first_ring));
  if (!ring.has_value()) {
    return ring.error();
  }
  sub->VertexOf(end);
  for (const Neighbor& n : *ring) {
    sub->AddEdge(end, n.entity.id, HopCost(n));
  }
  // Second ring: typed relations only. Co-occurrence lists of hubs run to
  // tens of thousands; reading them around every ring-one node would cost
  // far more than the 10 ms budget, and co-occurrence hops rank last anyway.
  PathOptions typed = options;
  typed.typed_only = true;
  const std::size_t expand = std::min(options.expand, ring->size());
  for (std::size_t i = 0; i < expand; ++i) {
    const EntityId mid = (*ring)[i].entity.id;
    Result<std::vector<Neighbor>> next =
        store.Neighbors(mid, NeighborQuery(typed, options.second_ring));
    if (!next.has_value()) {
      return next.error();
    }
    for (const Neighbor& n : *next) {
      sub->AddEdge(mid, n.entity.id, HopCost(n));
    }
  }
  return Status::Ok();
}

using NodePath = std::vector<Vertex>;

std::optional<NodePath> Shortest(const Subgraph& sub, Vertex s, Vertex t,
                                 const std::set<VertexPair>& removed_edges,
                                 const std::vector<char>& removed_vertices) {
  const Graph& g = sub.graph();
  EdgeFilter ef{&g, &removed_edges};
  VertexFilter vf{&removed_vertices};
  boost::filtered_graph<Graph, EdgeFilter, VertexFilter> fg(g, ef, vf);
  const std::size_t n = boost::num_vertices(g);
  std::vector<Vertex> pred(n);
  std::vector<double> dist(n, std::numeric_limits<double>::max());
  boost::dijkstra_shortest_paths(
      fg, s,
      boost::predecessor_map(pred.data())
          .distance_map(dist.data())
          .vertex_index_map(boost::get(boost::vertex_index, g)));
  if (dist[t] == std::numeric_limits<double>::max()) {
    return std::nullopt;
  }
  NodePath path{t};
  for (Vertex v = t; v != s; v = pred[v]) {
    path.push_back(pred[v]);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

double PathCost(const Subgraph& sub, const NodePath& path) {
  double cost = 0;
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    cost += sub.CostOf(path[i], path[i + 1]);
  }
  return cost;
}

// Yen's k shortest loopless paths (step 3).
std::vector<NodePath> KShortest(const Subgraph& sub, Vertex s, Vertex t,
                                std::size_t k) {
  const std::size_t n = boost::num_vertices(sub.graph());
  std::vector<NodePath> accepted;
  std::vector<char> no_vertices(n, 0);
  std::optional<NodePath> first = Shortest(sub, s, t, {}, no_vertices);
  if (!first) {
    return accepted;
  }
  accepted.push_back(*first);
  std::set<std::pair<double, NodePath>> candidates;
  while (accepted.size() < k) {
    const NodePath& last = accepted.back();
    for (std::size_t i = 0; i + 1 < last.size(); ++i) {
      const NodePath root(last.begin(), last.begin() + static_cast<long>(i) + 1);
      std::set<VertexPair> removed_edges;
      for (const NodePath& p : accepted) {
        if (p.size() > i + 1 && std::equal(root.begin(), root.end(), p.begin())) {
          removed_edges.insert(Ordered(p[i], p[i + 1]));
        }
      }
      std::vector<char> removed_vertices(n, 0);
      for (std::size_t r = 0; r < i; ++r) {
        removed_vertices[root[r]] = 1;
      }
      std::optional<NodePath> spur =
          Shortest(sub, last[i], t, removed_edges, removed_vertices);
      if (!spur) {
        continue;
      }
      NodePath total(root.begin(), root.end() - 1);
      total.insert(total.end(), spur->begin(), spur->end());
      if (std::find(accepted.begin(), accepted.end(), total) == accepted.end()) {
        candidates.insert({PathCost(sub, total), std::move(total)});
      }
    }
    if (candidates.empty()) {
      break;
    }
    accepted.push_back(candidates.begin()->second);
    candidates.erase(candidates.begin());
  }
  return accepted;
}

Result<std::vector<GraphPath>> SearchPaths(const GraphStore& store,
                                           EntityId from, EntityId to,
                                           const PathOptions& options) {
  Subgraph sub;
  DOSSIER_RETURN_IF_ERROR(LoadRings(store, from, options, &sub));
  DOSSIER_RETURN_IF_ERROR(LoadRings(store, to, options, &sub));
  std::vector<GraphPath> paths;
  const std::optional<Vertex> s = sub.Find(from);
  const std::optional<Vertex> t = sub.Find(to);
  if (!s || !t || options.k == 0) {
    return paths;
  }
  NeighborOptions link_options = NeighborQuery(options, 1);
  std::unordered_map<EntityId, EntitySummary> summaries;
  auto summary = [&](EntityId id) -> Result<EntitySummary> {
    auto it = summaries.find(id);
    if (it != summaries.end()) {
      return it->second;
    }
    Result<EntitySummary> got = store.GetSummary(id);
    if (got.has_value()) {
      summaries.emplace(id, *got);
    }
    return got;
  };
  for (const NodePath& nodes : KShortest(sub, *s, *t, options.k)) {
    if (nodes.size() - 1 > options.max_hops) {
      continue;
    }
    GraphPath path;
    path.cost = PathCost(sub, nodes);
    for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
      const EntityId a = sub.IdOf(nodes[i]);
      const EntityId b = sub.IdOf(nodes[i + 1]);
      Result<std::optional<Link>> link = store.FindLink(a, b, link_options);
      if (!link.has_value()) {
        return link.error();
      }
      Result<EntitySummary> sa = summary(a);
      Result<EntitySummary> sb = summary(b);
      if (!link->has_value() || !sa.has_value() || !sb.has_value()) {
        path.hops.clear();
        break;  // the store changed under us; drop this path
      }
      path.hops.push_back({*sa, *sb, **link});
    }
    if (!path.hops.empty()) {
      paths.push_back(std::move(path));
    }
  }
  return paths;
}

}  // namespace

Result<std::vector<GraphPath>> FindPaths(const GraphStore& store,
                                         EntityId from, EntityId to,
                                         const PathOptions& options) {
  if (from == to) {
    return Status::InvalidInput("a path needs two different entities");
  }
  if (options.typed_only) {
    return SearchPaths(store, from, to, options);
  }
  // Step 0: typed relations alone. Any all-typed path of up to max_hops
  // costs less than a single co-occurrence hop, so when this finds k paths
  // they are the answer, and co-occurrence lists (large around hubs) are
  // never read.
  PathOptions typed = options;
  typed.typed_only = true;
  Result<std::vector<GraphPath>> typed_paths =
      SearchPaths(store, from, to, typed);
  if (!typed_paths.has_value() || typed_paths->size() >= options.k) {
    return typed_paths;
  }
  return SearchPaths(store, from, to, options);
}

}  // namespace dossier::graph
