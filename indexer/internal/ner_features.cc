// Feature templates. A key is HashCombine(template|offset, value hash); the
// templates and the offsets at which each is used are listed in
// AppendWordFeatures. Changing any of them changes the model: bump
// kModelVersion and retrain.
#include "indexer/internal/ner_features.h"

#include <algorithm>
#include <array>
#include <limits>
#include <string>
#include <unordered_map>

#include "indexer/internal/word_list.h"

namespace dossier::indexer::internal {
namespace {

enum Template : std::uint64_t {
  kBias = 1,
  kForm,
  kLower,
  kShape,
  kPrefix,
  kSuffix,
  kClusterFine,
  kClusterCoarse,
  kFlag,
  kPad,
  kContext,
  kGaz,
  kDoc,
  kHistory,
  kPrev1,
  kPrev12,
  kPrev1Shape,
  kInitialLower,
  kBigram,
  kShapeTrigram,
  kPrev1Lower,
  kAggregate,
};

std::uint64_t Key(Template t, int offset, std::uint64_t value) {
  return HashCombine((static_cast<std::uint64_t>(t) << 8) |
                         static_cast<std::uint64_t>(offset + 8),
                     value);
}

// Short shape: X upper, x lower, d digit, other ASCII as is; runs collapsed
// ("Xx", "X.X.", "d,d", "x-x"). Calls emit(c) for each shape character, so
// that the shape is hashed without building a string.
template <typename Emit>
void ForEachShapeChar(std::string_view word, Emit emit) {
  char last = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    char s;
    if (c >= 'A' && c <= 'Z') {
      s = 'X';
    } else if (c >= 'a' && c <= 'z') {
      s = 'x';
    } else if (c >= '0' && c <= '9') {
      s = 'd';
    } else if (c >= 0x80) {
      // A UTF-8 lead byte: Latin-1 capitals C3 80..9E count as upper.
      s = (c == 0xC3 && i + 1 < word.size() &&
           static_cast<unsigned char>(word[i + 1]) < 0x9F)
              ? 'X'
              : 'x';
      while (i + 1 < word.size() &&
             (static_cast<unsigned char>(word[i + 1]) & 0xC0) == 0x80) {
        ++i;
      }
    } else {
      s = static_cast<char>(c);
    }
    if (s != last) {
      emit(s);
      last = s;
    }
  }
}

// HashBytes(0, short shape of word), without building the shape.
std::uint64_t ShapeHash(std::string_view word) {
  std::uint64_t h = HashBytes(0, {});
  ForEachShapeChar(word, [&h](char c) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  });
  return h;
}

char LowerAsciiChar(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// HashBytes(0, lower-cased word), without building the lower-case string.
std::uint64_t LowerHash(std::string_view word) {
  std::uint64_t h = HashBytes(0, {});
  for (const char c : word) {
    h ^= static_cast<unsigned char>(LowerAsciiChar(c));
    h *= 0x100000001b3ULL;
  }
  return h;
}

bool EqualLowerAscii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (LowerAsciiChar(a[i]) != LowerAsciiChar(b[i])) {
      return false;
    }
  }
  return true;
}

