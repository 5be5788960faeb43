#include "indexer/internal/quote_lexer.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "common/utf8.h"

// Three passes, each linear:
//   1. characters -> word / punctuation / quotation-mark tokens, with
//      paragraph numbers (a newline ends a paragraph);
//   2. quotation marks -> open / close, paragraph by paragraph (see
//      QuoteRegion for the continuation rule);
//   3. sentence numbers: a sentence ends at ". ! ?" (possibly followed by a
//      closing mark) when the next token starts with a capital, a digit or a
//      quotation mark, and at every paragraph end.

namespace dossier::indexer::internal {
namespace {

enum class CharClass { kSpace, kNewline, kLetter, kApostrophe, kQuote, kPunct };

CharClass ClassifySlow(char32_t cp) {
  if (cp == '\n') {
    return CharClass::kNewline;
  }
  if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v' ||
      cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
      cp == 0x3000 || cp == 0xFEFF) {
    return CharClass::kSpace;
  }
  if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
      cp == 0x201F || cp == 0xAB || cp == 0xBB) {
    return CharClass::kQuote;
  }
  if (cp == '\'' || cp == 0x2018 || cp == 0x2019) {
    return CharClass::kApostrophe;
  }
  if (cp < 0x80) {
    const bool alnum = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                       (cp >= '0' && cp <= '9');
    return alnum ? CharClass::kLetter : CharClass::kPunct;
  }
  // General punctuation block (dashes, ellipsis, bullets) and a few symbols.
  if ((cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) ||
      cp == 0xB7 || cp == 0xA7 || cp == 0xB6) {
    return CharClass::kPunct;
  }
  return CharClass::kLetter;
}

// The lexer classifies every character of every article, nearly all ASCII:
// those by table.
const std::array<CharClass, 128> kAsciiClass = [] {
  std::array<CharClass, 128> classes{};
  for (char32_t cp = 0; cp < 128; ++cp) {
    classes[cp] = ClassifySlow(cp);
  }
  return classes;
}();

inline CharClass Classify(char32_t cp) {
  return cp < 128 ? kAsciiClass[cp] : ClassifySlow(cp);
}

// Abbreviations whose trailing period belongs to the word ("Mr.", "Sen.").
// Sorted for binary search.
constexpr std::array<std::string_view, 37> kAbbreviations = {
    "apr", "aug", "capt", "co",  "col", "corp", "dec", "dept", "dr",  "feb",
    "ft",  "gen", "gov",  "hon", "inc", "jan",  "jr",  "lt",   "ltd", "maj",
    "mr",  "mrs", "ms",   "mt",  "no",  "nov",  "oct", "prof", "rep", "rev",
    "sen", "sep", "sept", "sgt", "sr",  "st",   "vs"};
static_assert(std::is_sorted(kAbbreviations.begin(), kAbbreviations.end()));

struct Scanner {
  std::string_view text;
  std::size_t pos = 0;

  char32_t Peek(std::size_t at, std::size_t* next) const {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      *next = at + 1;
      return byte;
    }
    std::size_t p = at;
    const char32_t cp = DecodeUtf8(text, &p);
    *next = p;
    return cp;
  }
  CharClass ClassAt(std::size_t at) const {
    if (at >= text.size()) {
      return CharClass::kSpace;
    }
    std::size_t next = 0;
    return Classify(Peek(at, &next));
  }
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// Scans a word starting at scanner.pos and returns its end.
std::size_t ScanWord(const Scanner& sc, std::size_t begin) {
  std::size_t pos = begin;
  std::size_t segment_begin = begin;  // since the last inner period
  while (pos < sc.text.size()) {
    std::size_t next = 0;
    const CharClass cls = Classify(sc.Peek(pos, &next));
    if (cls == CharClass::kLetter) {
      pos = next;
      continue;
    }
    const bool joins_next = sc.ClassAt(next) == CharClass::kLetter;
    if (cls == CharClass::kApostrophe && joins_next) {
      pos = next;
      continue;
    }
    if (sc.text[pos] == '-' && joins_next) {
      pos = next;
      continue;
    }
    if (sc.text[pos] == '.' && joins_next) {
      pos = next;  // "Ph.D.", "e.g.": a period inside a word
      segment_begin = pos;
      continue;
    }
    if (sc.text[pos] == '.') {
      const std::string_view segment =
          sc.text.substr(segment_begin, pos - segment_begin);
      const bool initial = segment.size() == 1 &&
                           std::isalpha(static_cast<unsigned char>(segment[0]));
      if (initial || std::binary_search(kAbbreviations.begin(),
                                        kAbbreviations.end(), Lower(segment))) {
        pos = next;
        segment_begin = pos;
        if (joins_next) {
          continue;
        }
      }
    }
    break;
  }
  return pos;
}

bool IsOpeningMark(std::string_view mark) {
  return mark == "\xe2\x80\x9c" || mark == "\xe2\x80\x9e" || mark == "\xc2\xab";
}
bool IsClosingMark(std::string_view mark) {
  return mark == "\xe2\x80\x9d" || mark == "\xc2\xbb";
}

