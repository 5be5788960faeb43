// dossier delete [--db DIR] ID...: remove articles and all they contributed.
#include <iostream>
#include <memory>

#include "graph/graph_store.h"
#include "indexer/article_store.h"
#include "tools/command_registry.h"

namespace dossier::tools {
namespace {

struct DeleteCommandOptions {
  std::string db;
  std::vector<std::string> ids;
};

ExitCode RunDelete(const DeleteCommandOptions& cli) {
  Result<std::unique_ptr<indexer::ArticleStore>> store =
      indexer::ArticleStore::Open(cli.db, indexer::OpenMode::kReadWrite);
  if (!store.has_value()) {
    std::cerr << "dossier delete: " << store.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  Result<std::unique_ptr<graph::GraphStore>> graph = graph::GraphStore::Open(
      std::filesystem::path(cli.db) / "graph", graph::GraphOptions());
  if (!graph.has_value()) {
    std::cerr << "dossier delete: " << graph.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  std::size_t missing = 0;
  for (const std::string& id : cli.ids) {
    // The graph first, as when indexing: Xapian is the record of what is
    // complete, so a crash in between leaves graph facts `check` can see.
    const Status retracted = (*graph)->DeleteArticle(id);
    if (!retracted.ok() && retracted.code() != StatusCode::kNotFound) {
      std::cerr << "dossier delete: " << retracted.ToString() << "\n";
      return ExitCode::kFailure;
    }
    Result<bool> deleted = (*store)->Delete(id);
    if (!deleted.has_value()) {
      std::cerr << "dossier delete: " << deleted.error().ToString() << "\n";
      return ExitCode::kFailure;
    }
    if (*deleted) {
      std::cout << "deleted " << id << "\n";
    } else {
      std::cerr << "dossier delete: no article with id " << id << "\n";
      ++missing;
    }
  }
  const Status closed = (*graph)->Close();
  if (!closed.ok()) {
    std::cerr << "dossier delete: " << closed.ToString() << "\n";
    return ExitCode::kFailure;
  }
  const Status committed = (*store)->Commit();
  if (!committed.ok()) {
    std::cerr << "dossier delete: " << committed.ToString() << "\n";
    return ExitCode::kFailure;
  }
  return missing > 0 ? ExitCode::kFailure : ExitCode::kOk;
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<DeleteCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_option("ids", options->ids, "Article ids to delete")->required();
  return [options] { return RunDelete(*options); };
}

const bool kRegistered = RegisterCommand(
    {"delete", "Delete articles (and their quotes and graph facts)", Setup});

}  // namespace
}  // namespace dossier::tools
