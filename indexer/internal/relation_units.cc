#include "indexer/internal/relation_units.h"

#include <algorithm>
#include <cctype>

#include "indexer/internal/ner_features.h"
#include "indexer/tokenizer.h"

namespace dossier::indexer::internal {
namespace {

ArgKind KindOf(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return ArgKind::kPerson;
    case EntityType::kOrg:
      return ArgKind::kOrg;
    case EntityType::kPlace:
      return ArgKind::kPlace;
    case EntityType::kMisc:
      return ArgKind::kNone;
  }
  return ArgKind::kNone;
}

enum class PronounClass { kNone, kPersonal, kRelative };

struct PronounInfo {
  std::string_view word;
  ArgKind kind;  // kNone: whatever its antecedent is
  PronounClass cls;
  bool possessive;
};

// "they" is left out on purpose: it stands for people and organisations
// alike, and guessing wrong costs more than the few relations it carries.
constexpr PronounInfo kPronouns[] = {
    {"he", ArgKind::kPerson, PronounClass::kPersonal, false},
    {"she", ArgKind::kPerson, PronounClass::kPersonal, false},
    {"him", ArgKind::kPerson, PronounClass::kPersonal, false},
    {"her", ArgKind::kPerson, PronounClass::kPersonal, true},
    {"his", ArgKind::kPerson, PronounClass::kPersonal, true},
    {"i", ArgKind::kPerson, PronounClass::kPersonal, false},
    {"my", ArgKind::kPerson, PronounClass::kPersonal, true},
    {"it", ArgKind::kOrg, PronounClass::kPersonal, false},
    {"its", ArgKind::kOrg, PronounClass::kPersonal, true},
    // First person plural is an organisation speaking of itself ("our
    // founder, Louis Clay"; a spokesman's "we acquired ...").
    {"we", ArgKind::kOrg, PronounClass::kPersonal, false},
    {"us", ArgKind::kOrg, PronounClass::kPersonal, false},
    {"our", ArgKind::kOrg, PronounClass::kPersonal, true},
    {"who", ArgKind::kPerson, PronounClass::kRelative, false},
    {"whom", ArgKind::kPerson, PronounClass::kRelative, false},
    {"whose", ArgKind::kNone, PronounClass::kRelative, true},
    {"which", ArgKind::kOrg, PronounClass::kRelative, false},
    {"where", ArgKind::kOrg, PronounClass::kRelative, false},
};

const PronounInfo* FindPronoun(std::string_view lower) {
  for (const PronounInfo& info : kPronouns) {
    if (info.word == lower) {
      return &info;
    }
  }
  return nullptr;
}

bool IsAsciiWordByte(unsigned char c) {
  return std::isalnum(c) != 0;
}

// Length of the typographic punctuation mark (U+2010..U+201F, U+2026) at
// text[pos], or 0. These are multi-byte but never part of a word.
std::size_t TypographicPunctLength(std::string_view text, std::size_t pos) {
  if (pos + 2 < text.size() && static_cast<unsigned char>(text[pos]) == 0xE2 &&
      static_cast<unsigned char>(text[pos + 1]) == 0x80) {
    const unsigned char third = static_cast<unsigned char>(text[pos + 2]);
    if ((third >= 0x90 && third <= 0x9F) || third == 0xA6) {
      return 3;
    }
  }
  return 0;
}

bool IsRightSingleQuote(std::string_view text, std::size_t pos) {
  return text.substr(pos, 3) == "\xE2\x80\x99";
}

bool IsWordByteAt(std::string_view text, std::size_t pos) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c >= 0x80) {
    return TypographicPunctLength(text, pos) == 0;
  }
  return IsAsciiWordByte(c);
}

// Length of an apostrophe (' or U+2019) at pos, 0 when none.
std::size_t ApostropheLength(std::string_view text, std::size_t pos) {
  if (pos < text.size() && text[pos] == '\'') {
    return 1;
  }
  return IsRightSingleQuote(text, pos) ? 3 : 0;
}

