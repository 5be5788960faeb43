// The tokenizer is one left-to-right scan:
//   1. A cheap pre-pass over the line breaks decides whether the text is
//      hard-wrapped (then single line breaks are mostly not sentence ends).
//   2. The main loop skips white space (remembering line breaks and
//      indentation), then reads one token: a URL or e-mail, a word (with the
//      inner '.', ',', '-' and apostrophes the header lists), a clitic "'s",
//      or one punctuation mark.
//   3. Before each token is appended, the sentence state left by the tokens
//      before it (terminator seen, abbreviation seen) and the white space in
//      between decide whether the current sentence ends there.
// Everything works on bytes with an ASCII fast path; non-ASCII code points
// are decoded only to classify them.
#include "indexer/tokenizer.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/utf8.h"

namespace dossier::indexer {
namespace {

struct CodePoint {
  char32_t cp = 0;
  std::uint32_t len = 0;  // bytes
};

CodePoint PeekAt(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) {
    return {0, 0};
  }
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    return {c, 1};
  }
  std::size_t next = pos;
  const char32_t cp = DecodeUtf8(text, &next);
  return {cp, static_cast<std::uint32_t>(next - pos)};
}

bool IsSpace(char32_t cp) {
  if (cp < 0x80) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
           cp == '\v';
  }
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
         cp == 0xFEFF;
}

bool IsAsciiAlpha(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}
bool IsDigit(char32_t cp) {
  return cp >= '0' && cp <= '9';
}
bool IsUpperAscii(char32_t cp) {
  return cp >= 'A' && cp <= 'Z';
}

// Letters and digits of any script. Non-ASCII code points count as letters
// unless they fall in a punctuation or symbol block.
bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return IsAsciiAlpha(cp) || IsDigit(cp);
  }
  if (cp <= 0xBF) {
    return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  }
  if (cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD) {
    return false;
  }
  if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F)) {
    return false;
  }
  return !IsSpace(cp);
}

bool IsLower(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
}

bool IsApostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019;
}
bool IsHyphen(char32_t cp) {
  return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

// Marks that may follow a terminator and still belong to its sentence.
bool IsCloser(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x2019 || cp == 0x201D || cp == ')' ||
         cp == ']' || cp == '}' || cp == 0xBB;
}

bool IsTerminator(std::string_view token) {
  return token == "." || token == "!" || token == "?" || token == "..." ||
         token == "\xE2\x80\xA6";
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') {
      x = static_cast<char>(x - 'A' + 'a');
    }
    if (y >= 'A' && y <= 'Z') {
      y = static_cast<char>(y - 'A' + 'a');
    }
    if (x != y) {
      return false;
    }
  }
  return true;
}

enum class AbbrevKind { kNone, kTitle, kOther };

// Titles precede a name, so the next capitalized word never opens a
// sentence; the others ("Inc.", "Jan.") may end one.
constexpr std::array<std::string_view, 27> kTitleAbbrevs = {
    "Mr",   "Mrs",  "Ms",   "Dr",  "Prof", "Gen", "Sen",  "Rep",    "Gov",
    "Lt",   "Col",  "Capt", "Sgt", "Rev",  "St",  "Mt",   "Ft",     "Hon",
    "Pres", "Supt", "Det",  "Maj", "Cmdr", "Adm", "Brig", "Messrs", "Mme"};
constexpr std::array<std::string_view, 30> kOtherAbbrevs = {
    "Inc", "Corp", "Ltd", "Co",  "Jr",     "Sr",   "Bros", "Plc",
    "Llc", "Jan",  "Feb", "Mar", "Apr",    "Jun",  "Jul",  "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec",    "Dept", "Univ", "Assn",
    "Ave", "Blvd", "etc", "vs",  "approx", "Nos"};

bool IsAllUpper(std::string_view word) {
  for (char c : word) {
    if (!(c >= 'A' && c <= 'Z')) {
      return false;
    }
  }
  return true;
}

