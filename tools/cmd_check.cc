// dossier check [--db DIR] [--repair] [--json]: do Xapian and the graph agree?
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "graph/graph_store.h"
#include "indexer/consistency.h"
#include "tools/command_registry.h"

namespace dossier::tools {
namespace {

struct CheckCommandOptions {
  std::string db;
  bool repair = false;
  bool json = false;
};

ExitCode Fail(const Status& status) {
  std::cerr << "dossier check: " << status.ToString() << "\n";
  return ExitCode::kFailure;
}

ExitCode RunCheck(const CheckCommandOptions& cli) {
  const std::filesystem::path db = cli.db;
  const indexer::OpenMode mode = cli.repair ? indexer::OpenMode::kReadWrite
                                            : indexer::OpenMode::kReadOnly;
  Result<std::unique_ptr<indexer::ArticleStore>> articles =
      indexer::ArticleStore::Open(db, mode);
  if (!articles.has_value()) {
    return Fail(articles.error());
  }
  graph::GraphOptions graph_options;
  graph_options.create_if_missing = cli.repair;
  graph_options.read_only = !cli.repair;
  Result<std::unique_ptr<graph::GraphStore>> graph =
      graph::GraphStore::Open(db / "graph", graph_options);
  if (!graph.has_value()) {
    return Fail(graph.error());
  }
  Result<indexer::ConsistencyReport> report = indexer::ConsistencyReport();
  if (cli.repair) {
    Result<std::unique_ptr<indexer::Analyzer>> analyzer =
        indexer::Analyzer::Create(indexer::AnalyzerOptions());
    if (!analyzer.has_value()) {
      return Fail(analyzer.error());
    }
    report = indexer::RepairStores(articles->get(), graph->get(), **analyzer);
  } else {
    report = indexer::CheckStores(articles->get(), graph->get());
  }
  if (!report.has_value()) {
    return Fail(report.error());
  }
  if (cli.repair) {
    const Status closed = (*graph)->Close();
    if (!closed.ok()) {
      return Fail(closed);
    }
  }
  if (cli.json) {
    const nlohmann::json out = {
        {"consistent", report->Consistent()},
        {"xapian_articles", report->xapian_articles},
        {"graph_articles", report->graph_articles},
        {"only_in_graph", report->only_in_graph},
        {"missing_in_graph", report->missing_in_graph},
        {"hash_mismatch", report->hash_mismatch},
        {"repaired", report->repaired},
        {"examples", report->examples}};
    std::cout << out.dump() << "\n";
  } else {
    std::cout << (report->Consistent() ? "consistent: " : "INCONSISTENT: ")
              << report->Summary() << "\n";
    for (const std::string& example : report->examples) {
      std::cout << "  " << example << "\n";
    }
  }
  // After a repair the stores agree, whatever was found.
  return report->Consistent() || cli.repair ? ExitCode::kOk
                                            : ExitCode::kFailure;
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<CheckCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_flag("--repair", options->repair,
               "Fix what is found (dossier index also does after a crash)");
  sub.add_flag("--json", options->json, "Print JSON");
  return [options] { return RunCheck(*options); };
}

const bool kRegistered = RegisterCommand(
    {"check", "Verify that the full-text index and the graph agree", Setup});

}  // namespace
}  // namespace dossier::tools