// End of the word starting at `pos`: letters and digits, with inner
// hyphens, periods ("U.S.") and apostrophes joining two word parts.
std::size_t WordEnd(std::string_view text, std::size_t pos, std::size_t end) {
  while (pos < end) {
    if (IsWordByteAt(text, pos)) {
      ++pos;
      continue;
    }
    std::size_t joiner = ApostropheLength(text, pos);
    if (joiner == 0 && (text[pos] == '-' || text[pos] == '&')) {
      joiner = 1;
    }
    if (joiner > 0 && pos + joiner < end && IsWordByteAt(text, pos + joiner) &&
        pos > 0) {
      pos += joiner;
      continue;
    }
    break;
  }
  return pos;
}

// ASCII letters lower-cased (as std::tolower in the C locale), U+2019 as
// an apostrophe.
std::string Lower(std::string_view text) {
  std::string out(text);
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\xE2' && IsRightSingleQuote(text, i)) {
      out[n++] = '\'';
      i += 2;
      continue;
    }
    out[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out.resize(n);
  return out;
}

// Possessive marker ("'s", "’s", or a bare apostrophe after "s") right at
// `pos`; returns its length, 0 when none.
std::size_t PossessiveLength(std::string_view text, std::size_t pos,
                             std::size_t end) {
  const std::size_t apostrophe = ApostropheLength(text, pos);
  if (apostrophe == 0) {
    return 0;
  }
  std::size_t after = pos + apostrophe;
  if (after < end && (text[after] == 's' || text[after] == 'S')) {
    ++after;
  }
  if (after < end && IsWordByteAt(text, after)) {
    return 0;
  }
  return after - pos;
}

// The verb a contraction stands for ("'s" -> "is", "'re" -> "are"), or
// empty. "'s" may be "has" too; "is" is what the copula frames look for.
std::string_view ExpandContraction(std::string_view suffix) {
  if (suffix == "'s") return "is";
  if (suffix == "'re") return "are";
  if (suffix == "'m") return "am";
  if (suffix == "'ve") return "have";
  if (suffix == "'d") return "had";
  if (suffix == "'ll") return "will";
  return {};
}

// Offset from `begin` of the first apostrophe (ASCII or typographic) in
// text[begin, end), or end - begin.
std::size_t ApostropheStart(std::string_view text, std::size_t begin,
                            std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (ApostropheLength(text, i) > 0) {
      return i - begin;
    }
  }
  return end - begin;
}

Unit WordUnit(std::string_view text, std::size_t begin, std::size_t end) {
  Unit unit;
  unit.span = {static_cast<std::uint32_t>(begin),
               static_cast<std::uint32_t>(end)};
  unit.text = Lower(text.substr(begin, end - begin));
  return unit;
}

// A pronoun stands for what `antecedent` denotes.
void TakeReferent(const Unit& antecedent, Unit* pronoun) {
  pronoun->kind = antecedent.kind;
  pronoun->entity = antecedent.entity;
  pronoun->group = antecedent.group;
  pronoun->name = antecedent.name;
}

// Resolution state shared by the pronouns of one sentence.
class Resolver {
 public:
  Resolver(std::string_view text, const ArticleAnalysis& analysis)
      : text_(text), analysis_(analysis) {}

  int GroupOfMention(int mention_idx) const {
    const Mention& mention = analysis_.mentions[mention_idx];
    if (mention.entity >= 0) {
      return mention.entity;
    }
    return static_cast<int>(analysis_.entities.size()) + mention_idx;
  }

  std::string NameOfMention(int mention_idx) const {
    const Mention& mention = analysis_.mentions[mention_idx];
    if (mention.entity >= 0 &&
        mention.entity < static_cast<int>(analysis_.entities.size())) {
      return analysis_.entities[mention.entity].name;
    }
    return std::string(text_.substr(mention.span.begin, mention.span.size()));
  }

  // The nearest mention of `kind` that ends before `pos`, or -1.
  int PrecedingMention(ArgKind kind, std::uint32_t pos) const {
    int best = -1;
    for (std::size_t idx = 0; idx < analysis_.mentions.size(); ++idx) {
      const Mention& mention = analysis_.mentions[idx];
      if (mention.span.end > pos || KindOf(mention.type) != kind) {
        continue;
      }
      if (best < 0 ||
          mention.span.begin > analysis_.mentions[best].span.begin) {
        best = static_cast<int>(idx);
      }
    }
    return best;
  }

