// The rules, in three steps per sentence:
//  1. Find trigger phrases (the lexicon below), longest first.
//  2. For each, pick its arguments by the trigger's frame: a role noun
//     ("CEO") takes its org after "of/at/for" or glued before it ("Google
//     CEO", "its CEO") and its person from the subject before it or the name
//     right after it; a verb ("co-founded") takes subject and object, or the
//     agent after "by" when passive; org nouns ("subsidiary"), "parent",
//     location phrases ("based in") and acquisitions have their own frames.
//  3. Spread over coordination ("A and B co-founded X with C", "of X and
//     the firm Y") so every conjunct gets the relation.
// Plus two trigger-less patterns: "PERSON of/at ORG" (WORKS_FOR) and
// "ORG's ORG" (PART_OF, "Alibaba's Qwen").
#include "indexer/internal/relation_rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace dossier::indexer::internal {
namespace {

using Units = std::vector<Unit>;

enum class Frame {
  kRole,         // person role noun: "CEO of X", "X's founder Y"
  kVerb,         // subject verb object, or object verb by agent
  kOrgNoun,      // child org noun: "a subsidiary of X", "owned by X"
  kParent,       // parent org noun: "X's parent company Y"
  kLocation,     // "based in P", "headquarters in P"
  kAcquisition,  // "Y's acquisition of X"
};

struct Trigger {
  std::string_view phrase;  // lower-case words separated by single spaces
  RelationType type;
  Frame frame;
  // Only with an agent: "was started in 1983 by A" founds, "A started
  // working at X" does not.
  bool passive_only = false;
};

constexpr RelationType kF = RelationType::kFounded;
constexpr RelationType kL = RelationType::kLeads;
constexpr RelationType kW = RelationType::kWorksFor;
constexpr RelationType kP = RelationType::kPartOf;
constexpr RelationType kLoc = RelationType::kLocatedIn;
constexpr RelationType kA = RelationType::kAcquired;
constexpr RelationType kI = RelationType::kInvestedIn;

constexpr Trigger kTriggers[] = {
    // FOUNDED
    {"founder", kF, Frame::kRole},
    {"co-founder", kF, Frame::kRole},
    {"cofounder", kF, Frame::kRole},
    {"founders", kF, Frame::kRole},
    {"co-founders", kF, Frame::kRole},
    {"founded", kF, Frame::kVerb},
    {"co-founded", kF, Frame::kVerb},
    {"cofounded", kF, Frame::kVerb},
    {"founds", kF, Frame::kVerb},
    {"founding", kF, Frame::kVerb},
    {"co-founding", kF, Frame::kVerb},
    {"establishing", kF, Frame::kVerb},
    {"forming", kF, Frame::kVerb},
    {"founding member", kF, Frame::kRole},
    {"founding members", kF, Frame::kRole},
    {"founder member", kF, Frame::kRole},
    {"founding director", kF, Frame::kRole},
    {"founding partner", kF, Frame::kRole},
    {"founding father", kF, Frame::kRole},
    {"established", kF, Frame::kVerb},
    {"formed", kF, Frame::kVerb},
    {"set up", kF, Frame::kVerb},
    {"started", kF, Frame::kVerb, true},
    {"-founded", kF, Frame::kVerb},
    // LEADS
    {"ceo", kL, Frame::kRole},
    {"chief executive", kL, Frame::kRole},
    {"chief executive officer", kL, Frame::kRole},
    {"chief-executive", kL, Frame::kRole},
    {"president", kL, Frame::kRole},
    {"chairman", kW, Frame::kRole},
    {"chairwoman", kW, Frame::kRole},
    {"executive chairman", kL, Frame::kRole},
    {"chairperson", kL, Frame::kRole},
    {"managing director", kL, Frame::kRole},
    {"head", kL, Frame::kRole},
    {"leader", kL, Frame::kRole},
    {"general manager", kL, Frame::kRole},
    {"director-general", kL, Frame::kRole},
    {"director general", kL, Frame::kRole},
    {"led", kL, Frame::kVerb},
    {"leads", kL, Frame::kVerb},
    {"heads", kL, Frame::kVerb},
    {"headed", kL, Frame::kVerb},
    // WORKS_FOR
    {"member", kW, Frame::kRole},
    {"members", kW, Frame::kRole},
    {"employee", kW, Frame::kRole},
    {"professor", kW, Frame::kRole},
    {"lecturer", kW, Frame::kRole},
    {"researcher", kW, Frame::kRole},
    {"scientist", kW, Frame::kRole},
    {"analyst", kW, Frame::kRole},
    {"spokesperson", kW, Frame::kRole},
    {"spokesman", kW, Frame::kRole},
    {"spokeswoman", kW, Frame::kRole},
    {"minister", kW, Frame::kRole},
    {"player", kW, Frame::kRole},
    {"coach", kW, Frame::kRole},
    {"manager", kW, Frame::kRole},
    {"director", kW, Frame::kRole},
    {"executive", kW, Frame::kRole},
    {"officer", kW, Frame::kRole},
    {"vice president", kW, Frame::kRole},
    {"vice-president", kW, Frame::kRole},
    {"editor", kW, Frame::kRole},
    {"reporter", kW, Frame::kRole},
    {"correspondent", kW, Frame::kRole},
    {"journalist", kW, Frame::kRole},
    {"engineer", kW, Frame::kRole},
    {"economist", kW, Frame::kRole},
    {"fellow", kW, Frame::kRole},
    {"partner", kW, Frame::kRole},
    {"adviser", kW, Frame::kRole},
    {"advisor", kW, Frame::kRole},
    {"consultant", kW, Frame::kRole},
    {"secretary", kW, Frame::kRole},
    {"treasurer", kW, Frame::kRole},
    {"trustee", kW, Frame::kRole},
    {"governor", kW, Frame::kRole},
    {"teacher", kW, Frame::kRole},
    {"dean", kW, Frame::kRole},
    {"captain", kW, Frame::kRole},
    {"producer", kW, Frame::kRole},
    {"writer", kW, Frame::kRole},
    {"columnist", kW, Frame::kRole},
    {"counsel", kW, Frame::kRole},
    {"lawyer", kW, Frame::kRole},
    {"attorney", kW, Frame::kRole},
    {"staff", kW, Frame::kRole},
    {"faculty", kW, Frame::kRole},
    {"commentator", kW, Frame::kRole},
    {"conductor", kW, Frame::kRole},
    {"cto", kW, Frame::kRole},
    {"cfo", kW, Frame::kRole},
    {"coo", kW, Frame::kRole},
    {"psychologist", kW, Frame::kRole},
    {"physicist", kW, Frame::kRole},
    {"historian", kW, Frame::kRole},
    {"chemist", kW, Frame::kRole},
    {"biologist", kW, Frame::kRole},
    {"mathematician", kW, Frame::kRole},
    {"anthropologist", kW, Frame::kRole},
    {"sociologist", kW, Frame::kRole},
    {"astronomer", kW, Frame::kRole},
    {"pilot", kW, Frame::kRole},
    {"employees", kW, Frame::kRole},
    {"chief operating officer", kW, Frame::kRole},
    {"chief financial officer", kW, Frame::kRole},
    {"chief technology officer", kW, Frame::kRole},
    {"joined", kW, Frame::kVerb},
    {"joins", kW, Frame::kVerb},
    {"joining", kW, Frame::kVerb},
    {"worked", kW, Frame::kVerb},
    {"works", kW, Frame::kVerb},
    {"taught", kW, Frame::kVerb},
    {"teaches", kW, Frame::kVerb},
    {"employed", kW, Frame::kVerb},
    {"resigned from", kW, Frame::kVerb},
    {"resign from", kW, Frame::kVerb},
    {"leaving", kW, Frame::kVerb},
    {"left", kW, Frame::kVerb},
    {"retired from", kW, Frame::kVerb},
    {"works for", kW, Frame::kVerb},
    {"works at", kW, Frame::kVerb},
    {"worked for", kW, Frame::kVerb},
    {"worked at", kW, Frame::kVerb},
    {"working for", kW, Frame::kVerb},
    {"working at", kW, Frame::kVerb},
    {"employed by", kW, Frame::kVerb},
    {"hired by", kW, Frame::kVerb},
    {"served", kW, Frame::kVerb},
    {"serves", kW, Frame::kVerb},
    {"plays for", kW, Frame::kVerb},
    {"played for", kW, Frame::kVerb},
    {"signed for", kW, Frame::kVerb},
    {"signed with", kW, Frame::kVerb},
    {"taught at", kW, Frame::kVerb},
    {"teaches at", kW, Frame::kVerb},
    // PART_OF
    {"subsidiary", kP, Frame::kOrgNoun},
    {"subsidiaries", kP, Frame::kOrgNoun},
    {"unit", kP, Frame::kOrgNoun},
    {"division", kP, Frame::kOrgNoun},
    {"arm", kP, Frame::kOrgNoun},
    {"affiliate", kP, Frame::kOrgNoun},
    {"brand", kP, Frame::kOrgNoun},
    {"imprint", kP, Frame::kOrgNoun},
    {"part of", kP, Frame::kOrgNoun},
    {"owned by", kP, Frame::kOrgNoun},
    {"-owned", kP, Frame::kOrgNoun},
    {"parent", kP, Frame::kParent},
    {"parent company", kP, Frame::kParent},
    // LOCATED_IN
    {"based in", kLoc, Frame::kLocation},
    {"based at", kLoc, Frame::kLocation},
    {"based out of", kLoc, Frame::kLocation},
    {"headquartered in", kLoc, Frame::kLocation},
    {"headquartered at", kLoc, Frame::kLocation},
    {"headquarters", kLoc, Frame::kLocation},
    {"head office", kLoc, Frame::kLocation},
    {"located in", kLoc, Frame::kLocation},
    {"-based", kLoc, Frame::kLocation},
    {"based", kLoc, Frame::kLocation},
    {"headquarter", kLoc, Frame::kLocation},
    // ACQUIRED
    {"acquired", kA, Frame::kVerb},
    {"acquires", kA, Frame::kVerb},
    {"bought", kA, Frame::kVerb},
    {"buys", kA, Frame::kVerb},
    {"purchased", kA, Frame::kVerb},
    {"took over", kA, Frame::kVerb},
    {"acquisition", kA, Frame::kAcquisition},
    {"takeover", kA, Frame::kAcquisition},
    // INVESTED_IN
    {"invested in", kI, Frame::kVerb},
    {"invests in", kI, Frame::kVerb},
    {"investor in", kI, Frame::kVerb},
    {"stake in", kI, Frame::kVerb},
};

constexpr int kPersonMask = 1;
constexpr int kOrgMask = 2;
constexpr int kPlaceMask = 4;
// With kOrgMask: also accept places and named people. The recognizer often
// types an organisation as one of those, and in object position after "CEO
// of" or "co-founded" a name is an organisation whatever its tag says.
constexpr int kLooseBit = 8;
constexpr int kTailMask = kOrgMask | kLooseBit;
// Accept candidate arguments (capitalized runs no mention covers).
constexpr int kCandidateBit = 16;

int MaskOf(ArgKind kind) {
  switch (kind) {
    case ArgKind::kPerson:
      return kPersonMask;
    case ArgKind::kOrg:
      return kOrgMask;
    case ArgKind::kPlace:
      return kPlaceMask;
    case ArgKind::kNone:
      return 0;
  }
  return 0;
}

bool Matches(const Unit& unit, int mask) {
  if (unit.candidate) {
    return (mask & (kLooseBit | kCandidateBit)) != 0;
  }
  if ((mask & kLooseBit) != 0 && unit.is_arg() && !unit.pronoun) {
    return true;
  }
  return (MaskOf(unit.kind) & mask) != 0;
}

bool IsWord(const Units& units, int idx, std::string_view word) {
  return idx >= 0 && idx < static_cast<int>(units.size()) &&
         units[idx].is_word() && units[idx].text == word;
}

// Punctuation that ends a phrase; arguments are not looked for across it.
bool IsStopPunct(const Unit& unit) {
  static const WordSet kStopPunct{
      ",", ";", ":", ".", "!", "?", "\xE2\x80\x94", "\"", "\xE2\x80\x9C",
      "\xE2\x80\x9D"};
  return unit.is_word() &&
         kStopPunct.contains(unit.text);
}

// Words that open a new clause: an object is not looked for beyond them.
bool IsClauseWord(const Unit& unit) {
  static const WordSet kClauseWords{
      "who", "which", "that", "is", "was", "were", "are", "said", "says",
      "has", "had", "while", "when", "after", "before", "but", "because",
      "with"};
  return unit.is_word() &&
         kClauseWords.contains(unit.text);
}

// "son of", "widow of": the role that follows belongs to the relative
// ("X, the son of a Church of Scotland minister").
bool IsKinshipOf(const Units& units, int idx) {
  static const WordSet kKinship{
      "son", "daughter", "wife", "husband", "widow", "widower", "father",
      "mother", "brother", "sister", "grandson", "granddaughter", "nephew",
      "niece", "child", "children", "sons", "daughters", "parents", "stepson",
      "stepdaughter", "cousin", "fiancee", "fiance", "partner"};
  return idx >= 0 && idx < static_cast<int>(units.size()) &&
         units[idx].is_word() &&
         kKinship.contains(units[idx].text) &&
         IsWord(units, idx + 1, "of");
}

// Words that may stand between a possessor or org and a role noun.
bool IsRoleModifier(const Unit& unit) {
  static const WordSet kRoleModifiers{
      "former", "current", "interim", "acting", "then", "new", "longtime",
      "founding", "deputy", "senior", "executive", "the", "co", "global",
      "group", "sole", "wholly-owned", "wholly", "owned", "majority-owned",
      "principal", "chief", "vice", "assistant", "associate", "joint", "its",
      "late"};
  return unit.is_word() &&
         kRoleModifiers.contains(unit.text);
}

// The trigger starting at units[idx]: its entry and length in units.
struct TriggerMatch {
  const Trigger* trigger = nullptr;
  int length = 0;
};

// The triggers by their first word, built once: the rules ask about every
// unit of every sentence, and a scan of the whole table per unit was the
// largest cost of relation extraction. `first_words` gives the position of
// a word's list in `triggers`.
struct TriggerIndex {
  WordSet first_words;
  std::vector<std::vector<const Trigger*>> triggers;
};

const TriggerIndex& TriggersByFirstWord() {
  static const TriggerIndex kIndex = [] {
    std::vector<std::string_view> words;
    std::vector<std::vector<const Trigger*>> triggers;
    for (const Trigger& trigger : kTriggers) {
      const std::string_view phrase = trigger.phrase;
      const std::string_view first = phrase.substr(0, phrase.find(' '));
      const auto at = std::find(words.begin(), words.end(), first);
      if (at == words.end()) {
        words.push_back(first);
        triggers.push_back({&trigger});
      } else {
        triggers[static_cast<std::size_t>(at - words.begin())].push_back(
            &trigger);
      }
    }
    return TriggerIndex{WordSet(words), std::move(triggers)};
  }();
  return kIndex;
}

std::optional<TriggerMatch> MatchTrigger(const Units& units, int idx) {
  if (idx < 0 || idx >= static_cast<int>(units.size()) ||
      !units[idx].is_word()) {
    return std::nullopt;
  }
  const TriggerIndex& index = TriggersByFirstWord();
  const int found = index.first_words.find(units[idx].text);
  if (found < 0) {
    return std::nullopt;
  }
  std::optional<TriggerMatch> best;
  for (const Trigger* trigger :
       index.triggers[static_cast<std::size_t>(found)]) {
    std::string_view rest = trigger->phrase;
    int length = 0;
    bool ok = true;
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      rest = space == std::string_view::npos ? std::string_view()
                                             : rest.substr(space + 1);
      if (!IsWord(units, idx + length, word)) {
        ok = false;
        break;
      }
      ++length;
    }
    if (ok && (!best || length > best->length)) {
      best = TriggerMatch{trigger, length};
    }
  }
  return best;
}

