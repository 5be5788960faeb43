// dossier path A B [--k N] [--typed-only] [--since D --until D] [--json]:
// how two entities are connected, each hop citing an article and sentence.
// Typed relations are preferred over co-occurrence.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "graph/graph_algorithms.h"
#include "tools/command_registry.h"
#include "tools/graph_cli.h"

namespace dossier::tools {
namespace {

struct PathCommandOptions {
  std::string db;
  std::string from;
  std::string to;
  std::size_t k = 1;
  std::size_t max_hops = 4;
  bool typed_only = false;
  std::string since;
  std::string until;
  bool json = false;
};

nlohmann::json HopJson(const graph::Hop& hop) {
  nlohmann::json out = {{"from", hop.from.name},
                        {"type", LinkTypeName(hop.link)},
                        {"to", hop.to.name},
                        {"direction", hop.link.outgoing ? "out" : "in"}};
  out.update(EvidenceJson(hop.link.evidence));
  return out;
}

void PrintPath(const graph::GraphPath& path) {
  std::string line = path.hops.front().from.name;
  for (const graph::Hop& hop : path.hops) {
    const std::string t = LinkTypeName(hop.link);
    line += hop.link.outgoing ? " -" + t + "-> " : " <-" + t + "- ";
    line += hop.to.name;
  }
  std::cout << line << "\n";
  for (const graph::Hop& hop : path.hops) {
    const graph::EvidenceRef& e = hop.link.evidence;
    std::cout << "  " << hop.from.name << " / " << hop.to.name << ": "
              << e.article;
    if (e.sentence.empty()) {
      std::cout << " (same article)\n";
    } else {
      std::cout << " [" << e.start << "-" << e.end << "] " << e.sentence << "\n";
    }
  }
}

ExitCode RunPath(const PathCommandOptions& cli) {
  Result<std::unique_ptr<graph::GraphStore>> store =
      OpenGraph(cli.db, GraphAccess::kReadOnly);
  if (!store.has_value()) {
    return Fail("path", store.error());
  }
  Result<graph::EntitySummary> a = ResolveEntity(**store, cli.from);
  if (!a.has_value()) {
    return Fail("path", a.error());
  }
  Result<graph::EntitySummary> b = ResolveEntity(**store, cli.to);
  if (!b.has_value()) {
    return Fail("path", b.error());
  }
  graph::PathOptions options;
  options.k = cli.k;
  options.typed_only = cli.typed_only;
  options.since = cli.since;
  options.until = cli.until;
  options.max_hops = cli.max_hops;
  Result<std::vector<graph::GraphPath>> paths =
      graph::FindPaths(**store, a->id, b->id, options);
  if (!paths.has_value()) {
    return Fail("path", paths.error());
  }
  if (cli.json) {
    nlohmann::json all = nlohmann::json::array();
    for (const graph::GraphPath& p : *paths) {
      nlohmann::json hops = nlohmann::json::array();
      for (const graph::Hop& hop : p.hops) {
        hops.push_back(HopJson(hop));
      }
      all.push_back(std::move(hops));
    }
    const nlohmann::json out = {
        {"from", a->name}, {"to", b->name}, {"paths", std::move(all)}};
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else if (paths->empty()) {
    std::cout << "no path from " << a->name << " to " << b->name
              << " within " << cli.max_hops << " hops\n";
  } else {
    for (const graph::GraphPath& p : *paths) {
      PrintPath(p);
    }
  }
  Status closed = (*store)->Close();
  return closed.ok() ? ExitCode::kOk : Fail("path", closed);
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<PathCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_option("from", options->from, "First entity")->required();
  sub.add_option("to", options->to, "Second entity")->required();
  sub.add_option("--k", options->k, "How many paths (default 1)")
      ->check(CLI::Range(1, 50));
  sub.add_option("--max-hops", options->max_hops, "Longest path (default 4)")
      ->check(CLI::Range(1, 8));
  sub.add_flag("--typed-only", options->typed_only,
               "Typed relations only, no co-occurrence hops");
  sub.add_option("--since", options->since, "Only evidence on or after YYYY-MM-DD");
  sub.add_option("--until", options->until, "Only evidence on or before YYYY-MM-DD");
  sub.add_flag("--json", options->json, "Print JSON");
  return [options] { return RunPath(*options); };
}

const bool kRegistered = RegisterCommand(
    {"path", "How two entities are connected, each hop with its sentence", Setup});

}  // namespace
}  // namespace dossier::tools
