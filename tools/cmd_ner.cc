// dossier ner --conll FILE: tags a CoNLL-2003 file and writes every line
// back with the predicted BIO tag appended as the last column.
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "common/exit_code.h"
#include "indexer/entity_recognizer.h"
#include "indexer/ner_conll.h"
#include "tools/command_registry.h"

namespace dossier::tools {
namespace {

struct NerOptions {
  std::string conll_path;
  std::string model_path;  // empty: the embedded model
};

void RegisterNer(CLI::App& sub, NerOptions& options) {
  sub.add_option("--conll", options.conll_path,
                 "CoNLL-2003 file (token in the first column; -DOCSTART- "
                 "and blank lines kept)")
      ->required()
      ->check(CLI::ExistingFile);
  AddNerModelOption(sub, &options.model_path);
}

ExitCode RunNer(const NerOptions& options) {
  Result<std::unique_ptr<indexer::EntityRecognizer>> recognizer =
      indexer::EntityRecognizer::LoadFileOrEmbedded(options.model_path);
  if (!recognizer.has_value()) {
    std::cerr << "dossier ner: " << recognizer.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  Result<std::vector<indexer::ConllDocument>> docs =
      indexer::ReadConllFile(options.conll_path);
  if (!docs.has_value()) {
    std::cerr << "dossier ner: " << docs.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  std::string out;
  for (const indexer::ConllDocument& doc : *docs) {
    const std::vector<std::string_view> words(doc.words.begin(),
                                              doc.words.end());
    const std::vector<std::string> tags =
        (*recognizer)->TagWords(words, doc.sentence_begin);
    out.clear();
    indexer::AppendConllWithTags(doc, tags, &out);
    std::cout << out;
  }
  std::cout.flush();
  return std::cout ? ExitCode::kOk : ExitCode::kFailure;
}

// The runner keeps the options alive after setup returns; std::function
// needs a copyable callable, hence the shared_ptr.
const bool kRegistered = RegisterCommand(
    {"ner", "Tag a CoNLL-2003 file with PER/ORG/LOC/MISC (BIO column added)",
     [](CLI::App& sub) -> CommandRunner {
       auto options = std::make_shared<NerOptions>();
       RegisterNer(sub, *options);
       return [options] { return RunNer(*options); };
     }});

}  // namespace
}  // namespace dossier::tools
