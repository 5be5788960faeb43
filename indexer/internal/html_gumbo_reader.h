// Page-content extraction over a gumbo tree, for html_reader.cc: finding
// the element that holds the article and turning it into paragraphs while
// dropping page chrome. The rules are listed at HtmlToArticle in
// html_reader.h. Pure; thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_HTML_GUMBO_READER_H_
#define DOSSIER_INDEXER_INTERNAL_HTML_GUMBO_READER_H_

#include <gumbo.h>

#include <string>
#include <string_view>

namespace dossier::indexer::internal {

// Value of attribute `name` of element `node`, or "" (also for non-elements).
std::string_view HtmlAttribute(const GumboNode* node, const char* name);

// Text of the subtree, blanks collapsed to single spaces and trimmed;
// script/style/template content excluded.
std::string HtmlNodeText(const GumboNode* node);

// True when `node` is page chrome by its tag, role, class, id or hidden
// attributes (not by its text).
bool IsHtmlChrome(const GumboNode* node);

// The element holding the article text (never null for a parsed document).
const GumboNode* FindContentRoot(const GumboNode* document);

// The paragraphs of `root` joined by blank lines.
std::string ExtractParagraphs(const GumboNode* root);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_HTML_GUMBO_READER_H_