bool IsMonthOrDay(std::string_view w) {
  static const WordSet kWords{
      "january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "monday",
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."};
  return kWords.contains(w);
}

enum WordFlag : std::uint64_t {
  kAllCaps = 1,
  kInitCap,
  kHasDigit,
  kAllDigits,
  kHasHyphen,
  kHasPeriod,
  kTitle,
  kCorpSuffix,
  kOrgKw,
  kMonth,
  kLong,
  kSingleChar,
  kNonAscii,
};

struct WordInfo {
  bool all_caps = true;
  bool init_cap = false;
  bool has_digit = false;
  bool all_digits = true;
  bool has_hyphen = false;
  bool has_period = false;
  bool non_ascii = false;
  int letters = 0;
};

// Byte classes for Inspect(): one table lookup per byte.
enum CharClass : std::uint8_t {
  kUpperChar = 1,
  kLowerChar = 2,
  kDigitChar = 4,
  kNumberChar = 8,  // digit, '.' or ','
  kHyphenChar = 16,
  kPeriodChar = 32,
  kNonAsciiChar = 64,
};

constexpr std::array<std::uint8_t, 256> kCharClasses = [] {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    std::uint8_t k = 0;
    k |= c >= 'A' && c <= 'Z' ? kUpperChar : 0;
    k |= c >= 'a' && c <= 'z' ? kLowerChar : 0;
    k |= c >= '0' && c <= '9' ? kDigitChar | kNumberChar : 0;
    k |= c == '.' || c == ',' ? kNumberChar : 0;
    k |= c == '-' ? kHyphenChar : 0;
    k |= c == '.' ? kPeriodChar : 0;
    k |= c >= 0x80 ? kNonAsciiChar : 0;
    classes[static_cast<std::size_t>(c)] = k;
  }
  return classes;
}();

WordInfo Inspect(std::string_view word) {
  std::uint8_t any = 0;     // classes of some byte
  std::uint8_t all = 0xFF;  // classes of every byte
  int letters = 0;
  for (const char ch : word) {
    const std::uint8_t k = kCharClasses[static_cast<unsigned char>(ch)];
    any |= k;
    all &= k;
    letters += (k & (kUpperChar | kLowerChar)) != 0 ? 1 : 0;
  }
  WordInfo info;
  info.letters = letters;
  info.all_caps = (any & kLowerChar) == 0 && letters > 0;
  info.has_digit = (any & kDigitChar) != 0;
  info.all_digits = (all & kNumberChar) != 0 && info.has_digit;
  info.has_hyphen = (any & kHyphenChar) != 0;
  info.has_period = (any & kPeriodChar) != 0;
  info.non_ascii = (any & kNonAsciiChar) != 0;
  const auto first = static_cast<unsigned char>(word.empty() ? 0 : word[0]);
  info.init_cap = (first >= 'A' && first <= 'Z') ||
                  (first == 0xC3 && word.size() > 1 &&
                   static_cast<unsigned char>(word[1]) < 0x9F);
  return info;
}

}  // namespace

bool IsPersonTitle(std::string_view w) {
  static const WordSet kWords{
      "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.",
      "sir", "lord", "lady", "dame", "president", "minister", "chancellor",
      "senator", "governor", "judge", "coach", "ceo", "chairman",
      "chairwoman", "chief", "executive", "co-founder", "founder",
      "cofounder", "director", "spokesman", "spokeswoman", "analyst", "king",
      "queen", "prince", "princess", "pope", "gen.", "sen.", "rep.", "gov.",
      "lt.", "col.", "capt.", "sgt.", "rev.", "mayor", "secretary", "premier",
      "manager", "striker", "professor", "economist", "leader", "head"};
  return kWords.contains(w);
}

bool IsChairTitle(std::string_view w) {
  return IsOneOf(w, {"professor", "chair", "fellow", "lecturer", "scholar"});
}

bool IsCompanySuffix(std::string_view w) {
  static const WordSet kWords{
      "inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc",
      "plc", "co", "co.", "gmbh", "ag", "sa", "s.a.", "nv", "n.v.", "bv",
      "spa", "s.p.a.", "group", "holdings", "company", "limited", "bros",
      "bros.", "airlines", "airways", "motors", "bank", "labs",
      "technologies", "systems", "partners", "capital"};
  return kWords.contains(w);
}

bool IsOrgKeyword(std::string_view w) {
  static const WordSet kWords{
      "university", "institute", "agency", "ministry", "commission", "court",
      "foundation", "council", "committee", "association", "party", "union",
      "federation", "club", "league", "department", "office", "board",
      "authority", "college", "school", "academy", "parliament", "senate",
      "congress", "assembly", "police", "army", "navy", "organisation",
      "organization", "society", "bureau", "service", "fund", "reserve",
      "laboratory", "center", "centre", "trust", "administration",
      "government", "tribunal", "united", "city", "fc", "rovers", "athletic"};
  return kWords.contains(w);
}

