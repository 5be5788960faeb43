#include "indexer/internal/record_json.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "indexer/article_store.h"
#include "indexer/doc_store.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::indexer {
namespace {

// What nlohmann::json wrote for a string, which records keep matching.
std::string AsNlohmann(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false,
                                   nlohmann::json::error_handler_t::replace);
}

std::string AsRecordJson(std::string_view text) {
  std::string out = "x";  // appends, never overwrites
  internal::AppendJsonString(text, &out);
  return out.substr(1);
}

}  // namespace

TEST_SUITE("indexer/RecordJson") {
  TEST_CASE(
      "Strings are escaped byte for byte as nlohmann::json escapes them") {
    using namespace std::string_literals;
    const std::string cases[] = {
        "",
        "plain words",
        "\"quoted\" and back\\slash",
        "tab\t newline\n return\r feed\f backspace\b vertical\v",
        "nul \0 and \x01 \x1f unit"s,  // a std::string: the NUL is in it
        "del \x7f stays",
        "caf\xc3\xa9, \xe2\x80\x9csmart\xe2\x80\x9d, \xe2\x80\xa8, "
        "\xf0\x9f\x98\x80",
        // Invalid UTF-8: a lone continuation byte, a truncated sequence,
        // an overlong encoding, a surrogate.
        "bad \x80 byte",
        "cut \xe2\x80",
        "overlong \xc0\xaf",
        "surrogate \xed\xa0\x80 here",
    };
    for (const std::string& text : cases) {
      CAPTURE(text);
      CHECK(AsRecordJson(text) == AsNlohmann(text));
    }
  }

  TEST_CASE("Numbers are decimal") {
    std::string out;
    internal::AppendJsonNumber(0, &out);
    out += ' ';
    internal::AppendJsonNumber(18446744073709551615ULL, &out);
    CHECK(out == "0 18446744073709551615");
  }

  TEST_CASE(
      "An article's record is the JSON object nlohmann::json would "
      "write, keys sorted") {
    testing::ScopedTempDir dir;
    Article article;
    article.id = "rec-1";
    article.url = "https://example.com/a?b=\"c\"";
    article.title = "Caf\xc3\xa9 \"talks\"";
    article.text =
        "Ada Lovelace met Charles Babbage in London.\n\"We agree,\" "
        "Lovelace said.";
    article.date = "2024-05-01";
    article.source = "Wire\tDesk";
    article.author = "Jo \\ Doe";
    ArticleAnalysis analysis;
    ArticleEntity ada;
    ada.name = "Ada Lovelace";
    ada.type = EntityType::kPerson;
    ada.aliases = {"Lovelace"};
    ada.reasons = {"surname of an earlier mention"};
    ArticleEntity london;
    london.name = "London";
    london.type = EntityType::kPlace;
    analysis.entities = {ada, london};
    Quote quote;
    quote.content = {45, 54};  // We agree,
    quote.speaker = {56, 64};  // Lovelace
    quote.cue = {65, 69};      // said
    quote.speaker_name = "Ada Lovelace";
    quote.rule = "quote-cue-speaker";
    analysis.quotes.push_back(quote);
    Quote unattributed = quote;
    unattributed.speaker_name.clear();
    analysis.quotes.push_back(unattributed);
    const std::string hash = ContentHash(article);
    {
      Result<std::unique_ptr<ArticleStore>> store =
          ArticleStore::Open(dir.path(), OpenMode::kReadWrite);
      REQUIRE(store.has_value());
      DocumentBuilder builder;
      REQUIRE(
          (*store)->Put(builder.Build(article, analysis, hash)).has_value());
      REQUIRE((*store)->Commit().ok());
    }
    Result<std::unique_ptr<DocStore>> docs = DocStore::Open(dir.path(), false);
    REQUIRE(docs.has_value());
    Result<std::optional<std::string>> record = (*docs)->Get("rec-1", hash);
    REQUIRE(record.has_value());
    REQUIRE(record->has_value());
    const nlohmann::json parsed = nlohmann::json::parse(**record);
    CHECK(**record == parsed.dump(-1, ' ', false,
                                  nlohmann::json::error_handler_t::replace));
    CHECK(parsed["text"] == article.text);
    CHECK(parsed["author"] == article.author);
    CHECK(parsed["url"] == article.url);
    CHECK(parsed["facets"] ==
          nlohmann::json::array({"L:London", "P:Ada Lovelace"}));
    CHECK(parsed["quotes"] ==
          nlohmann::json::parse(R"([[45,54,"Ada Lovelace",56,64,65,69,)"
                                R"("direct","quote-cue-speaker"],)"
                                R"([45,54,null,56,64,65,69,"direct",)"
                                R"("quote-cue-speaker"]])"));
  }
}

}  // namespace dossier::indexer
