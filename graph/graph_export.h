// Exports the whole graph for other tools: GraphML and GEXF (Gephi,
// NetworkX), CSV for Neo4j's bulk importer (nodes.csv + relationships.csv
// with :ID / :START_ID / :END_ID / :TYPE headers) and node-link JSON
// (networkx.node_link_graph). Every edge carries its provenance: the ids of
// the articles asserting it. Reads only; thread-safe as GraphStore reads are.
#ifndef DOSSIER_GRAPH_GRAPH_EXPORT_H_
#define DOSSIER_GRAPH_GRAPH_EXPORT_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>

#include "common/status.h"
#include "graph/graph_store.h"

namespace dossier::graph {

enum class ExportFormat { kGraphMl, kGexf, kCsv, kJson };
// "graphml", "gexf", "csv", "json"; nullopt otherwise.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);

struct ExportOptions {
  // Include co-occurrence edges (type CO_OCCURS). Default: true.
  bool include_cooccurrence = true;
  // ... with at least this many shared sentences; 0 keeps same-article
  // pairs too. Default: 1.
  std::int64_t min_cooc_sentences = 1;
  // Add pagerank, component and community to nodes (loads the whole graph
  // once more). Default: true.
  bool with_metrics = true;
};

// Writes one document (GraphML, GEXF or JSON) to `out`. kInvalidInput for
// kCsv, which needs two streams.
Status ExportGraph(const GraphStore& store, ExportFormat format,
                   const ExportOptions& options, std::ostream& out);

// Writes Neo4j bulk-import CSV: nodes to `nodes`, edges to `relationships`.
Status ExportCsv(const GraphStore& store, const ExportOptions& options,
                 std::ostream& nodes, std::ostream& relationships);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_GRAPH_EXPORT_H_
