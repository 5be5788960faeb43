// dossier eval relations [--json] [--errors FILE] GOLD.jsonl: runs the full
// analysis (tokens, entities, coreference, relations: indexer::Analyzer, as
// `index` does) on each KnowledgeNet passage and scores the relations of
// the passage's annotated types: per type and micro precision / recall /
// F1, by span overlap and by name (indexer/relation_eval.h has the rules).
// Relations are extracted with MentionPairs::kEveryMentionPair because the
// gold annotates every mention pair ("Denis" and "he" alike).
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "common/exit_code.h"
#include "indexer/analyzer.h"
#include "indexer/relation_eval.h"
#include "indexer/relation_extractor.h"
#include "tools/cmd_eval.h"

namespace dossier::tools {
namespace {

struct EvalRelationsOptions {
  std::string model_path;  // empty: the embedded NER model
  std::string gold_path;
  std::string errors_path;  // empty: none written
  bool json = false;
};

nlohmann::json CountsJson(const indexer::PrfCounts& c) {
  return {{"precision", c.Precision()}, {"recall", c.Recall()},
          {"f1", c.F1()},               {"gold", c.gold},
          {"predicted", c.predicted},   {"correct", c.correct}};
}

void PrintRow(std::string_view name, const indexer::PrfCounts& span,
              const indexer::PrfCounts& by_name) {
  char line[160];
  std::snprintf(line, sizeof(line),
                "%-11s %6.2f %6.2f %6.2f %6llu %6llu   %6.2f %6.2f %6.2f\n",
                std::string(name).c_str(), span.Precision(), span.Recall(),
                span.F1(), static_cast<unsigned long long>(span.gold),
                static_cast<unsigned long long>(span.predicted),
                by_name.Precision(), by_name.Recall(), by_name.F1());
  std::cout << line;
}

void PrintScore(const indexer::RelationScore& score, std::size_t passages,
                bool json) {
  if (json) {
    nlohmann::json types = nlohmann::json::object();
    for (const auto& [type, counts] : score.by_type) {
      types[std::string(RelationTypeName(type))] = {
          {"span", CountsJson(counts)},
          {"name", CountsJson(score.by_type_name.at(type))}};
    }
    const nlohmann::json out = {
        {"passages", passages},
        {"micro", {{"span", CountsJson(score.Micro())},
                   {"name", CountsJson(score.MicroName())}}},
        {"types", types}};
    std::cout << out.dump(2) << "\n";
    return;
  }
  std::cout << passages << " passages; span match (type equal, head and "
            << "tail spans overlap) | name match\n";
  std::cout << "type             P      R     F1   gold   pred        P      "
               "R     F1\n";
  for (const auto& [type, counts] : score.by_type) {
    PrintRow(RelationTypeName(type), counts, score.by_type_name.at(type));
  }
  PrintRow("micro", score.Micro(), score.MicroName());
}

void WriteErrors(std::ostream& out, const indexer::GoldPassage& passage,
                 const std::vector<indexer::RelationError>& errors) {
  for (const indexer::RelationError& error : errors) {
    const nlohmann::json line = {
        {"id", passage.id},
        {"error", error.false_positive ? "false_positive" : "missed"},
        {"type", RelationTypeName(error.type)},
        {"head", error.head},
        {"tail", error.tail},
        {"rule", error.rule},
        {"text", passage.text}};
    out << line.dump() << "\n";
  }
}

ExitCode RunEvalRelations(const EvalRelationsOptions& options) {
  Result<std::vector<indexer::GoldPassage>> gold =
      indexer::ReadGoldRelations(options.gold_path);
  if (!gold.has_value()) {
    std::cerr << "dossier eval relations: " << gold.error().ToString()
              << "\n";
    return ExitCode::kFailure;
  }
  indexer::AnalyzerOptions analyzer_options;
  analyzer_options.quotes = false;
  analyzer_options.ner_model_path = options.model_path;
  Result<std::unique_ptr<indexer::Analyzer>> analyzer =
      indexer::Analyzer::Create(analyzer_options);
  if (!analyzer.has_value()) {
    std::cerr << "dossier eval relations: " << analyzer.error().ToString()
              << "\n";
    return ExitCode::kFailure;
  }
  std::ofstream errors_out;
  if (!options.errors_path.empty()) {
    errors_out.open(options.errors_path);
    if (!errors_out) {
      std::cerr << "dossier eval relations: cannot write "
                << options.errors_path << "\n";
      return ExitCode::kFailure;
    }
  }
  indexer::RelationOptions relation_options;
  relation_options.mention_pairs = indexer::MentionPairs::kEveryMentionPair;
  indexer::RelationScore score;
  for (const indexer::GoldPassage& passage : *gold) {
    Article article;
    article.id = passage.id;
    article.text = passage.text;
    ArticleAnalysis analysis = (*analyzer)->Analyze(article);
    analysis.relations.clear();
    indexer::ExtractRelations(article.text, relation_options, &analysis);
    std::vector<indexer::RelationError> errors;
    indexer::ScoreRelations(passage, analysis.relations, &score,
                            errors_out.is_open() ? &errors : nullptr);
    WriteErrors(errors_out, passage, errors);
  }
  PrintScore(score, gold->size(), options.json);
  return ExitCode::kOk;
}

const bool kRegistered = RegisterEvalCommand(
    {"relations",
     "Score relation extraction on KnowledgeNet-style JSONL passages",
     [](CLI::App& sub) -> CommandRunner {
       auto options = std::make_shared<EvalRelationsOptions>();
       sub.add_option("gold", options->gold_path,
                      "Gold passages (relations/dev.jsonl format)")
           ->required()
           ->check(CLI::ExistingFile);
       sub.add_flag("--json", options->json, "Print the scores as JSON");
       AddNerModelOption(sub, &options->model_path);
       sub.add_option("--errors", options->errors_path,
                      "Write each false positive and miss as JSONL here");
       return [options] { return RunEvalRelations(*options); };
     }});

}  // namespace
}  // namespace dossier::tools
