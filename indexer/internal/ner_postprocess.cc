// Rules, in order:
//   1. BIO runs become candidate mentions (token ranges);
//   2. trailing lower-case words are trimmed ("AI labs" -> "AI"), and
//      leading ones ("of Adani Group"), and punctuation alone dropped; role
//      words, degrees and common-noun acronyms alone are dropped ("CEO",
//      "Ph.D.", "AI");
//   3. context cues fix the type and mark it strong: a company noun right
//      before the name ("the firm Laude", "co-founder of Databricks") makes
//      an ORG; a determiner before a one-word PERSON, or before a one-word
//      ORG followed by a technique noun ("the Transformer architecture"),
//      makes it MISC; a university short name in an academic sentence is
//      an ORG (two joined by "and" are two); an ORG named like an event is
//      MISC; an ORG "X of Y" right after a speech verb is split into the
//      speaker X (PERSON) and Y ("said René Dubois of Contoso Ltd.");
//      3b. the names listed after "companies including", "labs such as"
//      are organisations (and found when the tagger missed them);
//   4a. a lone word ending the full name of a person named in the article
//       is that person ("Gavin Henson ... Henson" is no MISC);
//   4. strong types spread to every mention with the same text;
//   5. Title Case headlines ("Databricks Co-founder Expresses Concern")
//      keep no tagger mentions: the names the body recognized are matched
//      in them instead, with the body's types;
//   6. each ORG gets its kind (org_kind.h).
#include "indexer/internal/ner_postprocess.h"

#include <algorithm>
#include <map>
#include <string>

#include "indexer/internal/ner_features.h"
#include "indexer/internal/ner_model.h"
#include "indexer/internal/word_list.h"
#include "indexer/org_kind.h"

