#include "indexer/internal/quote_rules.h"

#include <algorithm>
#include <optional>

#include "indexer/internal/quote_cues.h"

// For each reporting cue outside quotation marks, in text order:
//   1. find its speaker: the noun phrase before the verb (skipping "has",
//      "also", an appositive ", the CEO of Y,"), else after it when
//      inverted ("...," said Smith), else for a participle ("adding") the
//      subject of its sentence; "according to X" takes the phrase after;
//   2. attach a quotation that ends just before the speaker and cue
//      ("...," he said) or opens just after them (X said: "...");
//      a quotation that opens later in the clause makes a mixed quote;
//   3. otherwise report indirect speech: the rest of the sentence after the
//      verb (and "that", and a listener such as "reporters"), or, when the
//      cue is set off by commas (", X said.", ", said X, a professor at",
//      ", X said, a policy that"), the clause before the comma.
// A cue after "and" takes the clause's subject ("Trump welcomed it and
// said ..."); a quotation just before a speaker whose cue goes on with a
// clause of its own is not that cue's quotation.
// Quotations no cue claimed then inherit the speaker of the nearest
// earlier quote in the same or previous paragraph.

namespace dossier::indexer::internal {
namespace {

struct Range {
  std::uint32_t first = 0;
  std::uint32_t last = 0;  // exclusive
};

// The longest window a rule scans from a cue; keeps every rule O(1).
constexpr std::uint32_t kWindow = 12;

// Time expressions that sit between a speaker and a verb ("Smith on
// Tuesday said", "officials this month announced") and never speak.
bool IsTimeWord(std::string_view w) {
  constexpr std::string_view kTimes[] = {
      "afternoon", "april",    "august",    "december", "earlier",
      "evening",   "february", "friday",    "january",  "july",
      "june",      "last",     "later",     "march",    "may",
      "monday",    "month",    "morning",   "night",    "november",
      "october",   "saturday", "september", "sunday",   "this",
      "thursday",  "today",    "tonight",   "tuesday",  "wednesday",
      "week",      "year",     "yesterday", "on"};
  if (!w.empty() && w[0] >= '0' && w[0] <= '9') {
    return true;
  }
  return std::find(std::begin(kTimes), std::end(kTimes), w) != std::end(kTimes);
}

bool IsNegation(std::string_view w) {
  return w.ends_with("n't") || w.ends_with("n\xe2\x80\x99t") || w == "not";
}

// Verbs that go on a clause whose subject came before a parenthetical cue.
bool IsAuxiliary(std::string_view w) {
  constexpr std::string_view kAuxiliaries[] = {
      "are",   "can",   "could", "did",  "does",   "had",  "has",
      "have",  "is",    "may",   "might", "must",  "remains", "seems",
      "should", "was",  "were",  "will", "would"};
  return std::find(std::begin(kAuxiliaries), std::end(kAuxiliaries), w) !=
         std::end(kAuxiliaries);
}

bool IsPassiveAux(std::string_view w) {
  return w == "is" || w == "was" || w == "were" || w == "are" || w == "be" ||
         w == "been" || w == "being" || w == "get" || w == "got";
}

// "I've", "you'd", "she's": the pronoun before the apostrophe, or empty.
std::string_view PronounOfContraction(std::string_view w) {
  std::size_t cut = w.find('\'');
  if (cut == std::string_view::npos) {
    cut = w.find("\xe2\x80\x99");
  }
  if (cut == std::string_view::npos) {
    return {};
  }
  const std::string_view stem = w.substr(0, cut);
  return IsSpeakerPronoun(stem) ? stem : std::string_view{};
}

// "-", "--" and the en and em dashes, as the lexer gives them.
bool IsDash(const QToken& t) {
  return t.kind == TokKind::kPunct && t.quote < 0 &&
         (t.lower == "-" || t.lower == "--" || t.lower == "\xe2\x80\x93" ||
          t.lower == "\xe2\x80\x94");
}

bool IsListener(std::string_view w) {
  return w == "him" || w == "her" || w == "them" || w == "me" || w == "us" ||
         w == "reporters" || w == "journalists" || w == "supporters" ||
         w == "voters" || w == "audience" || w == "crowd" || w == "viewers" ||
         w == "listeners" || w == "lawmakers" || w == "committee" ||
         w == "court" || w == "jury" || w == "senate";
}

class RuleRunner {
 public:
  explicit RuleRunner(const Lexed& lexed)
      : toks_(lexed.tokens), lexed_(lexed), owner_(lexed.quotes.size(), -1) {}

  std::vector<QuoteCandidate> Run();

