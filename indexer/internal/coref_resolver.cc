// EntityResolver (declared in indexer/coreference.h): maps pronouns, role
// nouns and short names to entities by salience. The salient antecedent is
// the first compatible mention of the nearest earlier sentence holding one
// (the sentence's subject, most often), which is what "He argued ..."
// after "Konwinski said ..." needs; recency alone would pick the last name
// of a list.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "indexer/coreference.h"
#include "indexer/internal/coref_names.h"

namespace dossier::indexer {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// Role nouns that stand for a person after "the" ("the senator said").
constexpr std::array<std::string_view, 24> kPersonRoles = {
    "candidate",   "ceo",          "chairman",    "chairwoman",
    "co-founder",  "cofounder",    "congressman", "congresswoman",
    "director",    "executive",    "founder",     "governor",
    "lawmaker",    "leader",       "mayor",       "minister",
    "nominee",     "president",    "senator",     "spokesman",
    "spokeswoman", "spokesperson", "businessman", "businesswoman"};

// Nouns that stand for an organization after "the".
constexpr std::array<std::string_view, 20> kOrgNouns = {
    "agency",    "bank",       "campaign",   "committee",      "company",
    "council",   "department", "firm",       "government",     "group",
    "institute", "lab",        "ministry",   "network",        "organization",
    "party",     "startup",    "university", "administration", "board"};

bool In(std::string_view word, const auto& table) {
  return std::find(table.begin(), table.end(), word) != table.end();
}

bool IsCompanyNoun(std::string_view w) {
  return w == "company" || w == "firm" || w == "startup" || w == "bank" ||
         w == "lab";
}

// True when `word` occurs in `window` at a word start ("ms." in "Ms. Lee"
// but not in "firms.").
bool HasWord(std::string_view window, std::string_view word) {
  for (std::size_t p = window.find(word); p != std::string_view::npos;
       p = window.find(word, p + 1)) {
    if (p == 0 || !std::isalpha(static_cast<unsigned char>(window[p - 1]))) {
      return true;
    }
  }
  return false;
}

// Start offsets of the sentences of `text`, by ". ! ?" + space + capital
// and by newlines; used when the tokenizer did not run.
std::vector<std::uint32_t> SentenceStarts(std::string_view text,
                                          const ArticleAnalysis& analysis) {
  std::vector<std::uint32_t> starts;
  if (!analysis.sentences.empty()) {
    for (const Sentence& s : analysis.sentences) {
      starts.push_back(s.span.begin);
    }
    return starts;
  }
  starts.push_back(0);
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    const char c = text[i];
    const bool end = c == '\n' || ((c == '.' || c == '!' || c == '?') &&
                                   text[i + 1] == ' ' &&
                                   (text[i + 2] < 'a' || text[i + 2] > 'z'));
    if (end) {
      starts.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
  return starts;
}

}  // namespace

EntityResolver::EntityResolver(std::string_view text,
                               const ArticleAnalysis& analysis)
    : text_(text),
      analysis_(&analysis),
      gender_(analysis.entities.size(), Gender::kUnknown) {
  by_begin_.resize(analysis.mentions.size());
  for (std::size_t i = 0; i < by_begin_.size(); ++i) {
    by_begin_[i] = static_cast<int>(i);
  }
  std::stable_sort(by_begin_.begin(), by_begin_.end(), [&](int a, int b) {
    return analysis.mentions[a].span.begin < analysis.mentions[b].span.begin;
  });
  sentence_starts_ = SentenceStarts(text, analysis);
  // Gender from a title written in or just before a mention ("Mr. X").
  for (const Mention& m : analysis.mentions) {
    if (m.entity < 0 || m.type != EntityType::kPerson) {
      continue;
    }
    const std::size_t from = m.span.begin >= 6 ? m.span.begin - 6 : 0;
    const std::string window = LowerAscii(text.substr(from, m.span.end - from));
    for (std::string_view title : {"mr.", "mr ", "sir "}) {
      if (HasWord(window, title)) {
        gender_[m.entity] = Gender::kMale;
      }
    }
    for (std::string_view title : {"mrs.", "ms.", "mrs ", "ms "}) {
      if (HasWord(window, title)) {
        gender_[m.entity] = Gender::kFemale;
      }
    }
  }
}

std::uint32_t EntityResolver::SentenceOf(std::uint32_t offset) const {
  const auto it = std::upper_bound(sentence_starts_.begin(),
                                   sentence_starts_.end(), offset);
  return static_cast<std::uint32_t>(it - sentence_starts_.begin());
}

int EntityResolver::MostSalient(std::uint32_t before, EntityType type,
                                Gender gender, bool prefer_company) const {
  int chosen = -1;
  std::uint32_t chosen_sentence = 0;
  // Walk mentions backwards; within the nearest sentence that has a
  // compatible one, keep the earliest.
  for (auto it = by_begin_.rbegin(); it != by_begin_.rend(); ++it) {
    const Mention& m = analysis_->mentions[*it];
    if (m.span.end > before || m.entity < 0 || m.type != type) {
      continue;
    }
    if (gender != Gender::kUnknown && gender_[m.entity] != Gender::kUnknown &&
        gender_[m.entity] != gender) {
      continue;
    }
    if (prefer_company && m.org_kind == OrgKind::kInstitution) {
      continue;
    }
    const std::uint32_t sentence = SentenceOf(m.span.begin);
    if (chosen >= 0 && sentence != chosen_sentence) {
      break;
    }
    chosen = m.entity;
    chosen_sentence = sentence;
  }
  if (chosen < 0 && prefer_company) {
    return MostSalient(before, type, gender, false);
  }
  return chosen;
}

int EntityResolver::ResolveName(std::string_view word,
                                std::uint32_t before) const {
  int best = -1;
  std::uint32_t best_pos = 0;
  for (const Mention& m : analysis_->mentions) {
    if (m.entity < 0) {
      continue;
    }
    const std::vector<std::string> words =
        internal::NormalizeName(analysis_->entities[m.entity].name).words;
    if (words.empty() || (words.back() != word && words.front() != word)) {
      continue;
    }
    const std::uint32_t pos = m.span.begin < before ? m.span.begin + 1 : 0;
    if (best < 0 || pos > best_pos) {
      best = m.entity;
      best_pos = pos;
    }
  }
  return best;
}

int EntityResolver::Resolve(Span span) const {
  if (span.empty() || span.end > text_.size()) {
    return -1;
  }
  for (const Mention& m : analysis_->mentions) {
    if (m.entity >= 0 && m.span.begin < span.end && span.begin < m.span.end) {
      return m.entity;
    }
  }
  const std::string_view written = text_.substr(span.begin, span.size());
  const internal::NormalizedName n = internal::NormalizeName(written);
  if (n.words.empty()) {
    return -1;
  }
  const std::string lower = LowerAscii(written);
  const std::string head = LowerAscii(n.words.back());
  const std::string first = lower.substr(0, lower.find(' '));
  const bool several_words = lower.find(' ') != std::string::npos;
  if (head == "he" || head == "him" || head == "his" || head == "himself") {
    return MostSalient(span.begin, EntityType::kPerson, Gender::kMale, false);
  }
  if (head == "she" || head == "her" || head == "hers" || head == "herself") {
    return MostSalient(span.begin, EntityType::kPerson, Gender::kFemale, false);
  }
  if (head == "who" || head == "whom" || head == "whose") {
    return MostSalient(span.begin, EntityType::kPerson, Gender::kUnknown,
                       false);
  }
  if (head == "it" || head == "its" || head == "which") {
    return MostSalient(span.begin, EntityType::kOrg, Gender::kUnknown, false);
  }
  if (head == "they" || head == "them" || head == "their") {
    const int org =
        MostSalient(span.begin, EntityType::kOrg, Gender::kUnknown, false);
    return org >= 0 ? org
                    : MostSalient(span.begin, EntityType::kPerson,
                                  Gender::kUnknown, false);
  }
  const bool definite =
      several_words && (first == "the" || first == "this" || first == "that");
  if (definite && In(head, kOrgNouns)) {
    return MostSalient(span.begin, EntityType::kOrg, Gender::kUnknown,
                       IsCompanyNoun(head));
  }
  if (several_words && In(head, kPersonRoles)) {
    Gender g = Gender::kUnknown;
    if (head.ends_with("woman")) {
      g = Gender::kFemale;
    } else if (head.ends_with("man")) {
      g = Gender::kMale;
    }
    return MostSalient(span.begin, EntityType::kPerson, g, false);
  }
  if (n.words.size() == 1) {
    return ResolveName(n.words.front(), span.begin);
  }
  return -1;
}

}  // namespace dossier::indexer