void LowerAscii(std::string_view word, std::string* out) {
  out->assign(word.begin(), word.end());
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
}

std::uint64_t PadFeature(int offset) {
  return Key(kPad, offset, 0);
}

void AnalyzeWord(std::string_view word, const Model& model,
                 WordAnalysis* analysis) {
  LowerAscii(word, &analysis->lower);
  analysis->form_hash = HashBytes(0, word);
  analysis->lower_hash = HashBytes(0, analysis->lower);
  analysis->shape_hash = ShapeHash(word);
  analysis->clusters = model.ClustersOf(word);
  const WordInfo info = Inspect(word);
  const std::string& lower = analysis->lower;
  std::uint16_t flags = 0;
  const auto flag = [&flags](bool on, WordFlag f) {
    flags |= on ? static_cast<std::uint16_t>(1u << (f - 1)) : 0;
  };
  flag(info.all_caps, kAllCaps);
  flag(info.init_cap, kInitCap);
  flag(info.has_digit, kHasDigit);
  flag(info.all_digits, kAllDigits);
  flag(info.has_hyphen, kHasHyphen);
  flag(info.has_period, kHasPeriod);
  flag(IsPersonTitle(lower), kTitle);
  flag(IsCompanySuffix(lower), kCorpSuffix);
  flag(IsOrgKeyword(lower), kOrgKw);
  flag(IsMonthOrDay(lower), kMonth);
  flag(word.size() > 12, kLong);
  flag(word.size() == 1, kSingleChar);
  flag(info.non_ascii, kNonAscii);
  analysis->flags = flags;
}

void AppendWordFeatures(std::string_view word, int offset, const Model& model,
                        std::vector<std::uint64_t>* keys) {
  WordAnalysis analysis;
  AnalyzeWord(word, model, &analysis);
  AppendWordFeatures(analysis, offset, keys);
}

void AppendWordFeatures(const WordAnalysis& word, int offset,
                        std::vector<std::uint64_t>* keys) {
  const int distance = offset < 0 ? -offset : offset;
  keys->push_back(Key(kLower, offset, word.lower_hash));
  keys->push_back(Key(kShape, offset, word.shape_hash));
  keys->push_back(Key(kClusterCoarse, offset, word.clusters.coarse));
  if (distance <= 1) {
    keys->push_back(Key(kClusterFine, offset, word.clusters.fine));
  }
  const auto flag = [&](WordFlag f) {
    if ((word.flags & (1u << (f - 1))) != 0) {
      keys->push_back(Key(kFlag, offset, f));
    }
  };
  flag(kTitle);
  flag(kCorpSuffix);
  flag(kOrgKw);
  if (distance >= 2) {
    return;
  }
  flag(kAllCaps);
  flag(kInitCap);
  flag(kMonth);
  const std::string_view lv = word.lower;
  if (distance == 1) {
    keys->push_back(Key(kForm, offset, word.form_hash));
    const std::size_t n = std::min<std::size_t>(3, lv.size());
    keys->push_back(Key(kSuffix, offset * 8 + static_cast<int>(n),
                        HashBytes(0, lv.substr(lv.size() - n))));
    return;
  }
  keys->push_back(Key(kBias, 0, 0));
  keys->push_back(Key(kForm, 0, word.form_hash));
  flag(kHasDigit);
  flag(kAllDigits);
  flag(kHasHyphen);
  flag(kHasPeriod);
  flag(kLong);
  flag(kSingleChar);
  flag(kNonAscii);
  for (std::size_t n = 1; n <= 4 && n <= lv.size(); ++n) {
    keys->push_back(
        Key(kPrefix, static_cast<int>(n), HashBytes(0, lv.substr(0, n))));
    keys->push_back(Key(kSuffix, static_cast<int>(n),
                        HashBytes(0, lv.substr(lv.size() - n))));
  }
}