bool StartsTrigger(const Units& units, int idx) {
  return MatchTrigger(units, idx).has_value();
}

// A founder role naming the next item of a list ("founded by A and
// co-founder B", "A and fellow founder B"): a description, not a new
// clause.
bool IsDescriptorRole(const Units& units, int idx) {
  const std::optional<TriggerMatch> match = MatchTrigger(units, idx);
  return match && match->trigger->frame == Frame::kRole &&
         match->trigger->type == RelationType::kFounded;
}

// Nearest argument matching `mask` after units[from - 1], passing at most
// `max_words` words; stops at clause punctuation (commas too unless
// `allow_comma`), clause words and person arguments that do not match.
int NextArg(const Units& units, int from, int mask, int max_words,
            bool allow_comma = false) {
  int words = 0;
  for (int idx = from; idx < static_cast<int>(units.size()); ++idx) {
    const Unit& unit = units[idx];
    if (unit.is_arg()) {
      if (Matches(unit, mask)) {
        return idx;
      }
      if (unit.kind == ArgKind::kPerson || unit.pronoun) {
        return -1;
      }
      continue;  // "the Paris office of X": a place may stand between
    }
    if (IsStopPunct(unit) && !(allow_comma && unit.text == ",")) {
      return -1;
    }
    if (IsClauseWord(unit) || ++words > max_words) {
      return -1;
    }
  }
  return -1;
}

