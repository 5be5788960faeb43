#include "indexer/quote_extractor.h"

#include <string>
#include <unordered_map>

#include "indexer/coreference.h"
#include "indexer/internal/coref_names.h"
#include "indexer/internal/quote_cues.h"
#include "indexer/internal/quote_lexer.h"
#include "indexer/internal/quote_rules.h"

// 1. Lex the text (quotations, sentences) and run the attribution rules
//    (internal/quote_rules.h), which give content, cue and speaker spans.
// 2. Name each speaker: through EntityResolver when the NER ran; else, for
//    a capitalized speaker, the longest capitalized run of the article that
//    ends with the same word ("Konwinski" -> "Andy Konwinski"), and for
//    "he"/"she" the last named speaker before it.

namespace dossier::indexer {
namespace {

using internal::Lexed;
using internal::QToken;
using internal::TokKind;

// Last word of each capitalized run -> the longest such run, titles and a
// leading "The" dropped. Built once per article, in one pass.
std::unordered_map<std::string, std::string> FullNames(std::string_view text,
                                                       const Lexed& lexed) {
  std::unordered_map<std::string, std::string> names;
  const std::vector<QToken>& toks = lexed.tokens;
  std::size_t i = 0;
  while (i < toks.size()) {
    if (toks[i].kind != TokKind::kWord || !toks[i].capitalized) {
      ++i;
      continue;
    }
    std::size_t e = i;
    while (e < toks.size() && toks[e].kind == TokKind::kWord &&
           toks[e].capitalized && toks[e].paragraph == toks[i].paragraph &&
           e - i < 5) {
      ++e;
    }
    const internal::NormalizedName n = internal::NormalizeName(text.substr(
        toks[i].span.begin, toks[e - 1].span.end - toks[i].span.begin));
    if (!n.words.empty() && n.words.size() <= 3) {
      std::string& best = names[n.words.back()];
      if (n.name.size() > best.size()) {
        best = n.name;
      }
    }
    i = e;
  }
  return names;
}

class SpeakerNamer {
 public:
  SpeakerNamer(std::string_view text, const ArticleAnalysis& analysis,
               const Lexed& lexed)
      : text_(text),
        lexed_(lexed),
        resolver_(text, analysis),
        entities_(analysis.entities) {}

  void Name(const internal::QuoteCandidate& c, Quote* q) {
    if (c.speaker.empty()) {
      return;
    }
    q->speaker_entity = resolver_.Resolve(c.speaker);
    if (q->speaker_entity >= 0) {
      q->speaker_name = entities_[q->speaker_entity].name;
      return;
    }
    const QToken& head = lexed_.tokens[c.speaker_last - 1];
    if (head.lower == "he" || head.lower == "she") {
      // With entities the resolver has spoken; without, use the last name.
      q->speaker_name = entities_.empty() ? last_named_ : "";
      return;
    }
    if (!head.capitalized || internal::IsSpeakerPronoun(head.lower)) {
      return;
    }
    if (full_names_.empty()) {
      full_names_ = FullNames(text_, lexed_);
    }
    const std::string word(
        internal::NormalizeName(text_.substr(head.span.begin, head.span.size()))
            .name);
    const auto it = full_names_.find(word);
    q->speaker_name = it != full_names_.end() ? it->second : word;
    last_named_ = q->speaker_name;
  }

 private:
  std::string_view text_;
  const Lexed& lexed_;
  EntityResolver resolver_;
  const std::vector<ArticleEntity>& entities_;
  std::unordered_map<std::string, std::string> full_names_;
  std::string last_named_;
};

bool IsPronounSpan(std::string_view text, Span span) {
  std::string word(text.substr(span.begin, span.size()));
  for (char& c : word) {
    c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return internal::IsSpeakerPronoun(word);
}

}  // namespace

std::string ResolveSpeakerName(std::string_view text,
                               const ArticleAnalysis& analysis, Span span) {
  if (span.empty() || span.end > text.size()) {
    return "";
  }
  const EntityResolver resolver(text, analysis);
  const int entity = resolver.Resolve(span);
  if (entity >= 0) {
    return analysis.entities[entity].name;
  }
  if (IsPronounSpan(text, span)) {
    if (!analysis.entities.empty()) {
      return "";  // the resolver found no antecedent
    }
    std::string name;
    for (const Quote& q : analysis.quotes) {
      if (q.speaker.end <= span.begin && !q.speaker_name.empty() &&
          !IsPronounSpan(text, q.speaker)) {
        name = q.speaker_name;
      }
    }
    return name;
  }
  const Lexed lexed = internal::Lex(text);
  for (std::size_t i = lexed.tokens.size(); i-- > 0;) {
    const QToken& t = lexed.tokens[i];
    if (t.span.end <= span.end && t.span.begin >= span.begin &&
        t.kind == TokKind::kWord && t.capitalized) {
      const std::string word(
          internal::NormalizeName(text.substr(t.span.begin, t.span.size()))
              .name);
      const auto names = FullNames(text, lexed);
      const auto it = names.find(word);
      return it != names.end() ? it->second : word;
    }
  }
  return "";
}

void ExtractQuotes(std::string_view text, ArticleAnalysis* analysis) {
  const Lexed lexed = internal::Lex(text);
  const std::vector<internal::QuoteCandidate> candidates =
      internal::FindQuoteCandidates(lexed);
  SpeakerNamer namer(text, *analysis, lexed);
  for (const internal::QuoteCandidate& c : candidates) {
    Quote q;
    q.content = c.content;
    q.cue = c.cue;
    q.speaker = c.speaker;
    q.kind = c.kind;
    q.rule = c.rule;
    namer.Name(c, &q);
    analysis->quotes.push_back(std::move(q));
  }
}

}  // namespace dossier::indexer
