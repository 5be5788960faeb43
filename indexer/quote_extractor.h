// Quote extraction: who said what in one article. Finds direct quotations
// (straight or curly marks, across sentences and paragraphs, partial
// quotations inside a sentence), indirect speech ("X said that ...",
// "according to X, ...", "..., X said.") and mixed quotes, and attributes
// each to the speaker mention next to its reporting verb, resolved through
// in-article coreference to the entity's full name.
// Pure functions of their inputs; thread-safe; linear in the text length.
#ifndef DOSSIER_INDEXER_QUOTE_EXTRACTOR_H_
#define DOSSIER_INDEXER_QUOTE_EXTRACTOR_H_

#include <string_view>

#include "common/annotations.h"

namespace dossier::indexer {

// Appends the quotes of `text` to analysis->quotes, in text order of their
// content. Uses analysis->mentions and analysis->entities when present
// (run ResolveEntities first) to fill Quote::speaker_entity and
// speaker_name. A named speaker no entity covers takes the fullest
// capitalized form the article uses ("Konwinski" -> "Andy Konwinski");
// without any entities, "he"/"she" take the last named speaker's name.
// Every quote has a non-empty content span inside `text`; Quote::rule names
// the rule that fired ("direct-before-cue", "indirect-after-cue", ...).
// REQUIRES: spans in *analysis point into `text`.
void ExtractQuotes(std::string_view text, ArticleAnalysis* analysis);

// The full name of the speaker written at `span`, found the way
// ExtractQuotes names its speakers: the entity the span resolves to; else
// (no entities) the fullest capitalized form of a name, or for "he"/"she"
// the name of the last named speaker of analysis.quotes before `span`.
// Empty when unknown. Used to score speakers written differently from the
// gold ("he" vs "Konwinski"). O(text length).
// REQUIRES: ExtractQuotes ran on `text` and `analysis`.
std::string ResolveSpeakerName(std::string_view text,
                               const ArticleAnalysis& analysis, Span span);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_QUOTE_EXTRACTOR_H_
