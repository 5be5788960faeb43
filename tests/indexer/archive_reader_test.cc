// ExpandInputs, format detection, whole-input failures, stdin (a pipe), the
// plain-text reader and stable ids, through the public API.
#include "indexer/archive_reader.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "indexer/article_id.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::indexer {
namespace {

struct Collected {
  Status status;
  std::vector<ReadItem> items;
};

Collected ReadPath(const std::string& path, const ReaderOptions& options = {},
                   InputFormat format = InputFormat::kAuto) {
  Collected out;
  out.status = ReadInput({path, 0, format}, options,
                         [&](ReadItem item) { out.items.push_back(item); });
  return out;
}

// Feeds `content` through a pipe, as a shell would feed stdin.
Collected ReadPipe(const std::string& content) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(content.size() < 60000);  // fits the pipe buffer: no writer thread
  REQUIRE(::write(fds[1], content.data(), content.size()) ==
          static_cast<ssize_t>(content.size()));
  ::close(fds[1]);
  Collected out;
  out.status = ReadFd(fds[0], "<stdin>", InputFormat::kAuto, {},
                      [&](ReadItem item) { out.items.push_back(item); });
  ::close(fds[0]);
  return out;
}

std::string Describe(const std::vector<InputFile>& files,
                     const std::filesystem::path& root) {
  std::string out;
  for (const InputFile& file : files) {
    out += out.empty() ? "" : " ";
    out += std::filesystem::path(file.path).lexically_relative(root).string() +
           "=" + std::string(InputFormatName(file.format));
  }
  return out;
}

