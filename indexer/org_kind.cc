// The word lists behind the rule in org_kind.h. Matching is on whole
// words, ASCII case-insensitive; the last matching cue wins over the
// default, and institution words in the name beat everything else.
#include "indexer/org_kind.h"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

#include "indexer/internal/word_list.h"

namespace dossier::indexer {
namespace {

bool IsWordPart(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
         (u >= '0' && u <= '9') || u >= 0x80 || c == '.' || c == '&';
}

// A run of word parts lower-cased, less a single trailing period ("Inc."
// -> "inc", but "u.s." stays).
std::string LowerWord(std::string_view run) {
  std::string word(run);
  for (char& c : word) {
    c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!word.empty() && word.back() == '.' && word.size() > 1 &&
         word.find('.') == word.size() - 1) {
    word.pop_back();
  }
  return word;
}

// The words of `text`, lower-cased, at most the first `max_words` of them.
std::vector<std::string> LowerWords(
    std::string_view text,
    std::size_t max_words = std::numeric_limits<std::size_t>::max()) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (words.size() < max_words) {
    while (i < text.size() && !IsWordPart(text[i])) {
      ++i;
    }
    if (i == text.size()) {
      break;
    }
    const std::size_t begin = i;
    while (i < text.size() && IsWordPart(text[i])) {
      ++i;
    }
    words.push_back(LowerWord(text.substr(begin, i - begin)));
  }
  return words;
}

// The last run of word parts in `text`, or "" when none.
std::string_view LastRun(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && !IsWordPart(text[end - 1])) {
    --end;
  }
  std::size_t begin = end;
  while (begin > 0 && IsWordPart(text[begin - 1])) {
    --begin;
  }
  return text.substr(begin, end - begin);
}

using internal::IsOneOf;
using internal::WordSet;

bool IsInstitutionWord(std::string_view w) {
  static const WordSet kWords{
      "university", "universities", "college", "school", "academy",
      "institute", "institution", "laboratory", "laboratories", "polytechnic",
      "government", "ministry", "department", "agency", "commission",
      "council", "committee", "parliament", "congress", "senate", "assembly",
      "court", "tribunal", "police", "army", "navy", "military", "force",
      "forces", "reserve", "treasury", "administration", "authority",
      "bureau", "office", "foundation", "charity", "trust", "association",
      "union", "federation", "forum", "league", "party", "church", "society",
      "organisation", "organization", "nations", "board", "cabinet", "state",
      "states", "embassy", "consulate", "municipality", "hospital"};
  return kWords.contains(w);
}

bool IsKnownInstitution(std::string_view w) {
  static const WordSet kWords{
      "un", "u.n", "u.n.", "eu", "e.u", "nato", "imf", "wto", "who", "opec",
      "unesco", "unicef", "fifa", "uefa", "ioc", "ecb", "fed", "fbi", "cia",
      "nasa", "fda", "sec", "fcc", "ftc", "epa", "nhs", "mit", "cern", "oecd",
      "asean", "interpol", "pentagon", "kremlin", "labour", "conservatives",
      "tories", "democrats", "republicans", "bundesbank", "bundestag",
      "caltech", "icc", "irs", "doj", "ebrd", "ifc", "wwf", "greenpeace",
      "amnesty", "nfl", "nba", "mlb", "nhl"};
  return kWords.contains(w);
}

bool IsCompanyWord(std::string_view w) {
  static const WordSet kWords{
      "inc", "corp", "corporation", "ltd", "llc", "plc", "co", "gmbh", "ag",
      "sa", "nv", "bv", "spa", "holdings", "company", "limited", "group",
      "airlines", "airways", "motors", "technologies", "systems", "partners",
      "capital", "ventures", "labs", "media", "bank", "pharmaceuticals",
      "energy", "entertainment", "studios", "records", "firm", "startup",
      "fc", "united", "city", "rovers", "athletic", "club"};
  return kWords.contains(w);
}

bool IsEventWord(std::string_view w) {
  static const WordSet kWords{
      "summit", "conference", "festival", "olympics", "games", "championship",
      "championships", "cup", "open", "awards", "expo", "marathon", "prix",
      "tournament", "grand-prix"};
  return kWords.contains(w);
}

}  // namespace

