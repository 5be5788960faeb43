// dossier eval quotes [--json] FILE.jsonl: scores quote extraction against
// PolNeAR-format gold (indexer/quote_eval.h): precision, recall and F1 of
// quote content, recall on quotations (direct), speaker accuracy, and the
// same counts per rule.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "common/exit_code.h"
#include "indexer/analyzer.h"
#include "indexer/quote_eval.h"
#include "tools/cmd_eval.h"

namespace dossier::tools {
namespace {

struct EvalQuotesOptions {
  std::string model_path;  // empty: the embedded NER model
  std::string gold_path;
  bool json = false;
};

std::string Fixed(double value) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.1f", value);
  return buf;
}

void PrintScore(const indexer::QuoteScore& s, std::size_t articles,
                double seconds, bool json) {
  if (json) {
    nlohmann::json rules = nlohmann::json::object();
    for (const auto& [rule, c] : s.by_rule) {
      rules[rule] = {{"predicted", c.predicted},
                     {"correct", c.predicted_correct},
                     {"gold_found", c.gold_found},
                     {"speaker_scored", c.speaker_scored},
                     {"speaker_correct", c.speaker_correct}};
    }
    const nlohmann::json out = {{"articles", articles},
                                {"gold", s.total.gold},
                                {"predicted", s.total.predicted},
                                {"precision", s.Precision()},
                                {"recall", s.Recall()},
                                {"f1", s.F1()},
                                {"direct_gold", s.total.direct},
                                {"direct_recall", s.DirectRecall()},
                                {"speaker_scored", s.total.speaker_scored},
                                {"speaker_accuracy", s.SpeakerAccuracy()},
                                {"seconds", seconds},
                                {"rules", rules}};
    std::cout << out.dump(2) << "\n";
    return;
  }
  std::cout << articles << " articles, " << s.total.gold
            << " gold attributions (" << s.total.direct << " direct), "
            << s.total.predicted << " predicted quotes\n"
            << "precision " << Fixed(s.Precision()) << "  recall "
            << Fixed(s.Recall()) << "  F1 " << Fixed(s.F1())
            << "  direct recall " << Fixed(s.DirectRecall())
            << "  speaker accuracy " << Fixed(s.SpeakerAccuracy()) << " (of "
            << s.total.speaker_scored << ")\n";
  for (const auto& [rule, c] : s.by_rule) {
    std::printf("  %-22s predicted %6llu  correct %6llu  speaker %llu/%llu\n",
                rule.c_str(), static_cast<unsigned long long>(c.predicted),
                static_cast<unsigned long long>(c.predicted_correct),
                static_cast<unsigned long long>(c.speaker_correct),
                static_cast<unsigned long long>(c.speaker_scored));
  }
}

ExitCode RunEvalQuotes(const EvalQuotesOptions& cli) {
  Result<std::vector<indexer::GoldArticle>> gold =
      indexer::ReadGoldQuotes(cli.gold_path);
  if (!gold.has_value()) {
    std::cerr << "dossier eval quotes: " << gold.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  indexer::AnalyzerOptions options;
  options.relations = false;
  options.ner_model_path = cli.model_path;
  Result<std::unique_ptr<indexer::Analyzer>> analyzer =
      indexer::Analyzer::Create(options);
  if (!analyzer.has_value()) {
    std::cerr << "dossier eval quotes: " << analyzer.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  const auto start = std::chrono::steady_clock::now();
  indexer::QuoteScore score;
  for (const indexer::GoldArticle& article : *gold) {
    indexer::ScoreQuotes(article, (*analyzer)->Analyze(article.article),
                         &score);
  }
  const std::chrono::duration<double> elapsed =
      std::chrono::steady_clock::now() - start;
  PrintScore(score, gold->size(), elapsed.count(), cli.json);
  return ExitCode::kOk;
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<EvalQuotesOptions>();
  sub.add_option("gold", options->gold_path, "PolNeAR-format JSONL")
      ->required()
      ->check(CLI::ExistingFile);
  sub.add_flag("--json", options->json, "Print the scores as JSON");
  AddNerModelOption(sub, &options->model_path);
  return [options] { return RunEvalQuotes(*options); };
}

const bool kRegistered = RegisterEvalCommand(
    {"quotes", "Score quote extraction on PolNeAR-format JSONL", Setup});

}  // namespace
}  // namespace dossier::tools