std::uint64_t PhraseHash(const std::vector<std::string_view>& words,
                         std::size_t begin, std::size_t end) {
  std::uint64_t h = 0x1234;
  std::string lower;
  for (std::size_t i = begin; i < end; ++i) {
    LowerAscii(words[i], &lower);
    h = HashCombine(h, HashBytes(0, lower));
  }
  return h;
}

namespace {

// Counts, per lower-cased word, of the evidence the document holds about it;
// a token's own occurrence is subtracted before a flag is set.
struct WordEvidence {
  std::uint16_t cap_mid = 0;
  std::uint16_t lower = 0;
  std::uint16_t titled = 0;
  std::uint16_t seq_tail = 0;
  std::uint16_t seq_head = 0;
  std::uint16_t org_cue = 0;
};

bool IsPunctuationWord(std::string_view w) {
  for (const char c : w) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
        (u >= '0' && u <= '9') || u >= 0xC0) {
      return false;
    }
  }
  return true;
}

void MarkGazetteer(const FeatureIndex& gazetteer, std::size_t begin,
                   std::size_t end, DocContext* context) {
  for (std::size_t s = begin; s < end; ++s) {
    std::uint64_t h = 0x1234;
    for (std::size_t e = s; e < end && e - s < kMaxGazetteerWords; ++e) {
      h = HashCombine(h, context->lower_hash[e]);  // as PhraseHash
      const int bits = gazetteer.Find(h);
      if (bits < 0) {
        break;
      }
      const std::uint8_t types = static_cast<std::uint8_t>(bits & 0x0F);
      if (types != 0) {
        context->gazetteer[s] |= types;
        for (std::size_t k = s + 1; k <= e; ++k) {
          context->gazetteer[k] |= static_cast<std::uint8_t>(types << 4);
        }
      }
      if ((bits & kGazPrefixBit) == 0) {
        break;
      }
    }
  }
}

