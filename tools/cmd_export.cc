// dossier export --format graphml|gexf|csv|json [--out PATH]: the whole
// knowledge graph for Gephi, NetworkX or Neo4j. CSV writes PATH/nodes.csv
// and PATH/relationships.csv (PATH is a directory, default "."); the other
// formats write PATH or stdout.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "graph/graph_export.h"
#include "tools/command_registry.h"
#include "tools/graph_cli.h"

namespace dossier::tools {
namespace {

struct ExportCommandOptions {
  std::string db;
  std::string format = "graphml";
  std::string out;
  bool typed_only = false;
  std::int64_t min_sentences = 1;
};

Status WriteCsv(const graph::GraphStore& store,
                const graph::ExportOptions& options, const std::string& out) {
  const std::filesystem::path dir = out.empty() ? "." : out;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return Status::IOError("creating " + dir.string() + ": " + ec.message());
  }
  std::ofstream nodes(dir / "nodes.csv");
  std::ofstream rels(dir / "relationships.csv");
  if (!nodes || !rels) {
    return Status::IOError("cannot write CSV files in " + dir.string());
  }
  DOSSIER_RETURN_IF_ERROR(graph::ExportCsv(store, options, nodes, rels));
  std::cerr << "wrote " << (dir / "nodes.csv").string() << " and "
            << (dir / "relationships.csv").string() << "\n";
  return Status::Ok();
}

ExitCode RunExport(const ExportCommandOptions& cli) {
  const std::optional<graph::ExportFormat> format =
      graph::ParseExportFormat(cli.format);
  Result<std::unique_ptr<graph::GraphStore>> store =
      OpenGraph(cli.db, GraphAccess::kReadOnly);
  if (!store.has_value()) {
    return Fail("export", store.error());
  }
  graph::ExportOptions options;
  options.include_cooccurrence = !cli.typed_only;
  options.min_cooc_sentences = cli.min_sentences;
  Status s;
  if (*format == graph::ExportFormat::kCsv) {
    s = WriteCsv(**store, options, cli.out);
  } else if (cli.out.empty() || cli.out == "-") {
    s = graph::ExportGraph(**store, *format, options, std::cout);
  } else {
    std::ofstream file(cli.out);
    s = file ? graph::ExportGraph(**store, *format, options, file)
             : Status::IOError("cannot write " + cli.out);
  }
  if (!s.ok()) {
    return Fail("export", s);
  }
  Status closed = (*store)->Close();
  return closed.ok() ? ExitCode::kOk : Fail("export", closed);
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<ExportCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_option("--format", options->format, "graphml, gexf, csv or json")
      ->check(CLI::IsMember({"graphml", "gexf", "csv", "json"}));
  sub.add_option("--out", options->out,
                 "Output file (csv: output directory); default stdout");
  sub.add_flag("--typed-only", options->typed_only,
               "Typed relations only, no co-occurrence edges");
  sub.add_option("--min-sentences", options->min_sentences,
                 "Co-occurrence edges need this many shared sentences; 0 "
                 "keeps same-article pairs (default 1)")
      ->check(CLI::Range(0, 1000000));
  return [options] { return RunExport(*options); };
}

const bool kRegistered = RegisterCommand(
    {"export", "Export the knowledge graph (GraphML, GEXF, Neo4j CSV, JSON)",
     Setup});

}  // namespace
}  // namespace dossier::tools
