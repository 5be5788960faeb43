// dossier index [--db DIR] PATH...: read archives, analyse, store.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/progress.h"
#include "indexer/index_pipeline.h"
#include "tools/command_registry.h"

namespace dossier::tools {
namespace {

struct IndexCommandOptions {
  std::string db;
  std::vector<std::string> paths;
  bool quiet = false;
  bool json = false;
  unsigned threads = 0;
  std::uint64_t batch_mb = 2;
};

// Set by SIGINT; the pipeline finishes its batch, commits and stops.
std::atomic<bool> g_interrupted{false};

extern "C" void OnInterrupt(int) { g_interrupted.store(true); }

void PrintSummary(const indexer::IndexSummary& s, bool json) {
  const double rate = s.seconds > 0 ? static_cast<double>(s.read) / s.seconds
                                    : 0.0;
  const double mb_s = s.seconds > 0 ? static_cast<double>(s.text_bytes) /
                                          (1024.0 * 1024.0) / s.seconds
                                    : 0.0;
  if (json) {
    const nlohmann::json out = {
        {"read", s.read},          {"added", s.added},
        {"replaced", s.replaced},  {"unchanged", s.unchanged},
        {"rejected", s.rejected},  {"warnings", s.warnings},
        {"text_bytes", s.text_bytes}, {"seconds", s.seconds},
        {"interrupted", s.interrupted}};
    std::cout << out.dump() << "\n";
    return;
  }
  std::fprintf(stderr,
               "%s%llu read = %llu added + %llu replaced + %llu unchanged + "
               "%llu rejected (%llu warnings) in %.1f s, %.0f articles/s, "
               "%.2f MB/s\n",
               s.interrupted ? "interrupted: " : "",
               static_cast<unsigned long long>(s.read),
               static_cast<unsigned long long>(s.added),
               static_cast<unsigned long long>(s.replaced),
               static_cast<unsigned long long>(s.unchanged),
               static_cast<unsigned long long>(s.rejected),
               static_cast<unsigned long long>(s.warnings), s.seconds, rate,
               mb_s);
}

ExitCode RunIndex(const IndexCommandOptions& cli) {
  indexer::IndexOptions options;
  options.db_dir = cli.db;
  options.threads = cli.threads;
  options.batch_bytes = cli.batch_mb << 20;
  options.progress = !cli.quiet && IsTerminal(2);
  const bool quiet = cli.quiet;
  options.on_message = [quiet](const std::string& line) {
    if (!quiet || line.rfind("rejected", 0) == 0) {
      std::cerr << line << "\n";
    }
  };
  g_interrupted.store(false);
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  Result<indexer::IndexSummary> summary =
      indexer::IndexArchives(cli.paths, options, &g_interrupted);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (!summary.has_value()) {
    std::cerr << "dossier index: " << summary.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  if (summary->read != summary->added + summary->replaced +
                           summary->unchanged + summary->rejected) {
    std::cerr << "dossier index: internal error: counts do not reconcile\n";
    return ExitCode::kFailure;
  }
  PrintSummary(*summary, cli.json);
  if (summary->interrupted) {
    return ExitCode::kInterrupted;
  }
  return summary->rejected > 0 ? ExitCode::kRejectedRecords : ExitCode::kOk;
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<IndexCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_option("paths", options->paths,
                 "Files or directories to index (JSONL[.gz], .txt, .html, "
                 ".sgm), or - for standard input")
      ->required();
  sub.add_flag("-q,--quiet", options->quiet,
               "No progress line and no warnings (rejects are still shown)");
  sub.add_flag("--json", options->json, "Print the summary as JSON on stdout");
  sub.add_option("--threads", options->threads,
                 "Analysis threads (default: one per core)");
  sub.add_option("--batch-mb", options->batch_mb,
                 "Article text written between commits, in MiB; bounds "
                 "memory (default 2)")
      ->check(CLI::Range(1, 4096));
  return [options] { return RunIndex(*options); };
}

const bool kRegistered = RegisterCommand(
    {"index", "Index articles from archives into the database", Setup});

}  // namespace
}  // namespace dossier::tools
