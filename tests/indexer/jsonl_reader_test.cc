// JSONL reading through the public API (ReadFd / ReadInput): good records,
// every bad-record message, gzip, limits and progress offsets.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "indexer/archive_reader.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::indexer {
namespace {

struct Collected {
  Status status;
  std::vector<ReadItem> items;

  // "a" for an article id, "!<status>" for a reject, one per item.
  std::string Summary() const {
    std::string out;
    for (const ReadItem& item : items) {
      out += out.empty() ? "" : " | ";
      out += item.article ? item.article->id
                          : "!" + item.reject->status.ToString();
    }
    return out;
  }
};

// Reads `content` as if it were a file named `name` (so messages carry that
// short name rather than a temp path).
Collected ReadContent(const std::string& content, const std::string& name,
                      const ReaderOptions& options = {},
                      InputFormat format = InputFormat::kJsonl) {
  testing::ScopedTempDir dir;
  const std::string path = dir.WriteFile("input", content).string();
  const int fd = ::open(path.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  Collected out;
  out.status = ReadFd(fd, name, format, options,
                      [&](ReadItem item) { out.items.push_back(item); });
  ::close(fd);
  return out;
}

Collected ReadPath(const std::string& path, const ReaderOptions& options = {}) {
  Collected out;
  out.status = ReadInput({path, 0, InputFormat::kAuto}, options,
                         [&](ReadItem item) { out.items.push_back(item); });
  return out;
}

std::string Fixture(const std::string& name) {
  return std::string(DOSSIER_SOURCE_DIR) + "/tests/fixtures/readers/" + name;
}

TEST_SUITE("indexer/JsonlReader") {
  TEST_CASE("a well-formed record fills every field and normalizes the date") {
    const Collected got = ReadContent(
        R"({"id":"a-1","url":"https://x.test/a","title":" Title ","text":"Body.",)"
        R"("date":"Tue, 30 Apr 2024 22:00:00 -0400","source":"The Wire",)"
        R"("author":"Ann Lee","extra":{"ignored":true}})"
        "\n",
        "a.jsonl");
    REQUIRE(got.status.ok());
    REQUIRE(got.items.size() == 1);
    REQUIRE(got.items[0].article.has_value());
    const Article& a = *got.items[0].article;
    CHECK(a.id == "a-1");
    CHECK(a.url == "https://x.test/a");
    CHECK(a.title == "Title");
    CHECK(a.text == "Body.");
    CHECK(a.date == "2024-05-01T02:00:00Z");
    CHECK(a.source == "The Wire");
    CHECK(a.author == "Ann Lee");
    CHECK(a.origin == "a.jsonl:1");
    CHECK(got.items[0].warnings.empty());
  }

  TEST_CASE("only text is required; nulls, integer ids, blank lines and CRLF") {
    const Collected got = ReadContent(
        "{\"text\":\"Only text.\"}\r\n"
        "\n"
        "   \n"
        "{\"id\":42,\"title\":null,\"url\":null,\"text\":\"Numbered.\"}\n"
        "{\"url\":\"https://x.test/u\",\"text\":\"Has url.\"}",
        "b.jsonl");
    REQUIRE(got.status.ok());
    CHECK(got.Summary() == "fnv-754752452c68bd98 | 42 | https://x.test/u");
    REQUIRE(got.items.size() == 3);
    CHECK(got.items[0].article->text == "Only text.");
    CHECK(got.items[1].article->origin == "b.jsonl:4");
    CHECK(got.items[1].article->title.empty());
    CHECK(got.items[2].article->origin == "b.jsonl:5");
  }

  TEST_CASE("each bad line is rejected with FILE:LINE and a precise reason") {
    ReaderOptions options;
    options.max_article_bytes = 20;
    const Collected got = ReadContent(
        "{\"id\":\"ok-1\",\"text\":\"fine\"}\n"
        "{\"id\":\"x\", \"text\": }\n"
        "[1, 2]\n"
        "{\"id\":\"no-text\"}\n"
        "{\"id\":\"e\",\"text\":\"  \"}\n"
        "{\"id\":\"n\",\"text\":null}\n"
        "{\"id\":\"t\",\"text\":\"x\",\"title\":5}\n"
        "{\"id\":\"big\",\"text\":\"123456789012345678901\"}\n"
        "{\"id\":\"ok-2\",\"text\":\"also fine\"}\n",
        "bad.jsonl", options);
    REQUIRE(got.status.ok());
    const std::vector<std::string> expected = {
        "ok-1",
        "!bad.jsonl:2: invalid JSON at column 20: syntax error while parsing "
        "value - unexpected '}'; expected '[', '{', or a literal",
        "!bad.jsonl:3: expected a JSON object, got array",
        "!bad.jsonl:4: missing required field \"text\"",
        "!bad.jsonl:5: \"text\" is empty",
        "!bad.jsonl:6: missing required field \"text\"",
        "!bad.jsonl:7: field \"title\" must be a string or null, got number",
        "!bad.jsonl:8: article is 21 bytes, over the 20-byte limit",
        "ok-2"};
    REQUIRE(got.items.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const ReadItem& item = got.items[i];
      CHECK(item.article.has_value() != item.reject.has_value());
      CHECK((item.article
                 ? item.article->id
                 : "!" + item.reject->status.ToString()) == expected[i]);
    }
    const Reject& reject = *got.items[1].reject;
    CHECK(reject.origin == "bad.jsonl:2");
    CHECK(reject.status.code() == StatusCode::kInvalidInput);
    CHECK(reject.raw_excerpt == "{\"id\":\"x\", \"text\": }");
  }

  TEST_CASE("a line over the record limit is skipped without being kept") {
    ReaderOptions options;
    options.max_record_bytes = 30;
    const std::string long_text(100, 'a');
    const Collected got = ReadContent(
        "{\"text\":\"" + long_text + "\"}\n{\"id\":\"after\",\"text\":\"t\"}\n",
        "long.jsonl", options);
    REQUIRE(got.status.ok());
    CHECK(got.Summary() ==
          "!long.jsonl:1: line is 111 bytes, over the 30-byte record limit | "
          "after");
    CHECK(got.items[0].reject->raw_excerpt.size() == 30);
  }

  TEST_CASE("invalid UTF-8 is repaired with U+FFFD and a warning") {
    const Collected got = ReadContent(
        "{\"id\":\"u\",\"title\":\"caf\xe9\",\"text\":\"na\xefve \xff\"}\n",
        "utf.jsonl");
    REQUIRE(got.items.size() == 1);
    REQUIRE(got.items[0].article.has_value());
    CHECK(got.items[0].article->title == "caf\xef\xbf\xbd");
    CHECK(got.items[0].article->text == "na\xef\xbf\xbdve \xef\xbf\xbd");
    REQUIRE(got.items[0].warnings.size() == 1);
    CHECK(got.items[0].warnings[0] ==
          "utf.jsonl:1: invalid UTF-8 replaced with U+FFFD (3 bytes)");
  }

  TEST_CASE("an unparseable date leaves the date empty with a warning") {
    const Collected got = ReadContent(
        "{\"id\":\"d\",\"text\":\"x\",\"date\":\"sometime soon\"}\n",
        "date.jsonl");
    REQUIRE(got.items.size() == 1);
    REQUIRE(got.items[0].article.has_value());
    CHECK(got.items[0].article->date.empty());
    REQUIRE(got.items[0].warnings.size() == 1);
    CHECK(got.items[0].warnings[0] ==
          "date.jsonl:1: unparseable date \"sometime soon\"; date left empty");
  }

  TEST_CASE("gzip input is inflated, whatever its name, member after member") {
    const Collected two = ReadPath(Fixture("two_records.jsonl.gz"));
    REQUIRE(two.status.ok());
    CHECK(two.Summary() == "gz-1 | gz-2");
    CHECK(two.items[0].article->date == "2024-05-01");
    const Collected three =
        ReadPath(Fixture("three_records_multimember.jsonl.gz"));
    REQUIRE(three.status.ok());
    CHECK(three.Summary() == "gz-1 | gz-2 | gz-3");

    // The same bytes under a name without ".gz", read with format kJsonl.
    const std::string gz =
        testing::ReadFileForTesting(Fixture("two_records.jsonl.gz"));
    CHECK(ReadContent(gz, "renamed.jsonl").Summary() == "gz-1 | gz-2");
  }

  TEST_CASE("a truncated gzip stream fails the input as corruption") {
    const std::string gz =
        testing::ReadFileForTesting(Fixture("two_records.jsonl.gz"));
    REQUIRE(gz.size() > 20);
    const Collected got =
        ReadContent(gz.substr(0, gz.size() - 12), "cut.jsonl.gz");
    CHECK(got.status.code() == StatusCode::kCorruption);
    CHECK(got.status.message() == "cut.jsonl.gz: truncated gzip data");
  }

  TEST_CASE("garbage after a gzip member fails the input as corruption") {
    const std::string gz =
        testing::ReadFileForTesting(Fixture("two_records.jsonl.gz"));
    const Collected got = ReadContent(gz + "junk", "junk.jsonl.gz");
    CHECK(got.status.code() == StatusCode::kCorruption);
    CHECK(got.status.message() ==
          "junk.jsonl.gz: trailing garbage after gzip data");
    CHECK(got.Summary() == "gz-1 | gz-2");
  }

  TEST_CASE("offset_bytes grows and ends at the input's size") {
    std::string content;
    for (int i = 0; i < 5000; ++i) {
      content += "{\"id\":\"r" + std::to_string(i) +
                 "\",\"text\":\"some text to make the line longer\"}\n";
    }
    const Collected got = ReadContent(content, "many.jsonl");
    REQUIRE(got.items.size() == 5000);
    std::uint64_t last = 0;
    bool monotonic = true;
    for (const ReadItem& item : got.items) {
      monotonic = monotonic && item.offset_bytes >= last;
      last = item.offset_bytes;
    }
    CHECK(monotonic);
    CHECK(got.items.front().offset_bytes < content.size());
    CHECK(last == content.size());
  }
}

}  // namespace
}  // namespace dossier::indexer
