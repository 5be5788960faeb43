// dossier eval: the evaluation table (cmd_eval.h) and `eval ner`, which
// scores the recognizer on a CoNLL-2003 file with conlleval semantics
// (exact span and type), and reports tagging speed.
#include "tools/cmd_eval.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "common/exit_code.h"
#include "indexer/entity_recognizer.h"
#include "indexer/ner_conll.h"

namespace dossier::tools {
namespace {

std::vector<Command>& EvalTable() {
  static std::vector<Command> table;
  return table;
}

struct EvalNerOptions {
  std::string gold_path;
  std::string model_path;  // empty: the embedded model
  bool json = false;
};

std::string Fixed(double value) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", value);
  return buf;
}

nlohmann::json CountsJson(const indexer::ChunkCounts& c) {
  return {{"precision", c.precision()}, {"recall", c.recall()},
          {"f1", c.f1()},               {"gold", c.gold},
          {"predicted", c.predicted},   {"correct", c.correct}};
}

void PrintScore(const indexer::NerScore& score, double tokens_per_second,
                bool json) {
  if (json) {
    nlohmann::json types = nlohmann::json::object();
    for (std::size_t t = 0; t < score.types.size(); ++t) {
      types[score.types[t]] = CountsJson(score.per_type[t]);
    }
    const nlohmann::json out = {
        {"tokens", score.tokens},
        {"accuracy", score.tokens == 0
                         ? 0.0
                         : 100.0 * static_cast<double>(score.correct_tags) /
                               static_cast<double>(score.tokens)},
        {"overall", CountsJson(score.overall)},
        {"types", types},
        {"tokens_per_second", tokens_per_second}};
    std::cout << out.dump(2) << "\n";
    return;
  }
  const indexer::ChunkCounts& o = score.overall;
  std::cout << "processed " << score.tokens << " tokens with " << o.gold
            << " phrases; found: " << o.predicted
            << " phrases; correct: " << o.correct << ".\n";
  std::cout << "accuracy: "
            << Fixed(score.tokens == 0
                         ? 0.0
                         : 100.0 * static_cast<double>(score.correct_tags) /
                               static_cast<double>(score.tokens))
            << "%; precision: " << Fixed(o.precision())
            << "%; recall: " << Fixed(o.recall()) << "%; FB1: " << Fixed(o.f1())
            << "\n";
  std::vector<std::size_t> order(score.types.size());
  for (std::size_t t = 0; t < order.size(); ++t) {
    order[t] = t;
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return score.types[a] < score.types[b];
  });
  for (const std::size_t t : order) {
    const indexer::ChunkCounts& c = score.per_type[t];
    std::cout << score.types[t] << ": precision: " << Fixed(c.precision())
              << "%; recall: " << Fixed(c.recall())
              << "%; FB1: " << Fixed(c.f1()) << "  " << c.predicted << "\n";
  }
  std::cout << "tokens/s: " << static_cast<long long>(tokens_per_second)
            << "\n";
}

ExitCode RunEvalNer(const EvalNerOptions& options) {
  Result<std::unique_ptr<indexer::EntityRecognizer>> recognizer =
      indexer::EntityRecognizer::LoadFileOrEmbedded(options.model_path);
  if (!recognizer.has_value()) {
    std::cerr << "dossier eval ner: " << recognizer.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  Result<std::vector<indexer::ConllDocument>> docs =
      indexer::ReadConllFile(options.gold_path);
  if (!docs.has_value()) {
    std::cerr << "dossier eval ner: " << docs.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  indexer::NerScore score;
  double tagging_seconds = 0;
  for (const indexer::ConllDocument& doc : *docs) {
    const std::vector<std::string_view> words(doc.words.begin(),
                                              doc.words.end());
    const auto start = std::chrono::steady_clock::now();
    const std::vector<std::string> tags =
        (*recognizer)->TagWords(words, doc.sentence_begin);
    tagging_seconds += std::chrono::duration<double>(
                           std::chrono::steady_clock::now() - start)
                           .count();
    for (std::size_t s = 0; s < doc.sentence_begin.size(); ++s) {
      const std::size_t begin = doc.sentence_begin[s];
      const std::size_t end = s + 1 < doc.sentence_begin.size()
                                  ? doc.sentence_begin[s + 1]
                                  : doc.words.size();
      std::vector<std::string_view> gold;
      std::vector<std::string_view> predicted;
      for (std::size_t i = begin; i < end; ++i) {
        gold.push_back(doc.gold[i]);
        predicted.push_back(tags[i]);
      }
      indexer::ScoreSentence(gold, predicted, &score);
    }
  }
  const double tokens_per_second =
      tagging_seconds > 0 ? static_cast<double>(score.tokens) / tagging_seconds
                          : 0.0;
  PrintScore(score, tokens_per_second, options.json);
  return ExitCode::kOk;
}

const bool kNerRegistered = RegisterEvalCommand(
    {"ner",
     "Score entity recognition on a CoNLL-2003 file (precision, recall, F1 "
     "per type; tokens/s)",
     [](CLI::App& sub) -> CommandRunner {
       // Shared with the returned runner, which std::function must copy.
       auto options = std::make_shared<EvalNerOptions>();
       sub.add_option("gold", options->gold_path,
                      "CoNLL-2003 file with gold tags in the last column")
           ->required()
           ->check(CLI::ExistingFile);
       AddNerModelOption(sub, &options->model_path);
       sub.add_flag("--json", options->json, "Print the scores as JSON");
       return [options] { return RunEvalNer(*options); };
     }});

const bool kEvalRegistered = RegisterCommand(
    {"eval", "Score an analysis stage against gold data (eval ner ...)",
     [](CLI::App& sub) -> CommandRunner {
       sub.require_subcommand(1);
       auto runners = std::make_shared<std::map<CLI::App*, CommandRunner>>();
       for (const Command& command : RegisteredEvalCommands()) {
         CLI::App* eval = sub.add_subcommand(command.name, command.description);
         (*runners)[eval] = command.setup(*eval);
       }
       return [runners] {
         for (auto& [eval, runner] : *runners) {
           if (eval->parsed()) {
             return runner();
           }
         }
         return ExitCode::kUsage;
       };
     }});

}  // namespace

bool RegisterEvalCommand(Command command) {
  EvalTable().push_back(std::move(command));
  return true;
}

std::vector<Command> RegisteredEvalCommands() {
  std::vector<Command> sorted = EvalTable();
  std::sort(sorted.begin(), sorted.end(),
            [](const Command& a, const Command& b) { return a.name < b.name; });
  return sorted;
}

}  // namespace dossier::tools
