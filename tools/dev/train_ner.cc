// train_ner: developer tool that rebuilds models/ner.model (see
// models/README.md for the exact command). Not part of the dossier binary.
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common/exit_code.h"
#include "indexer/ner_trainer.h"

int main(int argc, char** argv) {
  using dossier::ExitCode;
  dossier::indexer::NerTrainOptions options;
  CLI::App app{"train_ner: train the dossier NER model"};
  app.add_option("--train", options.train_path, "CoNLL-2003 training file")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--unlabeled", options.unlabeled_paths,
                 "Unlabelled text for word clusters (.jsonl, .sgm, .txt)")
      ->check(CLI::ExistingFile);
  app.add_option("--names", options.name_list_paths,
                 "Name lists for the gazetteer: WordNet data.noun, iso-codes "
                 "iso_3166-1.json / iso_3166-2.json")
      ->check(CLI::ExistingFile);
  app.add_option("--dev", options.dev_path,
                 "CoNLL file scored after training (never trained on)")
      ->check(CLI::ExistingFile);
  app.add_option("-o,--output", options.output_path, "Model file to write")
      ->required();
  app.add_option("--epochs", options.epochs, "Perceptron epochs (default 10)")
      ->check(CLI::Range(1, 100));
  app.add_option("--folds", options.folds,
                 "Folds for the first-pass history (default 4)")
      ->check(CLI::Range(2, 20));
  bool one_pass = false;
  app.add_flag("--one-pass", one_pass, "Train without history features");
  app.add_option("--seed", options.seed, "Random seed (default 1)");
  app.add_option("--average", options.average_runs,
                 "Final models over differently shuffled data whose weights are "
                 "averaged (default 1)")
      ->check(CLI::Range(1, 20));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : static_cast<int>(ExitCode::kUsage);
  }
  options.two_pass = !one_pass;
  options.log = [](std::string_view line) { std::cerr << line << "\n"; };
  const dossier::Status status = dossier::indexer::TrainNerModel(options);
  if (!status.ok()) {
    std::cerr << "train_ner: " << status.ToString() << "\n";
    return static_cast<int>(ExitCode::kFailure);
  }
  return 0;
}
