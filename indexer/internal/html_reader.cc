// One page, one article: read the whole file (bounded), fix its encoding,
// parse it with gumbo, take metadata from <meta>/<link>/<title>, and the
// text from html_gumbo_reader's content root.
#include "indexer/internal/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/utf8.h"
#include "indexer/internal/html_gumbo_reader.h"
#include "indexer/internal/reader_util.h"
#include "indexer/internal/text_reader.h"

namespace dossier::indexer::internal {
namespace {

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return out;
}

template <typename Fn>
void ForEachElement(const GumboNode* node, Fn fn) {
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty()) {
    const GumboNode* current = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (current->type == GUMBO_NODE_ELEMENT) {
      fn(current);
      children = &current->v.element.children;
    } else if (current->type == GUMBO_NODE_DOCUMENT) {
      children = &current->v.document.children;
    }
    for (unsigned int i = children == nullptr ? 0 : children->length; i > 0;
         --i) {
      stack.push_back(static_cast<const GumboNode*>(children->data[i - 1]));
    }
  }
}

// "By Jane Roe" -> "Jane Roe".
std::string StripBy(std::string author) {
  if (Lower(author.substr(0, 3)) == "by ") {
    author.erase(0, 3);
  }
  return author;
}

// The metadata found in one pass over the document.
struct PageMeta {
  std::string og_title, title_tag, first_h1_in_root;
  std::string published, date_meta, time_datetime;
  std::string author_meta, author_element;
  std::string site_name, og_url, canonical;

  void Take(const GumboNode* element) {
    const GumboTag tag = element->v.element.tag;
    if (tag == GUMBO_TAG_META) {
      TakeMeta(element);
    } else if (tag == GUMBO_TAG_LINK &&
               Lower(HtmlAttribute(element, "rel")) == "canonical") {
      canonical = std::string(HtmlAttribute(element, "href"));
    } else if (tag == GUMBO_TAG_TITLE && title_tag.empty()) {
      title_tag = HtmlNodeText(element);
    } else if (tag == GUMBO_TAG_TIME && time_datetime.empty()) {
      time_datetime = std::string(HtmlAttribute(element, "datetime"));
    } else if (author_element.empty() &&
               (Lower(HtmlAttribute(element, "rel")) == "author" ||
                Lower(HtmlAttribute(element, "itemprop")) == "author" ||
                Lower(HtmlAttribute(element, "class")).find("byline") !=
                    std::string::npos)) {
      const std::string text = StripBy(HtmlNodeText(element));
      if (!text.empty() && text.size() < 100) {
        author_element = text;
      }
    }
  }

  void TakeMeta(const GumboNode* element) {
    std::string key = Lower(HtmlAttribute(element, "property"));
    if (key.empty()) {
      key = Lower(HtmlAttribute(element, "name"));
    }
    if (key.empty()) {
      key = Lower(HtmlAttribute(element, "itemprop"));
    }
    const std::string value(HtmlAttribute(element, "content"));
    if (value.empty()) {
      return;
    }
    if (key == "og:title") {
      og_title = value;
    } else if (key == "article:published_time") {
      published = value;
    } else if (key == "date" || key == "pubdate" || key == "publish-date" ||
               key == "datepublished" || key == "dc.date") {
      date_meta = value;
    } else if ((key == "author" || key == "article:author") &&
               !value.starts_with("http")) {
      author_meta = StripBy(value);
    } else if (key == "og:site_name") {
      site_name = value;
    } else if (key == "og:url") {
      og_url = value;
    }
  }
};

std::string FirstNonEmpty(std::initializer_list<const std::string*> values) {
  for (const std::string* value : values) {
    if (!value->empty()) {
      return *value;
    }
  }
  return {};
}

// True when the first KiB declares a single-byte Western charset.
bool DeclaresLatin1(std::string_view html) {
  const std::string head = Lower(html.substr(0, 1024));
  const std::size_t at = head.find("charset=");
  if (at == std::string::npos) {
    return false;
  }
  const std::string_view value = std::string_view(head).substr(at + 8);
  for (std::string_view name : {"iso-8859-1", "\"iso-8859-1", "latin1",
                                "\"latin1", "windows-1252", "\"windows-1252"}) {
    if (value.starts_with(name)) {
      return true;
    }
  }
  return false;
}

}  // namespace

Article HtmlToArticle(std::string_view html) {
  GumboOutputPtr output(gumbo_parse_with_options(&kGumboDefaultOptions,
                                                 html.data(), html.size()));
  Article article;
  if (output == nullptr) {
    return article;
  }
  PageMeta meta;
  ForEachElement(output->document,
                 [&](const GumboNode* element) { meta.Take(element); });
  const GumboNode* root = FindContentRoot(output->document);
  ForEachElement(root, [&](const GumboNode* element) {
    if (meta.first_h1_in_root.empty() &&
        element->v.element.tag == GUMBO_TAG_H1) {
      meta.first_h1_in_root = HtmlNodeText(element);
    }
  });
  article.title =
      FirstNonEmpty({&meta.og_title, &meta.first_h1_in_root, &meta.title_tag});
  article.date =
      FirstNonEmpty({&meta.published, &meta.date_meta, &meta.time_datetime});
  article.author = FirstNonEmpty({&meta.author_meta, &meta.author_element});
  article.source = meta.site_name;
  article.url = FirstNonEmpty({&meta.og_url, &meta.canonical});
  article.text = ExtractParagraphs(root);
  // The headline opens most article bodies; it is already the title.
  const std::string_view first =
      std::string_view(article.text).substr(0, article.text.find("\n\n"));
  if (!article.title.empty() &&
      (first == article.title || first == meta.first_h1_in_root)) {
    article.text.erase(0, std::min(article.text.size(), first.size() + 2));
  }
  return article;
}

Status ReadHtml(InputStream& in, const ReaderOptions& options,
                const ReadCallback& emit) {
  std::string html;
  std::size_t full_size = 0;
  DOSSIER_RETURN_IF_ERROR(ReadWhole(in, options, &html, &full_size));
  if (full_size > options.max_record_bytes) {
    emit(MakeReject(
        in.name(),
        "file is " + std::to_string(full_size) + " bytes, over the " +
            std::to_string(options.max_record_bytes) + "-byte record limit",
        html, in.raw_bytes_read()));
    return Status::Ok();
  }
  std::string warning;
  if (FindInvalidUtf8(html) != std::string::npos) {
    if (DeclaresLatin1(html)) {
      html = Latin1ToUtf8(html);
      warning = in.name() + ": page is not UTF-8; read as Latin-1";
    } else {
      std::size_t replaced = 0;
      html = RepairUtf8(html, &replaced);
      warning = in.name() + ": invalid UTF-8 replaced with U+FFFD (" +
                std::to_string(replaced) + " bytes)";
    }
  }
  Article article = HtmlToArticle(html);
  article.origin = in.name();
  ReadItem item = FinishArticle(std::move(article), html,
                                "no article text found in the page", options,
                                in.raw_bytes_read());
  if (!warning.empty() && item.article.has_value()) {
    item.warnings.insert(item.warnings.begin(), warning);
  }
  emit(std::move(item));
  return Status::Ok();
}

}  // namespace dossier::indexer::internal
