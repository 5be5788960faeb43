// Turns the tagger's BIO labels over an article into Mentions and applies
// the document-level rules that CoNLL training cannot teach (see the .cc
// for the list). Pure function; thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_NER_POSTPROCESS_H_
#define DOSSIER_INDEXER_INTERNAL_NER_POSTPROCESS_H_

#include <string_view>
#include <vector>

#include "common/annotations.h"

namespace dossier::indexer::internal {

// `words` are the tagger's words (ASCII-normalized token texts), parallel to
// analysis->tokens, and `labels` their BIO labels. Appends the mentions to
// analysis->mentions, in text order.
void AppendMentions(std::string_view text,
                    const std::vector<std::string_view>& words,
                    const std::vector<int>& labels, ArticleAnalysis* analysis);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_NER_POSTPROCESS_H_