 private:
  bool Word(std::uint32_t i) const {
    return i < toks_.size() && toks_[i].kind == TokKind::kWord &&
           toks_[i].quote < 0;
  }
  bool Is(std::uint32_t i, std::string_view s) const {
    return i < toks_.size() && toks_[i].lower == s && toks_[i].quote < 0;
  }
  std::uint32_t SentenceBegin(std::uint32_t i) const {
    return lexed_.sentence_first[toks_[i].sentence];
  }
  std::uint32_t SentenceEnd(std::uint32_t i) const {
    const std::uint32_t s = toks_[i].sentence + 1;
    return s < lexed_.sentence_first.size()
               ? lexed_.sentence_first[s]
               : static_cast<std::uint32_t>(toks_.size());
  }
  Span Bytes(std::uint32_t first, std::uint32_t last) const {
    return {toks_[first].span.begin, toks_[last - 1].span.end};
  }
  std::uint32_t CountWords(std::uint32_t first, std::uint32_t last) const;
  std::optional<Range> SpeakerBefore(std::uint32_t cue, std::uint32_t sb) const;
  std::optional<Range> SpeakerAfter(std::uint32_t from, std::uint32_t se) const;
  std::optional<Range> SentenceSubject(std::uint32_t sb,
                                       std::uint32_t cue) const;
  int QuoteClosingAt(std::uint32_t i) const;
  int QuoteOpeningAfter(std::uint32_t from, std::uint32_t* open_tok) const;
  bool ClauseFollows(std::uint32_t from, CueInfo info) const;
  std::uint32_t SkipListener(std::uint32_t from, std::uint32_t se,
                             CueInfo info) const;
  std::optional<std::uint32_t> CommaBefore(std::uint32_t lead,
                                           std::uint32_t sb) const;
  bool IntroPhrase(std::uint32_t sb, std::uint32_t comma) const;
  void OnCue(std::uint32_t cue, std::uint32_t cue_len, CueInfo info);
  void OnAccordingTo(std::uint32_t cue);
  // Emits tokens [first, last) as reported speech, mixed when quotations
  // open inside; the rule is "indirect-" or "mixed-" + where.
  void EmitReport(std::uint32_t first, std::uint32_t last, std::uint32_t cue,
                  std::uint32_t cue_len, std::optional<Range> speaker,
                  const std::string& where);
  void Indirect(std::uint32_t cue, std::uint32_t cue_len, CueInfo info,
                std::optional<Range> before, std::optional<Range> after);
  void Emit(Span content, std::uint32_t cue, std::uint32_t cue_len,
            std::optional<Range> speaker, QuoteKind kind, const char* rule);
  void AttachDirect(int region, std::uint32_t cue, std::uint32_t cue_len,
                    std::optional<Range> speaker, const char* rule);
  void ClaimOrphans();
  bool LooksLikeSpeech(const QuoteRegion& region) const;
  std::optional<Range> DashSignature(const QuoteRegion& region) const;