// Nearest argument matching `mask` before units[from], within `max_words`.
int PrevArg(const Units& units, int from, int mask, int max_words) {
  int words = 0;
  for (int idx = from - 1; idx >= 0; --idx) {
    const Unit& unit = units[idx];
    if (unit.is_arg()) {
      if (Matches(unit, mask)) {
        return idx;
      }
      continue;
    }
    if (++words > max_words) {
      return -1;
    }
  }
  return -1;
}

// The conjuncts after `first` ("X, Y and the firm Z"): arguments of `mask`
// joined by a comma or "and"/"or"/"&" with a few words between.
std::vector<int> CoordinatedAfter(const Units& units, int first, int mask) {
  static const WordSet kConjunctFollowers{
      "and", "or", "in", "of", "at", "for", "which", "who", "that", "with"};
  static const WordSet kPrepositions{
      "of", "to", "from", "by", "in", "at", "for", "on"};
  static const WordSet kSayingVerbs{
      "told", "said", "says", "added", "warned", "argued", "announced",
      "stated", "explained", "noted", "wrote", "asked", "urged", "claimed",
      "insisted", "admitted", "confirmed", "denied", "suggested", "tells",
      "adds"};
  std::vector<int> out{first};
  int idx = first + 1;
  const int size = static_cast<int>(units.size());
  while (idx < size) {
    const Unit& joiner = units[idx];
    if (!joiner.is_word() ||
        !IsOneOf(joiner.text, {",", "and", "or", "&", "as"})) {
      break;
    }
    int next = idx + 1;
    if (joiner.text == "as") {  // "as well as"
      if (!IsWord(units, idx + 1, "well") || !IsWord(units, idx + 2, "as")) {
        break;
      }
      next = idx + 3;
    }
    if (joiner.text == "," && IsWord(units, next, "and")) {
      ++next;
    }
    int words = 0;
    const int max_words = joiner.text == "," ? 3 : 10;
    int found = -1;
    for (int probe = next; probe < size; ++probe) {
      const Unit& unit = units[probe];
      if (unit.is_arg()) {
        // A name used as a modifier ("the AI research firm Laude") is not
        // the conjunct; the phrase's own name comes later.
        const bool modifier = probe + 1 < size && units[probe + 1].is_word() &&
                              !units[probe + 1].text.empty() &&
                              std::islower(static_cast<unsigned char>(
                                  units[probe + 1].text[0])) != 0 &&
                              !kConjunctFollowers.contains(units[probe + 1].text);
        if (modifier && words < max_words) {
          ++words;
          continue;
        }
        if (Matches(unit, mask)) {
          found = probe;
        }
        break;
      }
      if (IsStopPunct(unit) || IsClauseWord(unit) ||
          (StartsTrigger(units, probe) && !IsDescriptorRole(units, probe)) ||
          ++words > max_words ||
          kPrepositions.contains(unit.text)) {
        break;
      }
      // "X, told the Y Summit": a verb of saying after the comma opens a
      // new clause, not the next item of a list.
      if (joiner.text == "," && probe == next &&
          kSayingVerbs.contains(unit.text)) {
        break;
      }
    }
    if (found < 0) {
      break;
    }
    out.push_back(found);
    idx = found + 1;
  }
  return out;
}

// The conjuncts before `last` ("A, B and C founded"), nearest first.
std::vector<int> CoordinatedBefore(const Units& units, int last, int mask) {
  std::vector<int> out{last};
  int idx = last - 1;
  while (idx >= 1 && units[idx].is_word() &&
         IsOneOf(units[idx].text, {",", "and", "&"})) {
    int prev = idx - 1;
    if (units[idx].text == "and" && IsWord(units, prev, ",")) {
      --prev;
    }
    if (prev < 0 || !Matches(units[prev], mask)) {
      break;
    }
    out.push_back(prev);
    idx = prev - 1;
  }
  return out;
}

class SentenceRules {
 public:
  explicit SentenceRules(const Units& units) : units_(units) {}

  std::vector<Fact> Run() {
    const int size = static_cast<int>(units_.size());
    for (int idx = 0; idx < size; ++idx) {
      if (!units_[idx].is_word()) {
        ApplyArgPatterns(idx);
        continue;
      }
      if (IsOrgNoun(units_[idx].text)) {
        ApplyOrgDescription(idx);
      }
      const std::optional<TriggerMatch> match = MatchTrigger(units_, idx);
      if (!match) {
        continue;
      }
      ApplyTrigger(*match->trigger, idx, idx + match->length);
      idx += match->length - 1;
    }
    AddCareerFacts();
    return std::move(facts_);
  }

 private:
  void Emit(RelationType type, int head, int tail, const Trigger* trigger,
            std::string_view rule) {
    if (head < 0 || tail < 0 || units_[head].group == units_[tail].group) {
      return;
    }
    Fact fact;
    fact.type = type;
    fact.head = head;
    fact.tail = tail;
    if (trigger != nullptr) {
      fact.role = std::string(trigger->phrase);
    }
    fact.rule = std::string(rule);
    facts_.push_back(std::move(fact));
  }

  void EmitAll(RelationType type, const std::vector<int>& heads,
               const std::vector<int>& tails, const Trigger* trigger,
               std::string_view rule) {
    for (int head : heads) {
      for (int tail : tails) {
        Emit(type, head, tail, trigger, rule);
      }
    }
  }

  // The sentence's subject when it opens the sentence and a verb follows
  // it ("Tarjan is ...", "Isaac has worked ..."), whatever the recognizer
  // tagged it: a fallback when no person precedes a person trigger.
  int SubjectBefore(int begin) const {
    static const WordSet kCareerVerbs{
        "is", "was", "has", "had", "serves", "served", "joined", "worked",
        "works", "became", "becomes", "holds", "held", "also", "currently",
        "previously"};
    if (begin < 2 || !units_[0].is_arg() || units_[0].pronoun ||
        units_[0].candidate) {
      return -1;
    }
    if (!units_[1].is_word() ||
        !kCareerVerbs.contains(units_[1].text)) {
      return -1;
    }
    return 0;
  }

