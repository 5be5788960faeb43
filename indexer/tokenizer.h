// Tokenizer: splits English news text into tokens and sentences (byte
// offsets into the text), in one pass with no regex and no allocation beyond
// the output vectors. Pure function of its input; thread-safe.
//
// Token rules (Penn-Treebank-like, close to the CoNLL-2003 tokenization the
// NER model is trained on):
//   - words keep inner hyphens ("co-founder", "Jean-Pierre"), inner
//     apostrophes ("don't", "O'Brien") and accented letters (UTF-8);
//   - the possessive clitic is split: "Alibaba's" -> "Alibaba" "'s" (also
//     with U+2019), and a trailing plural possessive "firms'" -> "firms" "'";
//   - numbers keep decimal points and thousands commas ("3.5", "1,000");
//     currency signs and "%" are their own tokens ("$" "3.5" "billion");
//   - abbreviations keep their period: dotted forms ("U.S.", "Ph.D.",
//     "a.m."), single-letter initials ("J." "K." "Rowling") and a fixed list
//     (Mr. Dr. Inc. Corp. Jan. ...);
//   - URLs (http://, https://, www.) and e-mail addresses are one token;
//   - every quote mark, straight or curly, is its own token; so is every
//     other punctuation mark, except runs of "." / "-" ("...", "--").
// Sentence rules:
//   - ".", "!", "?", "..." end a sentence, together with the closing quotes
//     and brackets right after them, unless the next word is lower-case
//     ("'Really?' he asked" stays one sentence);
//   - a comma inside a closing quote never ends one ("...advantage," he
//     said.);
//   - a blank line (paragraph break) always ends one; so does a single line
//     break, except in hard-wrapped text (most lines broken mid-sentence, as
//     in Reuters SGML) where only short lines (headlines, datelines) do;
//   - an abbreviation ends a sentence only when it cannot be a title or an
//     initial and the next word is a typical sentence opener ("...in the
//     U.S. The company...").
#ifndef DOSSIER_INDEXER_TOKENIZER_H_
#define DOSSIER_INDEXER_TOKENIZER_H_

#include <string_view>

#include "common/annotations.h"

namespace dossier::indexer {

// Replaces out->tokens and out->sentences with the tokens and sentences of
// `text`. Every token lies inside exactly one sentence; sentences are in
// order and cover all tokens. Invalid UTF-8 bytes are tokenized as symbols.
void Tokenize(std::string_view text, ArticleAnalysis* out);

// True for a title abbreviation written without its period ("Mr", "Sen",
// "Messrs"): the period after it belongs to it and ends no sentence, and a
// name follows.
bool IsTitleAbbreviation(std::string_view word);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_TOKENIZER_H_
