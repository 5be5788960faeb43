// The token stream the quote extractor and the entity resolver reason over:
// words and punctuation with byte spans, which quotation (if any) each token
// lies in, and sentence and paragraph numbers. Built in one linear pass; it
// does not depend on the tokenizer stage so that quotes work on any text.
// Pure functions; thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_QUOTE_LEXER_H_
#define DOSSIER_INDEXER_INTERNAL_QUOTE_LEXER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/annotations.h"

namespace dossier::indexer::internal {

enum class TokKind {
  kWord,        // letters/digits, with inner apostrophes, hyphens, "U.S."
  kPunct,       // one punctuation character (",", ".", ":", "—", ...)
  kQuoteOpen,   // a quotation mark that opens a quotation
  kQuoteClose,  // a quotation mark that closes one
  kQuoteStray,  // a quotation mark that neither opens nor closes
};

struct QToken {
  Span span;
  TokKind kind = TokKind::kWord;
  std::string lower;         // ASCII-lowercased word, or the punctuation itself
  bool capitalized = false;  // first character is an ASCII capital letter
  int quote = -1;            // index into Lexed::quotes when inside one
  int mark_of = -1;          // for an opening/closing mark: its quotation
  std::uint32_t sentence = 0;
  std::uint32_t paragraph = 0;
};

// One quotation: the tokens strictly between its marks. A quotation whose
// paragraph ends while it is open continues into the next paragraph only
// when that paragraph opens with a quotation mark; otherwise it is cut at
// the paragraph end (`balanced` false), so a stray mark never swallows the
// rest of the article.
struct QuoteRegion {
  std::uint32_t open_tok = 0;   // index of the opening mark
  std::uint32_t close_tok = 0;  // index of the closing mark, or one past the
                                // last token of the paragraph when unbalanced
  Span content;                 // bytes between the marks
  bool balanced = true;
};

struct Lexed {
  std::vector<QToken> tokens;
  std::vector<QuoteRegion> quotes;
  std::vector<std::uint32_t> sentence_first;  // first token of each sentence
};

// Splits `text` into tokens, quotations and sentences.
Lexed Lex(std::string_view text);

// True for a token that ends a sentence-level clause (". ! ?").
bool IsSentenceEndPunct(const QToken& token);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_QUOTE_LEXER_H_