  // The conjuncts of an organisation are organisations; those of a name
  // the recognizer did not type ORG may have any tag.
  int TailConjunctMask(int first) const {
    return units_[first].kind == ArgKind::kOrg ? kOrgMask | kCandidateBit
                                               : kTailMask;
  }

  // A name used as a modifier ("co-founded the AI research firm Laude";
  // with `places`, also "the Melbourne engineering company White"): the
  // organisation the phrase ends with, a few words on, when there is one;
  // else `idx`.
  int PastModifier(int idx, bool places = false) const {
    static const WordSet kModifiedFollowers{
        "and", "or", "in", "of", "at", "for", "which", "who", "that", "with"};
    const int size = static_cast<int>(units_.size());
    if (idx < 0 ||
        !(units_[idx].candidate ||
          (places && units_[idx].kind == ArgKind::kPlace)) ||
        idx + 1 >= size || !units_[idx + 1].is_word() ||
        units_[idx + 1].text.empty() ||
        std::islower(static_cast<unsigned char>(units_[idx + 1].text[0])) ==
            0 ||
        kModifiedFollowers.contains(units_[idx + 1].text)) {
      return idx;
    }
    for (int probe = idx + 1; probe < std::min(size, idx + 8); ++probe) {
      const Unit& unit = units_[probe];
      if (unit.is_arg()) {
        return !unit.pronoun && (Matches(unit, kOrgMask) || unit.candidate)
                   ? probe
                   : idx;
      }
      if (IsStopPunct(unit) || IsClauseWord(unit) ||
          StartsTrigger(units_, probe)) {
        return idx;
      }
    }
    return idx;
  }

  // Index of the argument just before `idx`, past role modifiers, or -1.
  int GluedBefore(int idx, int mask) const {
    int probe = idx - 1;
    while (probe >= 0 && IsRoleModifier(units_[probe]) &&
           units_[probe].text != "its") {
      --probe;
    }
    if (probe >= 0 && Matches(units_[probe], mask)) {
      return probe;
    }
    return -1;
  }

  void ApplyTrigger(const Trigger& trigger, int begin, int end) {
    switch (trigger.frame) {
      case Frame::kRole:
        ApplyRole(trigger, begin, end);
        return;
      case Frame::kVerb:
        ApplyVerb(trigger, begin, end);
        return;
      case Frame::kOrgNoun:
        ApplyOrgNoun(trigger, begin, end);
        return;
      case Frame::kParent:
        ApplyParent(trigger, begin, end);
        return;
      case Frame::kLocation:
        ApplyLocation(trigger, begin, end);
        return;
      case Frame::kAcquisition:
        ApplyAcquisition(trigger, begin, end);
        return;
    }
  }

  // Skips "and CEO", "/CEO", "(CEO)" after a role so "founder and CEO of X"
  // gives the founder X too. Returns the index after the role group.
  int SkipRoleGroup(int end) const {
    const int size = static_cast<int>(units_.size());
    while (end < size) {
      if (IsWord(units_, end, "(") && IsWord(units_, end + 2, ")")) {
        end += 3;
        continue;
      }
      if (units_[end].is_word() &&
          IsOneOf(units_[end].text, {"and", ",", "&", "/"})) {
        int next = end + 1;
        while (next < size && IsRoleModifier(units_[next])) {
          ++next;
        }
        const std::optional<TriggerMatch> match = MatchTrigger(units_, next);
        if (match && match->trigger->frame == Frame::kRole) {
          end = next + match->length;
          continue;
        }
      }
      break;
    }
    return end;
  }

  void ApplyRole(const Trigger& trigger, int begin, int end) {
    static const WordSet kQuantifiers{
        "every", "all", "each", "many", "some", "most", "any", "other",
        "several", "few", "thousands", "hundreds"};
    static const WordSet kBodies{
        "committee", "board", "panel", "commission", "inquiry", "taskforce",
        "department", "ministry"};
    static const WordSet kTitlePrefixes{
        "First", "Home", "Foreign", "Prime", "Deputy", "Shadow", "Chief",
        "Junior", "Senior", "Vice", "General"};
    // "every doctor and teacher in the UK", "many employees of X": nobody
    // in particular holds the role.
    for (int idx = begin - 1; idx >= 0 && idx >= begin - 4; --idx) {
      const Unit& unit = units_[idx];
      if (!unit.is_word() || IsStopPunct(unit)) {
        break;
      }
      if (kQuantifiers.contains(unit.text)) {
        return;
      }
    }
    const int after = SkipRoleGroup(end);
    std::vector<int> tails;
    bool tail_glued = false;
    if (IsWord(units_, after, "of") || IsWord(units_, after, "at") ||
        IsWord(units_, after, "for") || IsWord(units_, after, "with") ||
        IsWord(units_, after, "in") || IsWord(units_, after, "to")) {
      int tail = NextArg(units_, after + 1, kTailMask, 10);
      // "chairman of the committee on Lords reform": the role is of the
      // unnamed body, not of the name after it.
      for (int idx = after + 1; tail >= 0 && idx < tail; ++idx) {
        if (units_[idx].is_word() &&
            (IsOrgNoun(units_[idx].text) ||
             kBodies.contains(units_[idx].text)) &&
            idx + 1 < tail && units_[idx + 1].is_word() &&
            IsOneOf(units_[idx + 1].text, {"on", "for", "of", "in", "at"})) {
          tail = -1;
        }
      }
      if (tail >= 0) {
        tails = CoordinatedAfter(units_, tail, TailConjunctMask(tail));
      }
      // "Professor of Physics at MIT": the "of" object was a field.
      if (!tails.empty() && IsWord(units_, after, "of") &&
          (IsWord(units_, tails.back() + 1, "at") ||
           IsWord(units_, tails.back() + 1, "in"))) {
        const int employer = NextArg(units_, tails.back() + 2, kTailMask, 2);
        if (employer >= 0 && !Matches(units_[employer], kPlaceMask)) {
          tails =
              CoordinatedAfter(units_, employer, TailConjunctMask(employer));
        }
      }
    }
    if (tails.empty()) {
      // "Lotus founder Colin Chapman": a name between a role and the
      // person holding it is the organisation, whatever its tag.
      const int person_after = IsWord(units_, end, ",") ? end + 1 : end;
      const bool person_follows =
          person_after < static_cast<int>(units_.size()) &&
          units_[person_after].kind == ArgKind::kPerson &&
          !units_[person_after].pronoun;
      const int glued = GluedBefore(
          begin, person_follows ? kOrgMask | kCandidateBit : kOrgMask);
      if (glued < 0) {
        return;
      }
      // "First Minister", "Home Secretary": part of the title.
      if (kTitlePrefixes.contains(units_[glued].text)) {
        return;
      }
      tails.push_back(glued);
      tail_glued = true;
    }
    int head = -1;
    const int right_after = IsWord(units_, end, ",") ? end + 1 : end;
    if (right_after < static_cast<int>(units_.size()) &&
        Matches(units_[right_after], kPersonMask) && tail_glued) {
      head = right_after;  // "Google CEO Sundar Pichai"
    }
    std::vector<int> heads;
    if (head < 0) {
      const int from = tail_glued ? tails.front() : begin;
      head = PrevArg(units_, from, kPersonMask, 30);
      if (head >= 0) {
        for (int idx = head; idx < from; ++idx) {
          if (IsKinshipOf(units_, idx)) {
            return;  // the role is a relative's
          }
        }
        // "X is the wife of Y and the co-founder of Z": Y is only named in
        // a kinship phrase; the coordinated role is the subject's.
        if (head >= 2 && IsKinshipOf(units_, head - 2)) {
          bool coordinated = false;
          for (int idx = head + 1; idx < from && !coordinated; ++idx) {
            coordinated = IsWord(units_, idx, "and");
          }
          const int subject = coordinated ? SubjectBefore(head - 2) : -1;
          if (subject >= 0) {
            head = subject;
          }
        }
        heads = CoordinatedBefore(units_, head, kPersonMask);
      }
    } else {
      heads.push_back(head);
    }
    if (heads.empty()) {  // "the CEO of X, Tim Cook,"
      head = SubjectBefore(begin);
      if (head < 0) {
        head = NextArg(units_, tails.back() + 1, kPersonMask, 4, true);
      }
      if (head < 0) {
        return;
      }
      heads.push_back(head);
    }
    EmitAll(trigger.type, heads, tails, &trigger,
            tail_glued ? "role-glued" : "role-of");
  }