// Sets context->lower_id and lower_forms: words with the same lower-case
// form share an id, numbered in order of first occurrence. An open-
// addressing table of first occurrences keyed by context->lower_hash; ids
// compare the words themselves, so hash collisions cannot merge forms.
void InternLowerForms(const std::vector<std::string_view>& words,
                      DocContext* context) {
  const std::size_t n = words.size();
  std::size_t capacity = 16;
  while (capacity < 2 * n) {
    capacity *= 2;
  }
  const std::size_t mask = capacity - 1;
  std::vector<std::uint32_t> first_plus_one(capacity, 0);  // 0 = empty slot
  context->lower_id.resize(n);
  std::uint32_t forms = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t h = context->lower_hash[i];
    std::size_t slot = (h ^ (h >> 29)) & mask;
    while (true) {
      const std::uint32_t stored = first_plus_one[slot];
      if (stored == 0) {
        first_plus_one[slot] = static_cast<std::uint32_t>(i + 1);
        context->lower_id[i] = forms++;
        break;
      }
      const std::size_t j = stored - 1;
      if (context->lower_hash[j] == h && EqualLowerAscii(words[j], words[i])) {
        context->lower_id[i] = context->lower_id[j];
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  context->lower_forms = forms;
  // Link each word to the next of its form: walk backwards remembering the
  // latest position seen per form, then close each ring at its first word.
  context->next_same_form.resize(n);
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> later(forms, kNone);
  for (std::size_t i = n; i-- > 0;) {
    std::uint32_t& next = later[context->lower_id[i]];
    context->next_same_form[i] = next;
    next = static_cast<std::uint32_t>(i);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (context->next_same_form[i] == kNone) {
      context->next_same_form[i] = later[context->lower_id[i]];
    }
  }
}

// Only words of this many letters or more count for Title Case.
constexpr int kTitleCaseMinLetters = 4;

// True for a Title Case run of words given their WordInfo.
template <typename InfoAt>
bool TitleCaseOf(std::size_t begin, std::size_t end, InfoAt info_at) {
  int long_words = 0;
  int capitalized = 0;
  for (std::size_t i = begin; i < end; ++i) {
    const WordInfo& info = info_at(i);
    if (info.letters < kTitleCaseMinLetters) {
      continue;
    }
    ++long_words;
    capitalized += info.init_cap && !info.all_caps ? 1 : 0;
  }
  return long_words >= 4 && capitalized * 4 >= long_words * 3;
}

// The hand-written lists a lower-case form belongs to, looked up once per
// form of the document on first use.
class FormLists {
 public:
  FormLists(const NerDocument& doc, const DocContext& context)
      : doc_(doc), context_(context), bits_(context.lower_forms, 0) {}
  // "mr.", "ceo": the word before a titled name.
  bool IsTitle(std::size_t i) { return (Bits(i) & kTitleBit) != 0; }
  // "inc", "university": the word ending an organisation-like run.
  bool IsOrgEnd(std::size_t i) { return (Bits(i) & kOrgEndBit) != 0; }

 private:
  static constexpr std::uint8_t kKnownBit = 1;
  static constexpr std::uint8_t kTitleBit = 2;
  static constexpr std::uint8_t kOrgEndBit = 4;
  std::uint8_t Bits(std::size_t i) {
    std::uint8_t& bits = bits_[context_.lower_id[i]];
    if (bits == 0) {
      LowerAscii(doc_.words[i], &lower_);
      bits = kKnownBit;
      bits |= IsPersonTitle(lower_) ? kTitleBit : 0;
      bits |= IsCompanySuffix(lower_) || IsOrgKeyword(lower_) ? kOrgEndBit : 0;
    }
    return bits;
  }
  const NerDocument& doc_;
  const DocContext& context_;
  std::vector<std::uint8_t> bits_;
  std::string lower_;
};

}  // namespace

bool IsTitleCase(const std::vector<std::string_view>& words, std::size_t begin,
                 std::size_t end) {
  // A word of fewer bytes has fewer letters: no need to inspect it.
  static const WordInfo kShort;  // no letters
  WordInfo info;
  return TitleCaseOf(begin, end, [&](std::size_t i) -> const WordInfo& {
    if (words[i].size() < static_cast<std::size_t>(kTitleCaseMinLetters)) {
      return kShort;
    }
    info = Inspect(words[i]);
    return info;
  });
}

FeatureIndex IndexGazetteer(const Gazetteer& gazetteer) {
  FeatureIndex index;
  index.Reserve(gazetteer.size());
  for (const auto& [hash, bits] : gazetteer) {
    index.Insert(hash, bits);
  }
  return index;
}

void BuildDocContext(const NerDocument& doc, const Gazetteer& gazetteer,
                     DocContext* context) {
  BuildDocContext(doc, IndexGazetteer(gazetteer), context);
}

void BuildDocContext(const NerDocument& doc, const FeatureIndex& gazetteer,
                     DocContext* context) {
  const std::size_t n = doc.words.size();
  context->gazetteer.assign(n, 0);
  context->flags.assign(n, 0);
  context->history.assign(n, -1);
  context->lower_hash.resize(n);
  context->shape_hash.resize(n);
  std::vector<WordInfo> infos(n);
  for (std::size_t i = 0; i < n; ++i) {
    infos[i] = Inspect(doc.words[i]);
    context->lower_hash[i] = LowerHash(doc.words[i]);
    context->shape_hash[i] = ShapeHash(doc.words[i]);
    context->flags[i] = infos[i].letters > 0 ? kHasLetters : 0;
  }
  InternLowerForms(doc.words, context);
  const std::vector<std::uint32_t>& ids = context->lower_id;
  std::vector<WordEvidence> evidence(context->lower_forms);
  FormLists lists(doc, *context);
  // A capitalized run words[first, last) of two or more words.
  const auto count_run = [&](std::size_t first, std::size_t last) {
    ++evidence[ids[first]].seq_head;
    ++evidence[ids[last - 1]].seq_tail;
    if (lists.IsOrgEnd(last - 1)) {
      for (std::size_t k = first; k < last; ++k) {
        ++evidence[ids[k]].org_cue;
      }
    }
  };
  for (std::size_t s = 0; s < doc.sentence_begin.size(); ++s) {
    const std::size_t begin = doc.sentence_begin[s];
    const std::size_t end =
        s + 1 < doc.sentence_begin.size() ? doc.sentence_begin[s + 1] : n;
    MarkGazetteer(gazetteer, begin, end, context);
    bool headline = false;
    bool any_lower = false;
    for (std::size_t i = begin; i < end; ++i) {
      headline = headline || infos[i].letters > 0;
      any_lower = any_lower || (infos[i].letters > 0 && !infos[i].all_caps);
    }
    headline = headline && !any_lower;
    const bool title_case =
        !headline &&
        TitleCaseOf(begin, end,
                    [&](std::size_t i) -> const WordInfo& { return infos[i]; });
    bool initial_done = false;
    bool quote_pending = false;   // an opening quote mark was the last token
    bool straight_open = false;   // an odd number of '"' so far
    std::size_t run_start = end;
    for (std::size_t i = begin; i <= end; ++i) {
      const bool cap = i < end && infos[i].init_cap;
      if (i < end) {
        std::uint16_t& f = context->flags[i];
        f |= headline ? kHeadline : 0;
        f |= title_case ? kTitleCase : 0;
        f |= cap ? kCapitalized : 0;
        const std::string_view w = doc.words[i];
        if (w == "\"") {
          straight_open = !straight_open;
          quote_pending = straight_open;
        } else if (IsOneOf(w, {"\u201c", "\u2018", "``"})) {
          quote_pending = true;
        } else if (!IsPunctuationWord(w)) {
          // A quotation starts with a capital as a sentence does, so a
          // capital there says as little ("the next 'Transformer level'
          // breakthrough").
          if (!initial_done || quote_pending) {
            f |= kSentenceInitial;
            initial_done = true;
          }
          quote_pending = false;
        }
      }
      if (headline || i == end) {
        if (!headline && run_start + 2 <= i) {
          count_run(run_start, i);
        }
        run_start = end;
        continue;
      }
      WordEvidence& e = evidence[ids[i]];
      const bool initial = (context->flags[i] & kSentenceInitial) != 0;
      if (cap && !initial) {
        ++e.cap_mid;
      } else if (!cap && infos[i].letters > 0) {
        ++e.lower;
      }
      if (cap && i > begin && lists.IsTitle(i - 1)) {
        ++e.titled;
      }
      if (cap && run_start == end) {
        run_start = i;
      } else if (!cap && run_start != end) {
        if (run_start + 2 <= i) {
          count_run(run_start, i);
        }
        run_start = end;
      }
    }
  }
  // Second sweep: flags from the evidence of the *other* occurrences.
  for (std::size_t i = 0; i < n; ++i) {
    if (infos[i].letters == 0) {
      continue;
    }
    const WordEvidence& e = evidence[ids[i]];
    std::uint16_t& f = context->flags[i];
    const bool cap = (f & kCapitalized) != 0;
    const bool initial = (f & kSentenceInitial) != 0;
    const bool headline = (f & kHeadline) != 0;
    const int self_cap_mid = (!headline && cap && !initial) ? 1 : 0;
    const int self_lower = (!headline && !cap) ? 1 : 0;
    f |= e.cap_mid > self_cap_mid ? kCapElsewhere : 0;
    f |= e.lower > self_lower ? kLowerElsewhere : 0;
    const bool self_titled = !headline && cap && i > 0 && lists.IsTitle(i - 1);
    f |= e.titled > (self_titled ? 1 : 0) ? kTitledElsewhere : 0;
    // Runs are not tracked per occurrence; a count above one means at least
    // one other occurrence showed the evidence.
    f |=
        e.seq_tail > 1 || (e.seq_tail == 1 && headline) ? kSeqTailElsewhere : 0;
    f |=
        e.seq_head > 1 || (e.seq_head == 1 && headline) ? kSeqHeadElsewhere : 0;
    f |= e.org_cue > 1 || (e.org_cue == 1 && headline) ? kOrgCueElsewhere : 0;
  }
}

void AppendContextFeatures(const NerDocument& doc, const DocContext& context,
                           std::size_t i, std::vector<std::uint64_t>* keys) {
  AppendStaticContextFeatures(doc, context, i, keys);
  AppendFirstPassFeature(context, i, keys);
}

void AppendFirstPassFeature(const DocContext& context, std::size_t i,
                            std::vector<std::uint64_t>* keys) {
  const std::int8_t history = context.history[i];
  if (history >= 0) {
    const int c = (context.flags[i] & kCapitalized) != 0 ? 1 : 0;
    keys->push_back(Key(kHistory, c, static_cast<std::uint64_t>(history)));
  }
}

void AppendStaticContextFeatures(const NerDocument& doc,
                                 const DocContext& context, std::size_t i,
                                 std::vector<std::uint64_t>* keys) {
  const std::uint16_t f = context.flags[i];
  const bool cap = (f & kCapitalized) != 0;
  const int c = cap ? 1 : 0;
  if ((f & kSentenceInitial) != 0) {
    keys->push_back(Key(kInitialLower, 0, context.lower_hash[i]));
    keys->push_back(Key(kContext, c, 1));
  }
  if ((f & kHeadline) != 0) {
    keys->push_back(Key(kContext, c, 2));
  }
  if ((f & kTitleCase) != 0) {
    keys->push_back(Key(kContext, c, 3));
  }
  for (int bit = 2; bit <= 7; ++bit) {
    if ((f & (1u << bit)) != 0) {
      keys->push_back(Key(kDoc, c, static_cast<std::uint64_t>(bit)));
    }
  }
  // Evidence that the word is capitalized elsewhere but not here (or the
  // reverse) is informative on its own.
  keys->push_back(
      Key(kDoc, 2 + c, (f & (kCapElsewhere | kLowerElsewhere)) >> 2));
  const std::uint8_t gaz = context.gazetteer[i];
  for (int bit = 0; bit < 8; ++bit) {
    if ((gaz & (1u << bit)) != 0) {
      keys->push_back(Key(kGaz, c, static_cast<std::uint64_t>(bit)));
    }
  }
  const auto in_sentence = [&](std::size_t j) {
    // Neighbours are only used when they exist; sentence edges matter less
    // for the gazetteer than for word features.
    return j < doc.words.size();
  };
  if (i > 0 && in_sentence(i - 1) && context.gazetteer[i - 1] != 0) {
    keys->push_back(Key(kGaz, -1, context.gazetteer[i - 1]));
  }
  if (in_sentence(i + 1) && context.gazetteer[i + 1] != 0) {
    keys->push_back(Key(kGaz, 3, context.gazetteer[i + 1]));
  }
  // Word bigrams and the shape trigram around the word.
  const std::uint64_t here = context.lower_hash[i];
  if (i > 0) {
    keys->push_back(
        Key(kBigram, -1, HashCombine(context.lower_hash[i - 1], here)));
  }
  if (i + 1 < doc.words.size()) {
    keys->push_back(
        Key(kBigram, 1, HashCombine(here, context.lower_hash[i + 1])));
  }
  static const std::uint64_t kEdgeShape = HashBytes(0, "^");
  std::uint64_t trigram = 0;
  for (std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) - 1;
       j <= static_cast<std::ptrdiff_t>(i) + 1; ++j) {
    const bool inside =
        j >= 0 && static_cast<std::size_t>(j) < doc.words.size();
    trigram = HashCombine(
        trigram,
        inside ? context.shape_hash[static_cast<std::size_t>(j)] : kEdgeShape);
  }
  keys->push_back(Key(kShapeTrigram, 0, trigram));
  // Context aggregation (Ratinov & Roth 2009): a capitalized word also sees
  // the words around its other occurrences in the document ("Rotor are
  // well placed", "Rotor 's brief spell"), a few of them.
  if (!cap) {
    return;
  }
  constexpr int kMaxOccurrences = 6;  // 4, 8 and 12 scored no better
  const std::size_t n = doc.words.size();
  std::size_t j = context.next_same_form[i];
  for (int seen = 0; j != i && seen < kMaxOccurrences;
       ++seen, j = context.next_same_form[j]) {
    if (j > 0) {
      keys->push_back(Key(kAggregate, -1, context.lower_hash[j - 1]));
    }
    if (j + 1 < n) {
      keys->push_back(Key(kAggregate, 1, context.lower_hash[j + 1]));
    }
  }
}

