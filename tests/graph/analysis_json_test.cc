#include "graph/analysis_json.h"

#include <doctest/doctest.h>

namespace dossier::graph {

TEST_SUITE("graph/analysis_json") {
  TEST_CASE("Sentences, mentions, relation evidence and quotes are derived") {
    const auto parsed = ParseAnalysedArticle(
        R"({"id":"x","date":"2025-01-02","text":"Ann Lee founded Acme Inc. in May. \"We grow,\" Lee said.",)"
        R"("entities":[{"name":"Ann Lee","type":"PERSON","aliases":["Lee"]},)"
        R"({"name":"Acme Inc.","type":"ORG","org_kind":"COMPANY"}],)"
        R"("relations":[{"type":"FOUNDED","head":0,"tail":1,"role":"founder"}],)"
        R"("quotes":[{"speaker":0,"text":"We grow,","cue":"said"}]})");
    REQUIRE_MESSAGE(parsed.has_value(), parsed.error().ToString());
    const ArticleAnalysis& a = parsed->analysis;
    const std::string& text = parsed->article.text;
    REQUIRE(a.sentences.size() == 2);  // no break after "Inc." before "in"
    CHECK(text.substr(a.sentences[0].span.begin, a.sentences[0].span.size()) ==
          "Ann Lee founded Acme Inc. in May.");
    CHECK(a.entities[0].mentions.size() == 2);  // "Ann Lee" and "Lee"
    CHECK(a.entities[1].org_kind == OrgKind::kCompany);
    REQUIRE(a.relations.size() == 1);
    CHECK(a.relations[0].evidence == a.sentences[0].span);
    CHECK(a.relations[0].role == "founder");
    REQUIRE(a.quotes.size() == 1);
    CHECK(text.substr(a.quotes[0].content.begin, a.quotes[0].content.size()) ==
          "We grow,");
    CHECK(text.substr(a.quotes[0].cue.begin, a.quotes[0].cue.size()) == "said");
  }

  TEST_CASE("Bad input is rejected with the reason") {
    CHECK(ParseAnalysedArticle("{").error().code() == StatusCode::kInvalidInput);
    CHECK(ParseAnalysedArticle(R"({"id":"x"})").error().code() ==
          StatusCode::kInvalidInput);
    CHECK(ParseAnalysedArticle(
              R"({"id":"x","text":"t","entities":[{"name":"A","type":"ALIEN"}]})")
              .error()
              .message() == "unknown entity type \"ALIEN\"");
    CHECK(ParseAnalysedArticle(
              R"({"id":"x","text":"t","relations":[{"type":"FOUNDED","head":0,"tail":1}]})")
              .error()
              .message() == "relation refers to a missing entity");
  }
}

}  // namespace dossier::graph
