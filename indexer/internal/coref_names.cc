#include "indexer/internal/coref_names.h"

#include <algorithm>
#include <array>

namespace dossier::indexer::internal {
namespace {

// Sorted for binary search.
constexpr std::array<std::string_view, 30> kTitles = {
    "chancellor", "dame",      "dr",        "former",  "gen",       "gov",
    "governor",   "judge",     "justice",   "lady",    "lord",      "lt",
    "madam",      "mayor",     "minister",  "miss",    "mr",        "mrs",
    "ms",         "pope",      "president", "prof",    "professor", "rep",
    "rev",        "secretary", "sen",       "senator", "sir",       "sister"};
static_assert(std::is_sorted(kTitles.begin(), kTitles.end()));

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string_view StripPossessive(std::string_view s) {
  for (std::string_view suffix : {"'s", "\xe2\x80\x99s", "'", "\xe2\x80\x99"}) {
    if (s.size() > suffix.size() && s.ends_with(suffix)) {
      return s.substr(0, s.size() - suffix.size());
    }
  }
  return s;
}

}  // namespace

bool IsTitle(std::string_view lower_word) {
  if (lower_word.ends_with(".")) {
    lower_word.remove_suffix(1);
  }
  return std::binary_search(kTitles.begin(), kTitles.end(), lower_word);
}

TitleGender TitleGenderOf(std::string_view lower_word) {
  if (lower_word.ends_with(".")) {
    lower_word.remove_suffix(1);
  }
  if (lower_word == "mr" || lower_word == "sir" || lower_word == "lord") {
    return TitleGender::kMale;
  }
  if (lower_word == "mrs" || lower_word == "ms" || lower_word == "miss" ||
      lower_word == "lady" || lower_word == "dame" || lower_word == "madam" ||
      lower_word == "sister") {
    return TitleGender::kFemale;
  }
  return TitleGender::kNone;
}

NormalizedName NormalizeName(std::string_view surface) {
  NormalizedName out;
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < surface.size()) {
    while (
        pos < surface.size() &&
        (surface[pos] == ' ' || surface[pos] == '\n' || surface[pos] == '\t')) {
      ++pos;
    }
    std::size_t end = pos;
    while (end < surface.size() && surface[end] != ' ' &&
           surface[end] != '\n' && surface[end] != '\t') {
      ++end;
    }
    if (end > pos) {
      words.emplace_back(surface.substr(pos, end - pos));
    }
    pos = end;
  }
  if (!words.empty()) {
    words.back() = std::string(StripPossessive(words.back()));
  }
  std::size_t first = 0;
  if (words.size() > 1 && LowerAscii(words[0]) == "the") {
    first = 1;
  }
  while (first + 1 < words.size() && first < 3 &&
         IsTitle(LowerAscii(words[first]))) {
    const TitleGender g = TitleGenderOf(LowerAscii(words[first]));
    if (g != TitleGender::kNone) {
      out.gender = g;
    }
    out.had_title = true;
    ++first;
  }
  out.words.assign(words.begin() + static_cast<long>(first), words.end());
  for (const std::string& w : out.words) {
    if (!out.name.empty()) {
      out.name += ' ';
    }
    out.name += w;
  }
  return out;
}

std::string Initials(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    const std::string lower = LowerAscii(w);
    if (lower == "of" || lower == "the" || lower == "and" || lower == "for" ||
        lower == "&") {
      continue;
    }
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') {
      out += w[0];
    }
  }
  return out;
}

std::string AcronymForm(std::string_view surface) {
  std::string out;
  for (char c : StripPossessive(surface)) {
    if (c == '.') {
      continue;
    }
    if (c < 'A' || c > 'Z') {
      return "";
    }
    out += c;
  }
  return out.size() >= 2 && out.size() <= 8 ? out : "";
}

}  // namespace dossier::indexer::internal