void Tokenize(std::string_view text, Lexed* out) {
  Scanner sc{text, 0};
  std::uint32_t paragraph = 0;
  bool paragraph_has_tokens = false;
  while (sc.pos < text.size()) {
    std::size_t next = 0;
    const CharClass cls = Classify(sc.Peek(sc.pos, &next));
    if (cls == CharClass::kNewline) {
      if (paragraph_has_tokens) {
        ++paragraph;
        paragraph_has_tokens = false;
      }
      sc.pos = next;
      continue;
    }
    if (cls == CharClass::kSpace) {
      sc.pos = next;
      continue;
    }
    QToken token;
    token.paragraph = paragraph;
    std::size_t end = next;
    if (cls == CharClass::kLetter) {
      end = ScanWord(sc, sc.pos);
      token.kind = TokKind::kWord;
    } else if (cls == CharClass::kQuote) {
      token.kind = TokKind::kQuoteStray;  // direction decided in pass 2
    } else if (text[sc.pos] == '\'' && next < text.size() &&
               text[next] == '\'') {
      // Two apostrophes: the double quotation mark of some newswires.
      token.kind = TokKind::kQuoteStray;
      end = next + 1;
    } else {
      token.kind = TokKind::kPunct;
    }
    token.span = {static_cast<std::uint32_t>(sc.pos),
                  static_cast<std::uint32_t>(end)};
    token.lower = Lower(text.substr(sc.pos, end - sc.pos));
    token.capitalized = text[sc.pos] >= 'A' && text[sc.pos] <= 'Z';
    out->tokens.push_back(std::move(token));
    paragraph_has_tokens = true;
    sc.pos = end;
  }
}

// Pass 2. `open` is the index of the pending opening mark, or -1.
void PairQuotes(Lexed* out) {
  std::vector<QToken>& toks = out->tokens;
  long open = -1;
  const auto close_at = [&](std::size_t close_idx, bool balanced) {
    QuoteRegion region;
    region.open_tok = static_cast<std::uint32_t>(open);
    region.close_tok = static_cast<std::uint32_t>(close_idx);
    region.balanced = balanced;
    region.content.begin = toks[open].span.end;
    region.content.end =
        balanced ? toks[close_idx].span.begin : toks[close_idx - 1].span.end;
    const int id = static_cast<int>(out->quotes.size());
    for (std::size_t k = open + 1; k < close_idx; ++k) {
      toks[k].quote = id;
    }
    toks[open].mark_of = id;
    if (balanced) {
      toks[close_idx].mark_of = id;
    }
    out->quotes.push_back(region);
    open = -1;
  };
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const bool new_paragraph =
        i > 0 && toks[i].paragraph != toks[i - 1].paragraph;
    if (new_paragraph && open >= 0) {
      const bool continues =
          toks[i].kind == TokKind::kQuoteStray && !IsClosingMark(toks[i].lower);
      if (continues) {
        continue;  // the mark re-opening the quotation stays stray
      }
      close_at(i, false);
    }
    if (toks[i].kind != TokKind::kQuoteStray) {
      continue;
    }
    const std::string_view mark = toks[i].lower;
    if (open < 0) {
      if (!IsClosingMark(mark)) {
        toks[i].kind = TokKind::kQuoteOpen;
        open = static_cast<long>(i);
      }
    } else if (IsOpeningMark(mark) && IsOpeningMark(toks[open].lower)) {
      // Two curly openers in a row: the first lost its closer.
      toks[open].kind = TokKind::kQuoteStray;
      toks[i].kind = TokKind::kQuoteOpen;
      open = static_cast<long>(i);
    } else {
      toks[i].kind = TokKind::kQuoteClose;
      close_at(i, true);
    }
  }
  if (open >= 0) {
    if (static_cast<std::size_t>(open) + 1 < toks.size()) {
      close_at(toks.size(), false);
    } else {
      toks[open].kind = TokKind::kQuoteStray;
    }
  }
}

// Pass 3.
void NumberSentences(Lexed* out) {
  std::vector<QToken>& toks = out->tokens;
  std::uint32_t sentence = 0;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    bool starts = i == 0;
    if (i > 0 && toks[i].paragraph != toks[i - 1].paragraph) {
      starts = true;
    } else if (i > 0) {
      std::size_t prev = i - 1;
      if (toks[prev].kind == TokKind::kQuoteClose && prev > 0) {
        --prev;
      }
      const QToken& cur = toks[i];
      const bool next_ok = cur.capitalized || cur.kind == TokKind::kQuoteOpen ||
                           (cur.kind == TokKind::kWord && cur.lower[0] >= '0' &&
                            cur.lower[0] <= '9');
      starts = IsSentenceEndPunct(toks[prev]) && next_ok;
    }
    if (starts && i > 0) {
      ++sentence;
    }
    if (starts) {
      out->sentence_first.push_back(static_cast<std::uint32_t>(i));
    }
    toks[i].sentence = sentence;
  }
}

}  // namespace

bool IsSentenceEndPunct(const QToken& token) {
  return token.kind == TokKind::kPunct &&
         (token.lower == "." || token.lower == "!" || token.lower == "?" ||
          token.lower == "\xe2\x80\xa6");
}

Lexed Lex(std::string_view text) {
  Lexed out;
  out.tokens.reserve(text.size() / 5 + 1);
  Tokenize(text, &out);
  PairQuotes(&out);
  NumberSentences(&out);
  return out;
}

}  // namespace dossier::indexer::internal