  void ApplyVerb(const Trigger& trigger, int begin, int end) {
    const int head_mask = trigger.type == RelationType::kWorksFor ||
                                  trigger.type == RelationType::kLeads
                              ? kPersonMask
                              : kPersonMask | kOrgMask;
    if (trigger.phrase.front() == '-') {  // "Musk-founded X"
      const int head = begin - 1;
      const int tail = NextArg(units_, end, kTailMask, 4);
      if (head >= 0 && Matches(units_[head], head_mask)) {
        Emit(trigger.type, head, tail, &trigger, "verb-hyphen");
      }
      return;
    }
    // Passive: "X was founded in 1998 by A and B".
    int by = -1;
    if (!trigger.phrase.ends_with(" by")) {
      for (int probe = end;
           probe < static_cast<int>(units_.size()) && probe < end + 8;
           ++probe) {
        if (IsWord(units_, probe, "by")) {
          by = probe;
          break;
        }
        // "established in 2006 in San Diego by ...": places may stand
        // between.
        if ((units_[probe].is_arg() && units_[probe].kind != ArgKind::kPlace) ||
            IsClauseWord(units_[probe]) ||
            (IsStopPunct(units_[probe]) && units_[probe].text != ",")) {
          break;
        }
      }
    } else {
      by = end - 1;
    }
    if (by < 0 && trigger.passive_only) {
      return;
    }
    if (by >= 0) {
      const bool agent_is_tail = trigger.phrase.ends_with(" by");
      const int agent_mask = agent_is_tail ? kOrgMask : head_mask;
      int agent = NextArg(units_, by + 1, agent_mask, 4);
      // "founded by a Pakistani businessman, Haji Abdul Razzak Yaqoob": a
      // description, a comma, then the name.
      if (!agent_is_tail && (agent < 0 || units_[agent].kind != ArgKind::kPerson)) {
        for (int probe = by + 1;
             probe < static_cast<int>(units_.size()) - 1 && probe <= by + 6;
             ++probe) {
          if (IsWord(units_, probe, ",")) {
            if (probe > by + 1 &&
                units_[probe + 1].kind == ArgKind::kPerson &&
                units_[probe + 1].is_arg() && !units_[probe + 1].pronoun) {
              agent = probe + 1;
            }
            break;
          }
          // A name used as a modifier ("a Pakistani businessman") may
          // stand in the description; a person or a name alone may not.
          const bool modifier = units_[probe].is_arg() &&
                                units_[probe].kind != ArgKind::kPerson &&
                                units_[probe + 1].is_word() &&
                                !IsStopPunct(units_[probe + 1]);
          if (IsStopPunct(units_[probe]) || IsClauseWord(units_[probe]) ||
              (units_[probe].is_arg() && !modifier)) {
            break;
          }
        }
      }
      // "led by Mr Glazer's two sons": the agent is what the possessive
      // qualifies, which is no argument here.
      if (agent >= 0 && units_[agent].possessive && !units_[agent].pronoun &&
          agent + 1 < static_cast<int>(units_.size()) &&
          units_[agent + 1].is_word() && !IsStopPunct(units_[agent + 1])) {
        return;
      }
      // "by Unification Church founder Sun Myung Moon": the person the
      // role noun introduces.
      // "by its director Mr. Sunil Dhadwe": past a role and a title.
      if (agent >= 0 && !agent_is_tail &&
          units_[agent].kind != ArgKind::kPerson) {
        for (int probe = agent + 2;
             probe < static_cast<int>(units_.size()) && probe <= agent + 3;
             ++probe) {
          if (!units_[probe - 1].is_word() || IsStopPunct(units_[probe - 1])) {
            break;
          }
          if (units_[probe].kind == ArgKind::kPerson && units_[probe].is_arg()) {
            agent = probe;
            break;
          }
        }
      }
      if (agent < 0) {
        return;
      }
      const std::vector<int> agents =
          CoordinatedAfter(units_, agent, agent_mask);
      const int patient_mask = agent_is_tail ? kPersonMask : kOrgMask;
      int patient = PrevArg(units_, begin, patient_mask, 30);
      if (patient < 0 && !agent_is_tail) {
        // A mistyped or unrecognised organisation: what "was founded by"
        // someone is one.
        patient = SubjectOrg(begin, /*allow_candidate=*/true);
      }
      if (patient < 0) {
        patient = NextArg(units_, agents.back() + 1, patient_mask, 6, true);
      }
      if (patient < 0) {
        return;
      }
      if (agent_is_tail) {
        EmitAll(trigger.type, {patient}, agents, &trigger, "verb-passive");
      } else {
        EmitAll(trigger.type, agents, {patient}, &trigger, "verb-passive");
      }
      return;
    }
    // "the research that led to X" leads nothing.
    if (trigger.type == RelationType::kLeads && IsWord(units_, end, "to")) {
      return;
    }
    int head = PrevArg(units_, begin, head_mask, 30);
    std::vector<int> tails;
    const int tail = PastModifier(NextArg(units_, end, kTailMask, 6));
    // "the founding Agnelli family": a family, not something founded.
    if (tail >= 0 && trigger.phrase == "founding" &&
        tail + 1 < static_cast<int>(units_.size()) &&
        units_[tail + 1].is_word() &&
        IsOneOf(units_[tail + 1].text, {"family", "families", "dynasty"})) {
      return;
    }
    // "left for Africa", "leaving Paris": a journey, not an employer.
    if (tail >= 0 && IsOneOf(trigger.phrase, {"left", "leaving"}) &&
        units_[tail].kind == ArgKind::kPlace && !units_[tail].candidate) {
      return;
    }
    if (tail >= 0) {
      tails = CoordinatedAfter(units_, tail, TailConjunctMask(tail));
    }
    if (head < 0 && !tails.empty()) {
      // "Prior to joining X, Denis was ...": the subject follows.
      head = NextArg(units_, tails.back() + 1, kPersonMask, 2, true);
    }
    if (head < 0 && head_mask == kPersonMask) {
      head = SubjectBefore(begin);
    }
    if (head < 0) {
      return;
    }
    const std::vector<int> heads = CoordinatedBefore(units_, head, head_mask);
    if (tails.empty() && head >= 1 && units_[head - 1].pronoun &&
        Matches(units_[head - 1], kOrgMask)) {
      tails.push_back(head - 1);  // "X, which Y founded"
    }
    EmitAll(trigger.type, heads, tails, &trigger, "verb-active");
    // "A co-founded X with B and C", "which A co-founded with B": B and C
    // founded X too.
    if (trigger.type == RelationType::kFounded && !tails.empty()) {
      // "with" right after the object, or after the verb when the object
      // came before it, a few words ("political party") allowed between.
      int with = tails.back() >= end ? tails.back() + 1 : end;
      const int size = static_cast<int>(units_.size());
      for (int probe = with; probe < std::min(with + 5, size); ++probe) {
        if (IsWord(units_, probe, "with")) {
          with = probe;
          break;
        }
        // "co-founded X at Rutgers with Y": a place or host between.
        const bool hosted = units_[probe].is_arg() && probe > with &&
                            (IsWord(units_, probe - 1, "at") ||
                             IsWord(units_, probe - 1, "in"));
        if ((!units_[probe].is_word() && !hosted) ||
            IsStopPunct(units_[probe])) {
          break;
        }
      }
      if (IsWord(units_, with, "with")) {
        const int partner = NextArg(units_, with + 1, kPersonMask, 3);
        if (partner >= 0) {
          EmitAll(trigger.type, CoordinatedAfter(units_, partner, kPersonMask),
                  tails, &trigger, "verb-with");
        }
      }
    }
  }

