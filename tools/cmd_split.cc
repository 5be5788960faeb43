// dossier split NAME --articles ID[,ID...] --as NEW_NAME [--db DIR]: the
// entity NAME in those articles is a different real entity, NEW_NAME (the
// other John Smith). Splitting off a name an earlier merge folded in undoes
// that merge. Kept across re-indexing.
#include <iostream>
#include <memory>

#include "graph/graph_store.h"
#include "tools/command_registry.h"
#include "tools/graph_cli.h"

namespace dossier::tools {
namespace {

struct SplitCommandOptions {
  std::string db;
  std::string name;
  std::vector<std::string> articles;
  std::string new_name;
};

ExitCode RunSplit(const SplitCommandOptions& cli) {
  Result<std::unique_ptr<graph::GraphStore>> store =
      OpenGraph(cli.db, GraphAccess::kReadWrite);
  if (!store.has_value()) {
    return Fail("split", store.error());
  }
  Result<graph::EntitySummary> entity = ResolveEntity(**store, cli.name);
  if (!entity.has_value()) {
    return Fail("split", entity.error());
  }
  Result<graph::EntityId> split =
      (*store)->Split(entity->id, cli.articles, cli.new_name);
  if (!split.has_value()) {
    return Fail("split", split.error());
  }
  Result<graph::EntitySummary> created = (*store)->GetSummary(*split);
  Result<graph::EntitySummary> left = (*store)->GetSummary(entity->id);
  if (!created.has_value()) {
    return Fail("split", created.error());
  }
  std::cout << "split " << created->name << " (" << created->articles
            << " articles, id:" << created->id << ") off " << entity->name;
  if (left.has_value()) {
    std::cout << ", which keeps " << left->articles << " articles";
  }
  std::cout << "\n";
  Status closed = (*store)->Close();
  return closed.ok() ? ExitCode::kOk : Fail("split", closed);
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<SplitCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_option("name", options->name, "The entity to split")->required();
  sub.add_option("--articles", options->articles,
                 "Articles whose mentions are the other entity")
      ->required()
      ->delimiter(',');
  sub.add_option("--as", options->new_name, "Name of the other entity")
      ->required();
  return [options] { return RunSplit(*options); };
}

const bool kRegistered = RegisterCommand(
    {"split", "Record that an entity in some articles is another one", Setup});

}  // namespace
}  // namespace dossier::tools