AbbrevKind ListedAbbrev(std::string_view word) {
  for (std::string_view a : kTitleAbbrevs) {
    if (word == a) {
      return AbbrevKind::kTitle;
    }
  }
  for (std::string_view a : kOtherAbbrevs) {
    if (word == a || (EqualsIgnoringCase(word, a) && IsAllUpper(word))) {
      return AbbrevKind::kOther;  // "Inc" or, in headlines, "INC"
    }
  }
  return AbbrevKind::kNone;
}

// Words that typically open a sentence; after "U.S." or "Inc." they signal
// that the period was also the sentence's end.
constexpr std::array<std::string_view, 28> kSentenceOpeners = {
    "The", "A",   "An",    "He",    "She",   "It",        "They",
    "We",  "I",   "This",  "That",  "These", "Those",     "But",
    "And", "In",  "On",    "At",    "For",   "However",   "Its",
    "His", "Her", "Their", "There", "Our",   "Meanwhile", "Shares"};

bool IsSentenceOpener(std::string_view word) {
  for (std::string_view w : kSentenceOpeners) {
    if (word == w) {
      return true;
    }
  }
  return false;
}

bool StartsWith(std::string_view text, std::size_t pos, std::string_view p) {
  return text.size() - pos >= p.size() &&
         EqualsIgnoringCase(text.substr(pos, p.size()), p);
}

// Length in bytes of a URL starting at `pos`, or 0.
std::size_t UrlLength(std::string_view text, std::size_t pos) {
  // Every token start comes here; most are not h or w.
  const char first = pos < text.size() ? text[pos] : '\0';
  if (first != 'h' && first != 'H' && first != 'w' && first != 'W') {
    return 0;
  }
  if (!StartsWith(text, pos, "http://") && !StartsWith(text, pos, "https://") &&
      !StartsWith(text, pos, "www.")) {
    return 0;
  }
  std::size_t end = pos;
  while (end < text.size()) {
    const auto c = static_cast<unsigned char>(text[end]);
    if (c <= ' ' || c == '"' || c == '<' || c == '>' || c >= 0x80) {
      break;
    }
    ++end;
  }
  while (end > pos) {
    const char c = text[end - 1];
    if (c != '.' && c != ',' && c != ';' && c != ':' && c != '!' && c != '?' &&
        c != ')' && c != ']' && c != '\'') {
      break;
    }
    --end;
  }
  return end - pos;
}

bool IsEmailLocalChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' ||
         c == '+' || c == '-';
}

// Length in bytes of an e-mail address starting at `pos`, or 0.
std::size_t EmailLength(std::string_view text, std::size_t pos) {
  std::size_t at = pos;
  while (at < text.size() && IsEmailLocalChar(text[at])) {
    ++at;
  }
  if (at == pos || at >= text.size() || text[at] != '@') {
    return 0;
  }
  std::size_t end = at + 1;
  while (end < text.size()) {
    const char c = text[end];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9');
    if (!alnum && c != '-' && c != '.') {
      break;
    }
    ++end;
  }
  while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) {
    --end;
  }
  const std::string_view domain = text.substr(at + 1, end - at - 1);
  const std::size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) {
    return 0;
  }
  return end - pos;
}

struct WordScan {
  std::size_t end = 0;
  bool dotted = false;  // has an inner '.' between letters ("U.S")
};

// Number of ASCII letters starting at `pos`, stopping at 3.
int ShortLetterRun(std::string_view text, std::size_t pos) {
  int n = 0;
  while (pos + n < text.size() && n < 3 &&
         IsAsciiAlpha(static_cast<unsigned char>(text[pos + n]))) {
    ++n;
  }
  return n;
}