void AppendHistoryFeatures(int prev2, int prev1, std::string_view word,
                           std::vector<std::uint64_t>* keys) {
  AppendLabelHistoryFeatures(prev2, prev1, keys);
  AppendWordHistoryFeatures(prev1, word, keys);
}

void AppendLabelHistoryFeatures(int prev2, int prev1,
                                std::vector<std::uint64_t>* keys) {
  keys->push_back(Key(kPrev1, 0, static_cast<std::uint64_t>(prev1)));
  keys->push_back(
      Key(kPrev12, 0, static_cast<std::uint64_t>(prev2 * 16 + prev1)));
}

void AppendWordHistoryFeatures(int prev1, std::string_view word,
                               std::vector<std::uint64_t>* keys) {
  WordAnalysis analysis;
  analysis.lower_hash = LowerHash(word);
  analysis.shape_hash = ShapeHash(word);
  AppendWordHistoryFeatures(prev1, analysis, keys);
}

void AppendWordHistoryFeatures(int prev1, const WordAnalysis& word,
                               std::vector<std::uint64_t>* keys) {
  keys->push_back(
      Key(kPrev1Shape, 0,
          HashCombine(static_cast<std::uint64_t>(prev1), word.shape_hash)));
  keys->push_back(
      Key(kPrev1Lower, 0,
          HashCombine(static_cast<std::uint64_t>(prev1), word.lower_hash)));
}

