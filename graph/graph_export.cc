// Graph export. All formats share one snapshot: every entity, typed edges,
// filtered co-occurrence edges, optional metrics; each writer only formats
// it. Every edge is written as directed, co-occurrence ones from the smaller
// id to the larger with relation CO_OCCURS: NetworkX refuses GraphML and
// GEXF files that mix directed and undirected edges.
#include "graph/graph_export.h"

#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/graph_algorithms.h"

namespace dossier::graph {
namespace {

struct Snapshot {
  std::vector<EntitySummary> nodes;
  std::vector<GraphEdge> edges;
  std::unordered_map<EntityId, NodeMetrics> metrics;
};

Result<Snapshot> Take(const GraphStore& store, const ExportOptions& options) {
  Snapshot snap;
  GraphStore::EdgeScanOptions scan;
  scan.include_cooccurrence = options.include_cooccurrence;
  scan.with_provenance = true;
  DOSSIER_RETURN_IF_ERROR(store.ForEachEdge(scan, [&](const GraphEdge& e) {
    if (e.typed || e.sentences >= options.min_cooc_sentences) {
      snap.edges.push_back(e);
    }
  }));
  DOSSIER_RETURN_IF_ERROR(store.ForEachEntity(
      [&](const EntitySummary& s) { snap.nodes.push_back(s); }));
  if (options.with_metrics) {
    MetricsOptions m;
    m.typed_only = !options.include_cooccurrence;
    m.min_cooc_sentences = options.min_cooc_sentences;
    Result<std::unordered_map<EntityId, NodeMetrics>> metrics =
        ComputeMetrics(store, m);
    if (!metrics.has_value()) {
      return metrics.error();
    }
    snap.metrics = std::move(metrics.value());
  }
  return snap;
}

std::string EdgeType(const GraphEdge& e) {
  return e.typed ? std::string(RelationTypeName(e.type)) : "CO_OCCURS";
}

std::string Joined(const std::vector<std::string>& items, char sep) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) {
      out.push_back(sep);
    }
    out += item;
  }
  return out;
}

std::string Xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // XML 1.0 forbids most control characters; drop them.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') {
          out.push_back(c);
        }
    }
  }
  return out;
}

