// ComputeMetrics and TopEntities with Boost.Graph.
//  1. Load the whole graph (typed edges, plus co-occurrence edges with
//     enough shared sentences) into an adjacency_list.
//  2. PageRank (boost::graph::page_rank on the bidirectional form: each
//     undirected link both ways), degree, connected_components.
//  3. Communities by weighted label propagation: in id order, each node
//     takes the label with the largest summed edge weight among its
//     neighbours (ties: the smallest label), until nothing changes.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>

#include "graph/graph_algorithms.h"

namespace dossier::graph {
namespace {

using Directed = boost::adjacency_list<boost::vecS, boost::vecS,
                                       boost::bidirectionalS>;
using Undirected = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
    boost::property<boost::edge_weight_t, double>>;

struct Loaded {
  std::vector<EntityId> ids;  // vertex -> id, sorted
  std::map<std::pair<std::size_t, std::size_t>, double> weights;  // u < v
};

Result<Loaded> Load(const GraphStore& store, const MetricsOptions& options) {
  std::map<std::pair<EntityId, EntityId>, double> by_id;
  GraphStore::EdgeScanOptions scan;
  scan.include_cooccurrence = !options.typed_only;
  DOSSIER_RETURN_IF_ERROR(store.ForEachEdge(scan, [&](const GraphEdge& e) {
    if (e.from == e.to) {
      return;
    }
    double w = 0;
    if (e.typed) {
      w = 3.0 * static_cast<double>(e.articles);
    } else if (e.sentences >= options.min_cooc_sentences) {
      w = static_cast<double>(e.sentences) +
          static_cast<double>(e.articles) / 4.0;
    } else {
      return;
    }
    by_id[{std::min(e.from, e.to), std::max(e.from, e.to)}] += w;
  }));
  Loaded loaded;
  for (const auto& [pair, w] : by_id) {
    loaded.ids.push_back(pair.first);
    loaded.ids.push_back(pair.second);
  }
  std::sort(loaded.ids.begin(), loaded.ids.end());
  loaded.ids.erase(std::unique(loaded.ids.begin(), loaded.ids.end()),
                   loaded.ids.end());
  auto index = [&](EntityId id) {
    return static_cast<std::size_t>(
        std::lower_bound(loaded.ids.begin(), loaded.ids.end(), id) -
        loaded.ids.begin());
  };
  for (const auto& [pair, w] : by_id) {
    loaded.weights[{index(pair.first), index(pair.second)}] = w;
  }
  return loaded;
}

std::vector<EntityId> LabelPropagation(const Undirected& g,
                                       const std::vector<EntityId>& ids,
                                       int rounds) {
  std::vector<EntityId> label = ids;
  for (int round = 0; round < rounds; ++round) {
    bool changed = false;
    for (std::size_t v = 0; v < ids.size(); ++v) {
      std::map<EntityId, double> votes;
      for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
        votes[label[boost::target(*e, g)]] += boost::get(boost::edge_weight, g, *e);
      }
      EntityId best = label[v];
      double best_w = 0;
      for (const auto& [l, w] : votes) {
        if (w > best_w) {
          best = l;
          best_w = w;
        }
      }
      if (best != label[v]) {
        label[v] = best;
        changed = true;
      }
    }
    if (!changed) {
      break;
    }
  }
  return label;
}

}  // namespace

Result<std::unordered_map<EntityId, NodeMetrics>> ComputeMetrics(
    const GraphStore& store, const MetricsOptions& options) {
  Result<Loaded> loaded = Load(store, options);
  if (!loaded.has_value()) {
    return loaded.error();
  }
  const std::size_t n = loaded->ids.size();
  Directed directed(n);
  Undirected undirected(n);
  for (const auto& [pair, w] : loaded->weights) {
    boost::add_edge(pair.first, pair.second, directed);
    boost::add_edge(pair.second, pair.first, directed);
    boost::add_edge(pair.first, pair.second, w, undirected);
  }
  std::vector<double> rank(n, 0.0);
  if (n > 0) {
    boost::graph::page_rank(
        directed,
        boost::make_iterator_property_map(rank.begin(),
                                          boost::get(boost::vertex_index, directed)),
        boost::graph::n_iterations(options.pagerank_iterations));
  }
  std::vector<int> component(n, 0);
  const int components =
      n == 0 ? 0 : boost::connected_components(undirected, component.data());
  // Renumber components by size, largest first.
  std::vector<std::size_t> sizes(static_cast<std::size_t>(components), 0);
  for (int c : component) {
    ++sizes[static_cast<std::size_t>(c)];
  }
  std::vector<std::size_t> order(sizes.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return sizes[a] > sizes[b];
  });
  std::vector<std::size_t> renumber(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    renumber[order[i]] = i;
  }
  const std::vector<EntityId> community =
      LabelPropagation(undirected, loaded->ids, options.community_rounds);
  std::unordered_map<EntityId, NodeMetrics> metrics;
  for (std::size_t v = 0; v < n; ++v) {
    NodeMetrics& m = metrics[loaded->ids[v]];
    m.pagerank = rank[v];
    m.degree = boost::out_degree(v, undirected);
    m.component = renumber[static_cast<std::size_t>(component[v])];
    m.community = community[v];
  }
  return metrics;
}

Result<std::vector<RankedEntity>> TopEntities(const GraphStore& store,
                                              const RankOptions& options) {
  std::unordered_map<EntityId, NodeMetrics> metrics;
  if (options.by == RankBy::kPageRank || options.by == RankBy::kDegree) {
    Result<std::unordered_map<EntityId, NodeMetrics>> computed =
        ComputeMetrics(store, options.metrics);
    if (!computed.has_value()) {
      return computed.error();
    }
    metrics = std::move(computed.value());
  }
  std::vector<RankedEntity> ranked;
  DOSSIER_RETURN_IF_ERROR(store.ForEachEntity([&](const EntitySummary& e) {
    if ((options.type && e.type != *options.type) ||
        (options.org_kind && e.org_kind != *options.org_kind)) {
      return;
    }
    double score = 0;
    switch (options.by) {
      case RankBy::kMentions:
        score = static_cast<double>(e.mentions);
        break;
      case RankBy::kArticles:
        score = static_cast<double>(e.articles);
        break;
      case RankBy::kPageRank:
      case RankBy::kDegree: {
        auto it = metrics.find(e.id);
        if (it != metrics.end()) {
          score = options.by == RankBy::kPageRank
                      ? it->second.pagerank
                      : static_cast<double>(it->second.degree);
        }
        break;
      }
    }
    ranked.push_back({e, score});
  }));
  const std::size_t keep = std::min(options.limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep),
                    ranked.end(), [](const RankedEntity& a, const RankedEntity& b) {
                      return a.score != b.score ? a.score > b.score
                                                : a.entity.name < b.entity.name;
                    });
  ranked.resize(keep);
  return ranked;
}

}  // namespace dossier::graph
