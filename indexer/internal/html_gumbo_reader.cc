// Content extraction in two steps:
//   1. FindContentRoot: <article> with the most paragraph text, else <main>
//      or role=main, else the best density score (each <p> outside chrome
//      gives its length to its parent and half to its grandparent).
//   2. ExtractParagraphs: a depth-first walk that starts a paragraph at each
//      block element, skips chrome subtrees, link-dense blocks and the lists
//      after a "More in ..."-style heading, then drops lone boilerplate
//      lines ("Skip to content").
#include "indexer/internal/html_gumbo_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <vector>

namespace dossier::indexer::internal {
namespace {

constexpr std::array<GumboTag, 20> kChromeTags = {
    GUMBO_TAG_NAV,      GUMBO_TAG_HEADER,   GUMBO_TAG_FOOTER,
    GUMBO_TAG_ASIDE,    GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE,
    GUMBO_TAG_NOSCRIPT, GUMBO_TAG_FORM,     GUMBO_TAG_BUTTON,
    GUMBO_TAG_IFRAME,   GUMBO_TAG_SVG,      GUMBO_TAG_TEMPLATE,
    GUMBO_TAG_SELECT,   GUMBO_TAG_TEXTAREA, GUMBO_TAG_FIGURE,
    GUMBO_TAG_MENU,     GUMBO_TAG_OBJECT,   GUMBO_TAG_VIDEO,
    GUMBO_TAG_AUDIO,    GUMBO_TAG_HEAD};

constexpr std::array<std::string_view, 9> kChromeRoles = {
    "navigation", "banner",  "contentinfo", "complementary", "search",
    "menu",       "menubar", "dialog",      "toolbar"};

// Whole tokens of class and id values (split on blanks, "-" and "_").
constexpr std::array<std::string_view, 37> kChromeWords = {
    "byline",      "nav",       "navbar",        "navigation",  "menu",
    "share",       "sharing",   "social",        "related",     "breadcrumb",
    "breadcrumbs", "comment",   "comments",      "newsletter",  "subscribe",
    "promo",       "advert",    "advertisement", "ad",          "ads",
    "sponsor",     "sponsored", "cookie",        "cookies",     "sidebar",
    "skip",        "footer",    "header",        "masthead",    "toolbar",
    "popup",       "modal",     "signup",        "recommended", "trending",
    "outbrain",    "taboola"};

// Headings that introduce link lists rather than article text.
constexpr std::array<std::string_view, 12> kLinkListHeadings = {
    "more in",      "more from",   "more on",           "related",
    "read more",    "recommended", "you may also like", "most read",
    "most popular", "trending",    "see also",          "also read"};

// Whole paragraphs that are boilerplate.
constexpr std::array<std::string_view, 9> kBoilerplateLines = {
    "skip to content",
    "skip to main content",
    "advertisement",
    "share",
    "share this article",
    "print",
    "email",
    "comments",
    "jump to navigation"};

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return out;
}

bool IsElement(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

GumboTag Tag(const GumboNode* node) {
  return IsElement(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

const GumboVector& Children(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                           : node->v.element.children;
}

bool HasChildren(const GumboNode* node) {
  return IsElement(node) || node->type == GUMBO_NODE_DOCUMENT;
}

template <typename Fn>
void ForEachChild(const GumboNode* node, Fn fn) {
  if (!HasChildren(node)) {
    return;
  }
  const GumboVector& children = Children(node);
  for (unsigned int i = 0; i < children.length; ++i) {
    fn(static_cast<const GumboNode*>(children.data[i]));
  }
}

// Calls fn on every element under `node` (inclusive), depth first.
template <typename Fn>
void ForEachElement(const GumboNode* node, Fn fn) {
  std::vector<const GumboNode*> stack = {node};
  while (!stack.empty()) {
    const GumboNode* current = stack.back();
    stack.pop_back();
    if (IsElement(current)) {
      fn(current);
    }
    if (HasChildren(current)) {
      const GumboVector& children = Children(current);
      for (unsigned int i = children.length; i > 0; --i) {
        stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
      }
    }
  }
}

bool IsTextSkipped(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_NOSCRIPT;
}

std::size_t NonBlankBytes(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(),
                    [](unsigned char c) { return std::isspace(c) == 0; }));
}

// Appends the text under `node`, raw, each text node followed by a blank;
// *link_bytes (when given) counts the non-blank bytes inside <a>.
void RawText(const GumboNode* node, bool in_link, std::string* out,
             std::size_t* link_bytes) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    out->append(node->v.text.text);
    out->push_back(' ');
    if (in_link && link_bytes != nullptr) {
      *link_bytes += NonBlankBytes(node->v.text.text);
    }
    return;
  }
  if (IsTextSkipped(Tag(node))) {
    return;
  }
  const bool link = in_link || Tag(node) == GUMBO_TAG_A;
  ForEachChild(node, [&](const GumboNode* child) {
    RawText(child, link, out, link_bytes);
  });
}