  void Resolve(const PronounInfo& info, std::vector<Unit>* units,
               Unit* unit) const {
    if (info.cls == PronounClass::kRelative) {
      ResolveRelative(info, *units, unit);
      return;
    }
    unit->kind = info.kind;
    const int mention_idx = PrecedingMention(info.kind, unit->span.begin);
    if (mention_idx < 0) {
      // Pronouns of an article that never names their referent ("He ...
      // his ...") most likely share it: one group per kind.
      unit->group = static_cast<int>(analysis_.entities.size() +
                                     analysis_.mentions.size()) +
                    static_cast<int>(info.kind);
      unit->name =
          std::string(text_.substr(unit->span.begin, unit->span.size()));
      return;
    }
    unit->entity = analysis_.mentions[mention_idx].entity;
    unit->group = GroupOfMention(mention_idx);
    unit->name = NameOfMention(mention_idx);
  }

 private:
  // The organisation before a locative phrase that ends with the place at
  // units[place]: "X, based in P, Q" / "X (headquartered in P)". -1 when
  // the place is not in such a phrase.
  static int OrgBeforeLocative(const std::vector<Unit>& units,
                               std::size_t place) {
    std::size_t idx = place;
    while (idx > 0 && (units[idx].kind == ArgKind::kPlace ||
                       units[idx].text == "," || units[idx].text == "and")) {
      --idx;
    }
    if (units[idx].text != "in" || idx < 2) {
      return -1;
    }
    --idx;
    if (!IsOneOf(units[idx].text,
                 {"based", "headquartered", "located", "-based"})) {
      return -1;
    }
    --idx;
    if (units[idx].text == "," || units[idx].text == "(") {
      if (idx == 0) {
        return -1;
      }
      --idx;
    }
    const Unit& org = units[idx];
    if (org.is_arg() && !org.pronoun && org.kind == ArgKind::kOrg) {
      return static_cast<int>(idx);
    }
    return -1;
  }

  // "who"/"which" refer to the argument they follow, at most a comma and a
  // short parenthetical away; otherwise they stay plain words.
  static void ResolveRelative(const PronounInfo& info,
                              const std::vector<Unit>& units, Unit* unit) {
    int skipped_words = 0;
    for (std::size_t idx = units.size(); idx-- > 0;) {
      const Unit& prev = units[idx];
      if (prev.is_arg() && !prev.pronoun) {
        // "which"/"where" may follow a place: the recognizer types many
        // organisations as places. "who" needs a person.
        if (info.kind == ArgKind::kPerson && prev.kind != ArgKind::kPerson) {
          return;
        }
        if (info.kind == ArgKind::kOrg && prev.kind == ArgKind::kPerson) {
          return;
        }
        if (info.kind == ArgKind::kOrg && prev.kind == ArgKind::kPlace) {
          // "X, based in Brisbane, Queensland, which she founded": the
          // place only says where X is.
          const int located = OrgBeforeLocative(units, idx);
          if (located >= 0) {
            idx = static_cast<std::size_t>(located);
          }
        }
        TakeReferent(units[idx], unit);
        return;
      }
      if (prev.is_word() && std::isalnum(static_cast<unsigned char>(
                                prev.text.empty() ? ' ' : prev.text[0]))) {
        if (++skipped_words > 4) {
          return;
        }
      }
    }
  }

  std::string_view text_;
  const ArticleAnalysis& analysis_;
};