namespace dossier::indexer::internal {
namespace {

struct Candidate {
  std::uint32_t first = 0;  // token range [first, last)
  std::uint32_t last = 0;
  EntityType type = EntityType::kMisc;
  bool strong = false;  // set by a context rule
};

std::string Lower(std::string_view s) {
  std::string out;
  LowerAscii(s, &out);
  return out;
}

bool StartsLower(std::string_view w) {
  return !w.empty() && w[0] >= 'a' && w[0] <= 'z';
}

bool IsNameJoiner(std::string_view w) {
  static const WordSet kWords{
      "of", "de", "du", "van", "von", "der", "la", "le", "al", "bin", "da",
      "di", "y", "and", "&", "for", "the"};
  return kWords.contains(w);
}

// Also the letters after a name ("Arthur Goodhart, KBE, KC"): honours and
// offices, which the tagger takes for organisations.
bool IsRoleOrDegree(const std::string& w) {
  static const WordSet kHonoursAndOffices{
      "ph.d.", "phd", "ph.d", "mba", "m.b.a.", "co-founder", "co-founders",
      "founders", "cto", "cfo", "coo", "vp", "chair", "kbe", "obe", "cbe",
      "mbe", "gbe", "dbe", "kc", "qc", "frs", "dfc", "mp", "mep", "msp"};
  return IsPersonTitle(w) ||
         kHonoursAndOffices.contains(w);
}

// "Chief Executive Officer", "Group President", "Officer": a job title
// spelled in capitals, which the tagger takes for a name. Every word is a
// title word and one is the office itself.
bool IsJobTitle(const std::vector<std::string_view>& words,
                std::uint32_t first, std::uint32_t last) {
  bool office = false;
  static const WordSet kOffices{
      "officer", "president", "vice-president", "director", "chairman",
      "chairwoman", "chairperson", "treasurer", "partner", "counsel"};
  static const WordSet kTitleModifiers{
      "chief", "executive", "vice", "senior", "group", "deputy", "assistant",
      "associate", "managing", "general", "operating", "financial",
      "technology", "technical", "marketing", "information", "interim",
      "acting", "co", "and", "&", "of"};
  for (std::uint32_t w = first; w < last; ++w) {
    const std::string lower = Lower(words[w]);
    const bool is_office =
        IsRoleOrDegree(lower) ||
        kOffices.contains(lower);
    const bool is_modifier = kTitleModifiers.contains(lower);
    if (!is_office && !is_modifier) {
      return false;
    }
    office = office || is_office;
  }
  return office;
}

bool IsNounAcronym(const std::string& w) {
  static const WordSet kWords{
      "ai", "it", "tv", "gdp", "ipo", "pc", "ceo", "cfo", "cto", "dna", "vat",
      "gmt", "id", "pr", "hr", "r&d", "m&a", "etf", "api", "gpu", "cpu", "vr",
      "ar", "3d", "5g", "4g", "llm", "ml", "nft", "ev", "suv", "ok", "faq",
      "diy", "ceos"};
  return kWords.contains(w);
}

bool IsCompanyNoun(const std::string& w) {
  static const WordSet kWords{
      "firm", "company", "startup", "start-up", "maker", "giant",
      "conglomerate", "retailer", "carrier", "airline", "insurer", "lender",
      "brokerage", "subsidiary", "rival", "competitor", "developer",
      "manufacturer", "chipmaker", "automaker", "publisher", "broadcaster",
      "operator"};
  return kWords.contains(w);
}

bool IsFounderWord(const std::string& w) {
  static const WordSet kWords{
      "co-founder", "cofounder", "founder", "co-founders", "founders", "ceo",
      "cto", "cfo", "coo", "chairman", "co-founded", "founded", "cofounded",
      "employees", "investors", "shareholders", "spokesman", "spokeswoman",
      "spokesperson"};
  return kWords.contains(w);
}

std::string Join(const std::vector<std::string_view>& words,
                 const Candidate& c) {
  std::string s;
  for (std::uint32_t i = c.first; i < c.last; ++i) {
    if (i > c.first) {
      s.push_back(' ');
    }
    s.append(words[i]);
  }
  return s;
}

bool EndsWithTerminator(const std::vector<std::string_view>& words,
                        const Sentence& s) {
  if (s.token_count == 0) {
    return false;
  }
  std::uint32_t i = s.first_token + s.token_count - 1;
  while (i > s.first_token &&
         (words[i] == "\"" || words[i] == "'" || words[i] == ")")) {
    --i;
  }
  return words[i] == "." || words[i] == "!" || words[i] == "?" ||
         words[i] == "...";
}

// A sentence's text and whether it has an academic cue, which is worked
// out on first use only (most sentences never need it, and it scans the
// whole sentence).
class SentenceText {
 public:
  explicit SentenceText(std::string_view text) : text_(text) {}
  bool Academic() {
    if (academic_ < 0) {
      academic_ = HasAcademicCue(text_) ? 1 : 0;
    }
    return academic_ == 1;
  }

