// dossier top [--type person|company|institution|place] [--by
// mentions|articles|pagerank|degree] [--limit N] [--json]: the most
// prominent entities of the knowledge graph.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "graph/graph_algorithms.h"
#include "tools/command_registry.h"
#include "tools/graph_cli.h"

namespace dossier::tools {
namespace {

struct TopCommandOptions {
  std::string db;
  std::string type;
  std::string by = "mentions";
  std::size_t limit = 20;
  bool typed_only = false;
  bool json = false;
};

ExitCode RunTop(const TopCommandOptions& cli) {
  graph::RankOptions options;
  options.limit = cli.limit;
  options.metrics.typed_only = cli.typed_only;
  if (!cli.type.empty() &&
      !ParseKindFilter(cli.type, &options.type, &options.org_kind)) {
    return Fail("top", Status::InvalidInput(
                           "--type: expected person, company, institution, "
                           "place or org; got \"" + cli.type + "\""));
  }
  if (cli.by == "mentions") {
    options.by = graph::RankBy::kMentions;
  } else if (cli.by == "articles") {
    options.by = graph::RankBy::kArticles;
  } else if (cli.by == "pagerank") {
    options.by = graph::RankBy::kPageRank;
  } else {
    options.by = graph::RankBy::kDegree;
  }
  Result<std::unique_ptr<graph::GraphStore>> store =
      OpenGraph(cli.db, GraphAccess::kReadOnly);
  if (!store.has_value()) {
    return Fail("top", store.error());
  }
  Result<std::vector<graph::RankedEntity>> top =
      graph::TopEntities(**store, options);
  if (!top.has_value()) {
    return Fail("top", top.error());
  }
  if (cli.json) {
    nlohmann::json entities = nlohmann::json::array();
    for (const graph::RankedEntity& r : *top) {
      nlohmann::json e = SummaryJson(r.entity);
      e["score"] = r.score;
      entities.push_back(std::move(e));
    }
    const nlohmann::json out = {{"by", cli.by}, {"entities", std::move(entities)}};
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::size_t rank = 0;
    for (const graph::RankedEntity& r : *top) {
      std::cout << ++rank << ". " << r.entity.name << " ("
                << graph::KindLabel(r.entity) << ")  " << cli.by << " "
                << r.score << ", " << r.entity.articles << " articles\n";
    }
  }
  Status closed = (*store)->Close();
  return closed.ok() ? ExitCode::kOk : Fail("top", closed);
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<TopCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_option("--type", options->type,
                 "person, company, institution, place or org");
  sub.add_option("--by", options->by, "Ranking (default mentions)")
      ->check(CLI::IsMember({"mentions", "articles", "pagerank", "degree"}));
  sub.add_option("--limit", options->limit, "Entities shown (default 20)")
      ->check(CLI::Range(1, 100000));
  sub.add_flag("--typed-only", options->typed_only,
               "PageRank/degree over typed relations only");
  sub.add_flag("--json", options->json, "Print JSON");
  return [options] { return RunTop(*options); };
}

const bool kRegistered = RegisterCommand(
    {"top", "The most prominent entities (mentions, PageRank, degree)", Setup});

}  // namespace
}  // namespace dossier::tools
