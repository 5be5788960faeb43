// HTML pages: metadata, main text without chrome, the density fallback,
// encodings and rejects. Fixtures in tests/fixtures/readers/ are written for
// the project.
#include "indexer/internal/html_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/archive_reader.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::indexer {
namespace {

std::string Fixture(const std::string& name) {
  return std::string(DOSSIER_SOURCE_DIR) + "/tests/fixtures/readers/" + name;
}

std::vector<ReadItem> ReadPath(const std::string& path) {
  std::vector<ReadItem> items;
  const Status status =
      ReadInput({path, 0, InputFormat::kAuto}, {},
                [&](ReadItem item) { items.push_back(std::move(item)); });
  REQUIRE(status.ok());
  return items;
}

TEST_SUITE("indexer/HtmlReader") {
  TEST_CASE("a page with chrome yields its metadata and only the story") {
    const std::vector<ReadItem> items = ReadPath(Fixture("page_chrome.html"));
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].article.has_value());
    const Article& a = *items[0].article;
    CHECK(a.title == "Harbor council approves ferry plan");
    CHECK(a.source == "Coastline Courier");
    CHECK(a.url == "https://courier.example/news/ferry-plan");
    CHECK(a.id == "https://courier.example/news/ferry-plan");
    CHECK(a.date == "2025-03-04T08:30:00Z");
    CHECK(a.author == "Mara Oyelaran");
    CHECK(a.text ==
          "The harbor council voted 7 to 2 on Monday to fund a new electric "
          "ferry between Portwell and the island of Caddow.\n\n"
          "\xe2\x80\x9cThis is the biggest change to the crossing in forty "
          "years,\xe2\x80\x9d said council leader Ines Varga.\n\n"
          "Costs and timing\n\n"
          "The vessel will cost 14 million euros and should enter service in "
          "2027, according to the port authority.");
    CHECK(items[0].warnings.empty());
  }

  TEST_CASE("without <article> or <main>, the densest block is the text") {
    const std::vector<ReadItem> items = ReadPath(Fixture("page_density.html"));
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].article.has_value());
    const Article& a = *items[0].article;
    CHECK(a.title == "Mill reopens after fire");
    CHECK(a.date == "2024-11-20");
    CHECK(a.text ==
          "Published 20 Nov 2024\n\n"
          "The old textile mill in Brennfeld reopened on Wednesday, eight "
          "months after a fire destroyed its roof.\n\n"
          "Owner Tomas Adler said the repairs cost more than the building was "
          "insured for.\n\nForty workers have returned.\n\n"
          "Local officials welcomed the news.");
    CHECK(a.id.starts_with("fnv-"));
  }

  TEST_CASE("a Latin-1 page is converted, with a warning") {
    testing::ScopedTempDir dir;
    const std::string path =
        dir.WriteFile("latin.htm",
                      "<html><head><meta http-equiv=\"Content-Type\" "
                      "content=\"text/html; charset=ISO-8859-1\">"
                      "<title>Caf\xe9 news</title></head><body><article>"
                      "<p>The caf\xe9 opened.</p></article></body></html>")
            .string();
    const std::vector<ReadItem> items = ReadPath(path);
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].article.has_value());
    CHECK(items[0].article->title == "Caf\xc3\xa9 news");
    CHECK(items[0].article->text == "The caf\xc3\xa9 opened.");
    REQUIRE(items[0].warnings.size() == 1);
    CHECK(items[0].warnings[0] ==
          path + ": page is not UTF-8; read as Latin-1");
  }

  TEST_CASE("a page with no text is rejected") {
    testing::ScopedTempDir dir;
    const std::string path =
        dir.WriteFile(
               "empty.html",
               "<!doctype html><html><head><title>Only a title</title>"
               "</head><body><nav><a href=/>Home</a></nav></body></html>")
            .string();
    const std::vector<ReadItem> items = ReadPath(path);
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].reject.has_value());
    CHECK(items[0].reject->status.ToString() ==
          path + ": no article text found in the page");
  }

  TEST_CASE("HTML on stdin-like input is detected by content") {
    testing::ScopedTempDir dir;
    const std::string path =
        dir.WriteFile("page.data",
                      "<!DOCTYPE html><html><body><main><h1>Head</h1>"
                      "<p>Body text here.</p></main></body></html>")
            .string();
    const std::vector<ReadItem> items = ReadPath(path);
    REQUIRE(items.size() == 1);
    REQUIRE(items[0].article.has_value());
    CHECK(items[0].article->title == "Head");
    CHECK(items[0].article->text == "Body text here.");
  }

  TEST_CASE("HtmlToArticle drops link lists after a 'More in' heading only") {
    const Article a = internal::HtmlToArticle(
        "<article><p>First paragraph of the story.</p>"
        "<h2>More in Business</h2><ul><li><a href=/1>One</a></li></ul>"
        "<p>A closing paragraph that is real text.</p></article>");
    CHECK(a.text ==
          "First paragraph of the story.\n\n"
          "A closing paragraph that is real text.");
  }
  TEST_CASE(
      "chrome by role, aria-hidden, hidden, standalone <time> and boilerplate "
      "lines") {
    const Article a = internal::HtmlToArticle(
        "<body><div role=navigation><p>Menu text</p></div>"
        "<main><p>Skip to content</p><p>Kept paragraph.</p>"
        "<div aria-hidden=true><p>Hidden one.</p></div>"
        "<div hidden><p>Hidden two.</p></div>"
        "<p>Advertisement</p><div class=\"social-links\"><p>Follow us</p></div>"
        "<time datetime=2025-01-02>2 January 2025</time>"
        "<p>Second kept paragraph with a <a href=/x>link</a> inside, on "
        "<time>Monday</time>.</p>"
        "</main></body>");
    CHECK(a.text ==
          "Kept paragraph.\n\n"
          "Second kept paragraph with a link inside, on Monday.");
  }
}

}  // namespace
}  // namespace dossier::indexer