  void ApplyOrgNoun(const Trigger& trigger, int begin, int end) {
    if (trigger.phrase.front() == '-') {  // "Google-owned YouTube"
      const int parent = begin - 1;
      const int child = NextArg(units_, end, kOrgMask, 3);
      if (parent >= 0 && Matches(units_[parent], kOrgMask)) {
        Emit(trigger.type, child, parent, &trigger, "org-hyphen");
      }
      return;
    }
    // "as part of a strategy": an idiom, not membership.
    if (trigger.phrase == "part of" && IsWord(units_, begin - 1, "as")) {
      return;
    }
    const bool has_prep =
        trigger.phrase.ends_with(" of") || trigger.phrase.ends_with(" by");
    const int after = has_prep ? end : SkipRoleGroup(end);
    if (has_prep || IsWord(units_, after, "of") ||
        IsWord(units_, after, "to")) {
      const int parent = PastModifier(
          NextArg(units_, has_prep ? after : after + 1, kTailMask, 8),
          /*places=*/true);
      if (parent < 0) {
        return;
      }
      // "S is a (wholly owned) subsidiary of X", "S, a subsidiary of X":
      // S is an organisation whatever its tag.
      int child = DescribedBefore(begin);
      if (child < 0) {
        child = PrevArg(units_, begin, kOrgMask, 30);
      }
      if (child < 0) {
        return;
      }
      EmitAll(trigger.type, CoordinatedBefore(units_, child, kOrgMask),
              CoordinatedAfter(units_, parent, kOrgMask), &trigger, "org-of");
      return;
    }
    // "Qantas subsidiary Network Aviation", "Farmers' subsidiaries are X".
    const int parent = GluedBefore(begin, kOrgMask);
    if (parent < 0) {
      return;
    }
    const int child = NextArg(units_, end, kOrgMask, 4, true);
    if (child < 0) {
      return;
    }
    EmitAll(trigger.type, CoordinatedAfter(units_, child, kOrgMask), {parent},
            &trigger, "org-glued");
  }

  void ApplyParent(const Trigger& trigger, int begin, int end) {
    if (IsWord(units_, end, "of")) {  // "Y, the parent company of X"
      const int child = NextArg(units_, end + 1, kOrgMask, 4);
      const int parent = PrevArg(units_, begin, kOrgMask, 30);
      Emit(trigger.type, child, parent, &trigger, "parent-of");
      return;
    }
    int child = GluedBefore(begin, kOrgMask);  // "X's parent (company) Y"
    if (child < 0 && begin >= 1 && IsWord(units_, begin - 1, "whose")) {
      child = PrevArg(units_, begin - 1, kOrgMask, 2);
    }
    if (child < 0) {
      return;
    }
    const int parent = NextArg(units_, end, kOrgMask, 3, true);
    Emit(trigger.type, child, parent, &trigger, "parent-glued");
  }

  void ApplyLocation(const Trigger& trigger, int begin, int end) {
    const bool glued_place =
        trigger.phrase.front() == '-' || trigger.phrase == "based";
    if (glued_place) {  // "the Paris-based X", "a Jacksonville based firm"
      const int place = begin - 1;
      if (place < 0 || !Matches(units_[place], kPlaceMask)) {
        return;
      }
      int org = NextArg(units_, end, kOrgMask, 5);
      if (org < 0) {
        org = SubjectOrg(place);
      }
      if (org < 0) {
        org = PrevArg(units_, place, kOrgMask, 6);
      }
      Emit(trigger.type, org, place, &trigger, "location-hyphen");
      return;
    }
    int from = end;
    if (trigger.phrase == "headquarters" || trigger.phrase == "head office" ||
        trigger.phrase == "headquarter") {
      // "its headquarters are in P", "with headquarters in P".
      from = -1;
      for (int probe = end; probe < end + 3; ++probe) {
        if (IsWord(units_, probe, "in") || IsWord(units_, probe, "at")) {
          from = probe + 1;
          break;
        }
      }
      if (from < 0) {
        return;
      }
    }
    const int place = NextArg(units_, from, kPlaceMask, 3);
    if (place < 0) {
      return;
    }
    const std::vector<int> places = CoordinatedAfter(units_, place, kPlaceMask);
    int org = GluedBefore(begin, kOrgMask);
    if (org < 0) {
      org = SubjectOrg(begin);
    }
    if (org < 0) {
      org = PrevArg(units_, begin, kOrgMask, 30);
    }
    // "X is an Internet service provider based in P": the description's
    // noun is not the organisation; the subject it describes is.
    const int subject = LocatedSubject(begin);
    if (subject >= 0 && (org < 0 || (org > subject && InDescription(org)))) {
      org = subject;
    }
    if (org <
        0) {  // "Based in Paris, X ...", "Headquartered in Tampa, Fla., X"
      int after = places.back() + 1;
      if (IsWord(units_, after, ".") && IsWord(units_, after + 1, ",")) {
        ++after;  // the period of an abbreviated place
      }
      org = NextArg(units_, after, kOrgMask, 4, true);
    }
    if (org < 0) {
      return;
    }
    EmitAll(trigger.type, {org}, places, &trigger, "location");
  }

  // The sentence's subject (past a leading "the") when only more of its
  // name stands between it and units_[until] ("of Siena", ", LLC",
  // "Concepts"); -1 otherwise.
  int NamedSubjectUpTo(int until) const {
    const int subject = IsWord(units_, 0, "the") ? 1 : 0;
    if (subject >= until || !units_[subject].is_arg()) {
      return -1;
    }
    for (int idx = subject + 1; idx < until; ++idx) {
      const Unit& unit = units_[idx];
      if (!unit.is_arg() && !IsOneOf(unit.text, {"of", "&", ",", "the", "."})) {
        return -1;
      }
    }
    return subject;
  }

  // The organisation a role-noun phrase describes, past "a"/"an" and a few
  // modifiers ("a wholly owned subsidiary"): the argument before ", a ..."
  // or the sentence's subject before "is/was/became a ...". -1 otherwise.
  int DescribedBefore(int begin) const {
    int probe = begin - 1;
    int words = 0;
    while (probe >= 0 && units_[probe].is_word() &&
           !IsOneOf(units_[probe].text, {"a", "an"})) {
      if (IsStopPunct(units_[probe]) || ++words > 4) {
        return -1;
      }
      --probe;
    }
    if (probe < 1 || !units_[probe].is_word()) {
      return -1;
    }
    const Unit& before = units_[probe - 1];
    if (before.text == "," && probe >= 2 && units_[probe - 2].is_arg() &&
        !(units_[probe - 2].pronoun &&
          units_[probe - 2].kind == ArgKind::kPerson) &&
        units_[probe - 2].kind != ArgKind::kPlace) {
      return probe - 2;
    }
    if (!IsOneOf(before.text, {"is", "was", "became", "becomes"})) {
      return -1;
    }
    const int subject = NamedSubjectUpTo(probe - 1);
    if (subject < 0 ||
        (units_[subject].pronoun && units_[subject].kind == ArgKind::kPerson)) {
      return -1;
    }
    return subject;
  }