std::string CollapseBlanks(std::string_view text) {
  std::string out;
  bool blank = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool nbsp = c == 0xC2 && i + 1 < text.size() &&
                      static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (std::isspace(c) != 0 || nbsp) {
      blank = !out.empty();
      i += nbsp ? 1 : 0;
      continue;
    }
    if (blank) {
      out += ' ';
      blank = false;
    }
    out += static_cast<char>(c);
  }
  return out;
}

// True when more than 60% of the text under `node` sits in links (menus,
// related-story lists, "Read more: ..." lines).
bool IsLinkDense(const GumboNode* node) {
  std::string text;
  std::size_t link_bytes = 0;
  RawText(node, false, &text, &link_bytes);
  const std::size_t text_bytes = NonBlankBytes(text);
  return text_bytes > 0 && link_bytes * 10 > text_bytes * 6;
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// Blocks that hold other blocks rather than running text.
bool IsContainer(GumboTag tag) {
  return tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN ||
         tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION ||
         tag == GUMBO_TAG_BODY;
}

bool IsHeading(GumboTag tag) {
  return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

// Blocks that may be link lists: judged by link density before descending.
bool IsListLike(GumboTag tag) {
  return tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DIV ||
         tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_TABLE ||
         tag == GUMBO_TAG_P || tag == GUMBO_TAG_DL;
}

bool IntroducesLinkList(const GumboNode* heading) {
  const std::string text = Lower(HtmlNodeText(heading));
  return std::any_of(
      kLinkListHeadings.begin(), kLinkListHeadings.end(),
      [&](std::string_view prefix) { return text.starts_with(prefix); });
}

bool HasChromeWord(std::string_view value) {
  const std::string lower = Lower(value);
  std::size_t pos = 0;
  while (pos < lower.size()) {
    const std::size_t end =
        std::min(lower.find_first_of(" \t\n-_", pos), lower.size());
    const std::string_view word =
        std::string_view(lower).substr(pos, end - pos);
    if (std::find(kChromeWords.begin(), kChromeWords.end(), word) !=
        kChromeWords.end()) {
      return true;
    }
    pos = end + 1;
  }
  return false;
}

// Step 2's walk: paragraphs accumulate in `paragraphs_`.
class ParagraphWalker {
 public:
  // The root is walked even if it looks like chrome: it was chosen as the
  // content.
  void WalkRoot(const GumboNode* root) {
    if (!HasChildren(root)) {
      return;
    }
    WalkChildren(root);
    Flush();
  }

  void Walk(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      current_ += node->v.text.text;
      return;
    }
    if (!HasChildren(node) || IsHtmlChrome(node) || IsTextSkipped(Tag(node))) {
      return;
    }
    const bool block = IsBlock(Tag(node));
    if (block) {
      Flush();
    }
    WalkChildren(node);
    if (block) {
      Flush();
    }
  }

  void WalkChildren(const GumboNode* node) {
    bool after_list_heading = false;
    ForEachChild(node, [&](const GumboNode* child) {
      const GumboTag child_tag = Tag(child);
      if (child_tag == GUMBO_TAG_TIME && IsContainer(Tag(node))) {
        return;  // a standalone publication date, already in metadata
      }
      if (IsHeading(child_tag) && IntroducesLinkList(child)) {
        after_list_heading = true;
        return;
      }
      if (IsElement(child) && IsListLike(child_tag) &&
          ((after_list_heading && child_tag != GUMBO_TAG_P) ||
           IsLinkDense(child))) {
        return;
      }
      if (IsElement(child) && !HtmlNodeText(child).empty()) {
        after_list_heading = false;
      }
      Walk(child);
    });
  }

  std::string Joined() {
    Flush();
    std::string out;
    for (const std::string& paragraph : paragraphs_) {
      out += out.empty() ? "" : "\n\n";
      out += paragraph;
    }
    return out;
  }

 private:
  void Flush() {
    std::string paragraph = CollapseBlanks(current_);
    current_.clear();
    const std::string lower = Lower(paragraph);
    if (paragraph.empty() ||
        std::find(kBoilerplateLines.begin(), kBoilerplateLines.end(), lower) !=
            kBoilerplateLines.end()) {
      return;
    }
    paragraphs_.push_back(std::move(paragraph));
  }

  std::string current_;
  std::vector<std::string> paragraphs_;
};

// Length of the text of <p> elements under `node`, chrome excluded.
std::size_t ParagraphTextBytes(const GumboNode* node) {
  std::size_t bytes = 0;
  ForEachElement(node, [&](const GumboNode* element) {
    if (Tag(element) == GUMBO_TAG_P) {
      bytes += HtmlNodeText(element).size();
    }
  });
  return bytes;
}

bool InsideChrome(const GumboNode* node) {
  for (const GumboNode* up = node->parent; up != nullptr; up = up->parent) {
    if (IsElement(up) && IsHtmlChrome(up)) {
      return true;
    }
  }
  return false;
}

const GumboNode* BestByDensity(const GumboNode* document,
                               const GumboNode* body) {
  std::map<const GumboNode*, double> score;
  ForEachElement(document, [&](const GumboNode* element) {
    if (Tag(element) != GUMBO_TAG_P || InsideChrome(element)) {
      return;
    }
    const double bytes = static_cast<double>(HtmlNodeText(element).size());
    const GumboNode* parent = element->parent;
    if (parent != nullptr && IsElement(parent)) {
      score[parent] += bytes;
      if (parent->parent != nullptr && IsElement(parent->parent)) {
        score[parent->parent] += bytes / 2;
      }
    }
  });
  const GumboNode* best = body;
  double best_score = 0;
  for (const auto& [node, value] : score) {
    if (value > best_score) {
      best = node;
      best_score = value;
    }
  }
  return best;
}

}  // namespace

