// Reads Reuters-21578 SGML: many <REUTERS ...> records per file, Latin-1,
// not strictly valid SGML. Streams record by record (memory bounded by
// ReaderOptions::max_record_bytes). Not thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_SGML_READER_H_
#define DOSSIER_INDEXER_INTERNAL_SGML_READER_H_

#include <string>
#include <string_view>

#include "common/article.h"
#include "common/status.h"
#include "indexer/archive_reader.h"
#include "indexer/internal/gzip_reader.h"

namespace dossier::indexer::internal {

// Emits one item per <REUTERS> record, origin "<in.name()>:<line>" of the
// line the record starts on. Each article has:
//   id      "reuters-<NEWID>" ("reuters-l<line>" if NEWID is missing)
//   title   <TITLE>, whitespace collapsed
//   text    "<DATELINE> - <BODY>", the body's hard-wrapped lines joined and
//           its indented lines starting new paragraphs (blank line between),
//           the closing "Reuter" sign-off dropped. Without a BODY: the
//           unprocessed <TEXT> as is (tables), else the title (the "BRIEF"
//           records whose text is only "Blah blah blah.").
//   date    <DATE> ("26-FEB-1987 15:01:01.79") in ISO-8601
//   author  <AUTHOR> without "By " and ", Reuters"
//   source  "Reuters"
// Rejects:
//   record has no body, title or text
//   record has no closing </REUTERS> tag
//   record is over the M-byte record limit
Status ReadSgml(InputStream& in, const ReaderOptions& options,
                const ReadCallback& emit);

// Turns one record, from "<REUTERS" to "</REUTERS>" and already converted to
// UTF-8, into an article with the raw date in `date` (not yet normalized;
// origin and id-less fields as described above). Exposed for tests.
Article SgmlRecordToArticle(std::string_view record);

// Decodes &lt; &gt; &amp; &quot; &apos; and &#N; and drops control
// characters other than "\n" and "\t" (Reuters marks records with &#2;,
// &#3; ...). Unknown entities are kept as written.
std::string DecodeSgmlText(std::string_view text);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_SGML_READER_H_