// A "person" whose last word is a title ("the Herman Feshbach Professor
// of Physics", "Professor Emeritus") names a chair or a rank, not someone:
// its words stay words, so the title can act as a role.
bool IsNamedTitle(std::string_view text, const Mention& mention) {
  if (mention.type != EntityType::kPerson) {
    return false;
  }
  static const WordSet kAcademicRoles{
      "professor", "emeritus", "lecturer", "fellow", "chair", "chairman",
      "director", "president", "ceo"};
  const std::string_view surface =
      text.substr(mention.span.begin, mention.span.size());
  const std::size_t space = surface.rfind(' ');
  const std::string last = Lower(
      space == std::string_view::npos ? surface : surface.substr(space + 1));
  if (kAcademicRoles.contains(last)) {
    return true;
  }
  // "He is the Herman Feshbach Professor of Physics", "a James McGill
  // Professor": the recognizer stopped before the title, which is still
  // the chair's name.
  const std::size_t after = mention.span.end;
  if (after + 1 >= text.size() || text[after] != ' ' ||
      !std::isupper(static_cast<unsigned char>(text[after + 1]))) {
    return false;
  }
  std::size_t word_end = after + 1;
  while (word_end < text.size() &&
         std::isalpha(static_cast<unsigned char>(text[word_end])) != 0) {
    ++word_end;
  }
  const std::string next = Lower(text.substr(after + 1, word_end - after - 1));
  if (!IsChairTitle(next)) {
    return false;
  }
  std::size_t word_begin = mention.span.begin;
  while (word_begin > 0 && text[word_begin - 1] == ' ') {
    --word_begin;
  }
  std::size_t prev_begin = word_begin;
  while (prev_begin > 0 &&
         std::isalpha(static_cast<unsigned char>(text[prev_begin - 1])) != 0) {
    --prev_begin;
  }
  const std::string prev = Lower(text.substr(prev_begin, word_begin - prev_begin));
  return IsOneOf(prev, {"the", "a", "an"});
}

// "X, a Los Angeles-based company that provides ...", "X is a chemicals
// company that is a subsidiary of Y": a "that" right after an organisation
// noun stands for the organisation the noun describes, the nearest one
// before it past places and at most a few words. Otherwise "that" stays a
// word (a conjunction or a determiner).
void ResolveDescribedThat(const std::vector<Unit>& units, Unit* unit) {
  int skipped_words = 0;
  for (std::size_t idx = units.size(); idx-- > 0;) {
    const Unit& prev = units[idx];
    if (prev.is_arg() && !prev.pronoun) {
      if (prev.kind == ArgKind::kPlace) {
        continue;  // "a Texas bank that", "based in Dallas"
      }
      if (prev.kind != ArgKind::kOrg) {
        return;
      }
      unit->pronoun = true;
      TakeReferent(prev, unit);
      return;
    }
    if (prev.is_word() && (prev.text == "who" || prev.text == "which" ||
                           prev.text == "that" || prev.text == ";")) {
      return;  // another clause
    }
    if (prev.is_word() && ++skipped_words > 10) {
      return;
    }
  }
}

}  // namespace

