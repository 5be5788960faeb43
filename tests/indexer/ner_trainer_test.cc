#include "indexer/ner_trainer.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/entity_recognizer.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::indexer {
namespace {

// A training file of eight small documents in CoNLL-2003 columns: the same
// few sentence patterns with different names, so that a few epochs learn
// them.
std::string TrainingFile() {
  const std::vector<std::vector<std::string>> people = {
      {"Maria", "Gonzalez"}, {"John", "Smith"},    {"Anna", "Berg"},
      {"Peter", "Novak"},    {"Laura", "Weiss"},   {"Tom", "Hardy"},
      {"Ines", "Duval"},     {"Omar", "Haddad"}};
  const std::vector<std::string> places = {"Paris",  "Berlin", "Madrid",
                                           "Vienna", "Oslo",   "Lisbon",
                                           "Prague", "Dublin"};
  const std::vector<std::string> companies = {
      "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay",
      "Wonka", "Stark"};
  std::string out;
  for (std::size_t d = 0; d < people.size(); ++d) {
    const std::vector<std::string>& p = people[d];
    out += "-DOCSTART- -X- -X- O\n\n";
    out += p[0] + " NNP B-NP B-PER\n" + p[1] + " NNP I-NP I-PER\n";
    out += "visited VBD B-VP O\n" + places[d] + " NNP B-NP B-LOC\n. . O O\n\n";
    out += companies[d] + " NNP B-NP B-ORG\nsaid VBD B-VP O\n" + p[1] +
           " NNP B-NP B-PER\nleft VBD B-VP O\n" + places[(d + 1) % 8] +
           " NNP B-NP B-LOC\n. . O O\n\n";
  }
  return out;
}

std::vector<std::string> Tag(const EntityRecognizer& recognizer,
                             const std::vector<std::string_view>& words) {
  return recognizer.TagWords(words, {0});
}

TEST_CASE("TrainNerModel writes a model that loads and tags like its data") {
  testing::ScopedTempDir dir;
  NerTrainOptions options;
  options.train_path = dir.WriteFile("train.conll", TrainingFile()).string();
  options.epochs = 3;
  options.folds = 2;
  options.fine_clusters = 8;
  options.coarse_clusters = 2;
  for (const int runs : {1, 3}) {
    CAPTURE(runs);
    options.average_runs = runs;
    options.output_path = (dir.path() / "ner.model").string();
    REQUIRE(TrainNerModel(options).ok());
    Result<std::unique_ptr<EntityRecognizer>> recognizer =
        EntityRecognizer::Load(options.output_path);
    REQUIRE(recognizer.has_value());
    const std::string& description = (*recognizer)->description();
    CHECK((description.find("mean of 3 runs") != std::string::npos) ==
          (runs == 3));
    const std::vector<std::string> tags = Tag(
        **recognizer, {"Anna", "Berg", "visited", "Oslo", "."});
    CHECK(tags == std::vector<std::string>{"B-PER", "I-PER", "O", "B-LOC",
                                           "O"});
  }
}

TEST_CASE("Taggers of different models take turns on one thread and each "
          "tags as it does alone") {
  // The tagger's row memo lasts across calls on a thread; it must not
  // serve one model's rows to another, nor a freed model's to its
  // successor (ASan reports the use after free).
  testing::ScopedTempDir dir;
  NerTrainOptions options;
  options.train_path = dir.WriteFile("train.conll", TrainingFile()).string();
  options.output_path = (dir.path() / "ner.model").string();
  options.epochs = 3;
  options.folds = 2;
  options.fine_clusters = 8;
  options.coarse_clusters = 2;
  REQUIRE(TrainNerModel(options).ok());
  Result<std::unique_ptr<EntityRecognizer>> embedded =
      EntityRecognizer::LoadEmbedded();
  REQUIRE(embedded.has_value());
  const std::vector<std::string_view> words = {"Anna", "Berg", "visited",
                                               "Oslo", "."};
  const std::vector<std::string_view> news = {
      "Shares", "in", "Acme", "Corp", "fell", "after", "chief", "executive",
      "Jane", "Doe", "left", "for", "Paris", "."};
  const std::vector<std::string> expected{"B-PER", "I-PER", "O", "B-LOC", "O"};
  const std::vector<std::string> news_alone = Tag(**embedded, news);
  for (int round = 0; round < 3; ++round) {
    CAPTURE(round);
    // A new model each round, possibly where the last one was freed.
    Result<std::unique_ptr<EntityRecognizer>> small =
        EntityRecognizer::Load(options.output_path);
    REQUIRE(small.has_value());
    CHECK(Tag(**small, words) == expected);
    CHECK(Tag(**embedded, news) == news_alone);
    CHECK(Tag(**small, words) == expected);
  }
}

TEST_CASE("TrainNerModel reports a missing training file") {
  testing::ScopedTempDir dir;
  NerTrainOptions options;
  options.train_path = (dir.path() / "missing.conll").string();
  options.output_path = (dir.path() / "ner.model").string();
  CHECK_FALSE(TrainNerModel(options).ok());
}

}  // namespace
}  // namespace dossier::indexer