std::string_view HtmlAttribute(const GumboNode* node, const char* name) {
  if (!IsElement(node)) {
    return {};
  }
  const GumboAttribute* attr =
      gumbo_get_attribute(&node->v.element.attributes, name);
  return attr == nullptr ? std::string_view() : std::string_view(attr->value);
}

std::string HtmlNodeText(const GumboNode* node) {
  std::string raw;
  RawText(node, false, &raw, nullptr);
  return CollapseBlanks(raw);
}

bool IsHtmlChrome(const GumboNode* node) {
  const GumboTag tag = Tag(node);
  if (std::find(kChromeTags.begin(), kChromeTags.end(), tag) !=
      kChromeTags.end()) {
    return true;
  }
  const std::string role = Lower(HtmlAttribute(node, "role"));
  if (std::find(kChromeRoles.begin(), kChromeRoles.end(), role) !=
      kChromeRoles.end()) {
    return true;
  }
  if (HtmlAttribute(node, "aria-hidden") == "true" ||
      gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr) {
    return true;
  }
  return HasChromeWord(HtmlAttribute(node, "class")) ||
         HasChromeWord(HtmlAttribute(node, "id"));
}

const GumboNode* FindContentRoot(const GumboNode* document) {
  const GumboNode* body = document;
  const GumboNode* best_article = nullptr;
  std::size_t best_article_bytes = 0;
  const GumboNode* main = nullptr;
  ForEachElement(document, [&](const GumboNode* element) {
    const GumboTag tag = Tag(element);
    if (tag == GUMBO_TAG_BODY) {
      body = element;
    } else if (tag == GUMBO_TAG_ARTICLE && !InsideChrome(element)) {
      const std::size_t bytes = ParagraphTextBytes(element);
      if (best_article == nullptr || bytes > best_article_bytes) {
        best_article = element;
        best_article_bytes = bytes;
      }
    } else if (main == nullptr && (tag == GUMBO_TAG_MAIN ||
                                   HtmlAttribute(element, "role") == "main")) {
      main = element;
    }
  });
  if (best_article != nullptr && best_article_bytes > 0) {
    return best_article;
  }
  if (main != nullptr) {
    return main;
  }
  return BestByDensity(document, body);
}

std::string ExtractParagraphs(const GumboNode* root) {
  ParagraphWalker walker;
  walker.WalkRoot(root);
  return walker.Joined();
}

}  // namespace dossier::indexer::internal