  // The subject of "S is headquartered / based / located in P", whatever
  // the recognizer made of it (a name typed PERSON, a capitalized run): only
  // organisations have headquarters. -1 unless the subject opens the
  // sentence and a copula right before the trigger links them.
  int LocatedSubject(int begin) const {
    int copula = 1;
    while (copula < begin &&
           !IsOneOf(units_[copula].text, {"is", "was", "are", "were"})) {
      ++copula;
    }
    const int subject = copula < begin ? NamedSubjectUpTo(copula) : -1;
    if (subject < 0 || units_[subject].pronoun || begin - subject > 16) {
      return -1;
    }
    // Then the trigger, after adverbs ("is originally based in") or a
    // description ("is an Internet service provider based in").
    int next = copula + 1;
    while (next < begin &&
           IsOneOf(units_[next].text,
                   {"originally", "currently", "also", "now", "still"})) {
      ++next;
    }
    if (next == begin) {
      return subject;
    }
    if (!IsWord(units_, next, "a") && !IsWord(units_, next, "an")) {
      return -1;
    }
    for (int idx = next + 1; idx < begin; ++idx) {
      const Unit& unit = units_[idx];
      if (unit.pronoun || IsClauseWord(unit) ||
          (IsStopPunct(unit) && unit.text != ",") ||
          unit.kind == ArgKind::kPlace) {
        return -1;
      }
    }
    return subject;
  }

  // Whether the argument at `idx` sits in a predicate description ("is an
  // industry-leading provider"): "a"/"an" after a copula, a few words back.
  bool InDescription(int idx) const {
    for (int probe = idx - 1; probe >= std::max(1, idx - 8); --probe) {
      if (IsWord(units_, probe, "a") || IsWord(units_, probe, "an")) {
        return IsWord(units_, probe - 1, "is") ||
               IsWord(units_, probe - 1, "was");
      }
    }
    return false;
  }

  // A sentence that states a person's job ("Prior to joining Anaeko, Denis
  // was Chairman of Mobile Cohesion, a company he co-founded after leaving
  // Openwave") is about their career: every organisation it names is one
  // they worked for. Adds WORKS_FOR from that person to each.
  void AddCareerFacts() {
    int person = -1;
    for (const Fact& fact : facts_) {
      if (fact.type != RelationType::kWorksFor &&
          fact.type != RelationType::kLeads &&
          fact.type != RelationType::kFounded) {
        continue;
      }
      if (units_[fact.head].kind != ArgKind::kPerson) {
        continue;
      }
      if (person >= 0 && units_[person].group != units_[fact.head].group) {
        return;  // two people: whose career is ambiguous
      }
      person = fact.head;
    }
    if (person < 0) {
      return;
    }
    std::set<int> taken;  // orgs the sentence relates otherwise
    for (const Fact& fact : facts_) {
      if (fact.type == RelationType::kPartOf ||
          fact.type == RelationType::kAcquired ||
          fact.type == RelationType::kInvestedIn ||
          fact.type == RelationType::kLocatedIn) {
        taken.insert(units_[fact.head].group);
        taken.insert(units_[fact.tail].group);
      }
    }
    for (int idx = 0; idx < static_cast<int>(units_.size()); ++idx) {
      if (units_[idx].kind == ArgKind::kOrg && !units_[idx].candidate &&
          taken.count(units_[idx].group) == 0 && !IsSchoolOrAward(idx) &&
          !IsSource(idx) && !IsAcademicField(idx)) {
        Emit(RelationType::kWorksFor, person, idx, nullptr, "career");
        if (!facts_.empty() && facts_.back().rule == "career") {
          facts_.back().implied = true;
        }
      }
    }
  }

  // The subject of a chair, not an employer: "Professor of Computer
  // Science at Stanford", "Professor Emeritus of Economics", "Reader in
  // Jurisprudence" (the recognizer often takes the subject for a name).
  bool IsAcademicField(int idx) const {
    static const WordSet kAcademicRoles{
        "professor", "professorship", "lecturer", "reader", "chair",
        "assistant", "associate", "instructor", "dean", "department",
        "faculty", "school"};
    int probe = idx - 1;
    if (!IsWord(units_, probe, "of") && !IsWord(units_, probe, "in")) {
      return false;
    }
    --probe;
    if (IsWord(units_, probe, "emeritus") || IsWord(units_, probe, "emerita")) {
      --probe;
    }
    return probe >= 0 && units_[probe].is_word() &&
           kAcademicRoles.contains(units_[probe].text);
  }

  // The source of a report ("according to the Financial Times", "told
  // Reuters"), not an employer.
  bool IsSource(int idx) const {
    int probe = idx - 1;
    if (IsWord(units_, probe, "the")) {
      --probe;
    }
    return (IsWord(units_, probe, "to") &&
            IsWord(units_, probe - 1, "according")) ||
           IsWord(units_, probe, "told");
  }

  // An org the person studied at or won ("graduated from X", "acquired by
  // X", "the Nobel Prize") or a title after "as": not an employer.
  bool IsSchoolOrAward(int idx) const {
    static const WordSet kStudyWords{
        "degree", "doctorate", "studied", "educated", "attended", "received",
        "by", "phd", "ph.d.", "diploma"};
    for (int probe = std::max(0, idx - 3); probe < idx; ++probe) {
      if (units_[probe].is_word() &&
          (units_[probe].text.starts_with("graduat") ||
           kStudyWords.contains(units_[probe].text))) {
        return true;
      }
    }
    // "joined TaCor as a Small Business Consultant": a job title the
    // recognizer took for a name.
    if ((idx >= 1 && IsWord(units_, idx - 1, "as")) ||
        (idx >= 2 && IsWord(units_, idx - 2, "as") &&
         (IsWord(units_, idx - 1, "a") || IsWord(units_, idx - 1, "an")))) {
      return true;
    }
    const std::string& name = units_[idx].text;
    return name.find("Prize") != std::string::npos ||
           name.find("Medal") != std::string::npos ||
           name.find("Award") != std::string::npos;
  }

  // The sentence's subject when it is an organisation (or a name the
  // recognizer mistyped, or "It") and the clause before `before` describes
  // it: "X (XY) is a bank ...", "X, founded in 1990, is ...". -1 otherwise.
  int SubjectOrg(int before, bool allow_candidate = false) const {
    int subject = IsWord(units_, 0, "the") ? 1 : 0;
    if (subject >= before || !units_[subject].is_arg() ||
        (units_[subject].candidate && !allow_candidate)) {
      return -1;
    }
    const Unit& unit = units_[subject];
    if (unit.pronoun && unit.kind != ArgKind::kOrg) {
      return -1;
    }
    if (unit.kind == ArgKind::kOrg) {
      return subject;
    }
    // A mistyped name: only when no organisation stands between.
    for (int idx = subject + 1; idx < before; ++idx) {
      if (units_[idx].kind == ArgKind::kOrg && !units_[idx].candidate) {
        return -1;
      }
    }
    const int next = subject + 1;
    if (IsWord(units_, next, "is") || IsWord(units_, next, "was") ||
        IsWord(units_, next, ",") || IsWord(units_, next, "(") ||
        IsWord(units_, next, "has")) {
      return subject;
    }
    return -1;
  }

  // "X is a Texas community bank", "X is a trade union centre in Morocco":
  // an organisation noun in the subject's description, with a place glued
  // before it or after "in".
  void ApplyOrgDescription(int noun) {
    const int org = SubjectOrg(noun);
    if (org < 0 || noun - org > 16) {
      return;
    }
    bool described = false;  // a copula or apposition comma before `noun`
    for (int idx = org + 1; idx < noun; ++idx) {
      if (IsWord(units_, idx, "of")) {
        return;  // "X is a subsidiary of the Melbourne company Y"
      }
      if (IsWord(units_, idx, "is") || IsWord(units_, idx, "was") ||
          IsWord(units_, idx, ",")) {
        described = true;
      }
      if (units_[idx].is_arg() && units_[idx].kind != ArgKind::kPlace &&
          units_[idx].group != units_[org].group && idx > org + 6) {
        return;
      }
    }
    if (!described) {
      return;
    }
    std::vector<int> places;
    for (int idx = noun - 1; idx >= std::max(org + 1, noun - 3); --idx) {
      if (Matches(units_[idx], kPlaceMask)) {
        places.push_back(idx);
        break;
      }
      if (!units_[idx].is_word() ||
          IsOneOf(units_[idx].text, {"a", "an", "the", ","})) {
        break;
      }
    }
    if (IsWord(units_, noun + 1, "in")) {
      const int place = NextArg(units_, noun + 2, kPlaceMask, 2);
      if (place >= 0) {
        for (int conjunct : CoordinatedAfter(units_, place, kPlaceMask)) {
          places.push_back(conjunct);
        }
      }
    }
    EmitAll(RelationType::kLocatedIn, {org}, places, nullptr,
            "org-description");
  }

