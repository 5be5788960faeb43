// 1. Scan the text once, word by word; a word matches when it equals an
//    exact term, or when a query stem is nearly a prefix of it and stemming
//    the word gives that stem (only those few words are stemmed).
// 2. Slide a window of the snippet's length over the matches and keep the
//    one with the most distinct terms, then the most matches.
// 3. Start the window a little before its first match, on a word boundary,
//    fold white space, and record the highlights in code points.
#include "query/internal/snippet.h"

#include <algorithm>
#include <set>

#include "common/utf8.h"

namespace dossier::query::internal {
namespace {

struct Match {
  std::size_t begin = 0;
  std::size_t end = 0;
  int term = 0;
};

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

// U+2000..U+206F (dashes, curly quotes, ellipsis) separate words.
bool IsPunctuationSequence(std::string_view text, std::size_t pos) {
  return pos + 2 < text.size() &&
         static_cast<unsigned char>(text[pos]) == 0xE2 &&
         (static_cast<unsigned char>(text[pos + 1]) == 0x80 ||
          static_cast<unsigned char>(text[pos + 1]) == 0x81);
}

std::size_t WordEnd(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (IsPunctuationSequence(text, pos)) {
      break;
    }
    if (IsWordByte(c)) {
      ++pos;
    } else if (c == '\'' && pos + 1 < text.size() &&
               IsWordByte(static_cast<unsigned char>(text[pos + 1]))) {
      ++pos;
    } else {
      break;
    }
  }
  return pos;
}

int MatchWord(const std::string& lower, const SnippetTerms& terms,
              const std::function<std::string(const std::string&)>& stem) {
  for (std::size_t i = 0; i < terms.exact.size(); ++i) {
    if (terms.exact[i] == lower) {
      return static_cast<int>(i);
    }
  }
  for (std::size_t i = 0; i < terms.stems.size(); ++i) {
    const std::string& s = terms.stems[i];
    if (lower == s) {
      return static_cast<int>(terms.exact.size() + i);
    }
    // Stems may differ from the word in their last letter (happi/happy).
    const std::size_t check = s.size() > 1 ? s.size() - 1 : s.size();
    if (lower.size() < check || lower.compare(0, check, s, 0, check) != 0) {
      continue;
    }
    if (stem(lower) == s) {
      return static_cast<int>(terms.exact.size() + i);
    }
  }
  return -1;
}

std::vector<Match> FindMatches(
    std::string_view text, const SnippetTerms& terms,
    const std::function<std::string(const std::string&)>& stem) {
  std::vector<Match> matches;
  std::string lower;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (!IsWordByte(c) || IsPunctuationSequence(text, pos)) {
      ++pos;
      continue;
    }
    const std::size_t end = WordEnd(text, pos);
    lower.assign(text.substr(pos, end - pos));
    for (char& ch : lower) {
      if (ch >= 'A' && ch <= 'Z') {
        ch = static_cast<char>(ch - 'A' + 'a');
      }
    }
    const int term = MatchWord(lower, terms, stem);
    if (term >= 0) {
      matches.push_back({pos, end, term});
    }
    pos = end;
  }
  return matches;
}

// Index of the first match of the best window, or 0.
std::size_t BestWindow(const std::vector<Match>& matches,
                       std::size_t window_bytes) {
  std::size_t best = 0;
  std::size_t best_score = 0;
  for (std::size_t first = 0; first < matches.size(); ++first) {
    std::set<int> distinct;
    std::size_t count = 0;
    for (std::size_t i = first; i < matches.size() &&
                                matches[i].end - matches[first].begin <=
                                    window_bytes;
         ++i) {
      distinct.insert(matches[i].term);
      ++count;
    }
    const std::size_t score = distinct.size() * 1000 + count;
    if (score > best_score) {
      best_score = score;
      best = first;
    }
  }
  return best;
}

std::size_t BackToWordStart(std::string_view text, std::size_t pos) {
  while (pos > 0 && !(text[pos - 1] == ' ' || text[pos - 1] == '\n')) {
    --pos;
  }
  return pos;
}

}  // namespace

Snippet MakeSnippet(
    std::string_view text, const SnippetTerms& terms, std::size_t length_chars,
    const std::function<std::string(const std::string&)>& stem) {
  const std::vector<Match> matches = FindMatches(text, terms, stem);
  std::size_t start = 0;
  // A text that fits whole is shown whole.
  if (!matches.empty() && text.size() > length_chars) {
    const Match& first = matches[BestWindow(matches, length_chars)];
    const std::size_t lead = length_chars / 5;
    start = first.begin > lead ? BackToWordStart(text, first.begin - lead) : 0;
  }
  Snippet snippet;
  if (start > 0) {
    snippet.text = "...";
  }
  std::uint32_t chars = static_cast<std::uint32_t>(snippet.text.size());
  auto next_match = std::lower_bound(
      matches.begin(), matches.end(), start,
      [](const Match& m, std::size_t pos) { return m.begin < pos; });
  std::size_t pos = start;
  bool last_space = true;
  std::uint32_t open_at = 0;
  bool in_match = false;
  std::size_t taken = 0;
  while (pos < text.size()) {
    if (!in_match && next_match != matches.end() && pos == next_match->begin) {
      in_match = true;
      open_at = chars;
    }
    if (in_match && pos == next_match->end) {
      snippet.highlights.emplace_back(open_at, chars);
      in_match = false;
      ++next_match;
    }
    if (taken >= length_chars && !in_match &&
        (text[pos] == ' ' || text[pos] == '\n')) {
      snippet.text += "...";
      break;
    }
    const std::size_t cp_start = pos;
    const char32_t cp = DecodeUtf8(text, &pos);
    const bool space = cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r';
    if (space) {
      if (!last_space) {
        snippet.text.push_back(' ');
        ++chars;
        ++taken;
      }
      last_space = true;
      continue;
    }
    last_space = false;
    snippet.text.append(text.substr(cp_start, pos - cp_start));
    ++chars;
    ++taken;
  }
  if (in_match) {
    snippet.highlights.emplace_back(open_at, chars);
  }
  while (!snippet.text.empty() && snippet.text.back() == ' ') {
    snippet.text.pop_back();
  }
  return snippet;
}

}  // namespace dossier::query::internal
