// Reuters-21578 SGML through the public API, on a small fixture written for
// the project (tests/fixtures/readers/mini.sgm, Latin-1).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "indexer/archive_reader.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::indexer {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(DOSSIER_SOURCE_DIR) + "/tests/fixtures/readers/" + name;
}

struct Collected {
  Status status;
  std::vector<ReadItem> items;
};

// Reads `path` through a descriptor named "mini.sgm" so origins are short.
Collected ReadAs(const std::string& path, const ReaderOptions& options = {},
                 InputFormat format = InputFormat::kAuto) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  Collected out;
  out.status = ReadFd(fd, "mini.sgm", format, options,
                      [&](ReadItem item) { out.items.push_back(item); });
  ::close(fd);
  return out;
}

TEST_SUITE("indexer/SgmlReader") {
  TEST_CASE(
      "Reuters records become articles, with rejects for empty and "
      "unclosed records") {
    const Collected got = ReadAs(Fixture("mini.sgm"));  // detected by content
    REQUIRE(got.status.ok());
    std::string summary;
    for (const ReadItem& item : got.items) {
      summary += item.article ? item.article->id + "@" + item.article->origin
                              : "!" + item.reject->status.ToString();
      summary += "\n";
    }
    CHECK(summary ==
          "reuters-7@mini.sgm:2\n"
          "reuters-8@mini.sgm:19\n"
          "reuters-9@mini.sgm:28\n"
          "!mini.sgm:37: record has no body, title or text\n"
          "reuters-11@mini.sgm:44\n"
          "!mini.sgm:51: record has no closing </REUTERS> tag\n");
  }

  TEST_CASE("a full record: Latin-1, entities, dateline, author, paragraphs") {
    const Collected got = ReadAs(Fixture("mini.sgm"));
    REQUIRE_FALSE(got.items.empty());
    REQUIRE(got.items[0].article.has_value());
    const Article& a = *got.items[0].article;
    CHECK(a.title ==
          "SOCI\xc3\x89T\xc3\x89 MARNE <SMRN.PA> TO BUY STAKE IN "
          "BRASSERIE");
    CHECK(a.text ==
          "PARIS, March 2 - Soci\xc3\xa9t\xc3\xa9 Marne said it agreed to buy "
          "a 35 pct stake in Brasserie du Nord & Cie for 40 mln francs.\n\n"
          "The company said the deal values the brewer at about 115 mln "
          "francs.");
    CHECK(a.date == "1987-03-02T09:15:30Z");
    CHECK(a.author == "Claire Dufour");
    CHECK(a.source == "Reuters");
    CHECK(got.items[0].warnings.empty());
  }

  TEST_CASE("records without a body fall back to their text, then title") {
    const Collected got = ReadAs(Fixture("mini.sgm"));
    REQUIRE(got.items.size() == 6);
    const Article& brief = *got.items[1].article;
    CHECK(brief.title == "FED SETS TWO-DAY REPURCHASE AGREEMENTS");
    CHECK(brief.text == brief.title);
    CHECK(brief.date == "1987-03-02T09:16:00Z");  // "&#5;&#5;&#5;RM" cut off
    const Article& table = *got.items[2].article;
    CHECK(table.title.empty());
    CHECK(table.text ==
          "WEEKLY GRAIN SHIPMENTS - MARCH 2\n"
          " Wheat..........120 vs....95\n"
          " Corn...........210 vs...180");
    CHECK(table.date == "1987-03-02T10:00:00Z");  // "# guessed" cut off
  }

  TEST_CASE("an impossible time leaves the date empty with a warning") {
    const Collected got = ReadAs(Fixture("mini.sgm"));
    REQUIRE(got.items.size() == 6);
    const ReadItem& item = got.items[4];
    REQUIRE(item.article.has_value());
    CHECK(item.article->text == "Prices were unchanged.");
    CHECK(item.article->date.empty());
    REQUIRE(item.warnings.size() == 1);
    CHECK(item.warnings[0] ==
          "mini.sgm:44: unparseable date \"2-MAR-1987 605:00:00.00\"; date "
          "left empty");
  }

  TEST_CASE("a record over the record limit is rejected and skipped") {
    ReaderOptions options;
    options.max_record_bytes = 400;
    const Collected got =
        ReadAs(Fixture("mini.sgm"), options, InputFormat::kSgml);
    REQUIRE(got.status.ok());
    REQUIRE_FALSE(got.items.empty());
    REQUIRE(got.items[0].reject.has_value());
    CHECK(got.items[0].reject->status.ToString() ==
          "mini.sgm:2: record is over the 400-byte record limit");
    REQUIRE(got.items.size() == 6);
    CHECK(got.items[1].article->id == "reuters-8");
    CHECK(got.items[1].article->origin == "mini.sgm:19");
  }

  TEST_CASE("records split across read chunks are reassembled") {
    testing::ScopedTempDir dir;
    std::string big;
    for (int i = 1; i <= 300; ++i) {
      big += "<REUTERS NEWID=\"" + std::to_string(i) + "\">\n<DATE>" +
             "1-APR-1987 10:00:00.00</DATE>\n<TEXT><BODY>" +
             std::string(400, 'x') + " story " + std::to_string(i) +
             "</BODY></TEXT>\n</REUTERS>\n";
    }
    const std::string path = dir.WriteFile("big.sgm", big).string();
    const Collected got = ReadAs(path);
    REQUIRE(got.status.ok());
    REQUIRE(got.items.size() == 300);
    bool all_ok = true;
    for (std::size_t i = 0; i < got.items.size(); ++i) {
      const ReadItem& item = got.items[i];
      all_ok =
          all_ok && item.article.has_value() &&
          item.article->id == "reuters-" + std::to_string(i + 1) &&
          item.article->origin == "mini.sgm:" + std::to_string(4 * i + 1) &&
          item.article->text.ends_with(" story " + std::to_string(i + 1));
    }
    CHECK(all_ok);
  }
}

}  // namespace
}  // namespace dossier::indexer
