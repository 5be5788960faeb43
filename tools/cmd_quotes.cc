// dossier quotes [--json] FILE...: who said what in each article of the
// inputs (any format `index` reads). Offsets are Unicode code points of
// the article text. The work is indexer::Analyzer (quote_extractor.h).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "indexer/analyzer.h"
#include "tools/analyze_inputs.h"
#include "tools/command_registry.h"

namespace dossier::tools {
namespace {

struct QuotesCommandOptions {
  std::vector<std::string> inputs;
  bool json = false;
};

std::string_view Cut(std::string_view text, Span span) {
  return text.substr(span.begin, span.size());
}

// One line per quote: JSON object, or a readable listing.
void PrintQuotes(const Article& article, const ArticleAnalysis& analysis,
                 bool json) {
  const CodepointMap map(article.text);
  if (!json && !analysis.quotes.empty()) {
    std::cout << "== " << article.id << "\n";
  }
  for (const Quote& q : analysis.quotes) {
    const std::string_view content = Cut(article.text, q.content);
    if (json) {
      nlohmann::json out = {{"article", article.id},
                            {"text", content},
                            {"start", map.ToCodepoint(q.content.begin)},
                            {"end", map.ToCodepoint(q.content.end)},
                            {"speaker", nullptr},
                            {"speaker_start", nullptr},
                            {"speaker_end", nullptr},
                            {"cue", Cut(article.text, q.cue)},
                            {"kind", QuoteKindName(q.kind)},
                            {"rule", q.rule}};
      if (!q.speaker_name.empty()) {
        out["speaker"] = q.speaker_name;
      }
      if (!q.speaker.empty()) {
        out["speaker_start"] = map.ToCodepoint(q.speaker.begin);
        out["speaker_end"] = map.ToCodepoint(q.speaker.end);
      }
      std::cout << out.dump() << "\n";
      continue;
    }
    const std::string_view written = Cut(article.text, q.speaker);
    std::string speaker =
        q.speaker_name.empty() ? std::string(written) : q.speaker_name;
    if (!q.speaker_name.empty() && !written.empty() &&
        written != q.speaker_name) {
      speaker += " (\"" + std::string(written) + "\")";
    }
    std::cout << "  [" << map.ToCodepoint(q.content.begin) << "-"
              << map.ToCodepoint(q.content.end) << "] " << QuoteKindName(q.kind)
              << "  " << (speaker.empty() ? "(unknown)" : speaker) << ": "
              << content << "\n";
  }
}

ExitCode RunQuotes(const QuotesCommandOptions& cli) {
  indexer::AnalyzerOptions analyzer_options;
  analyzer_options.relations = false;
  return AnalyzeInputs(
      "quotes", cli.inputs, analyzer_options,
      [&](const Article& article, const ArticleAnalysis& analysis) {
        PrintQuotes(article, analysis, cli.json);
      });
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<QuotesCommandOptions>();
  sub.add_option("inputs", options->inputs,
                 "Article files or directories (\"-\" for stdin)")
      ->required();
  sub.add_flag("--json", options->json,
               "One JSON object per quote (offsets in code points)");
  return [options] { return RunQuotes(*options); };
}

const bool kRegistered =
    RegisterCommand({"quotes", "Print who said what in each article", Setup});

}  // namespace
}  // namespace dossier::tools
