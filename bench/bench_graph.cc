// bench_graph: builds a knowledge graph and times the interactive graph
// queries the CLI runs (entity, related, path), warm cache.
//
//   bench_graph --db DIR [--synthetic N] [--queries N] [INPUT...]
//
// With INPUT paths (any archive `dossier index` reads), each article is
// analysed with indexer::Analyzer and stored; with --synthetic N, N random
// articles with Zipf-distributed entities and relations are stored instead;
// with neither, the graph already in DIR is measured. Then, for the most
// mentioned entities: entity = FindEntity + GetDetails, related = Neighbors
// (20), path = FindPaths (k=1) between random pairs of them. Prints the
// median and p99 in milliseconds of each.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "graph/graph_algorithms.h"
#include "graph/graph_store.h"
#include "indexer/analyzer.h"
#include "indexer/archive_reader.h"

namespace {

using dossier::Status;
namespace graph = dossier::graph;
using Clock = std::chrono::steady_clock;

struct BenchOptions {
  std::string db;
  std::size_t synthetic = 0;
  std::size_t queries = 200;
  std::vector<std::string> inputs;
};

Status LoadInputs(graph::GraphStore& store, const std::vector<std::string>& paths) {
  dossier::Result<std::unique_ptr<dossier::indexer::Analyzer>> analyzer =
      dossier::indexer::Analyzer::Create({});
  if (!analyzer.has_value()) {
    return analyzer.error();
  }
  dossier::Result<std::vector<dossier::indexer::InputFile>> files =
      dossier::indexer::ExpandInputs(paths);
  if (!files.has_value()) {
    return files.error();
  }
  std::size_t stored = 0;
  Status failure;
  const Clock::time_point start = Clock::now();
  for (const dossier::indexer::InputFile& file : *files) {
    Status s = dossier::indexer::ReadInput(
        file, {}, [&](dossier::indexer::ReadItem item) {
          if (!item.article || !failure.ok()) {
            return;
          }
          const dossier::ArticleAnalysis analysis = (*analyzer)->Analyze(*item.article);
          failure = store.PutArticle(*item.article, analysis, "bench");
          if (++stored % 2000 == 0) {
            std::cerr << stored << " articles stored\n";
          }
        });
    if (!s.ok()) {
      std::cerr << file.path << ": " << s.ToString() << "\n";
    }
  }
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  std::cerr << "stored " << stored << " articles in " << secs << " s\n";
  return failure;
}

// Synthetic articles shaped like a newswire archive: 10 entities each,
// drawn Zipf-like from a vocabulary of N names (so a few hubs appear in most
// articles), three per sentence, and one typed relation per article.
Status LoadSynthetic(graph::GraphStore& store, std::size_t n) {
  std::mt19937_64 rng(42);
  const std::size_t vocabulary = std::max<std::size_t>(10, n);
  auto pick = [&]() {
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return static_cast<std::size_t>(std::pow(static_cast<double>(vocabulary), u)) - 1;
  };
  for (std::size_t a = 0; a < n; ++a) {
    dossier::Article article;
    article.id = "syn-" + std::to_string(a);
    article.date = "2020-01-" + std::to_string(10 + a % 20);
    dossier::ArticleAnalysis analysis;
    for (int e = 0; e < 10; ++e) {
      const std::size_t k = pick();
      const std::string name = (k % 3 == 0 ? "Person " : "Company ") + std::to_string(k);
      if (e % 3 == 0) {
        dossier::Sentence s;
        s.span.begin = static_cast<std::uint32_t>(article.text.size());
        analysis.sentences.push_back(s);
      }
      const auto begin = static_cast<std::uint32_t>(article.text.size());
      article.text += name + " and ";
      dossier::ArticleEntity entity;
      entity.name = name;
      entity.type = k % 3 == 0 ? dossier::EntityType::kPerson : dossier::EntityType::kOrg;
      entity.mentions.push_back(static_cast<int>(analysis.mentions.size()));
      dossier::Mention m;
      m.span = {begin, static_cast<std::uint32_t>(begin + name.size())};
      m.entity = e;
      analysis.mentions.push_back(m);
      analysis.entities.push_back(std::move(entity));
      analysis.sentences.back().span.end = static_cast<std::uint32_t>(article.text.size());
    }
    dossier::Relation rel;
    rel.type = static_cast<dossier::RelationType>(a % 7);
    rel.head_entity = 0;
    rel.tail_entity = 1;
    rel.evidence = analysis.sentences.front().span;
    analysis.relations.push_back(rel);
    DOSSIER_RETURN_IF_ERROR(store.PutArticle(article, analysis, "syn"));
  }
  return Status::Ok();
}

template <typename Fn>
void Measure(const char* what, std::size_t runs, Fn fn) {
  for (std::size_t i = 0; i < std::min<std::size_t>(runs, 20); ++i) {
    fn(i);  // warm the cache
  }
  std::vector<double> ms;
  for (std::size_t i = 0; i < runs; ++i) {
    const Clock::time_point t0 = Clock::now();
    fn(i);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  const double median = ms[ms.size() / 2];
  const double p99 = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  std::printf("%-8s n=%zu median=%.3f ms p99=%.3f ms max=%.3f ms\n", what,
              ms.size(), median, p99, ms.back());
}

int Run(const BenchOptions& options) {
  {
    auto store = graph::GraphStore::Open(options.db, {});
    if (!store.has_value()) {
      std::cerr << store.error().ToString() << "\n";
      return 1;
    }
    Status s = options.synthetic > 0 ? LoadSynthetic(**store, options.synthetic)
               : options.inputs.empty() ? Status::Ok()
                                        : LoadInputs(**store, options.inputs);
    Status closed = (*store)->Close();
    if (!s.ok() || !closed.ok()) {
      std::cerr << (s.ok() ? closed : s).ToString() << "\n";
      return 1;
    }
  }
  graph::GraphOptions read_only;
  read_only.read_only = true;
  auto store = graph::GraphStore::Open(options.db, read_only);
  if (!store.has_value()) {
    std::cerr << store.error().ToString() << "\n";
    return 1;
  }
  graph::RankOptions top;
  top.limit = options.queries;
  auto ranked = graph::TopEntities(**store, top);
  if (!ranked.has_value() || ranked->size() < 2) {
    std::cerr << "graph too small to measure\n";
    return 1;
  }
  std::size_t entities = 0;
  std::size_t edges = 0;
  (*store)->ForEachEntity([&](const graph::EntitySummary&) { ++entities; }).IgnoreError();  // counts only
  (*store)->ForEachEdge({}, [&](const graph::GraphEdge&) { ++edges; }).IgnoreError();  // counts only
  std::printf("graph: %zu entities, %zu edges (typed + co-occurrence)\n", entities, edges);
  const std::vector<graph::RankedEntity>& names = *ranked;
  const std::size_t runs = options.queries;
  Measure("entity", runs, [&](std::size_t i) {
    auto found = (*store)->FindEntity(names[i % names.size()].entity.name);
    if (found.has_value()) {
      (*store)->GetDetails(found->candidates.front().entity.id, {}).status().IgnoreError();  // timing only
    }
  });
  Measure("related", runs, [&](std::size_t i) {
    graph::NeighborOptions n;
    n.limit = 20;
    (*store)->Neighbors(names[i % names.size()].entity.id, n).status().IgnoreError();  // timing only
  });
  std::mt19937_64 rng(7);
  std::vector<std::pair<graph::EntityId, graph::EntityId>> pairs;
  for (std::size_t i = 0; i < runs; ++i) {
    const std::size_t a = rng() % names.size();
    const std::size_t b = (a + 1 + rng() % (names.size() - 1)) % names.size();
    pairs.emplace_back(names[a].entity.id, names[b].entity.id);
  }
  Measure("path", runs, [&](std::size_t i) {
    graph::FindPaths(**store, pairs[i].first, pairs[i].second, {}).status().IgnoreError();  // timing only
  });
  return (*store)->Close().ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  BenchOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--db" && i + 1 < argc) {
      options.db = argv[++i];
    } else if (arg == "--synthetic" && i + 1 < argc) {
      options.synthetic = std::stoul(argv[++i]);
    } else if (arg == "--queries" && i + 1 < argc) {
      options.queries = std::stoul(argv[++i]);
    } else {
      options.inputs.push_back(arg);
    }
  }
  if (options.db.empty()) {
    std::cerr << "usage: bench_graph --db DIR [--synthetic N] [--queries N] [INPUT...]\n";
    return 2;
  }
  return Run(options);
}
