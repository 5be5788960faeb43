// dossier extract [--json] FILE...: runs tokenization and entity
// recognition on articles read from files and prints their sentences and
// entity mentions (type, ORG kind, code point offsets, normalized name).
// Files are read with the archive readers (indexer/archive_reader.h):
// JSONL, text, HTML, Reuters SGML, gzip; rejected records go to stderr.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/annotations.h"
#include "common/article.h"
#include "common/exit_code.h"
#include "common/utf8.h"
#include "indexer/archive_reader.h"
#include "indexer/entity_recognizer.h"
#include "indexer/tokenizer.h"
#include "tools/analyze_inputs.h"
#include "tools/command_registry.h"

namespace dossier::tools {
namespace {

struct ExtractOptions {
  std::vector<std::string> paths;
  std::string model_path;  // empty: the embedded model
  bool json = false;
};

nlohmann::json ArticleJson(const Article& article,
                           const ArticleAnalysis& analysis) {
  const CodepointMap map(article.text);
  const auto cp = [&](std::uint32_t byte) { return map.ToCodepoint(byte); };
  nlohmann::json sentences = nlohmann::json::array();
  for (const Sentence& s : analysis.sentences) {
    sentences.push_back(
        {{"begin", cp(s.span.begin)},
         {"end", cp(s.span.end)},
         {"text", article.text.substr(s.span.begin, s.span.size())}});
  }
  nlohmann::json mentions = nlohmann::json::array();
  for (const Mention& m : analysis.mentions) {
    const std::string surface =
        article.text.substr(m.span.begin, m.span.size());
    nlohmann::json j = {
        {"text", surface},
        {"type", EntityTypeName(m.type)},
        {"begin", cp(m.span.begin)},
        {"end", cp(m.span.end)},
        {"name", indexer::NormalizeMentionName(surface, m.type)}};
    if (m.org_kind != OrgKind::kNone) {
      j["org_kind"] = OrgKindName(m.org_kind);
    }
    mentions.push_back(std::move(j));
  }
  return {{"origin", article.origin},
          {"title", article.title},
          {"sentences", sentences},
          {"mentions", mentions}};
}

void PrintText(const Article& article, const ArticleAnalysis& analysis) {
  const CodepointMap map(article.text);
  std::cout << "== " << article.origin << ": " << article.title << "\n";
  std::size_t next_mention = 0;
  for (std::size_t k = 0; k < analysis.sentences.size(); ++k) {
    const Sentence& s = analysis.sentences[k];
    std::cout << "[" << k + 1 << "] " << map.ToCodepoint(s.span.begin) << "-"
              << map.ToCodepoint(s.span.end) << " "
              << article.text.substr(s.span.begin, s.span.size()) << "\n";
    while (next_mention < analysis.mentions.size() &&
           analysis.mentions[next_mention].span.begin < s.span.end) {
      const Mention& m = analysis.mentions[next_mention++];
      const std::string surface =
          article.text.substr(m.span.begin, m.span.size());
      std::cout << "    " << EntityTypeName(m.type);
      if (m.org_kind != OrgKind::kNone) {
        std::cout << "/" << OrgKindName(m.org_kind);
      }
      std::cout << " " << map.ToCodepoint(m.span.begin) << "-"
                << map.ToCodepoint(m.span.end) << " \"" << surface << "\" -> "
                << indexer::NormalizeMentionName(surface, m.type) << "\n";
    }
  }
}

ExitCode RunExtract(const ExtractOptions& options) {
  Result<std::unique_ptr<indexer::EntityRecognizer>> recognizer =
      indexer::EntityRecognizer::LoadFileOrEmbedded(options.model_path);
  if (!recognizer.has_value()) {
    std::cerr << "dossier extract: " << recognizer.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  nlohmann::json articles = nlohmann::json::array();
  const ExitCode code = ForEachInputArticle(
      "extract", options.paths, [&](const Article& article) {
        ArticleAnalysis analysis;
        indexer::Tokenize(article.text, &analysis);
        (*recognizer)->Recognize(article.text, &analysis);
        if (options.json) {
          articles.push_back(ArticleJson(article, analysis));
        } else {
          PrintText(article, analysis);
        }
      });
  if (options.json) {
    std::cout << nlohmann::json{{"articles", articles}}.dump(2) << "\n";
  }
  return code;
}

const bool kRegistered = RegisterCommand(
    {"extract",
     "Print the sentences and entity mentions (type, ORG kind, code point "
     "offsets, name) of articles",
     [](CLI::App& sub) -> CommandRunner {
       // Shared with the returned runner, which std::function must copy.
       auto options = std::make_shared<ExtractOptions>();
       sub.add_option("files", options->paths,
                      "Article files or folders (.jsonl, .txt, .html, .sgm, "
                      "gzip)")
           ->required();
       AddNerModelOption(sub, &options->model_path);
       sub.add_flag("--json", options->json, "Print JSON");
       return [options] { return RunExtract(*options); };
     }});

}  // namespace
}  // namespace dossier::tools