  const std::vector<QToken>& toks_;
  const Lexed& lexed_;
  std::vector<int> owner_;  // per quotation: index into out_, or -1
  std::vector<QuoteCandidate> out_;
};

std::uint32_t RuleRunner::CountWords(std::uint32_t first,
                                     std::uint32_t last) const {
  std::uint32_t n = 0;
  for (std::uint32_t i = first; i < last; ++i) {
    n += toks_[i].kind == TokKind::kWord ? 1 : 0;
  }
  return n;
}

std::optional<Range> RuleRunner::SpeakerBefore(std::uint32_t cue,
                                               std::uint32_t sb) const {
  long j = static_cast<long>(cue) - 1;
  const auto filler = [&](long k) {
    const std::string& w = toks_[k].lower;
    return Word(k) &&
           (IsTimeWord(w) || IsNegation(w) ||
            (!toks_[k].capitalized &&
             (IsSpeakerVerbFiller(w) || (w.size() > 4 && w.ends_with("ly")))));
  };
  if (j >= static_cast<long>(sb) && Word(j) && IsPassiveAux(toks_[j].lower)) {
    return std::nullopt;  // "was asked", "is called": not the speaker's act
  }
  while (j >= static_cast<long>(sb) && filler(j)) {
    --j;
  }
  if (j >= static_cast<long>(sb) && IsDash(toks_[j])) {
    // A dashed aside: "Murphy -- after a knock-on-wood gesture -- told me"
    // (a lexer may give "--" as two dashes).
    while (j > static_cast<long>(sb) && IsDash(toks_[j - 1])) {
      --j;
    }
    long k = j - 1;
    while (k > static_cast<long>(sb) && j - k < 24 && !IsDash(toks_[k]) &&
           toks_[k].quote < 0) {
      --k;
    }
    if (k <= static_cast<long>(sb) || !IsDash(toks_[k]) || j - k < 3) {
      return std::nullopt;
    }
    j = k - 1;
    while (j > static_cast<long>(sb) && IsDash(toks_[j])) {
      --j;
    }
  }
  if (j >= static_cast<long>(sb) && Is(j, ",")) {
    // An appositive: "Smith, a spokesman for the ministry, said".
    long k = j - 1;
    while (k >= static_cast<long>(sb) && j - k < 16 && !Is(k, ",") &&
           toks_[k].quote < 0 && toks_[k].kind != TokKind::kQuoteClose) {
      --k;
    }
    if (k < static_cast<long>(sb) || !Is(k, ",") || j - k < 3) {
      return std::nullopt;
    }
    // An appositive describes the speaker ("a spokesman", "then 38", "who
    // chairs"); "..., but it has a loyal following, said Ms. Gil" has a
    // clause of its own there, and Gil after the verb speaks.
    const std::string& opens = toks_[k + 1].lower;
    const bool personal_pronoun =
        IsSpeakerPronoun(opens) && opens != "who" && opens != "which";
    if (!Word(k + 1) || opens == "but" || opens == "and" || opens == "or" ||
        opens == "so" || opens == "yet" || personal_pronoun) {
      return std::nullopt;
    }
    j = k - 1;
  }
  if (j > static_cast<long>(sb) && Is(j, ")")) {
    // "Rep. Gwen Moore (D-Wis.) said": step over the parenthesis.
    long k = j - 1;
    while (k > static_cast<long>(sb) && j - k < 8 && !Is(k, "(")) {
      --k;
    }
    if (!Is(k, "(")) {
      return std::nullopt;
    }
    j = k - 1;
  }
  if (j < static_cast<long>(sb) || !Word(j)) {
    return std::nullopt;
  }
  const QToken& head = toks_[j];
  if (IsSpeakerPronoun(head.lower) ||
      !PronounOfContraction(head.lower).empty()) {
    return Range{static_cast<std::uint32_t>(j),
                 static_cast<std::uint32_t>(j + 1)};
  }
  // A lower-case verb form heads no speaker ("began taking calls").
  const bool verb_form = !head.capitalized && (head.lower.ends_with("ing") ||
                                               head.lower.ends_with("ed"));
  if (IsFunctionWord(head.lower) || IsDeterminer(head.lower) ||
      LookupCue(head.lower) || verb_form || head.lower == "let's" ||
      head.lower == "together") {
    return std::nullopt;
  }
  long b = j;
  while (b - 1 >= static_cast<long>(sb) && j - b < 5 && Word(b - 1)) {
    const QToken& prev = toks_[b - 1];
    if (prev.lower == "that" || IsTimeWord(prev.lower)) {
      break;
    }
    if (IsDeterminer(prev.lower)) {
      --b;
      break;
    }
    if (IsFunctionWord(prev.lower) || IsSpeakerPronoun(prev.lower) ||
        LookupCue(prev.lower) || (head.capitalized && !prev.capitalized) ||
        (!prev.capitalized &&
         (prev.lower.ends_with("ed") || prev.lower.ends_with("ing")))) {
      break;
    }
    --b;
  }
  return Range{static_cast<std::uint32_t>(b),
               static_cast<std::uint32_t>(j + 1)};
}

std::optional<Range> RuleRunner::SpeakerAfter(std::uint32_t from,
                                              std::uint32_t se) const {
  if (from >= se || !Word(from) || IsFunctionWord(toks_[from].lower) ||
      IsTimeWord(toks_[from].lower)) {
    return std::nullopt;
  }
  if (IsSpeakerPronoun(toks_[from].lower)) {
    return Range{from, from + 1};
  }
  std::uint32_t e = from;
  if (IsDeterminer(toks_[e].lower)) {
    ++e;
  }
  while (e < se && e - from < 6 && Word(e) && !IsFunctionWord(toks_[e].lower) &&
         !IsDeterminer(toks_[e].lower) && !LookupCue(toks_[e].lower)) {
    ++e;
  }
  if (e == from || IsDeterminer(toks_[e - 1].lower)) {
    return std::nullopt;
  }
  return Range{from, e};
}

std::optional<Range> RuleRunner::SentenceSubject(std::uint32_t sb,
                                                 std::uint32_t cue) const {
  // A participle's speaker is its clause's speaker: reuse the last quote
  // of this sentence, else the sentence's first noun phrase.
  for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
    if (it->speaker_last > it->speaker_first && it->speaker_first >= sb &&
        it->speaker_last <= cue) {
      return Range{it->speaker_first, it->speaker_last};
    }
    if (it->speaker_last <= sb) {
      break;
    }
  }
  std::uint32_t i = sb;
  // An introductory phrase ("In a victory speech in Westchester County on
  // Tuesday night," "Speaking Friday,", "Already,") first.
  const std::string& opener = toks_[sb].lower;
  if (IsFunctionWord(opener) || opener.ends_with("ing") ||
      opener.ends_with("ly") || opener.ends_with("ed") ||
      opener == "given" || IsTimeWord(opener) || Is(sb + 1, ",")) {
    for (std::uint32_t k = sb + 1; k < cue && k < sb + 14; ++k) {
      if (Is(k, ",")) {
        i = k + 1;
        break;
      }
    }
  }
  while (i < cue && (!Word(i) || IsFunctionWord(toks_[i].lower) ||
                     toks_[i].lower.ends_with("ly"))) {
    ++i;
  }
  if (i >= cue) {
    return std::nullopt;
  }
  const std::string& first = toks_[i].lower;
  if (first == "it" || first == "it's" || first == "it\xe2\x80\x99s" ||
      first == "there" || first == "there's" ||
      first == "there\xe2\x80\x99s" || first == "that's" ||
      first == "that\xe2\x80\x99s") {
    return std::nullopt;  // "It has not helped that ...": no one speaks
  }
  if (IsSpeakerPronoun(toks_[i].lower)) {
    return Range{i, i + 1};
  }
  std::uint32_t e = i;
  if (IsDeterminer(toks_[e].lower) && toks_[e].lower != "that") {
    ++e;
  }
  const bool proper = e < cue && toks_[e].capitalized;
  while (e < cue && e - i < 5 && Word(e) && !IsFunctionWord(toks_[e].lower) &&
         !LookupCue(toks_[e].lower) &&
         (proper ? toks_[e].capitalized : !toks_[e].capitalized)) {
    ++e;
  }
  if (e == i || IsDeterminer(toks_[e - 1].lower) ||
      (!proper && !IsDeterminer(toks_[i].lower))) {
    return std::nullopt;
  }
  return Range{i, e};
}

int RuleRunner::QuoteClosingAt(std::uint32_t i) const {
  if (i >= toks_.size() || toks_[i].kind != TokKind::kQuoteClose) {
    return -1;
  }
  return toks_[i].mark_of;
}

int RuleRunner::QuoteOpeningAfter(std::uint32_t from,
                                  std::uint32_t* open_tok) const {
  for (std::uint32_t q = from; q < toks_.size() && q < from + kWindow; ++q) {
    const QToken& t = toks_[q];
    if (t.kind == TokKind::kQuoteOpen) {
      *open_tok = q;
      return t.mark_of;
    }
    const bool new_paragraph =
        t.paragraph != toks_[from].paragraph && !(q > 0 && Is(q - 1, ":"));
    if (new_paragraph || IsSentenceEndPunct(t) ||
        t.kind == TokKind::kQuoteClose ||
        (t.kind == TokKind::kWord && LookupCue(t.lower))) {
      return -1;
    }
  }
  return -1;
}

void RuleRunner::Emit(Span content, std::uint32_t cue, std::uint32_t cue_len,
                      std::optional<Range> speaker, QuoteKind kind,
                      const char* rule) {
  QuoteCandidate c;
  c.content = content;
  c.cue = Bytes(cue, cue + cue_len);
  if (speaker) {
    c.speaker = Bytes(speaker->first, speaker->last);
    c.speaker_first = speaker->first;
    c.speaker_last = speaker->last;
  }
  c.kind = kind;
  c.rule = rule;
  out_.push_back(std::move(c));
}

void RuleRunner::AttachDirect(int region, std::uint32_t cue,
                              std::uint32_t cue_len,
                              std::optional<Range> speaker, const char* rule) {
  owner_[region] = static_cast<int>(out_.size());
  Emit(lexed_.quotes[region].content, cue, cue_len, speaker, QuoteKind::kDirect,
       rule);
}

std::uint32_t RuleRunner::SkipListener(std::uint32_t from, std::uint32_t se,
                                       CueInfo info) const {
  if (!info.takes_object || from >= se || toks_[from].lower == "that") {
    return from;
  }
  std::uint32_t k = from;
  while (k < se && k < from + 4 && Word(k)) {
    if (IsDeterminer(toks_[k].lower) && Word(k + 1) &&
        IsListener(toks_[k + 1].lower)) {
      k += 2;  // "told the committee"
    } else if (toks_[k].capitalized || IsListener(toks_[k].lower)) {
      ++k;
    } else {
      break;
    }
  }
  return k;
}

bool RuleRunner::ClauseFollows(std::uint32_t from, CueInfo info) const {
  // A cue with a listener ("told the delegates before the vote") has its
  // object there, no clause; neither does "said the man who built ...".
  if (info.takes_object || from >= toks_.size() || !Word(from)) {
    return false;
  }
  const std::string& w = toks_[from].lower;
  const bool opens_clause =
      w == "that" || (IsDeterminer(w) && w != "this") || w == "he" ||
      w == "she" || w == "they" || w == "it" || w == "we" || w == "i";
  return opens_clause && CountWords(from, SentenceEnd(from)) >= 3;
}

std::optional<std::uint32_t> RuleRunner::CommaBefore(std::uint32_t lead,
                                                     std::uint32_t sb) const {
  // The comma right before the speaker, or before a few words that
  // describe it ("veteran Republicans", "Algerian foreign ministry
  // spokesman Benali Cherif Abdelaziz").
  for (std::uint32_t k = lead; k > sb && lead - k <= 6; --k) {
    if (Is(k - 1, ",")) {
      return k - 1;
    }
    const QToken& t = toks_[k - 1];
    if (!Word(k - 1) || IsFunctionWord(t.lower) || IsDeterminer(t.lower) ||
        IsSpeakerPronoun(t.lower) || LookupCue(t.lower)) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

bool RuleRunner::IntroPhrase(std::uint32_t sb, std::uint32_t comma) const {
  // "In the early 1990s, Ms. Ripert said, when ...": a short opening
  // adverbial, not a clause the speaker reports.
  constexpr std::string_view kPrepositions[] = {
      "after", "at",   "before", "by",    "during", "for",   "from",
      "in",    "on",   "over",   "since", "under",  "until", "with"};
  return Word(sb) &&
         std::find(std::begin(kPrepositions), std::end(kPrepositions),
                   toks_[sb].lower) != std::end(kPrepositions) &&
         CountWords(sb, comma) <= 6;
}

void RuleRunner::OnCue(std::uint32_t cue, std::uint32_t cue_len, CueInfo info) {
  const std::uint32_t sb = SentenceBegin(cue);
  const std::uint32_t se = SentenceEnd(cue);
  std::optional<Range> before = SpeakerBefore(cue, sb);
  std::optional<Range> after;
  if (info.form == CueForm::kParticiple ||
      (!before && info.form == CueForm::kFinite && cue > sb + 2 &&
       Is(cue - 1, "and"))) {
    // "adding that ...", and "Trump welcomed the result and said he ...":
    // the speaker is the subject of the clause.
    before = SentenceSubject(sb, cue);
  } else if (!before && cue > 0 &&
             (Is(cue - 1, ",") || QuoteClosingAt(cue - 1) >= 0 || cue == sb)) {
    after = SpeakerAfter(cue + cue_len, se);
    // "..., said he was ...": a pronoun that goes on is the content's
    // subject, not an inverted speaker ("..., said he." is fiction).
    if (after && after->last == after->first + 1 &&
        IsSpeakerPronoun(toks_[after->first].lower) && Word(after->last)) {
      after.reset();
    }
  }
  if (!before && !after) {
    return;
  }
  if (info.form == CueForm::kBase && !before) {
    return;
  }
  // "...," X said / "...," said X / "...," press secretary X said
  std::uint32_t back = before ? before->first : cue;
  if (back > 0 && Is(back - 1, ",")) {
    --back;
  }
  if (before && back > 0 && QuoteClosingAt(back - 1) < 0) {
    // Words describing the speaker between the quotation and the name.
    for (std::uint32_t k = back; k > 0 && back - k < 6; --k) {
      if (QuoteClosingAt(k - 1) >= 0) {
        back = k;
        break;
      }
      const std::string& w = toks_[k - 1].lower;
      if (!Word(k - 1) || (IsFunctionWord(w) && w != "of") || LookupCue(w) ||
          IsSpeakerPronoun(w)) {
        break;
      }
    }
  }
  const int closed = back > 0 ? QuoteClosingAt(back - 1) : -1;
  if (closed >= 0 && owner_[closed] < 0) {
    const std::uint32_t last_inside = back - 2;
    // Past the listener: "''...?'' he asked me." ends with the cue.
    const std::uint32_t tail = SkipListener(
        after ? after->last : cue + cue_len, SentenceEnd(cue), info);
    // "Win." Smith said the ... starts a new sentence of its own; "Win."
    // Smith said (at a rally / on Monday / .) still reports the quotation.
    const bool ends_clause =
        !IsSentenceEndPunct(toks_[last_inside]) || tail >= toks_.size() ||
        toks_[tail].kind != TokKind::kWord || IsTimeWord(toks_[tail].lower) ||
        toks_[tail].lower == "at" || toks_[tail].lower == "in" ||
        toks_[tail].lower == "during";
    // So does "O.K.'' Knittel, an expert, said a carbon price would...":
    // reported speech of its own follows the cue, whatever ends the
    // quotation (an abbreviation's period is no sentence end).
    if (ends_clause && (after || !ClauseFollows(tail, info))) {
      AttachDirect(closed, cue, cue_len, before ? before : after,
                   "direct-before-cue");
      return;
    }
  }
  // X said: "..." / X said "..."
  const std::uint32_t from = after ? after->last : cue + cue_len;
  std::uint32_t open_tok = 0;
  const int opened = QuoteOpeningAfter(from, &open_tok);
  if (opened >= 0 && owner_[opened] < 0) {
    const QToken& prev = toks_[open_tok - 1];
    if (open_tok == from || prev.lower == ":" || prev.lower == ",") {
      AttachDirect(opened, cue, cue_len, before ? before : after,
                   "direct-after-cue");
      return;
    }
  }
  Indirect(cue, cue_len, info, before, after);
}

void RuleRunner::Indirect(std::uint32_t cue, std::uint32_t cue_len,
                          CueInfo info, std::optional<Range> before,
                          std::optional<Range> after) {
  const std::uint32_t sb = SentenceBegin(cue);
  std::uint32_t se = SentenceEnd(cue);
  while (se > sb && (IsSentenceEndPunct(toks_[se - 1]) ||
                     toks_[se - 1].kind == TokKind::kQuoteClose ||
                     toks_[se - 1].kind == TokKind::kQuoteStray)) {
    --se;
  }
  std::optional<Range> speaker = before ? before : after;
  // ", said X, a professor at Y." / "..., X said, a policy that ...": a
  // cue set off by commas reports the clause before it; what follows is
  // the speaker's description or an afterthought.
  const std::uint32_t tail = after ? after->last : cue + cue_len;
  const std::optional<std::uint32_t> comma =
      CommaBefore(before ? before->first : cue, sb);
  // "said Thursday.", "told POLITICO earlier this week."
  const std::uint32_t past_listener = SkipListener(tail, se, info);
  std::uint32_t past_time = past_listener;
  while (past_time < se && past_time < past_listener + 3 && Word(past_time) &&
         IsTimeWord(toks_[past_time].lower)) {
    ++past_time;
  }
  // "The problem with it, she said, is that ''you don't ...''": the cue
  // interrupts the clause it reports, which is the whole sentence.
  if (comma && *comma > sb && Is(past_time, ",") && Word(past_time + 1) &&
      IsAuxiliary(toks_[past_time + 1].lower) &&
      CountWords(past_time + 1, se) >= 2) {
    EmitReport(sb, se, cue, cue_len, speaker, "around-cue");
    return;
  }
  const bool set_off =
      comma.has_value() && *comma > sb && CountWords(sb, *comma) >= 4 &&
      !IntroPhrase(sb, *comma) &&
      (past_time >= se || Is(past_time, ",") ||
       // "he said Wednesday morning on MSNBC.": a time, then no clause
       (past_time > past_listener && !ClauseFollows(past_time, info) &&
        !Is(past_time, "that")) ||
       (after && (Is(past_time, "for") || Is(past_time, "of") ||
                  Is(past_time, "at") || Is(past_time, "with") ||
                  Is(past_time, "from"))));
  // The content after the verb: skip a listener ("told reporters") and
  // "that" when one follows within a few words.
  std::uint32_t start = tail;
  bool complementizer = false;
  for (std::uint32_t k = start; k < se && k < start + 10 && Word(k); ++k) {
    if (toks_[k].lower == "that") {
      start = k + 1;
      complementizer = true;
      break;
    }
  }
  if (!complementizer) {
    start = SkipListener(start, se, info);
  }
  while (start < se &&
         (Is(start, ",") || Is(start, ":") || Is(start, "that"))) {
    ++start;
  }
  // "notes that margins expanded": after "that", two words make a clause.
  const std::uint32_t min_words = complementizer ? 2 : 3;
  if (!set_off && (complementizer || !info.report_needs_that) && start < se &&
      CountWords(start, se) >= min_words) {
    EmitReport(start, se, cue, cue_len, speaker, "after-cue");
    return;
  }
  // ", X said." / ", said X." / ", veteran Republicans said.": the clause
  // before the comma.
  if (!comma || *comma <= sb) {
    return;
  }
  const std::uint32_t end = *comma;
  if (CountWords(sb, end) < 3) {
    return;
  }
  // "..., veteran Republicans said.": lower-case words before the speaker
  // describe it ("ministry spokesman Benali ..."); capitalized ones may be
  // a name of their own ("..., Algerian ministry spokesman Benali ...").
  if (before && before->first > end + 1 &&
      std::none_of(toks_.begin() + end + 1, toks_.begin() + before->first,
                   [](const QToken& t) { return t.capitalized; })) {
    speaker = Range{end + 1, before->last};
  }
  QuoteKind kind = QuoteKind::kIndirect;
  for (std::uint32_t k = sb; k < end; ++k) {
    if (toks_[k].mark_of >= 0) {
      kind = QuoteKind::kMixed;
      owner_[toks_[k].mark_of] = static_cast<int>(out_.size());
    }
  }
  Emit(Bytes(sb, end), cue, cue_len, speaker, kind,
       kind == QuoteKind::kMixed ? "mixed-before-cue" : "indirect-before-cue");
}

void RuleRunner::EmitReport(std::uint32_t first, std::uint32_t last,
                            std::uint32_t cue, std::uint32_t cue_len,
                            std::optional<Range> speaker,
                            const std::string& where) {
  // Quotations opening inside the report are its own words: the quote is
  // mixed, runs to the last one's close, and claims them.
  QuoteKind kind = QuoteKind::kIndirect;
  std::uint32_t end = last;
  for (std::uint32_t k = first; k < last; ++k) {
    if (toks_[k].kind == TokKind::kQuoteOpen) {
      kind = QuoteKind::kMixed;
      const std::uint32_t close = lexed_.quotes[toks_[k].mark_of].close_tok;
      end = std::max(end, std::min<std::uint32_t>(
                              close, static_cast<std::uint32_t>(toks_.size())));
      owner_[toks_[k].mark_of] = static_cast<int>(out_.size());
    }
  }
  const std::string rule =
      (kind == QuoteKind::kMixed ? "mixed-" : "indirect-") + where;
  Emit(Bytes(first, end), cue, cue_len, speaker, kind, rule.c_str());
}

void RuleRunner::OnAccordingTo(std::uint32_t cue) {
  const std::uint32_t sb = SentenceBegin(cue);
  std::uint32_t se = SentenceEnd(cue);
  while (se > sb && IsSentenceEndPunct(toks_[se - 1])) {
    --se;
  }
  std::uint32_t e = cue + 2;
  while (e < se && e < cue + 2 + kWindow && !Is(e, ",") &&
         toks_[e].kind == TokKind::kWord) {
    ++e;
  }
  if (e == cue + 2) {
    return;
  }
  const Range speaker{cue + 2, e};
  // "According to X, ..." and "Sales, according to X, fell ..." report what
  // follows; "..., according to Brian Wieser, an analyst at Y" the clause
  // before (after X comes X's description), unless that is only a short
  // opening phrase ("In 2015, according to X, ...").
  const std::uint32_t comma_before = cue > sb && Is(cue - 1, ",") ? cue - 1 : cue;
  const bool clause_before = comma_before > sb &&
                             CountWords(sb, comma_before) >= 4 &&
                             !IntroPhrase(sb, comma_before);
  if (Is(e, ",") && CountWords(e + 1, se) >= 3 &&
      (cue == sb || CountWords(sb, cue) <= 2 ||
       (Is(cue - 1, ",") && !clause_before))) {
    Emit(Bytes(e + 1, se), cue, 2, speaker, QuoteKind::kIndirect,
         "according-to-before");
    return;
  }
  std::uint32_t end = cue;
  if (end > sb && Is(end - 1, ",")) {
    --end;
  }
  if (end > sb && CountWords(sb, end) >= 3) {
    Emit(Bytes(sb, end), cue, 2, speaker, QuoteKind::kIndirect,
         "according-to-after");
  }
}

void RuleRunner::ClaimOrphans() {
  // Quotations without a cue of their own: covered by a mixed quote, or a
  // continuation of the nearest earlier quote's speaker.
  std::vector<QuoteCandidate> sorted = out_;
  std::sort(sorted.begin(), sorted.end(),
            [](const QuoteCandidate& a, const QuoteCandidate& b) {
              return a.content.begin < b.content.begin;
            });
  std::size_t next_prior = 0;
  for (std::size_t r = 0; r < lexed_.quotes.size(); ++r) {
    if (owner_[r] >= 0) {
      continue;
    }
    const QuoteRegion& region = lexed_.quotes[r];
    if (region.content.empty()) {
      continue;
    }
    const QToken& open = toks_[region.open_tok];
    // Quotations come in text order, so one cursor walks `sorted` once.
    while (next_prior < sorted.size() &&
           sorted[next_prior].content.begin < region.content.begin) {
      ++next_prior;
    }
    const QuoteCandidate* previous =
        next_prior > 0 ? &sorted[next_prior - 1] : nullptr;
    if (!LooksLikeSpeech(region)) {
      continue;
    }
    QuoteCandidate c;
    c.content = region.content;
    c.kind = QuoteKind::kDirect;
    c.rule = "direct-unattributed";
    const std::uint32_t sb = SentenceBegin(region.open_tok);
    const bool partial = region.open_tok > sb + 2;
    const bool after_colon =
        region.open_tok > 0 && Is(region.open_tok - 1, ":");
    std::optional<Range> subject;
    if (after_colon) {
      // "... released the following statement:" + quotation.
      subject = SentenceSubject(SentenceBegin(region.open_tok - 1),
                                region.open_tok - 1);
    } else if (partial) {
      subject = SentenceSubject(sb, region.open_tok);
    }
    const std::optional<Range> signed_by = DashSignature(region);
    if (signed_by) {
      c.speaker = Bytes(signed_by->first, signed_by->last);
      c.speaker_first = signed_by->first;
      c.speaker_last = signed_by->last;
      c.rule = "direct-dash";
    } else if (subject) {
      c.speaker = Bytes(subject->first, subject->last);
      c.speaker_first = subject->first;
      c.speaker_last = subject->last;
      c.rule = after_colon ? "direct-colon" : "direct-partial";
    } else if (previous != nullptr &&
               previous->speaker_last > previous->speaker_first &&
               // An indirect report speaks for the next quotation in its
               // own paragraph only ('..." Clark said, noting he would
               // support them. "We've developed a deep bench."').
               (previous->kind != QuoteKind::kIndirect
                    ? toks_[previous->speaker_first].paragraph + 1 >=
                          open.paragraph
                    : toks_[previous->speaker_first].paragraph ==
                          open.paragraph)) {
      c.speaker = previous->speaker;
      c.speaker_first = previous->speaker_first;
      c.speaker_last = previous->speaker_last;
      c.cue = previous->cue;
      c.rule = "direct-continuation";
    }
    out_.push_back(std::move(c));
  }
}

std::optional<Range> RuleRunner::DashSignature(
    const QuoteRegion& region) const {
  // "..." -- Jane Doe: a dash and a capitalized name right after the mark.
  const std::uint32_t dash = region.close_tok + 1;
  if (!region.balanced || dash + 1 >= toks_.size() ||
      toks_[dash].kind != TokKind::kPunct ||
      (toks_[dash].lower != "-" &&
       !toks_[dash].lower.starts_with("\xe2\x80"))) {
    return std::nullopt;
  }
  std::uint32_t e = dash + 1;
  while (e < toks_.size() && e < dash + 5 && Word(e) && toks_[e].capitalized &&
         toks_[e].paragraph == toks_[dash].paragraph) {
    ++e;
  }
  if (e == dash + 1) {
    return std::nullopt;
  }
  return Range{dash + 1, e};
}

bool RuleRunner::LooksLikeSpeech(const QuoteRegion& region) const {
  // Embedded tweets and page furniture quote handles, ids and dates.
  std::uint32_t words = 0;
  std::uint32_t lettered = 0;
  for (std::uint32_t k = region.open_tok + 1; k < region.close_tok; ++k) {
    const QToken& t = toks_[k];
    if (t.kind == TokKind::kPunct && t.lower == "@") {
      return false;
    }
    if (t.kind == TokKind::kWord) {
      ++words;
      lettered += (t.lower[0] < '0' || t.lower[0] > '9') ? 1 : 0;
    }
  }
  return lettered > 0 && 2 * lettered > words;
}

std::vector<QuoteCandidate> RuleRunner::Run() {
  for (std::uint32_t i = 0; i < toks_.size(); ++i) {
    if (!Word(i)) {
      continue;
    }
    if (toks_[i].lower == "according" && Is(i + 1, "to")) {
      OnAccordingTo(i);
      continue;
    }
    const std::optional<CueInfo> info = LookupCue(toks_[i].lower);
    if (info) {
      OnCue(i, 1, *info);
    }
  }
  ClaimOrphans();
  std::stable_sort(out_.begin(), out_.end(),
                   [](const QuoteCandidate& a, const QuoteCandidate& b) {
                     return a.content.begin < b.content.begin;
                   });
  return std::move(out_);
}

}  // namespace

std::vector<QuoteCandidate> FindQuoteCandidates(const Lexed& lexed) {
  RuleRunner runner(lexed);
  return runner.Run();
}

}  // namespace dossier::indexer::internal
