// dossier relations [--json] FILE...: the typed relations stated in each
// article of the inputs (any format `index` reads). Head and tail are the
// resolved names; offsets are Unicode code points of the article text. The
// work is indexer::Analyzer (relation_extractor.h).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/utf8.h"
#include "indexer/analyzer.h"
#include "indexer/archive_reader.h"
#include "tools/command_registry.h"

namespace dossier::tools {
namespace {

struct RelationsCommandOptions {
  std::vector<std::string> inputs;
  bool json = false;
};

std::string_view Cut(std::string_view text, Span span) {
  return text.substr(span.begin, span.size());
}

// "Andy Konwinski" or, when the sentence says otherwise, "Andy Konwinski
// ("He")".
std::string Described(std::string_view text, Span span,
                      const std::string& name) {
  const std::string_view written = Cut(text, span);
  if (written == name) {
    return name;
  }
  return name + " (\"" + std::string(written) + "\")";
}

// One line per relation: a JSON object, or a readable listing.
void PrintRelations(const Article& article, const ArticleAnalysis& analysis,
                    bool json) {
  const CodepointMap map(article.text);
  if (!json && !analysis.relations.empty()) {
    std::cout << "== " << article.id << "\n";
  }
  for (const Relation& r : analysis.relations) {
    if (json) {
      const nlohmann::json out = {
          {"article", article.id},
          {"type", RelationTypeName(r.type)},
          {"head", r.head_name},
          {"head_start", map.ToCodepoint(r.head.begin)},
          {"head_end", map.ToCodepoint(r.head.end)},
          {"tail", r.tail_name},
          {"tail_start", map.ToCodepoint(r.tail.begin)},
          {"tail_end", map.ToCodepoint(r.tail.end)},
          {"evidence_start", map.ToCodepoint(r.evidence.begin)},
          {"evidence_end", map.ToCodepoint(r.evidence.end)},
          {"role", r.role},
          {"rule", r.rule}};
      std::cout << out.dump() << "\n";
      continue;
    }
    std::cout << "  " << Described(article.text, r.head, r.head_name) << " -"
              << RelationTypeName(r.type) << "-> "
              << Described(article.text, r.tail, r.tail_name);
    if (!r.role.empty()) {
      std::cout << "  [" << r.role << "]";
    }
    std::cout << "\n    \"" << Cut(article.text, r.evidence) << "\"\n";
  }
}

ExitCode RunRelations(const RelationsCommandOptions& cli) {
  Result<std::vector<indexer::InputFile>> inputs =
      indexer::ExpandInputs(cli.inputs);
  if (!inputs.has_value()) {
    std::cerr << "dossier relations: " << inputs.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  indexer::AnalyzerOptions analyzer_options;
  analyzer_options.quotes = false;
  Result<std::unique_ptr<indexer::Analyzer>> analyzer =
      indexer::Analyzer::Create(analyzer_options);
  if (!analyzer.has_value()) {
    std::cerr << "dossier relations: " << analyzer.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  std::size_t rejected = 0;
  for (const indexer::InputFile& input : *inputs) {
    const Status status = indexer::ReadInput(
        input, indexer::ReaderOptions{}, [&](indexer::ReadItem item) {
          if (item.reject) {
            ++rejected;
            std::cerr << "dossier relations: "
                      << item.reject->status.ToString() << "\n";
            return;
          }
          const ArticleAnalysis analysis = (*analyzer)->Analyze(*item.article);
          PrintRelations(*item.article, analysis, cli.json);
        });
    if (!status.ok()) {
      ++rejected;
      std::cerr << "dossier relations: " << status.ToString() << "\n";
    }
  }
  return rejected == 0 ? ExitCode::kOk : ExitCode::kRejectedRecords;
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<RelationsCommandOptions>();
  sub.add_option("inputs", options->inputs,
                 "Article files or directories (\"-\" for stdin)")
      ->required();
  sub.add_flag("--json", options->json,
               "One JSON object per relation (offsets in code points)");
  return [options] { return RunRelations(*options); };
}

const bool kRegistered = RegisterCommand(
    {"relations", "Print the typed relations stated in each article", Setup});

}  // namespace
}  // namespace dossier::tools