bool HasOrganisationWord(std::string_view name) {
  static const WordSet kOrganisationWords{
      "university", "college", "institute", "academy", "ministry", "agency",
      "commission", "committee", "council", "court", "foundation",
      "association", "federation", "corporation", "inc", "corp", "ltd", "llc",
      "plc", "gmbh", "laboratory", "laboratories", "department", "bureau"};
  static const WordSet kCompanyNameEnds{
      "networks", "communications", "systems", "technologies", "solutions",
      "software", "pharmaceuticals", "industries", "enterprises", "holdings",
      "airlines", "airways", "motors", "group", "partners", "entertainment",
      "studios", "ventures", "capital", "consulting", "labs", "foods",
      "brands", "publishing"};
  const std::vector<std::string> words = LowerWords(name);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (kOrganisationWords.contains(w)) {
      return true;
    }
    // "Raymond James Bank", but not "the West Bank".
    if (w == "bank" && i > 0 &&
        !IsOneOf(words[i - 1], {"west", "east", "north", "south", "left",
                                "right", "river", "sand"})) {
      return true;
    }
  }
  // "Groupe Aubrac", "Grupo Televisa", "Banco Santander": words that start
  // company names in French, Spanish and Italian.
  if (words.size() >= 2 &&
      IsOneOf(words.front(), {"groupe", "grupo", "gruppo", "banco", "banca",
                              "banque", "compagnie", "compania"})) {
    return true;
  }
  // "Juniper Networks", "Acacia Communications": words that end company
  // names; alone or first in a name they are common nouns.
  return words.size() >= 2 &&
         kCompanyNameEnds.contains(words.back());
}

bool IsUniversityShortName(std::string_view name) {
  static const WordSet kUniversities{
      "stanford", "berkeley", "harvard", "mit",      "oxford",
      "cambridge", "yale",    "princeton", "caltech", "columbia",
      "cornell",  "eth",      "ucla",     "tsinghua", "sorbonne"};
  // One word: a run of word parts with nothing else around it but
  // punctuation ("MIT", "(MIT.)").
  const std::string_view run = LastRun(name);
  const std::string_view before = name.substr(0, run.data() - name.data());
  return !run.empty() &&
         std::none_of(before.begin(), before.end(), IsWordPart) &&
         kUniversities.contains(LowerWord(run));
}

bool HasAcademicCue(std::string_view sentence) {
  static const WordSet kAcademicWords{
      "university", "universities", "institution", "institutions", "student",
      "students", "professor", "professors", "ph.d", "ph.d.", "phd",
      "academic", "academics", "campus", "researchers", "college", "graduate",
      "graduates", "alumni", "faculty"};
  for (const std::string& w : LowerWords(sentence)) {
    if (kAcademicWords.contains(w)) {
      return true;
    }
  }
  return false;
}

bool IsEventName(std::string_view name) {
  const std::vector<std::string> words = LowerWords(name);
  return !words.empty() && IsEventWord(words.back());
}

OrgKind ClassifyOrg(std::string_view name, std::string_view sentence) {
  const std::vector<std::string> words = LowerWords(name);
  if (IsUniversityShortName(name)) {
    return OrgKind::kInstitution;
  }
  // "Bank of England", "Central Bank", "Reserve Bank": central banks.
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "bank" &&
        ((i > 0 && (words[i - 1] == "central" || words[i - 1] == "reserve" ||
                    words[i - 1] == "world" || words[i - 1] == "development" ||
                    words[i - 1] == "investment")) ||
         (i + 1 < words.size() && words[i + 1] == "of"))) {
      return OrgKind::kInstitution;
    }
  }
  bool company = false;
  for (const std::string& w : words) {
    if (IsInstitutionWord(w) || IsKnownInstitution(w)) {
      return OrgKind::kInstitution;
    }
    company = company || IsCompanyWord(w);
  }
  if (company || sentence.empty()) {
    return OrgKind::kCompany;
  }
  // The sentence decides only through the word right before or after the
  // name ("the agency Frontex", "Frontex, the agency").
  const std::size_t at = sentence.find(name);
  if (at == std::string_view::npos) {
    return OrgKind::kCompany;
  }
  // Only the word before and the two after matter; sentences run long.
  const std::string before = LowerWord(LastRun(sentence.substr(0, at)));
  const std::vector<std::string> after =
      LowerWords(sentence.substr(at + name.size()), 2);
  const auto cue = [](const std::string& w) {
    static const WordSet kWords{
        "agency", "university", "ministry", "regulator", "watchdog",
        "institute", "charity", "court", "government", "body", "commission",
        "foundation", "party", "union"};
    return kWords.contains(w);
  };
  if ((!before.empty() && cue(before)) ||
      (after.size() >= 2 && after[0] == "the" && cue(after[1])) ||
      (!after.empty() && cue(after[0]))) {
    return OrgKind::kInstitution;
  }
  return OrgKind::kCompany;
}

}  // namespace dossier::indexer