 private:
  std::string_view text_;
  int academic_ = -1;  // unknown
};

// The common noun of a named technique ("the Transformer architecture").
bool StartsUpper(std::string_view w) {
  return !w.empty() && ((w[0] >= 'A' && w[0] <= 'Z') ||
                        static_cast<unsigned char>(w[0]) >= 0xC0);
}

bool IsTechniqueNoun(std::string_view w) {
  static const WordSet kWords{
      "architecture", "algorithm", "technique", "method", "framework",
      "protocol"};
  return kWords.contains(w);
}

// Rule 3 for one candidate in `sentence`.
void ApplyCues(const std::vector<std::string_view>& words,
               const Sentence& sentence, SentenceText* sentence_text,
               Candidate* c) {
  const std::string before =
      c->first > sentence.first_token ? Lower(words[c->first - 1]) : "";
  const std::string before2 =
      c->first > sentence.first_token + 1 ? Lower(words[c->first - 2]) : "";
  const std::string after =
      c->last < sentence.first_token + sentence.token_count
          ? Lower(words[c->last])
          : "";
  const std::string name = Join(words, *c);
  if (IsCompanyNoun(before) || (before == "of" && IsFounderWord(before2))) {
    c->type = EntityType::kOrg;
    c->strong = true;
  } else if (c->last - c->first == 1 &&
             ((c->type == EntityType::kPerson && StartsLower(after)) ||
              (c->type == EntityType::kOrg && IsTechniqueNoun(after))) &&
             IsOneOf(before, {"the", "a", "an", "its", "their"})) {
    // "the Transformer architecture": a name used as a modifier. ("that
    // Henson was" is no determiner, and "the Henson" alone no modifier.)
    c->type = EntityType::kMisc;
    c->strong = true;
  } else if (c->type == EntityType::kPerson &&
             IsOneOf(before, {"the", "a", "an"}) && StartsUpper(words[c->last]) &&
             IsChairTitle(after)) {
    // "the Herman Feshbach Professor of Physics": a named chair, not the
    // person who holds it.
    c->type = EntityType::kMisc;
    c->strong = true;
  }
  if (c->type != EntityType::kOrg && HasOrganisationWord(name)) {
    c->type = EntityType::kOrg;  // "Harvard University" is never a place
  }
  // "Lumen Scan, a startup that ...": what a company noun describes in an
  // apposition is a company, whatever the name looks like.
  const std::uint32_t sentence_end =
      sentence.first_token + sentence.token_count;
  if (c->type == EntityType::kPerson && c->last + 2 < sentence_end &&
      words[c->last] == "," &&
      IsOneOf(Lower(words[c->last + 1]), {"a", "an"}) &&
      IsCompanyNoun(Lower(words[c->last + 2]))) {
    c->type = EntityType::kOrg;
    c->strong = true;
  }
  if (c->type != EntityType::kMisc && IsUniversityShortName(name) &&
      sentence_text->Academic()) {
    c->type = EntityType::kOrg;
    c->strong = true;
  }
  if (c->type == EntityType::kOrg && IsEventName(name)) {
    c->type = EntityType::kMisc;
  }
}

bool IsPluralOrgNoun(const std::string& w) {
  static const WordSet kWords{
      "companies", "firms", "labs", "laboratories", "startups", "start-ups",
      "rivals", "groups", "banks", "lenders", "insurers", "carriers",
      "airlines", "makers", "manufacturers", "developers", "retailers",
      "brands", "giants", "corporations", "conglomerates", "businesses",
      "organizations", "organisations", "agencies", "institutions",
      "universities", "charities", "publishers", "broadcasters", "networks",
      "platforms", "providers", "suppliers", "competitors", "automakers",
      "carmakers", "chipmakers", "exchanges"};
  return kWords.contains(w);
}


// "LLC", "Inc.", "PC": a company's legal form (lower case).
bool IsLegalForm(const std::string& lower) {
  static const WordSet kWords{
      "llc", "l.l.c.", "inc", "inc.", "ltd", "ltd.", "llp", "l.l.p.", "plc",
      "gmbh", "corp", "corp.", "lp", "l.p.", "pc", "p.c.", "co", "co."};
  return kWords.contains(lower);
}

// True when words[i] is a company's legal form standing after a comma at
// the end of a name: the sentence, a clause or a lower-case word follows it
// ("Acme, LLC is", "Acme, Inc., said"). "PC" and "Co." also start other
// things ("PC makers"), so only punctuation may follow them.
bool IsLegalFormAfterComma(const std::vector<std::string_view>& words,
                           std::uint32_t i, std::uint32_t end) {
  const std::string form = Lower(words[i]);
  if (!IsLegalForm(form)) {
    return false;
  }
  const bool strict = IsOneOf(form, {"pc", "p.c.", "co", "co."});
  if (i + 1 >= end) {
    return true;
  }
  const std::string_view next = words[i + 1];
  const bool punctuation = !next.empty() && !StartsUpper(next) &&
                           !StartsLower(next) &&
                           !(next[0] >= '0' && next[0] <= '9');
  return punctuation || (!strict && StartsLower(next));
}

// For an ORG candidate "X of Y" right after a speech verb ("said", "told"),
// where X is one or more capitalized words with no organisation word and Y
// is capitalized, the index of "of"; 0 otherwise.
std::uint32_t SpeakerOfSplit(const std::vector<std::string_view>& words,
                             const Sentence& sentence, const Candidate& c) {
  if (c.type != EntityType::kOrg || c.first == sentence.first_token ||
      !IsOneOf(Lower(words[c.first - 1]),
               {"said", "says", "told", "added", "asked"})) {
    return 0;
  }
  for (std::uint32_t i = c.first; i + 1 < c.last; ++i) {
    if (words[i] == "of") {
      const bool speaker =
          i > c.first && StartsUpper(words[i + 1]) &&
          !HasOrganisationWord(Join(words, Candidate{c.first, i}));
      return speaker ? i : 0;
    }
    if (!StartsUpper(words[i])) {
      return 0;
    }
  }
  return 0;
}

// Rule 3b: the names listed after a plural organisation noun and
// "including", "such as" or "like", or after "stakes in", are
// organisations; a listed name the tagger missed becomes a candidate. The
// list ends at the first word that is neither a name nor a separator.
void MarkListedOrganisations(const std::vector<std::string_view>& words,
                             std::uint32_t begin, std::uint32_t end,
                             std::vector<Candidate>* candidates,
                             std::vector<std::size_t>* sentence_of,
                             std::size_t sentence) {
  for (std::uint32_t i = begin; i + 1 < end; ++i) {
    // Every listing noun ends in "s", and "stake" in "e": the other words
    // need no lower-casing (this runs for every word of every article).
    const char last = words[i].empty() ? '\0' : words[i].back();
    if (last != 's' && last != 'S' && last != 'e' && last != 'E') {
      continue;
    }
    const std::string noun = Lower(words[i]);
    // "with stakes in Stratus Lens in Munich and Lumen Scan in Dublin":
    // what one holds a stake in is a company, unless it is a place ("a
    // stake in China's biggest bank").
    const bool stake = (noun == "stake" || noun == "stakes") &&
                       Lower(words[i + 1]) == "in";
    if (!stake && !IsPluralOrgNoun(noun)) {
      continue;
    }
    std::uint32_t j = i + 1;
    if (words[j] == ",") {
      ++j;
    }
    if (stake) {
      ++j;
    } else if (j < end && Lower(words[j]) == "including") {
      ++j;
    } else if (j + 1 < end && Lower(words[j]) == "such" &&
               Lower(words[j + 1]) == "as") {
      j += 2;
    } else if (j < end && Lower(words[j]) == "like") {
      ++j;
    } else {
      continue;
    }
    while (j < end) {
      if (words[j] == "," || words[j] == "and" || words[j] == "or") {
        ++j;
        continue;
      }
      if (!StartsUpper(words[j])) {
        break;
      }
      std::uint32_t k = j + 1;
      while (k < end && StartsUpper(words[k])) {
        ++k;
      }
      bool covered = false;
      bool place = false;
      for (Candidate& c : *candidates) {
        if (c.first < k && j < c.last) {
          covered = true;
          if (stake && c.type == EntityType::kPlace) {
            place = true;
            continue;
          }
          c.type = EntityType::kOrg;  // "firms such as Goldman Sachs"
          c.strong = true;
          // The listed name is the whole capitalized run: the tagger may
          // have left a word of it out ("Stratus Lens" tagged "Lens").
          if (j <= c.first && c.last <= k && k - j <= 4) {
            c.first = j;
            c.last = k;
          }
        }
      }
      if (place) {
        break;
      }
      if (!covered) {
        candidates->push_back(Candidate{j, k, EntityType::kOrg, true});
        sentence_of->push_back(sentence);
      }
      j = k;
      // "labs such as DeepSeek and Alibaba's Qwen": the listed unit of a
      // listed organisation is an organisation too.
      if (j + 1 < end && (words[j] == "'s" || words[j] == "\xE2\x80\x99s") &&
          StartsUpper(words[j + 1])) {
        ++j;
      }
      // "Stratus Lens in Munich and Lumen Scan in Dublin": where a listed
      // name is based is no part of the list; the list goes on after it.
      if (j + 1 < end && (words[j] == "in" || words[j] == "of" ||
                          words[j] == "from") &&
          StartsUpper(words[j + 1])) {
        j += 2;
        while (j < end && StartsUpper(words[j])) {
          ++j;
        }
      }
    }
  }
}

bool IsStockExchange(std::string_view w) {
  static const WordSet kWords{
      "NYSE", "NASDAQ", "Nasdaq", "AMEX", "TSX", "TSXV", "TSX-V", "LSE",
      "ASX", "HKSE", "HKEX", "SGX", "NSE", "BSE", "OTC", "OTCQB", "OTCQX",
      "Euronext", "XETRA", "FWB", "JSE", "NZX", "KRX", "SSE", "SZSE", "TYO",
      "TSE"};
  return kWords.contains(w);
}

// "Apple Inc. (NASDAQ: AAPL)": the exchange is no entity of the article,
// and the ticker is the company's (coreference makes it an alias). Drops
// candidates on the exchange and adds the ticker as an ORG.
void MarkStockTickers(const std::vector<std::string_view>& words,
                      std::uint32_t begin, std::uint32_t end,
                      std::vector<Candidate>* candidates,
                      std::vector<std::size_t>* sentence_of,
                      std::size_t sentence) {
  for (std::uint32_t i = begin; i + 4 < end; ++i) {
    if (words[i] != "(" || !IsStockExchange(words[i + 1]) ||
        words[i + 2] != ":" || words[i + 4] != ")") {
      continue;
    }
    const std::string_view ticker = words[i + 3];
    const bool ticker_like =
        !ticker.empty() && ticker.size() <= 10 && StartsUpper(ticker) &&
        std::all_of(ticker.begin(), ticker.end(), [](char c) {
          return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
        });
    // Only right after an organisation's name.
    const auto named = std::find_if(
        candidates->begin(), candidates->end(),
        [&](const Candidate& c) { return c.last == i && c.type == EntityType::kOrg; });
    if (!ticker_like || named == candidates->end()) {
      continue;
    }
    for (std::size_t k = candidates->size(); k-- > 0;) {
      const Candidate& c = (*candidates)[k];
      if (c.first < i + 4 && i + 1 < c.last) {
        candidates->erase(candidates->begin() + static_cast<std::ptrdiff_t>(k));
        sentence_of->erase(sentence_of->begin() + static_cast<std::ptrdiff_t>(k));
      }
    }
    candidates->push_back(Candidate{i + 3, i + 4, EntityType::kOrg, true});
    sentence_of->push_back(sentence);
    i += 4;
  }
}

EntityType TypeOfLabel(int label) {
  switch (LabelType(label)) {
    case 0:
      return EntityType::kPerson;
    case 1:
      return EntityType::kOrg;
    case 2:
      return EntityType::kPlace;
    default:
      return EntityType::kMisc;
  }
}

}  // namespace

void AppendMentions(std::string_view text,
                    const std::vector<std::string_view>& words,
                    const std::vector<int>& labels, ArticleAnalysis* analysis) {
  const std::vector<Token>& tokens = analysis->tokens;
  std::vector<Candidate> candidates;
  std::vector<std::size_t> sentence_of;  // parallel to candidates
  std::vector<bool> title_case(analysis->sentences.size(), false);
  for (std::size_t s = 0; s < analysis->sentences.size(); ++s) {
    const Sentence& sentence = analysis->sentences[s];
    const std::uint32_t end = sentence.first_token + sentence.token_count;
    title_case[s] = IsTitleCase(words, sentence.first_token, end) &&
                    !EndsWithTerminator(words, sentence);
    SentenceText sentence_text(
        text.substr(sentence.span.begin, sentence.span.size()));
    for (std::uint32_t i = sentence.first_token; i < end;) {
      if (labels[i] == 0) {
        ++i;
        continue;
      }
      Candidate c;
      c.first = i;
      c.type = TypeOfLabel(labels[i]);
      const int inside = InsideLabel(LabelType(labels[i]));
      c.last = i + 1;
      while (c.last < end && labels[c.last] == inside) {
        ++c.last;
      }
      i = c.last;
      // An event's name the tagger cut short ("Cerebral Valley AI" before
      // "Summit") takes its event word back, and with it the MISC type.
      if (c.last < end && !StartsLower(words[c.last]) &&
          IsEventName(words[c.last])) {
        ++c.last;
      }
      // 2. Trim and drop.
      while (c.last > c.first + 1 &&
             (StartsLower(words[c.last - 1]) ||
              IsNameJoiner(words[c.last - 1]) ||
              IsNounAcronym(Lower(words[c.last - 1])))) {
        --c.last;  // "U.S. AI" -> "U.S."
      }
      // English joiners never open a name ("of Adani Group"); particles
      // may ("van Buuren", "de Gaulle").
      while (c.first + 1 < c.last && StartsLower(words[c.first]) &&
             (!IsNameJoiner(words[c.first]) ||
              IsOneOf(words[c.first], {"of", "and", "for", "the"}))) {
        ++c.first;
      }
      // Punctuation alone is no name ("founder & CEO" tagged "&").
      bool has_alnum = false;
      for (std::uint32_t w = c.first; w < c.last && !has_alnum; ++w) {
        has_alnum = std::any_of(words[w].begin(), words[w].end(), [](char ch) {
          return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
                 (ch >= 'A' && ch <= 'Z') ||
                 static_cast<unsigned char>(ch) >= 0x80;
        });
      }
      if (!has_alnum) {
        continue;
      }
      const std::string lower = Lower(words[c.first]);
      if (c.last - c.first == 1 &&
          (IsRoleOrDegree(lower) || IsNounAcronym(lower) ||
           IsLegalForm(lower) || StartsLower(words[c.first]))) {
        continue;
      }
      if (IsJobTitle(words, c.first, c.last)) {
        continue;
      }
      // "PEER Consultants, PC", "H. J. Kalikow & Company, LLC": a legal
      // form after a comma ends the company's name; it is no name itself.
      if (const std::uint32_t form = c.last + 1;
          form < end && words[c.last] == "," &&
          IsLegalFormAfterComma(words, form, end)) {
        c.last = form + 1;
        c.type = EntityType::kOrg;
        i = std::max(i, c.last);
      }
      // "Stanford and Yale" are two universities, not one name.
      if (c.last - c.first == 3 && words[c.first + 1] == "and" &&
          IsUniversityShortName(words[c.first]) &&
          IsUniversityShortName(words[c.first + 2])) {
        Candidate left{c.first, c.first + 1, c.type, false};
        ApplyCues(words, sentence, &sentence_text, &left);
        candidates.push_back(left);
        sentence_of.push_back(s);
        c.first += 2;
      }
      // "said René Dubois of Contoso Ltd.": the name a speech verb
      // introduces, before "of", is the speaker, not part of the ORG.
      if (const std::uint32_t of = SpeakerOfSplit(words, sentence, c);
          of != 0) {
        Candidate person{c.first, of, EntityType::kPerson, false};
        ApplyCues(words, sentence, &sentence_text, &person);
        candidates.push_back(person);
        sentence_of.push_back(s);
        c.first = of + 1;
      }
      ApplyCues(words, sentence, &sentence_text, &c);
      candidates.push_back(c);
      sentence_of.push_back(s);
    }
    // Lists of organisations ("AI labs, including OpenAI, Meta and
    // Anthropic"; "labs such as DeepSeek"): every name listed is one.
    MarkListedOrganisations(words, sentence.first_token, end, &candidates,
                            &sentence_of, s);
    MarkStockTickers(words, sentence.first_token, end, &candidates,
                     &sentence_of, s);
    // University short names the tagger missed, in academic sentences.
    for (std::uint32_t i = sentence.first_token; i < end; ++i) {
      if (StartsLower(words[i]) || !IsUniversityShortName(words[i])) {
        continue;
      }
      if (!sentence_text.Academic()) {
        break;
      }
      const bool covered = std::any_of(
          candidates.begin(), candidates.end(),
          [&](const Candidate& c) { return c.first <= i && i < c.last; });
      if (!covered) {
        candidates.push_back(Candidate{i, i + 1, EntityType::kOrg, true});
        sentence_of.push_back(s);
      }
    }
  }
  // 4a. A lone word that ends the full name of a person named in the
  // article is that person ("Gavin Henson ... Henson"), unless a cue typed
  // it or it is a place ("Washington"), or also ends an organisation's name.
  std::map<std::string, int> surname_votes;  // > 0: people only
  for (const Candidate& c : candidates) {
    if (c.last - c.first >= 2 && !StartsLower(words[c.last - 1])) {
      surname_votes[std::string(words[c.last - 1])] +=
          c.type == EntityType::kPerson ? 1 : -1000;
    }
  }
  for (Candidate& c : candidates) {
    if (c.last - c.first == 1 && !c.strong &&
        (c.type == EntityType::kMisc || c.type == EntityType::kOrg)) {
      const auto it = surname_votes.find(std::string(words[c.first]));
      if (it != surname_votes.end() && it->second > 0) {
        c.type = EntityType::kPerson;
      }
    }
  }
  // 4. Strong types spread; 5. Title Case sentences use the body's names.
  std::map<std::string, EntityType> strong;
  std::map<std::string, EntityType> body;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const std::string name = Join(words, candidates[k]);
    if (candidates[k].strong) {
      strong[name] = candidates[k].type;
    }
  }
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const auto it = strong.find(Join(words, candidates[k]));
    if (it != strong.end()) {
      candidates[k].type = it->second;
    }
    if (!title_case[sentence_of[k]]) {
      body.emplace(Join(words, candidates[k]), candidates[k].type);
    }
  }
  std::vector<Candidate> kept;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    if (!title_case[sentence_of[k]]) {
      kept.push_back(candidates[k]);
    }
  }
  for (std::size_t s = 0; s < analysis->sentences.size(); ++s) {
    if (!title_case[s]) {
      continue;
    }
    const Sentence& sentence = analysis->sentences[s];
    const std::uint32_t end = sentence.first_token + sentence.token_count;
    for (std::uint32_t i = sentence.first_token; i < end;) {
      std::uint32_t best = 0;
      EntityType type = EntityType::kMisc;
      for (std::uint32_t e = std::min(end, i + 6); e > i; --e) {
        const auto it = body.find(Join(words, Candidate{i, e, {}, false}));
        if (it != body.end()) {
          best = e;
          type = it->second;
          break;
        }
      }
      if (best == 0) {
        ++i;
        continue;
      }
      kept.push_back(Candidate{i, best, type, false});
      i = best;
    }
  }
  std::sort(
      kept.begin(), kept.end(),
      [](const Candidate& a, const Candidate& b) { return a.first < b.first; });
  // 6. Mentions with ORG kinds.
  std::size_t sentence = 0;
  for (const Candidate& c : kept) {
    while (sentence + 1 < analysis->sentences.size() &&
           analysis->sentences[sentence + 1].first_token <= c.first) {
      ++sentence;
    }
    Mention m;
    m.span = {tokens[c.first].span.begin, tokens[c.last - 1].span.end};
    m.type = c.type;
    if (m.type == EntityType::kOrg) {
      const Span s = analysis->sentences[sentence].span;
      m.org_kind = ClassifyOrg(text.substr(m.span.begin, m.span.size()),
                               text.substr(s.begin, s.size()));
    }
    analysis->mentions.push_back(m);
  }
}

}  // namespace dossier::indexer::internal
