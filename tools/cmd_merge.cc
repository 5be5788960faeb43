// dossier merge A B [--db DIR]: B is the same real entity as A. Every
// article that resolved to B now resolves to A, B's names become A's
// aliases ("merged by user"), and the decision is kept across re-indexing.
#include <iostream>
#include <memory>

#include "graph/graph_store.h"
#include "tools/command_registry.h"
#include "tools/graph_cli.h"

namespace dossier::tools {
namespace {

struct MergeCommandOptions {
  std::string db;
  std::string into;
  std::string from;
};

ExitCode RunMerge(const MergeCommandOptions& cli) {
  Result<std::unique_ptr<graph::GraphStore>> store =
      OpenGraph(cli.db, GraphAccess::kReadWrite);
  if (!store.has_value()) {
    return Fail("merge", store.error());
  }
  Result<graph::EntitySummary> a = ResolveEntity(**store, cli.into);
  if (!a.has_value()) {
    return Fail("merge", a.error());
  }
  Result<graph::EntitySummary> b = ResolveEntity(**store, cli.from);
  if (!b.has_value()) {
    return Fail("merge", b.error());
  }
  Status s = (*store)->Merge(a->id, b->id);
  if (!s.ok()) {
    return Fail("merge", s);
  }
  Result<graph::EntitySummary> merged = (*store)->GetSummary(a->id);
  if (!merged.has_value()) {
    return Fail("merge", merged.error());
  }
  std::cout << "merged " << b->name << " (" << b->articles << " articles) into "
            << merged->name << ", now " << merged->articles << " articles\n";
  Status closed = (*store)->Close();
  return closed.ok() ? ExitCode::kOk : Fail("merge", closed);
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<MergeCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_option("into", options->into, "The entity to keep")->required();
  sub.add_option("from", options->from, "The entity folded into it")->required();
  return [options] { return RunMerge(*options); };
}

const bool kRegistered = RegisterCommand(
    {"merge", "Record that two graph entities are the same (kept on re-index)",
     Setup});

}  // namespace
}  // namespace dossier::tools
