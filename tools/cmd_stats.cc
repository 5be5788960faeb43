// dossier stats [--db DIR] [--json]: what the database holds.
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/disk_usage.h"
#include "indexer/article_store.h"
#include "tools/command_registry.h"

namespace dossier::tools {
namespace {

struct StatsCommandOptions {
  std::string db;
  bool json = false;
};

ExitCode RunStats(const StatsCommandOptions& cli) {
  Result<std::unique_ptr<indexer::ArticleStore>> store =
      indexer::ArticleStore::Open(cli.db, indexer::OpenMode::kReadOnly);
  if (!store.has_value()) {
    std::cerr << "dossier stats: " << store.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  Result<indexer::StoreStats> stats = (*store)->Stats();
  if (!stats.has_value()) {
    std::cerr << "dossier stats: " << stats.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  const std::uint64_t graph_bytes =
      DiskUsage(std::filesystem::path(cli.db) / "graph");
  const std::uint64_t total = stats->size_bytes + graph_bytes;
  if (cli.json) {
    const nlohmann::json out = {{"db", cli.db},
                                {"articles", stats->articles},
                                {"quotes", stats->quotes},
                                {"size_bytes", total},
                                {"index_bytes", stats->index_bytes},
                                {"records_bytes", stats->records_bytes},
                                {"graph_bytes", graph_bytes},
                                {"last_update", stats->last_update}};
    std::cout << out.dump() << "\n";
  } else {
    std::cout << "database     " << cli.db << "\n"
              << "articles     " << stats->articles << "\n"
              << "quotes       " << stats->quotes << "\n"
              << "size on disk " << total / 1024 << " KiB (search index "
              << stats->index_bytes / 1024 << ", article records "
              << stats->records_bytes / 1024 << ", graph "
              << graph_bytes / 1024 << ")\n"
              << "last update  "
              << (stats->last_update.empty() ? "never" : stats->last_update)
              << "\n";
  }
  return ExitCode::kOk;
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<StatsCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_flag("--json", options->json, "Print JSON");
  return [options] { return RunStats(*options); };
}

const bool kRegistered = RegisterCommand(
    {"stats", "Counts, size on disk and last update of the database", Setup});

}  // namespace
}  // namespace dossier::tools
