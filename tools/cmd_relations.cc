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
#include "tools/analyze_inputs.h"
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
  indexer::AnalyzerOptions analyzer_options;
  analyzer_options.quotes = false;
  return AnalyzeInputs(
      "relations", cli.inputs, analyzer_options,
      [&](const Article& article, const ArticleAnalysis& analysis) {
        PrintRelations(article, analysis, cli.json);
      });
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