  void ApplyAcquisition(const Trigger& trigger, int begin, int end) {
    if (!IsWord(units_, end, "of")) {
      return;
    }
    const int target = NextArg(units_, end + 1, kOrgMask, 3);
    if (target < 0) {
      return;
    }
    int buyer = GluedBefore(begin, kOrgMask | kPersonMask);
    if (buyer < 0 && IsWord(units_, target + 1, "by")) {
      buyer = NextArg(units_, target + 2, kOrgMask | kPersonMask, 3);
    }
    Emit(trigger.type, buyer, target, &trigger, "acquisition-of");
  }

  // Trigger-less patterns anchored on an argument.
  void ApplyArgPatterns(int idx) {
    const Unit& unit = units_[idx];
    const int size = static_cast<int>(units_.size());
    // "George Stibitz of Bell Labs" / "Jane Doe at Acme".
    if (unit.kind == ArgKind::kPerson && !unit.pronoun && idx + 2 < size &&
        (IsWord(units_, idx + 1, "of") || IsWord(units_, idx + 1, "at"))) {
      const int org = NextArg(units_, idx + 2, kOrgMask, 1);
      if (org >= 0) {
        Emit(RelationType::kWorksFor, idx, org, nullptr, "person-of-org");
      }
    }
    // "Alibaba's Qwen": an org's own org is part of it.
    if (unit.kind == ArgKind::kOrg && unit.possessive && idx + 1 < size &&
        units_[idx + 1].kind == ArgKind::kOrg && !units_[idx + 1].pronoun) {
      Emit(RelationType::kPartOf, idx + 1, idx, nullptr, "possessive");
    }
  }

  const Units& units_;
  std::vector<Fact> facts_;
};

bool IsPlainWord(const Unit& unit) {
  return unit.is_word() && !unit.pronoun && !unit.text.empty();
}

// Words that are capitalized for reasons other than being a name.
bool IsCapitalStopWord(std::string_view lower) {
  static const WordSet kWords{
      "the", "a", "an", "this", "that", "these", "those", "in", "on", "at",
      "for", "from", "during", "after", "before", "since", "until", "as",
      "by", "with", "prior", "previously", "today", "currently", "he", "she",
      "it", "they", "we", "i", "our", "his", "her", "its", "their", "mr",
      "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "january", "february",
      "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday", "and", "or", "but", "also",
      "born", "when", "while", "then", "there", "here", "however", "although",
      "both", "each", "all", "some", "many", "most", "one", "former", "later",
      "early", "since", "under", "over", "between", "among", "about",
      "according", "following"};
  return kWords.contains(lower);
}

bool IsTitleWord(std::string_view lower) {
  static const WordSet kWords{
      "chief", "director", "instructor", "officer", "chair", "leader",
      "manager", "president", "professor", "engineer", "editor", "analyst",
      "consultant", "specialist", "executive", "assistant", "coordinator",
      "vice", "secretary", "treasurer", "lecturer", "supervisor",
      "administrator", "superintendent", "commissioner", "chairman",
      "chairwoman", "ceo", "cfo", "cto", "coo", "founder", "co-founder",
      "partner", "associate"};
  return kWords.contains(lower);
}

bool IsNameJoiner(std::string_view lower) {
  static const WordSet kWords{
      "of", "for", "de", "du", "la", "von", "van", "&"};
  return kWords.contains(lower);
}

}  // namespace

void AddCandidateArgs(std::string_view text, std::vector<Unit>* units) {
  static const WordSet kCareerVerbsAfterName{
      "worked", "works", "joined", "serves", "served", "was", "is", "has",
      "had", "became", "founded", "co-founded", "leads", "led", "heads",
      "headed", "retired", "taught", "teaches", "spent", "started",
      "established"};
  const auto starts_upper = [&](const Unit& unit) {
    if (!IsPlainWord(unit) || IsCapitalStopWord(unit.text) ||
        StartsTrigger(*units, static_cast<int>(&unit - units->data()))) {
      return false;
    }
    const unsigned char first =
        static_cast<unsigned char>(text[unit.span.begin]);
    return first >= 'A' && first <= 'Z';
  };
  std::vector<Unit> out;
  out.reserve(units->size());
  const int size = static_cast<int>(units->size());
  for (int idx = 0; idx < size;) {
    if (!starts_upper((*units)[idx])) {
      out.push_back(std::move((*units)[idx++]));
      continue;
    }
    int end = idx + 1;
    while (end < size) {
      if (starts_upper((*units)[end])) {
        ++end;
        continue;
      }
      if (end + 1 < size && IsNameJoiner((*units)[end].text) &&
          starts_upper((*units)[end + 1])) {
        end += 2;
        continue;
      }
      if (end + 2 < size && (*units)[end].text == "of" &&
          (*units)[end + 1].text == "the" && starts_upper((*units)[end + 2])) {
        end += 3;
        continue;
      }
      break;
    }
    // A lone capitalized word opening the sentence is usually not a name,
    // unless a verb of someone's career follows: "Edward worked for X",
    // "Bock joined X" (a surname or first name the recognizer missed).
    // Anywhere, a lone name that founded something is a person ("In 2008
    // Graeme founded Xanitos", "When Laurel formed X").
    const bool lone = end == idx + 1;
    const std::string_view next_word =
        end < size && (*units)[end].is_word()
            ? std::string_view((*units)[end].text)
            : std::string_view();
    const bool founder_verb =
        IsOneOf(next_word, {"founded", "co-founded", "cofounded", "formed",
                            "established", "co-founds", "founds"});
    if (lone && (idx == 0 || founder_verb)) {
      if (founder_verb ||
          kCareerVerbsAfterName.contains(next_word)) {
        Unit person = std::move((*units)[idx++]);
        person.text =
            std::string(text.substr(person.span.begin, person.span.size()));
        person.kind = ArgKind::kPerson;
        person.group = -1000 - static_cast<int>(person.span.begin);
        person.name = person.text;
        out.push_back(std::move(person));
        continue;
      }
      out.push_back(std::move((*units)[idx++]));
      continue;
    }
    // A job title ("Scientific Director", "Sessional Instructor", "Vice
    // Chair") is capitalized but names no organisation.
    bool title = false;
    for (int word = idx; word < end && !title; ++word) {
      title = IsTitleWord((*units)[word].text);
    }
    if (title) {
      for (; idx < end; ++idx) {
        out.push_back(std::move((*units)[idx]));
      }
      continue;
    }
    Unit candidate;
    candidate.span = {(*units)[idx].span.begin, (*units)[end - 1].span.end};
    candidate.text =
        std::string(text.substr(candidate.span.begin, candidate.span.size()));
    candidate.kind = ArgKind::kOrg;
    candidate.candidate = true;
    candidate.group = -1000 - static_cast<int>(candidate.span.begin);
    candidate.name = candidate.text;
    out.push_back(std::move(candidate));
    idx = end;
  }
  *units = std::move(out);
}

std::vector<Fact> FindFacts(const std::vector<Unit>& units) {
  return SentenceRules(units).Run();
}

}  // namespace dossier::indexer::internal
