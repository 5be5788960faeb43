// Training of the NER model (a developer task run by tools/dev/train_ner):
// learns word clusters from unlabelled news text, builds a gazetteer from
// the training entities, trains the averaged perceptron on a CoNLL-2003
// file and writes the model (format in indexer/internal/ner_model.h).
// Single-threaded; deterministic for a given seed.
#ifndef DOSSIER_INDEXER_NER_TRAINER_H_
#define DOSSIER_INDEXER_NER_TRAINER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace dossier::indexer {

struct NerTrainOptions {
  // CoNLL-2003 training file (BIO or IOB1 tags in the last column).
  std::string train_path;
  // Unlabelled text for the word clusters: *.jsonl (the "title" and "text"
  // fields), *.sgm (Reuters <TITLE> and <BODY>), anything else as plain
  // text. Default: none (clusters from the training words only).
  std::vector<std::string> unlabeled_paths;
  // Typed name lists added to the gazetteer (see
  // indexer/internal/ner_name_lists.h for the files read). Default: none.
  std::vector<std::string> name_list_paths;
  // Optional CoNLL file scored after training (never trained on).
  std::string dev_path;
  // Where the model is written.
  std::string output_path;
  // Perceptron passes over the training data. Default: 10.
  int epochs = 10;
  // Train the two-pass model (history features from a first pass, learned
  // by cross-validation over `folds` folds). Default: on, 4 folds.
  bool two_pass = true;
  int folds = 4;
  // Cluster counts (fine / coarse). Default: 512 / 64.
  int fine_clusters = 512;
  int coarse_clusters = 64;
  // Seed for shuffling and cluster initialization. Default: 1.
  std::uint64_t seed = 1;
  // Final models trained over differently shuffled data (seeds seed,
  // seed + 1, ...) whose weights are averaged into the written model: a
  // perceptron's result depends on the order of its updates, and the mean
  // of several orders varies less. Default: 1.
  int average_runs = 1;
  // Progress lines ("clusters: 60000 words"); default: none.
  std::function<void(std::string_view)> log;
};

// Trains and writes the model. kNotFound / kIOError for unreadable inputs,
// kInvalidInput for a malformed training file.
Status TrainNerModel(const NerTrainOptions& options);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_NER_TRAINER_H_