TEST_SUITE("indexer/ArchiveReader") {
  TEST_CASE(
      "ExpandInputs walks directories sorted, skipping hidden and "
      "unknown files with notes") {
    testing::ScopedTempDir dir;
    dir.WriteFile("b/2.txt", "T\nbody");
    dir.WriteFile("b/1.html", "<html></html>");
    dir.WriteFile("a.jsonl", "{}");
    dir.WriteFile("c/x.JSONL.gz", "");
    dir.WriteFile("c/r.sgm", "");
    dir.WriteFile("c/notes.pdf", "");
    dir.WriteFile(".hidden.txt", "");
    dir.WriteFile(".git/HEAD.txt", "");
    std::vector<std::string> notes;
    const Result<std::vector<InputFile>> files =
        ExpandInputs({dir.path().string()}, &notes);
    REQUIRE(files.has_value());
    CHECK(Describe(*files, dir.path()) ==
          "a.jsonl=jsonl b/1.html=html b/2.txt=text c/r.sgm=sgml "
          "c/x.JSONL.gz=jsonl");
    CHECK((*files)[2].size_bytes == 6);
    REQUIRE(notes.size() == 3);
    std::sort(notes.begin(), notes.end());
    CHECK(notes[0] == "skipping " + (dir.path() / "c/notes.pdf").string() +
                          ": unknown extension");
    CHECK(notes[1] == "skipping hidden " + (dir.path() / ".git").string());
    CHECK(notes[2] ==
          "skipping hidden " + (dir.path() / ".hidden.txt").string());
  }

  TEST_CASE("ExpandInputs keeps explicit files and stdin in the given order") {
    testing::ScopedTempDir dir;
    const std::string odd = dir.WriteFile("dump.data", "{}").string();
    const std::string txt = dir.WriteFile("a.txt", "T\nb").string();
    const Result<std::vector<InputFile>> files = ExpandInputs({odd, "-", txt});
    REQUIRE(files.has_value());
    REQUIRE(files->size() == 3);
    CHECK((*files)[0].path == odd);
    CHECK((*files)[0].format == InputFormat::kAuto);
    CHECK((*files)[1].path == "-");
    CHECK((*files)[1].format == InputFormat::kAuto);
    CHECK((*files)[2].format == InputFormat::kText);
  }

  TEST_CASE("ExpandInputs names every missing path") {
    testing::ScopedTempDir dir;
    const Result<std::vector<InputFile>> files = ExpandInputs(
        {"/nonexistent/a.jsonl", dir.path().string(), "/nonexistent/b"});
    REQUIRE_FALSE(files.has_value());
    CHECK(files.error().code() == StatusCode::kNotFound);
    CHECK(files.error().message() ==
          "no such file or directory: /nonexistent/a.jsonl, /nonexistent/b");
  }

  TEST_CASE("DetectFormat decides from the first bytes") {
    CHECK(DetectFormat("  {\"text\":\"x\"}") == InputFormat::kJsonl);
    CHECK(DetectFormat("\xEF\xBB\xBF{\"text\":\"x\"}") == InputFormat::kJsonl);
    CHECK(DetectFormat("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS "
                       "TOPICS=\"NO\">") == InputFormat::kSgml);
    CHECK(DetectFormat("<!doctype html><html><body>") == InputFormat::kHtml);
    CHECK(DetectFormat("\n<HTML>") == InputFormat::kHtml);
    CHECK(DetectFormat("Title line\nBody <b>bold</b>") == InputFormat::kText);
    CHECK(DetectFormat("<notatag> plain") == InputFormat::kText);
    CHECK(DetectFormat("") == InputFormat::kText);
  }

  TEST_CASE("a missing input fails with kNotFound, a directory with kIOError") {
    testing::ScopedTempDir dir;
    const Collected missing = ReadPath((dir.path() / "gone.jsonl").string());
    CHECK(missing.status.code() == StatusCode::kNotFound);
    CHECK(missing.status.message() ==
          "no such file: " + (dir.path() / "gone.jsonl").string());
    const Collected directory = ReadPath(dir.path().string());
    CHECK(directory.status.code() == StatusCode::kIOError);
    CHECK(directory.status.message() ==
          "cannot read " + dir.path().string() + ": is a directory");
  }

  TEST_CASE("an unreadable file fails with kIOError") {
    if (::geteuid() == 0) {
      MESSAGE("running as root: permissions do not stop reads; skipped");
      return;
    }
    testing::ScopedTempDir dir;
    const std::string path = dir.WriteFile("locked.jsonl", "{}").string();
    REQUIRE(::chmod(path.c_str(), 0) == 0);
    const Collected got = ReadPath(path);
    CHECK(got.status.code() == StatusCode::kIOError);
    CHECK(got.status.message() ==
          "cannot open " + path + ": Permission denied");
  }

  TEST_CASE("stdin is read as JSONL or text by its content") {
    const Collected jsonl =
        ReadPipe("{\"id\":\"s1\",\"text\":\"one\"}\n{\"id\":\"s2\"}\n");
    REQUIRE(jsonl.status.ok());
    REQUIRE(jsonl.items.size() == 2);
    CHECK(jsonl.items[0].article->id == "s1");
    CHECK(jsonl.items[0].article->origin == "<stdin>:1");
    CHECK(jsonl.items[1].reject->status.ToString() ==
          "<stdin>:2: missing required field \"text\"");

    const Collected text = ReadPipe("A headline\n\nFirst paragraph.\n");
    REQUIRE(text.status.ok());
    REQUIRE(text.items.size() == 1);
    CHECK(text.items[0].article->title == "A headline");
    CHECK(text.items[0].article->text == "First paragraph.");
    CHECK(text.items[0].article->origin == "<stdin>");
  }

  TEST_CASE("a text file: first line the title, the rest the body") {
    testing::ScopedTempDir dir;
    const std::string path =
        dir.WriteFile("story.txt",
                      "\xEF\xBB\xBF\r\n  Mayor opens bridge  \r\n\r\n"
                      "The bridge opened.\r\n\r\nTraffic flowed.\r\n")
            .string();
    const Collected got = ReadPath(path, {}, InputFormat::kText);
    REQUIRE(got.status.ok());
    REQUIRE(got.items.size() == 1);
    const Article& a = *got.items[0].article;
    CHECK(a.title == "Mayor opens bridge");
    CHECK(a.text == "The bridge opened.\n\nTraffic flowed.");
    CHECK(a.origin == path);
    CHECK(a.id == StableArticleId(a));
    CHECK(a.id.starts_with("fnv-"));
    CHECK(got.items[0].offset_bytes == std::filesystem::file_size(path));
  }

  TEST_CASE("a text file without a body, or too large, is rejected") {
    testing::ScopedTempDir dir;
    const std::string title_only =
        dir.WriteFile("t.txt", "Just a title\n\n").string();
    const Collected got = ReadPath(title_only);
    REQUIRE(got.items.size() == 1);
    REQUIRE(got.items[0].reject.has_value());
    CHECK(got.items[0].reject->status.ToString() ==
          title_only + ": no text after the title line");

    ReaderOptions options;
    options.max_record_bytes = 10;
    const std::string big = dir.WriteFile("big.txt", "T\n0123456789").string();
    const Collected too_big = ReadPath(big, options);
    REQUIRE(too_big.items.size() == 1);
    REQUIRE(too_big.items[0].reject.has_value());
    CHECK(too_big.items[0].reject->status.ToString() ==
          big + ": file is 12 bytes, over the 10-byte record limit");
    CHECK(too_big.items[0].reject->raw_excerpt == "T\n01234567");
  }

  TEST_CASE("ids: own id, else URL, else a stable content hash") {
    Article a;
    a.title = "Title";
    a.text = "Body text.";
    CHECK(StableArticleId(a) == "fnv-0367b2fe25b27e56");
    a.source = "Elsewhere";
    a.date = "2024-01-01";
    CHECK(StableArticleId(a) == "fnv-0367b2fe25b27e56");
    a.url = "https://x.test/a";
    CHECK(StableArticleId(a) == "https://x.test/a");
    a.id = "own-7";
    CHECK(StableArticleId(a) == "own-7");
    CHECK(Fnv1a64("") == 0xcbf29ce484222325ULL);
    CHECK(Fnv1a64("a") == 0xaf63dc4c8601ec8cULL);
  }

  TEST_CASE("the same text file read twice gets the same id") {
    testing::ScopedTempDir dir;
    const std::string one =
        dir.WriteFile("one.txt", "Title\nBody text.").string();
    const std::string two =
        dir.WriteFile("sub/two.txt", "Title\n\nBody text.\n").string();
    const Collected first = ReadPath(one);
    const Collected second = ReadPath(two);
    REQUIRE(first.items.size() == 1);
    REQUIRE(second.items.size() == 1);
    CHECK(first.items[0].article->id == "fnv-0367b2fe25b27e56");
    CHECK(second.items[0].article->id == first.items[0].article->id);
  }
  TEST_CASE("the bundled examples/ archive reads cleanly with unique ids") {
    const std::string root = std::string(DOSSIER_SOURCE_DIR) + "/examples";
    std::vector<std::string> notes;
    const Result<std::vector<InputFile>> files = ExpandInputs({root}, &notes);
    REQUIRE(files.has_value());
    CHECK(notes.empty());
    std::set<std::string> ids;
    std::size_t articles = 0;
    std::size_t problems = 0;
    for (const InputFile& file : *files) {
      const Status status = ReadInput(file, {}, [&](ReadItem item) {
        problems += item.reject.has_value() + item.warnings.size();
        if (item.article.has_value()) {
          ++articles;
          ids.insert(item.article->id);
        }
      });
      CHECK(status.ok());
    }
    CHECK(articles >= 30);
    CHECK(problems == 0);
    CHECK(ids.size() == articles);
  }
  TEST_CASE("a page saved as text loses its chrome lines and repeated title") {
    testing::ScopedTempDir dir;
    const std::string path =
        dir.WriteFile("saved.txt",
                      "Skip to content\n\nMill reopens\n\nMill reopens\n"
                      "Published:\n\nThe mill reopened.\n\nMore in Live\n\n"
                      "See all\n\nFrom our partners\n")
            .string();
    const Collected got = ReadPath(path);
    REQUIRE(got.items.size() == 1);
    REQUIRE(got.items[0].article.has_value());
    CHECK(got.items[0].article->title == "Mill reopens");
    CHECK(got.items[0].article->text == "Published:\n\nThe mill reopened.");
  }
}

}  // namespace
}  // namespace dossier::indexer