std::string Csv(std::string_view s) {
  if (s.find_first_of(",\"\n\r;") == std::string_view::npos) {
    return std::string(s);
  }
  std::string out = "\"";
  for (char c : s) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

std::string NodeId(EntityId id) {
  // Appending (rather than "n" + ...) sidesteps a g++ 12 -Wrestrict false
  // positive at -O3.
  std::string out(1, 'n');
  out += std::to_string(id);
  return out;
}

void WriteGraphMl(const Snapshot& snap, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
         "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
         "  <key id=\"articles\" for=\"node\" attr.name=\"articles\" attr.type=\"long\"/>\n"
         "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\"/>\n"
         "  <key id=\"pagerank\" for=\"node\" attr.name=\"pagerank\" attr.type=\"double\"/>\n"
         "  <key id=\"community\" for=\"node\" attr.name=\"community\" attr.type=\"string\"/>\n"
         "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
         "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
         "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
         "  <graph id=\"dossier\" edgedefault=\"directed\">\n";
  for (const EntitySummary& n : snap.nodes) {
    out << "    <node id=\"" << NodeId(n.id) << "\">"
        << "<data key=\"name\">" << Xml(n.name) << "</data>"
        << "<data key=\"kind\">" << KindLabel(n) << "</data>"
        << "<data key=\"articles\">" << n.articles << "</data>"
        << "<data key=\"mentions\">" << n.mentions << "</data>";
    auto m = snap.metrics.find(n.id);
    if (m != snap.metrics.end()) {
      out << "<data key=\"pagerank\">" << m->second.pagerank << "</data>"
          << "<data key=\"community\">" << NodeId(m->second.community) << "</data>";
    }
    out << "</node>\n";
  }
  std::size_t edge_idx = 0;
  for (const GraphEdge& e : snap.edges) {
    out << "    <edge id=\"e" << edge_idx++ << "\" source=\"" << NodeId(e.from)
        << "\" target=\"" << NodeId(e.to) << "\">"
        << "<data key=\"relation\">" << EdgeType(e) << "</data>"
        << "<data key=\"weight\">" << (e.typed ? e.articles : e.sentences)
        << "</data>"
        << "<data key=\"evidence\">" << Xml(Joined(e.article_ids, ' '))
        << "</data></edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

void WriteGexf(const Snapshot& snap, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n"
         "  <graph mode=\"static\" defaultedgetype=\"directed\">\n"
         "    <attributes class=\"node\">\n"
         "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
         "      <attribute id=\"articles\" title=\"articles\" type=\"long\"/>\n"
         "      <attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>\n"
         "      <attribute id=\"community\" title=\"community\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"relation\" title=\"relation\" type=\"string\"/>\n"
         "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
         "    </attributes>\n"
         "    <nodes>\n";
  for (const EntitySummary& n : snap.nodes) {
    out << "      <node id=\"" << NodeId(n.id) << "\" label=\"" << Xml(n.name)
        << "\"><attvalues><attvalue for=\"kind\" value=\"" << KindLabel(n)
        << "\"/><attvalue for=\"articles\" value=\"" << n.articles << "\"/>";
    auto m = snap.metrics.find(n.id);
    if (m != snap.metrics.end()) {
      out << "<attvalue for=\"pagerank\" value=\"" << m->second.pagerank
          << "\"/><attvalue for=\"community\" value=\""
          << NodeId(m->second.community) << "\"/>";
    }
    out << "</attvalues></node>\n";
  }
  out << "    </nodes>\n    <edges>\n";
  std::size_t edge_idx = 0;
  for (const GraphEdge& e : snap.edges) {
    out << "      <edge id=\"" << edge_idx++ << "\" source=\"" << NodeId(e.from)
        << "\" target=\"" << NodeId(e.to) << "\" label=\"" << EdgeType(e)
        << "\" weight=\"" << (e.typed ? e.articles : e.sentences)
        << "\"><attvalues><attvalue for=\"relation\" value=\"" << EdgeType(e)
        << "\"/><attvalue for=\"evidence\" value=\""
        << Xml(Joined(e.article_ids, ' ')) << "\"/></attvalues></edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

void WriteJson(const Snapshot& snap, std::ostream& out) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const EntitySummary& n : snap.nodes) {
    nlohmann::json node = {{"id", NodeId(n.id)},       {"name", n.name},
                           {"kind", KindLabel(n)},     {"articles", n.articles},
                           {"mentions", n.mentions}};
    auto m = snap.metrics.find(n.id);
    if (m != snap.metrics.end()) {
      node["pagerank"] = m->second.pagerank;
      node["community"] = NodeId(m->second.community);
      node["component"] = m->second.component;
    }
    nodes.push_back(std::move(node));
  }
  nlohmann::json links = nlohmann::json::array();
  for (const GraphEdge& e : snap.edges) {
    links.push_back({{"source", NodeId(e.from)},
                     {"target", NodeId(e.to)},
                     {"type", EdgeType(e)},
                     {"directed", e.typed},
                     {"articles", e.article_ids},
                     {"sentences", e.sentences}});
  }
  const nlohmann::json doc = {{"directed", true},
                              {"multigraph", true},
                              {"graph", {{"source", "dossier"}}},
                              {"nodes", std::move(nodes)},
                              {"links", std::move(links)}};
  out << doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace)
      << "\n";
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "graphml") {
    return ExportFormat::kGraphMl;
  }
  if (name == "gexf") {
    return ExportFormat::kGexf;
  }
  if (name == "csv") {
    return ExportFormat::kCsv;
  }
  if (name == "json") {
    return ExportFormat::kJson;
  }
  return std::nullopt;
}

Status ExportGraph(const GraphStore& store, ExportFormat format,
                   const ExportOptions& options, std::ostream& out) {
  if (format == ExportFormat::kCsv) {
    return Status::InvalidInput("CSV export writes two files; use ExportCsv");
  }
  Result<Snapshot> snap = Take(store, options);
  if (!snap.has_value()) {
    return snap.error();
  }
  if (format == ExportFormat::kGraphMl) {
    WriteGraphMl(*snap, out);
  } else if (format == ExportFormat::kGexf) {
    WriteGexf(*snap, out);
  } else {
    WriteJson(*snap, out);
  }
  return out.good() ? Status::Ok() : Status::IOError("writing the export failed");
}

Status ExportCsv(const GraphStore& store, const ExportOptions& options,
                 std::ostream& nodes, std::ostream& relationships) {
  Result<Snapshot> snap = Take(store, options);
  if (!snap.has_value()) {
    return snap.error();
  }
  nodes << "entityId:ID,name,kind,:LABEL,articles:long,mentions:long,"
           "pagerank:double,community\n";
  for (const EntitySummary& n : snap->nodes) {
    std::string label = KindLabel(n);
    for (std::size_t i = 1; i < label.size(); ++i) {
      label[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[i])));
    }
    nodes << NodeId(n.id) << "," << Csv(n.name) << "," << KindLabel(n)
          << ",Entity;" << label << "," << n.articles << "," << n.mentions << ",";
    auto m = snap->metrics.find(n.id);
    if (m != snap->metrics.end()) {
      nodes << m->second.pagerank << "," << NodeId(m->second.community);
    } else {
      nodes << ",";
    }
    nodes << "\n";
  }
  relationships << ":START_ID,:END_ID,:TYPE,articles:long,sentences:long,"
                   "evidence:string[]\n";
  for (const GraphEdge& e : snap->edges) {
    relationships << NodeId(e.from) << "," << NodeId(e.to) << "," << EdgeType(e)
                  << "," << e.articles << "," << e.sentences << ","
                  << Csv(Joined(e.article_ids, ';')) << "\n";
  }
  return nodes.good() && relationships.good()
             ? Status::Ok()
             : Status::IOError("writing the CSV export failed");
}

}  // namespace dossier::graph
