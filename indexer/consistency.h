// Consistency between the two stores of a dossier database: every article in
// the Xapian index must have its contributions in the graph store with the
// same content hash, and the graph must hold nothing for articles Xapian
// lacks. `dossier check` reports; `dossier index` repairs after a run that
// did not finish (it leaves kRunMarkerName behind).
// Not thread-safe: use with the single writer.
#ifndef DOSSIER_INDEXER_CONSISTENCY_H_
#define DOSSIER_INDEXER_CONSISTENCY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "graph/graph_store.h"
#include "indexer/analyzer.h"
#include "indexer/article_store.h"

namespace dossier::indexer {

// The marker file in the database directory while `index` runs.
inline constexpr std::string_view kRunMarkerName = ".index-running";

struct ConsistencyReport {
  std::uint64_t xapian_articles = 0;
  std::uint64_t graph_articles = 0;
  // Problems found (counts), with at most kMaxExamples ids each.
  std::uint64_t only_in_graph = 0;     // graph facts for no indexed article
  std::uint64_t missing_in_graph = 0;  // indexed, nothing in the graph
  std::uint64_t hash_mismatch = 0;     // both, but different versions
  std::vector<std::string> examples;   // "only-in-graph <id>", ...
  std::uint64_t repaired = 0;

  static constexpr std::size_t kMaxExamples = 20;
  bool Consistent() const {
    return only_in_graph == 0 && missing_in_graph == 0 && hash_mismatch == 0;
  }
  // "2225 articles; 1 only in graph, 0 missing in graph, 0 mismatched".
  std::string Summary() const;
};

// Compares the stores; changes nothing.
Result<ConsistencyReport> CheckStores(ArticleStore* articles,
                                      const graph::GraphStore* graph);

// Compares and repairs: graph facts of articles Xapian lacks are retracted;
// articles Xapian has are re-analysed from their stored text and put into
// the graph again. `repaired` counts the articles fixed.
Result<ConsistencyReport> RepairStores(ArticleStore* articles,
                                       graph::GraphStore* graph,
                                       const Analyzer& analyzer);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_CONSISTENCY_H_