void ComputeHistory(const NerDocument& doc, const std::vector<int>& labels,
                    DocContext* context) {
  const std::size_t n = doc.words.size();
  context->history.assign(n, -1);
  // Votes per lower-case form: one count per type, then "outside".
  std::vector<std::array<int, kNumTypes + 1>> votes(
      context->lower_forms, std::array<int, kNumTypes + 1>{});
  const auto has_letters = [&](std::size_t i) {
    return (context->flags[i] & kHasLetters) != 0;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (has_letters(i)) {
      const int type = LabelType(labels[i]);
      ++votes[context->lower_id[i]][type < 0 ? kNumTypes : type];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!has_letters(i)) {
      continue;
    }
    std::array<int, kNumTypes + 1> v = votes[context->lower_id[i]];
    const int own = LabelType(labels[i]);
    --v[own < 0 ? kNumTypes : own];
    int best = -1;
    int best_votes = 0;
    for (int t = 0; t < kNumTypes; ++t) {
      if (v[t] > best_votes) {
        best = t;
        best_votes = v[t];
      }
    }
    if (best >= 0) {
      context->history[i] = static_cast<std::int8_t>(best);
    } else if (v[kNumTypes] > 0) {
      context->history[i] = kHistoryOutside;
    }
  }
}

}  // namespace dossier::indexer::internal
