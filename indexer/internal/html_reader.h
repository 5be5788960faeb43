// Reads one HTML page as one article: its title, its main text without
// navigation and page chrome, and the metadata of its <meta> tags. Parsed
// with gumbo (HTML5 error recovery, so any tag soup yields a tree).
// Not thread-safe per InputStream; the functions themselves are reentrant.
#ifndef DOSSIER_INDEXER_INTERNAL_HTML_READER_H_
#define DOSSIER_INDEXER_INTERNAL_HTML_READER_H_

#include <string_view>

#include "common/article.h"
#include "common/status.h"
#include "indexer/archive_reader.h"
#include "indexer/internal/gzip_reader.h"

namespace dossier::indexer::internal {

// Emits one item for `in`, origin in.name(). Rejects:
//   no article text found in the page
//   file is N bytes, over the M-byte record limit
//   article is N bytes, over the M-byte limit
// Bytes that are not UTF-8 are read as Latin-1 when the page declares
// charset iso-8859-1/latin1/windows-1252, else repaired to U+FFFD; either
// way with a warning.
Status ReadHtml(InputStream& in, const ReaderOptions& options,
                const ReadCallback& emit);

// Extracts the article from a page (valid UTF-8). Fields:
//   title   og:title, else the first <h1> of the content, else <title>
//   text    the content root's blocks, one paragraph per block, blank line
//           between; the root is the <article> with the most paragraph
//           text, else <main> / role=main, else the element whose <p>
//           children carry the most text (parent gets a paragraph's
//           length, grandparent half). Inside it, page chrome is dropped:
//           nav/header/footer/aside/form/script/style/figure..., elements
//           whose role, class or id names navigation, menus, share bars,
//           related links, newsletters, ads or comments, link-dense blocks,
//           lists after a "More in ..."/"Related" heading, and lone
//           "Skip to content"/"Advertisement" lines.
//   date    article:published_time, else a date meta tag, else the first
//           <time datetime> (raw, not yet normalized)
//   author  author / article:author meta (not a URL), else rel=author or a
//           "byline"/"author" element, without a leading "By "
//   source  og:site_name;  url  og:url, else <link rel=canonical>
Article HtmlToArticle(std::string_view html);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_HTML_READER_H_