std::vector<Unit> BuildSentenceUnits(std::string_view text,
                                     const ArticleAnalysis& analysis,
                                     int sentence_idx) {
  Span sentence{0, static_cast<std::uint32_t>(text.size())};
  if (sentence_idx >= 0) {
    sentence = analysis.sentences[sentence_idx].span;
  }
  // The mentions inside the sentence, in text order, overlaps dropped.
  std::vector<int> mention_ids;
  for (std::size_t idx = 0; idx < analysis.mentions.size(); ++idx) {
    const Mention& mention = analysis.mentions[idx];
    if (mention.span.begin >= sentence.begin &&
        mention.span.end <= sentence.end && !mention.span.empty() &&
        KindOf(mention.type) != ArgKind::kNone &&
        !IsNamedTitle(text, mention)) {
      mention_ids.push_back(static_cast<int>(idx));
    }
  }
  std::sort(mention_ids.begin(), mention_ids.end(), [&](int a, int b) {
    return analysis.mentions[a].span.begin < analysis.mentions[b].span.begin;
  });

  const Resolver resolver(text, analysis);
  std::vector<Unit> units;
  // About a unit per five bytes of English text: growing by doubling
  // moved every unit (two strings each) several times per sentence.
  units.reserve(sentence.size() / 5 + 8);
  std::size_t next_mention = 0;
  std::size_t pos = sentence.begin;
  const std::size_t end = sentence.end;
  while (pos < end) {
    while (next_mention < mention_ids.size() &&
           analysis.mentions[mention_ids[next_mention]].span.begin < pos) {
      ++next_mention;  // overlapped by an earlier mention
    }
    if (next_mention < mention_ids.size() &&
        analysis.mentions[mention_ids[next_mention]].span.begin == pos) {
      const int mention_idx = mention_ids[next_mention++];
      const Mention& mention = analysis.mentions[mention_idx];
      Unit unit;
      unit.span = mention.span;
      unit.text = std::string(text.substr(pos, mention.span.size()));
      unit.kind = KindOf(mention.type);
      unit.entity = mention.entity;
      unit.group = resolver.GroupOfMention(mention_idx);
      unit.name = resolver.NameOfMention(mention_idx);
      pos = mention.span.end;
      const std::size_t possessive = PossessiveLength(text, pos, end);
      unit.possessive = possessive > 0;
      pos += possessive;
      units.push_back(std::move(unit));
      // A suffix glued to the mention ("Paris-based", "Musk-founded").
      if (pos + 1 < end && text[pos] == '-' && IsWordByteAt(text, pos + 1)) {
        const std::size_t word_end = WordEnd(text, pos + 1, end);
        units.push_back(WordUnit(text, pos, word_end));
        pos = word_end;
      }
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (std::isspace(c) != 0) {
      ++pos;
      continue;
    }
    if (IsWordByteAt(text, pos)) {
      std::size_t word_end = WordEnd(text, pos, end);
      if (next_mention < mention_ids.size()) {
        word_end = std::min<std::size_t>(
            word_end, analysis.mentions[mention_ids[next_mention]].span.begin);
      }
      // "Mr." is one word: its period ends no sentence or phrase (the
      // tokenizer's list of titles).
      if (word_end < end && text[word_end] == '.' &&
          IsTitleAbbreviation(text.substr(pos, word_end - pos))) {
        ++word_end;
      }
      Unit unit;
      unit.span = {static_cast<std::uint32_t>(pos),
                   static_cast<std::uint32_t>(word_end)};
      unit.text = Lower(text.substr(pos, word_end - pos));
      // "He's the CEO", "We're based in": the pronoun, then its verb.
      std::string_view verb;
      const std::size_t apostrophe = unit.text.find('\'');
      if (apostrophe != std::string::npos && apostrophe > 0) {
        verb = ExpandContraction(std::string_view(unit.text).substr(apostrophe));
        if (!verb.empty() && FindPronoun(unit.text.substr(0, apostrophe)) ==
                                 nullptr) {
          verb = {};
        }
      }
      std::size_t verb_begin = word_end;
      if (!verb.empty()) {
        // Lower() folds a typographic apostrophe to one byte; find it in the
        // text to keep the spans exact.
        verb_begin = pos + ApostropheStart(text, pos, word_end);
        unit.span.end = static_cast<std::uint32_t>(verb_begin);
        unit.text.resize(apostrophe);
      }
      pos = word_end;
      if (const PronounInfo* info = FindPronoun(unit.text)) {
        unit.pronoun = true;
        unit.possessive = info->possessive;
        resolver.Resolve(*info, &units, &unit);
      } else if (unit.text == "that" && !units.empty() &&
                 units.back().is_word() && IsOrgNoun(units.back().text)) {
        ResolveDescribedThat(units, &unit);
      }
      units.push_back(std::move(unit));
      if (!verb.empty()) {
        Unit contracted = WordUnit(text, verb_begin, word_end);
        contracted.text = std::string(verb);
        units.push_back(std::move(contracted));
      }
      continue;
    }
    const std::size_t length =
        std::max<std::size_t>(1, TypographicPunctLength(text, pos));
    units.push_back(WordUnit(text, pos, pos + length));
    pos += length;
  }
  return units;
}

// Head nouns of descriptions of organisations ("a Texas community bank").
bool IsOrgNoun(std::string_view word) {
  static const WordSet kWords{
      "company", "firm", "bank", "university", "school", "college", "agency",
      "organization", "organisation", "group", "institution", "institute",
      "center", "centre", "union", "party", "club", "team", "association",
      "society", "foundation", "manufacturer", "maker", "developer",
      "provider", "retailer", "chain", "publisher", "newspaper", "magazine",
      "network", "station", "airline", "brewery", "orchestra", "store",
      "restaurant", "hospital", "museum", "library", "label", "studio",
      "corporation", "conglomerate", "operator", "charity", "council",
      "church", "ministry", "department", "service", "producer", "academy",
      "league", "federation", "body", "carrier", "broadcaster", "consultancy",
      "business", "enterprise", "startup", "cooperative", "nonprofit",
      "non-profit", "subsidiary", "insurer", "distributor", "supplier",
      "contractor", "outfit", "shop", "hotel", "winery", "band"};
  return kWords.contains(word);
}

}  // namespace dossier::indexer::internal