// Reads a word starting at `pos` (a word character) and returns where it
// ends. Inner connectors are kept when the header's rules allow.
WordScan ScanWord(std::string_view text, std::size_t pos) {
  WordScan scan;
  std::size_t i = pos;
  std::size_t segment_start = pos;  // after the last inner '.'
  char32_t prev = 0;
  while (i < text.size()) {
    const CodePoint c = PeekAt(text, i);
    if (IsWordChar(c.cp)) {
      prev = c.cp;
      i += c.len;
      continue;
    }
    const CodePoint next = PeekAt(text, i + c.len);
    if (!IsWordChar(next.cp)) {
      break;
    }
    if (IsHyphen(c.cp)) {
      prev = c.cp;
      i += c.len;
      continue;
    }
    if (c.cp == '.') {
      if (IsDigit(prev) && IsDigit(next.cp)) {
        i += 1;
        continue;
      }
      const std::size_t seg = i - segment_start;
      const int run = ShortLetterRun(text, i + 1);
      if (seg >= 1 && seg <= 2 && IsAsciiAlpha(prev) && run >= 1 && run <= 2 &&
          i + 1 + run < text.size() && text[i + 1 + run] == '.') {
        scan.dotted = true;
        i += 1;
        segment_start = i;
        continue;
      }
      break;
    }
    if (c.cp == ',') {
      if (IsDigit(prev) && i + 3 < text.size() && IsDigit(next.cp) &&
          IsDigit(static_cast<unsigned char>(text[i + 2])) &&
          IsDigit(static_cast<unsigned char>(text[i + 3])) &&
          (i + 4 >= text.size() ||
           !IsDigit(static_cast<unsigned char>(text[i + 4])))) {
        i += 1;
        continue;
      }
      break;
    }
    if (IsApostrophe(c.cp)) {
      // "Alibaba's": stop so that "'s" becomes its own token.
      if ((next.cp == 's' || next.cp == 'S') &&
          !IsWordChar(PeekAt(text, i + c.len + 1).cp)) {
        break;
      }
      if (IsWordChar(prev) && !IsDigit(prev)) {
        prev = c.cp;
        i += c.len;
        continue;
      }
      break;
    }
    if (c.cp == '&' && IsUpperAscii(prev) && IsUpperAscii(next.cp)) {
      i += 1;  // AT&T, S&P
      continue;
    }
    break;
  }
  scan.end = i;
  return scan;
}

// The sentence bookkeeping of the scan.
class SentenceBuilder {
 public:
  explicit SentenceBuilder(ArticleAnalysis* out) : out_(out) {}

  void Close() {
    const auto count = static_cast<std::uint32_t>(out_->tokens.size()) - first_;
    if (count == 0) {
      return;
    }
    Sentence s;
    s.first_token = first_;
    s.token_count = count;
    s.span = {out_->tokens[first_].span.begin, out_->tokens.back().span.end};
    out_->sentences.push_back(s);
    first_ = static_cast<std::uint32_t>(out_->tokens.size());
    end_pending_ = false;
    abbrev_pending_ = false;
  }

  bool open() const { return out_->tokens.size() > first_; }

  // Decides, from the state the earlier tokens left, whether `token`
  // (starting with `first`) opens a new sentence, then appends it.
  void Add(Span span, std::string_view token, char32_t first, bool space,
           bool closer) {
    if (end_pending_) {
      if (!space && (closer || IsTerminator(token))) {
        Append(span);
        return;  // still pending: ." or ?!
      }
      // A comma or semicolon right after the period continues the
      // sentence: the period was an abbreviation's ("Tampa, Fla., the").
      if (!IsLower(first) && first != ',' && first != ';') {
        Close();
      }
    } else if (abbrev_pending_ && IsSentenceOpener(token)) {
      Close();
    }
    end_pending_ = IsTerminator(token);
    abbrev_pending_ = false;
    Append(span);
  }

  void MarkAbbreviation() { abbrev_pending_ = true; }

 private:
  void Append(Span span) { out_->tokens.push_back(Token{span}); }

  ArticleAnalysis* out_;
  std::uint32_t first_ = 0;
  bool end_pending_ = false;
  bool abbrev_pending_ = false;
};

