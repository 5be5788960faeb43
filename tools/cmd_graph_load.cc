// dossier graph-load FILE [--db DIR]: stores analysed articles given in the
// compact JSON form of graph/analysis_json.h (one per line) into
// <db>/graph, without the analysis pipeline. For fixtures, benchmarks and
// debugging the graph; `dossier index` is the normal way in.
#include <fstream>
#include <iostream>
#include <memory>

#include "graph/analysis_json.h"
#include "graph/graph_store.h"
#include "tools/command_registry.h"
#include "tools/graph_cli.h"

namespace dossier::tools {
namespace {

struct GraphLoadOptions {
  std::string db;
  std::string file;
};

ExitCode RunGraphLoad(const GraphLoadOptions& cli) {
  std::ifstream in(cli.file);
  if (!in) {
    return Fail("graph-load", Status::IOError("cannot read " + cli.file));
  }
  graph::GraphOptions options;
  options.write_mostly = true;  // a stream of PutArticle, no queries
  Result<std::unique_ptr<graph::GraphStore>> store = graph::GraphStore::Open(
      std::filesystem::path(cli.db) / "graph", options);
  if (!store.has_value()) {
    return Fail("graph-load", store.error());
  }
  std::string line;
  std::size_t line_no = 0;
  std::size_t loaded = 0;
  std::size_t rejected = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) {
      continue;
    }
    Result<graph::AnalysedArticle> a = graph::ParseAnalysedArticle(line);
    Status s = a.has_value()
                   ? (*store)->PutArticle(a->article, a->analysis, std::to_string(
                                                                       std::hash<std::string>{}(line)))
                   : a.error();
    if (!s.ok()) {
      std::cerr << cli.file << ":" << line_no << ": " << s.ToString() << "\n";
      ++rejected;
      continue;
    }
    ++loaded;
  }
  Status closed = (*store)->Close();
  if (!closed.ok()) {
    return Fail("graph-load", closed);
  }
  std::cerr << "loaded " << loaded << " articles, rejected " << rejected << "\n";
  return rejected > 0 ? ExitCode::kRejectedRecords : ExitCode::kOk;
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<GraphLoadOptions>();
  AddDbOption(sub, &options->db);
  sub.add_option("file", options->file, "JSONL of analysed articles")
      ->required()
      ->check(CLI::ExistingFile);
  return [options] { return RunGraphLoad(*options); };
}

const bool kRegistered = RegisterCommand(
    {"graph-load",
     "Load analysed articles (compact JSON) into the graph, for fixtures",
     Setup});

}  // namespace
}  // namespace dossier::tools
