#include "indexer/ner_conll.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace dossier::indexer {

TEST_SUITE("indexer/NerConll") {
  TEST_CASE("ParseConll splits documents and sentences and keeps every line") {
    const std::string text =
        "-DOCSTART- -X- -X- O\n\nEU NNP B-ORG\nrejects VBZ O\n\n"
        "Peter NNP B-PER\nBlackburn NNP I-PER\n\n-DOCSTART- -X- -X- O\n\n"
        "BRUSSELS NNP B-LOC\n";
    const Result<std::vector<ConllDocument>> docs = ParseConll(text, "t");
    REQUIRE(docs.has_value());
    REQUIRE(docs->size() == 2);
    const ConllDocument& first = (*docs)[0];
    CHECK(first.words == std::vector<std::string>{"EU", "rejects", "Peter",
                                                  "Blackburn"});
    CHECK(first.gold ==
          std::vector<std::string>{"B-ORG", "O", "B-PER", "I-PER"});
    CHECK(first.sentence_begin == std::vector<std::uint32_t>{0, 2});
    std::string out;
    AppendConllWithTags(first, {"B-ORG", "O", "B-PER", "I-PER"}, &out);
    CHECK(out ==
          "-DOCSTART- -X- -X- O\n\nEU NNP B-ORG B-ORG\nrejects VBZ O O\n\n"
          "Peter NNP B-PER B-PER\nBlackburn NNP I-PER I-PER\n\n");
    CHECK((*docs)[1].words == std::vector<std::string>{"BRUSSELS"});
  }

  TEST_CASE("ParseConll rejects a line that starts with white space") {
    const Result<std::vector<ConllDocument>> docs =
        ParseConll("EU NNP B-ORG\n  x O\n", "bad.conll");
    REQUIRE_FALSE(docs.has_value());
    CHECK(docs.error().message() ==
          "bad.conll:2: expected a token in the first column, got white "
          "space");
  }

  TEST_CASE("ReadConllFile reports a missing file") {
    const Result<std::vector<ConllDocument>> docs =
        ReadConllFile("/nonexistent/x.conll");
    REQUIRE_FALSE(docs.has_value());
    CHECK(docs.error().code() == StatusCode::kNotFound);
  }

  TEST_CASE("ScoreSentence counts exact chunks like conlleval") {
    NerScore score;
    // Gold: [Peter Blackburn]PER [EU]ORG; predicted: [Peter]PER
    // [Blackburn]PER [EU]ORG -> one correct of three predicted.
    ScoreSentence({"B-PER", "I-PER", "O", "B-ORG"},
                  {"B-PER", "B-PER", "O", "B-ORG"}, &score);
    CHECK(score.overall.gold == 2);
    CHECK(score.overall.predicted == 3);
    CHECK(score.overall.correct == 1);
    CHECK(score.tokens == 4);
    CHECK(score.correct_tags == 3);
    // IOB1: "I-LOC I-LOC" is one chunk; a type change starts a new one.
    ScoreSentence({"I-LOC", "I-LOC", "I-ORG"}, {"B-LOC", "I-LOC", "B-ORG"},
                  &score);
    CHECK(score.overall.correct == 3);
    CHECK(score.overall.precision() == doctest::Approx(60.0));
    CHECK(score.overall.recall() == doctest::Approx(75.0));
    CHECK(score.overall.f1() == doctest::Approx(2 * 60.0 * 75.0 / 135.0));
    REQUIRE(score.types.size() == 3);
    CHECK(score.types[0] == "PER");
  }
}

}  // namespace dossier::indexer
