#include "indexer/internal/quote_cues.h"

#include <algorithm>
#include <array>
#include <type_traits>
#include <utility>
#include <vector>

#include "indexer/internal/word_list.h"

namespace dossier::indexer::internal {
namespace {

// Reporting verbs seen as attribution cues in news text, with their
// inflections. Chosen from the verbs that cue attributions in the PolNeAR
// training split at a high rate (e.g. "noted" 97%, "said" 92%, "argued"
// 89%); forms that are mostly nouns in news ("reports", "claims", "notes",
// "states") are left out on purpose; a few that report speech in the same
// split only with "that" after them (below half of the time without it:
// "continues", "maintained", "maintains", "note", "points") are marked so.
constexpr std::pair<std::string_view, CueInfo> kCues[] = {
    {"accused", {CueForm::kFinite, true}},
    {"accuses", {CueForm::kFinite, true}},
    {"accusing", {CueForm::kParticiple, false}},
    {"acknowledge", {CueForm::kBase, false}},
    {"acknowledged", {CueForm::kFinite, false}},
    {"acknowledges", {CueForm::kFinite, false}},
    {"acknowledging", {CueForm::kParticiple, false}},
    {"add", {CueForm::kBase, false}},
    {"added", {CueForm::kFinite, false}},
    {"adding", {CueForm::kParticiple, false}},
    {"adds", {CueForm::kFinite, false}},
    {"admit", {CueForm::kBase, false}},
    {"admits", {CueForm::kFinite, false}},
    {"admitted", {CueForm::kFinite, false}},
    {"agreed", {CueForm::kFinite, false}},
    {"alleged", {CueForm::kFinite, false}},
    {"alleges", {CueForm::kFinite, false}},
    {"alleging", {CueForm::kParticiple, false}},
    {"announce", {CueForm::kBase, false}},
    {"announced", {CueForm::kFinite, false}},
    {"announces", {CueForm::kFinite, false}},
    {"announcing", {CueForm::kParticiple, false}},
    {"answered", {CueForm::kFinite, false}},
    {"answers", {CueForm::kFinite, false}},
    {"argue", {CueForm::kBase, false}},
    {"argued", {CueForm::kFinite, false}},
    {"argues", {CueForm::kFinite, false}},
    {"arguing", {CueForm::kParticiple, false}},
    {"asked", {CueForm::kFinite, true}},
    {"asking", {CueForm::kParticiple, true}},
    {"asks", {CueForm::kFinite, true}},
    {"assailed", {CueForm::kFinite, false}},
    {"asserted", {CueForm::kFinite, false}},
    {"asserts", {CueForm::kFinite, false}},
    {"assured", {CueForm::kFinite, true}},
    {"attacked", {CueForm::kFinite, false}},
    {"attributed", {CueForm::kFinite, false}},
    {"believe", {CueForm::kBase, false}},
    {"believed", {CueForm::kFinite, false}},
    {"believes", {CueForm::kFinite, false}},
    {"bemoaned", {CueForm::kFinite, false}},
    {"blamed", {CueForm::kFinite, false}},
    {"blaming", {CueForm::kParticiple, false}},
    {"blasted", {CueForm::kFinite, false}},
    {"blasting", {CueForm::kParticiple, false}},
    {"boasted", {CueForm::kFinite, false}},
    {"bragged", {CueForm::kFinite, false}},
    {"called", {CueForm::kFinite, false}},
    {"calling", {CueForm::kParticiple, false}},
    {"calls", {CueForm::kFinite, false}},
    {"cautioned", {CueForm::kFinite, false}},
    {"chanted", {CueForm::kFinite, false}},
    {"characterized", {CueForm::kFinite, false}},
    {"characterizes", {CueForm::kFinite, false}},
    {"characterizing", {CueForm::kParticiple, false}},
    {"charged", {CueForm::kFinite, false}},
    {"cited", {CueForm::kFinite, false}},
    {"cites", {CueForm::kFinite, false}},
    {"citing", {CueForm::kParticiple, false}},
    {"claim", {CueForm::kBase, false}},
    {"claimed", {CueForm::kFinite, false}},
    {"claiming", {CueForm::kParticiple, false}},
    {"complained", {CueForm::kFinite, false}},
    {"complains", {CueForm::kFinite, false}},
    {"conceded", {CueForm::kFinite, false}},
    {"concedes", {CueForm::kFinite, false}},
    {"concluded", {CueForm::kFinite, false}},
    {"concludes", {CueForm::kFinite, false}},
    {"condemned", {CueForm::kFinite, false}},
    {"confirmed", {CueForm::kFinite, false}},
    {"confirms", {CueForm::kFinite, false}},
    {"contend", {CueForm::kBase, false}},
    {"contended", {CueForm::kFinite, false}},
    {"contending", {CueForm::kParticiple, false}},
    {"contends", {CueForm::kFinite, false}},
    {"continued", {CueForm::kFinite, false}},
    {"continues", {CueForm::kFinite, false, true}},
    {"countered", {CueForm::kFinite, false}},
    {"criticized", {CueForm::kFinite, false}},
    {"criticizing", {CueForm::kParticiple, false}},
    {"declared", {CueForm::kFinite, false}},
    {"declares", {CueForm::kFinite, false}},
    {"declaring", {CueForm::kParticiple, false}},
    {"declined", {CueForm::kFinite, false}},
    {"decried", {CueForm::kFinite, false}},
    {"defended", {CueForm::kFinite, false}},
    {"defending", {CueForm::kParticiple, false}},
    {"denied", {CueForm::kFinite, false}},
    {"denies", {CueForm::kFinite, false}},
    {"denounced", {CueForm::kFinite, false}},
    {"denouncing", {CueForm::kParticiple, false}},
    {"deny", {CueForm::kBase, false}},
    {"described", {CueForm::kFinite, false}},
    {"describes", {CueForm::kFinite, false}},
    {"describing", {CueForm::kParticiple, false}},
    {"dismissed", {CueForm::kFinite, false}},
    {"dismissing", {CueForm::kParticiple, false}},
    {"disputed", {CueForm::kFinite, false}},
    {"echoed", {CueForm::kFinite, false}},
    {"emailed", {CueForm::kFinite, false}},
    {"emphasized", {CueForm::kFinite, false}},
    {"emphasizes", {CueForm::kFinite, false}},
    {"emphasizing", {CueForm::kParticiple, false}},
    {"endorsed", {CueForm::kFinite, false}},
    {"endorses", {CueForm::kFinite, false}},
    {"estimated", {CueForm::kFinite, false}},
    {"exclaimed", {CueForm::kFinite, false}},
    {"explain", {CueForm::kBase, false}},
    {"explained", {CueForm::kFinite, false}},
    {"explaining", {CueForm::kParticiple, false}},
    {"explains", {CueForm::kFinite, false}},
    {"expressed", {CueForm::kFinite, false}},
    {"finds", {CueForm::kFinite, false}},
    {"forecast", {CueForm::kFinite, false}},
    {"forecasted", {CueForm::kFinite, false}},
    {"found", {CueForm::kFinite, false}},
    {"highlighted", {CueForm::kFinite, false}},
    {"hinted", {CueForm::kFinite, false}},
    {"hoped", {CueForm::kFinite, false}},
    {"hopes", {CueForm::kFinite, false}},
    {"hoping", {CueForm::kParticiple, false}},
    {"implied", {CueForm::kFinite, false}},
    {"indicated", {CueForm::kFinite, false}},
    {"informed", {CueForm::kFinite, true}},
    {"insist", {CueForm::kBase, false}},
    {"insisted", {CueForm::kFinite, false}},
    {"insisting", {CueForm::kParticiple, false}},
    {"insists", {CueForm::kFinite, false}},
    {"invoked", {CueForm::kFinite, false}},
    {"joked", {CueForm::kFinite, false}},
    {"lamented", {CueForm::kFinite, false}},
    {"likened", {CueForm::kFinite, false}},
    {"maintained", {CueForm::kFinite, false, true}},
    {"maintains", {CueForm::kFinite, false, true}},
    {"mention", {CueForm::kBase, false}},
    {"mentioned", {CueForm::kFinite, false}},
    {"mentioning", {CueForm::kParticiple, false}},
    {"mocked", {CueForm::kFinite, false}},
    {"mocking", {CueForm::kParticiple, false}},
    {"mused", {CueForm::kFinite, false}},
    {"note", {CueForm::kBase, false, true}},
    {"noted", {CueForm::kFinite, false}},
    {"notes", {CueForm::kFinite, false}},
    {"noting", {CueForm::kParticiple, false}},
    {"observed", {CueForm::kFinite, false}},
    {"observes", {CueForm::kFinite, false}},
    {"offered", {CueForm::kFinite, false}},
    {"ordered", {CueForm::kFinite, true}},
    {"pleaded", {CueForm::kFinite, false}},
    {"pledged", {CueForm::kFinite, false}},
    {"pledging", {CueForm::kParticiple, false}},
    {"pointed", {CueForm::kFinite, false}},
    {"points", {CueForm::kFinite, false, true}},
    {"portrayed", {CueForm::kFinite, false}},
    {"posted", {CueForm::kFinite, false}},
    {"praised", {CueForm::kFinite, false}},
    {"praises", {CueForm::kFinite, false}},
    {"praising", {CueForm::kParticiple, false}},
    {"predict", {CueForm::kBase, false}},
    {"predicted", {CueForm::kFinite, false}},
    {"predicting", {CueForm::kParticiple, false}},
    {"predicts", {CueForm::kFinite, false}},
    {"proclaimed", {CueForm::kFinite, false}},
    {"projected", {CueForm::kFinite, false}},
    {"promised", {CueForm::kFinite, false}},
    {"questioned", {CueForm::kFinite, false}},
    {"questioning", {CueForm::kParticiple, false}},
    {"quipped", {CueForm::kFinite, false}},
    {"quoted", {CueForm::kFinite, false}},
    {"railed", {CueForm::kFinite, false}},
    {"recalled", {CueForm::kFinite, false}},
    {"recalling", {CueForm::kParticiple, false}},
    {"recalls", {CueForm::kFinite, false}},
    {"referenced", {CueForm::kFinite, false}},
    {"referring", {CueForm::kParticiple, false}},
    {"refused", {CueForm::kFinite, false}},
    {"reiterated", {CueForm::kFinite, false}},
    {"rejected", {CueForm::kFinite, false}},
    {"remarked", {CueForm::kFinite, false}},
    {"remembered", {CueForm::kFinite, false}},
    {"reminded", {CueForm::kFinite, true}},
    {"replied", {CueForm::kFinite, false}},
    {"replies", {CueForm::kFinite, false}},
    {"reported", {CueForm::kFinite, false}},
    {"responded", {CueForm::kFinite, false}},
    {"retweeted", {CueForm::kFinite, false}},
    {"revealed", {CueForm::kFinite, false}},
    {"said", {CueForm::kFinite, false}},
    {"say", {CueForm::kBase, false}},
    {"saying", {CueForm::kParticiple, false}},
    {"says", {CueForm::kFinite, false}},
    {"seemed", {CueForm::kFinite, false}},
    {"shouted", {CueForm::kFinite, false}},
    {"showed", {CueForm::kFinite, false}},
    {"shows", {CueForm::kFinite, false}},
    {"signaled", {CueForm::kFinite, false}},
    {"slammed", {CueForm::kFinite, false}},
    {"slams", {CueForm::kFinite, false}},
    {"speculated", {CueForm::kFinite, false}},
    {"stated", {CueForm::kFinite, false}},
    {"stating", {CueForm::kParticiple, false}},
    {"stressed", {CueForm::kFinite, false}},
    {"stressing", {CueForm::kParticiple, false}},
    {"suggest", {CueForm::kBase, false}},
    {"suggested", {CueForm::kFinite, false}},
    {"suggesting", {CueForm::kParticiple, false}},
    {"suggests", {CueForm::kFinite, false}},
    {"talked", {CueForm::kFinite, false}},
    {"tell", {CueForm::kBase, true}},
    {"telling", {CueForm::kParticiple, true}},
    {"tells", {CueForm::kFinite, true}},
    {"testified", {CueForm::kFinite, false}},
    {"thanked", {CueForm::kFinite, true}},
    {"think", {CueForm::kBase, false}},
    {"thinks", {CueForm::kFinite, false}},
    {"told", {CueForm::kFinite, true}},
    {"touted", {CueForm::kFinite, false}},
    {"touting", {CueForm::kParticiple, false}},
    {"tweeted", {CueForm::kFinite, false}},
    {"tweeting", {CueForm::kParticiple, false}},
    {"urged", {CueForm::kFinite, true}},
    {"urges", {CueForm::kFinite, true}},
    {"urging", {CueForm::kParticiple, true}},
    {"voiced", {CueForm::kFinite, false}},
    {"vowed", {CueForm::kFinite, false}},
    {"vowing", {CueForm::kParticiple, false}},
    {"vows", {CueForm::kFinite, false}},
    {"warn", {CueForm::kBase, false}},
    {"warned", {CueForm::kFinite, true}},
    {"warning", {CueForm::kParticiple, true}},
    {"warns", {CueForm::kFinite, true}},
    {"wondered", {CueForm::kFinite, false}},
    {"write", {CueForm::kBase, false}},
    {"writes", {CueForm::kFinite, false}},
    {"wrote", {CueForm::kFinite, false}},
};
static_assert(std::is_sorted(std::begin(kCues), std::end(kCues),
                             [](const auto& a, const auto& b) {
                               return a.first < b.first;
                             }));

constexpr std::array<std::string_view, 51> kFillers = {
    "additionally", "again",      "already",      "also",       "bluntly",
    "can",          "could",      "did",          "do",         "does",
    "earlier",      "even",       "eventually",   "explicitly", "finally",
    "first",        "flatly",     "frequently",   "further",    "had",
    "has",          "have",       "initially",    "just",       "later",
    "likewise",     "may",        "might",        "must",       "never",
    "not",          "often",      "once",         "openly",     "previously",
    "privately",    "publicly",   "quickly",      "recently",   "repeatedly",
    "reportedly",   "separately", "should",       "similarly",  "simply",
    "specifically", "still",      "subsequently", "then",       "will",
    "would"};
static_assert(std::is_sorted(kFillers.begin(), kFillers.end()));
constexpr std::array<std::string_view, 77> kFunctionWords = {
    "about",   "after", "against", "also",   "although", "and",     "any",
    "are",     "as",    "at",      "be",     "because",  "been",    "before",
    "between", "but",   "by",      "during", "either",   "every",   "for",
    "from",    "here",  "how",     "if",     "in",       "into",    "is",
    "it's",    "just",  "let",     "more",   "most",     "much",    "neither",
    "no",      "nor",   "not",     "now",    "of",       "on",      "only",
    "or",      "over",  "per",     "since",  "so",       "such",    "than",
    "that",    "then",  "there",   "these",  "this",     "those",   "though",
    "through", "to",    "under",   "unless", "until",    "upon",    "very",
    "via",     "was",   "were",    "what",   "when",     "where",   "whereas",
    "whether", "while", "why",     "with",   "within",   "without", "yet"};
static_assert(std::is_sorted(kFunctionWords.begin(), kFunctionWords.end()));
constexpr std::array<std::string_view, 28> kDeterminers = {
    "a",     "all",   "an",   "another", "both",  "each", "five",
    "four",  "her",   "his",  "its",     "many",  "most", "my",
    "one",   "other", "our",  "several", "some",  "that", "the",
    "their", "these", "this", "those",   "three", "two",  "your"};
static_assert(std::is_sorted(kDeterminers.begin(), kDeterminers.end()));
constexpr std::array<std::string_view, 9> kPronouns = {
    "he", "i", "it", "she", "they", "we", "which", "who", "you"};
static_assert(std::is_sorted(kPronouns.begin(), kPronouns.end()));

// Every word of an article is looked up in these tables, some several
// times: hashed, not searched.
template <typename Table>
std::vector<std::string_view> WordsOf(const Table& table) {
  std::vector<std::string_view> words;
  for (const auto& entry : table) {
    if constexpr (std::is_same_v<std::decay_t<decltype(entry)>,
                                 std::string_view>) {
      words.push_back(entry);
    } else {
      words.push_back(entry.first);
    }
  }
  return words;
}

}  // namespace

std::optional<CueInfo> LookupCue(std::string_view lower_word) {
  static const WordSet kCueWords(WordsOf(kCues));
  const int position = kCueWords.find(lower_word);
  if (position < 0) {
    return std::nullopt;
  }
  return kCues[position].second;
}

bool IsSpeakerVerbFiller(std::string_view lower_word) {
  static const WordSet kWords(WordsOf(kFillers));
  return kWords.contains(lower_word);
}

bool IsFunctionWord(std::string_view lower_word) {
  static const WordSet kWords(WordsOf(kFunctionWords));
  return kWords.contains(lower_word);
}

bool IsDeterminer(std::string_view lower_word) {
  static const WordSet kWords(WordsOf(kDeterminers));
  return kWords.contains(lower_word);
}

bool IsSpeakerPronoun(std::string_view lower_word) {
  static const WordSet kWords(WordsOf(kPronouns));
  return kWords.contains(lower_word);
}

}  // namespace dossier::indexer::internal
