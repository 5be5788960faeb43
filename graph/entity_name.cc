#include "graph/entity_name.h"

#include <array>
#include <string_view>
#include <vector>

#include "common/utf8.h"

namespace dossier::graph {
namespace {

// ASCII base letters of U+00C0..U+00FF and U+0100..U+017F; '?' = not a
// letter with a base (handled below or treated as a separator).
constexpr std::string_view kLatin1 =
    "AAAAAAACEEEEIIIIDNOOOOO?OUUUUYTsaaaaaaaceeeeiiiidnooooo?ouuuuyty";
constexpr std::string_view kLatinExtA =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNn"
    "nNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

constexpr std::array<std::string_view, 15> kLegalSuffixes = {
    "inc",  "incorporated", "corp", "corporation", "ltd", "limited", "gmbh",
    "llc",  "plc",          "co",   "ag",          "sa",  "nv",      "bv",
    "lp"};

constexpr std::array<std::string_view, 7> kHonorifics = {
    "mr", "mrs", "ms", "dr", "sir", "prof", "professor"};

constexpr std::array<std::string_view, 17> kPronouns = {
    "he",   "she",  "it",  "they", "him", "her",  "his", "hers", "its",
    "them", "their", "we", "us",   "i",   "you",  "who", "this"};

// Appends the folded form of one code point: lower-case ASCII letters and
// digits; ' ' for anything that separates words. Apostrophes and periods
// join ("O'Brien" -> "obrien", "U.S." -> "us").
void FoldCodepoint(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out->push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      out->push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '\'' || c == '.') {
      // joins: nothing appended
    } else {
      out->push_back(' ');
    }
    return;
  }
  if (cp == 0x2019) {  // right single quote used as apostrophe
    return;
  }
  if (cp == 0xC6 || cp == 0xE6) {
    out->append("ae");
    return;
  }
  if (cp == 0xDF) {
    out->append("ss");
    return;
  }
  if (cp == 0x152 || cp == 0x153) {
    out->append("oe");
    return;
  }
  char base = '?';
  if (cp >= 0xC0 && cp <= 0xFF) {
    base = kLatin1[cp - 0xC0];
  } else if (cp >= 0x100 && cp <= 0x17F) {
    base = kLatinExtA[cp - 0x100];
  } else if (cp >= 0x370) {
    // Other scripts: keep the letter as is; their case folding is out of
    // scope, and keeping them beats collapsing every name to "".
    AppendUtf8(cp, out);
    return;
  }
  if (base == '?') {
    out->push_back(' ');
    return;
  }
  out->push_back(base >= 'A' && base <= 'Z'
                     ? static_cast<char>(base - 'A' + 'a')
                     : base);
}

std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    if (c == ' ') {
      if (!word.empty()) {
        words.push_back(std::move(word));
        word.clear();
      }
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) {
    words.push_back(std::move(word));
  }
  return words;
}

template <std::size_t N>
bool OneOf(const std::array<std::string_view, N>& list, std::string_view w) {
  for (std::string_view item : list) {
    if (item == w) {
      return true;
    }
  }
  return false;
}

std::string Join(const std::vector<std::string>& words, std::size_t begin,
                 std::size_t end) {
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    if (!out.empty()) {
      out.push_back(' ');
    }
    out += words[i];
  }
  return out;
}

}  // namespace

std::string FoldName(std::string_view name) {
  std::string raw;
  raw.reserve(name.size());
  for (std::size_t pos = 0; pos < name.size();) {
    FoldCodepoint(DecodeUtf8(name, &pos), &raw);
  }
  const std::vector<std::string> words = Words(raw);
  return Join(words, 0, words.size());
}

std::string NormalizeName(std::string_view name, EntityType type) {
  const std::vector<std::string> words = Words(FoldName(name));
  std::size_t begin = 0;
  std::size_t end = words.size();
  if (type == EntityType::kOrg) {
    if (end - begin > 1 && words[begin] == "the") {
      ++begin;
    }
    // Strip trailing suffixes ("Foo Holdings Co. Ltd." loses both), but
    // never the whole name ("Inc." alone stays).
    while (end - begin > 1 && OneOf(kLegalSuffixes, words[end - 1])) {
      --end;
    }
  } else if (type == EntityType::kPerson) {
    while (end - begin > 1 && OneOf(kHonorifics, words[begin])) {
      ++begin;
    }
  }
  return Join(words, begin, end);
}

char TypeClass(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return 'P';
    case EntityType::kOrg:
      return 'O';
    case EntityType::kPlace:
      return 'L';
    case EntityType::kMisc:
      return 'M';
  }
  return 'M';
}

EntityId EntityIdFor(EntityType type, std::string_view norm) {
  // FNV-1a 64 over the type class and the normalized name: stable across
  // runs and machines, so re-indexing yields the same ids.
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&h](char c) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  };
  mix(TypeClass(type));
  for (char c : norm) {
    mix(c);
  }
  return h == 0 ? 1 : h;
}

bool IsPronounForm(std::string_view folded) {
  return OneOf(kPronouns, folded);
}

std::string SurnameOf(std::string_view folded_person_name) {
  const std::vector<std::string> words = Words(folded_person_name);
  if (words.size() < 2) {
    return {};
  }
  return words.back();
}

}  // namespace dossier::graph
