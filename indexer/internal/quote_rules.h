// The attribution rules of the quote extractor, over the token stream of
// quote_lexer.h. FindQuoteCandidates returns each quote with its content,
// cue and speaker as token-free byte spans; resolving speakers to entities
// is left to the caller. Pure; thread-safe; linear in the token count
// (every rule looks at a bounded window around a cue).
#ifndef DOSSIER_INDEXER_INTERNAL_QUOTE_RULES_H_
#define DOSSIER_INDEXER_INTERNAL_QUOTE_RULES_H_

#include <string>
#include <vector>

#include "common/annotations.h"
#include "indexer/internal/quote_lexer.h"

namespace dossier::indexer::internal {

struct QuoteCandidate {
  Span content;
  Span cue;      // empty for a quotation attributed by continuation
  Span speaker;  // empty when the text names none
  QuoteKind kind = QuoteKind::kDirect;
  std::string rule;
  // Token range of the speaker within Lexed::tokens; first == last if none.
  std::uint32_t speaker_first = 0;
  std::uint32_t speaker_last = 0;
};

// Every quote in `lexed`, sorted by content begin.
std::vector<QuoteCandidate> FindQuoteCandidates(const Lexed& lexed);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_QUOTE_RULES_H_