// Hard-wrapped text breaks most lines mid-sentence: many single line
// breaks, a good share of them followed by a lower-case word.
bool LooksHardWrapped(std::string_view text) {
  int single = 0;
  int lower_next = 0;
  std::size_t pos = text.find('\n');
  while (pos != std::string_view::npos) {
    std::size_t next = pos + 1;
    while (next < text.size() &&
           (text[next] == ' ' || text[next] == '\t' || text[next] == '\r')) {
      ++next;
    }
    if (next < text.size() && text[next] != '\n') {
      ++single;
      if (IsLower(PeekAt(text, next).cp)) {
        ++lower_next;
      }
    }
    pos = text.find('\n', next);
  }
  return lower_next >= 2 && lower_next * 5 >= single;
}

constexpr std::size_t kShortLineBytes = 40;

}  // namespace

bool IsTitleAbbreviation(std::string_view word) {
  return ListedAbbrev(word) == AbbrevKind::kTitle;
}

void Tokenize(std::string_view text, ArticleAnalysis* out) {
  out->tokens.clear();
  out->sentences.clear();
  out->tokens.reserve(text.size() / 5 + 1);
  const bool wrapped = LooksHardWrapped(text);
  SentenceBuilder sentences(out);
  std::size_t line_start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    // White space: count line breaks; note the length of the line they end
    // and any indentation of the line they open.
    int newlines = 0;
    bool space = false;
    std::size_t ended_line_bytes = 0;
    bool indented = false;
    while (i < text.size()) {
      const CodePoint c = PeekAt(text, i);
      if (!IsSpace(c.cp)) {
        break;
      }
      space = true;
      if (c.cp == '\n') {
        if (newlines == 0) {
          ended_line_bytes = i - line_start;
        }
        ++newlines;
        line_start = i + 1;
        indented = false;
      } else if (newlines > 0 && (c.cp == ' ' || c.cp == '\t')) {
        indented = indented || i + 1 - line_start >= 2;
      }
      i += c.len;
    }
    if (i >= text.size()) {
      break;
    }
    if (newlines > 0 && sentences.open()) {
      const bool paragraph = newlines >= 2 || indented;
      if (paragraph || !wrapped || ended_line_bytes < kShortLineBytes) {
        sentences.Close();
      }
    }

    const CodePoint c = PeekAt(text, i);
    std::size_t end = i + c.len;
    bool abbreviation = false;
    if (const std::size_t url = UrlLength(text, i); url > 0) {
      end = i + url;
    } else if (const std::size_t mail =
                   IsWordChar(c.cp) ? EmailLength(text, i) : 0;
               mail > 0) {
      end = i + mail;
    } else if (IsWordChar(c.cp)) {
      const WordScan scan = ScanWord(text, i);
      end = scan.end;
      if (end < text.size() && text[end] == '.' &&
          !(end + 1 < text.size() && text[end + 1] == '.')) {
        const std::string_view word = text.substr(i, end - i);
        const bool initial = word.size() == 1 && IsUpperAscii(c.cp);
        const AbbrevKind kind = ListedAbbrev(word);
        if (scan.dotted || initial || kind != AbbrevKind::kNone) {
          ++end;
          abbreviation = !initial && kind != AbbrevKind::kTitle;
        }
      }
    } else if (IsApostrophe(c.cp) &&
               (PeekAt(text, end).cp == 's' || PeekAt(text, end).cp == 'S') &&
               !space && !IsWordChar(PeekAt(text, end + 1).cp)) {
      end += 1;  // the clitic "'s"
    } else if (c.cp == '.' || c.cp == '-') {
      while (end < text.size() && text[end] == static_cast<char>(c.cp)) {
        ++end;
      }
    }
    const std::string_view token = text.substr(i, end - i);
    sentences.Add(
        Span{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end)},
        token, c.cp, space, IsCloser(c.cp));
    if (abbreviation) {
      sentences.MarkAbbreviation();
    }
    i = end;
  }
  sentences.Close();
}

}  // namespace dossier::indexer
