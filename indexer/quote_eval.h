// Scoring of quote extraction against gold attributions in the PolNeAR
// JSONL format (one article a line: id, text, attributions with content /
// cue / source spans in code points). A gold attribution is found when a
// predicted quote overlaps its content; a prediction is correct when it
// overlaps some gold content; the speaker of a found attribution is right
// when the predicted speaker span overlaps the gold source span or both
// resolve to the same entity name. Pure; thread-compatible.
#ifndef DOSSIER_INDEXER_QUOTE_EVAL_H_
#define DOSSIER_INDEXER_QUOTE_EVAL_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/annotations.h"
#include "common/article.h"
#include "common/result.h"

namespace dossier::indexer {

struct GoldAttribution {
  std::vector<Span> content;  // byte spans into the article text
  std::vector<Span> source;   // empty when the text names no source
  bool direct = false;        // the content holds a quotation mark
};

struct GoldArticle {
  Article article;
  std::vector<GoldAttribution> attributions;
};

// Reads a PolNeAR-format JSONL file, converting code point offsets to
// bytes. Fails with kIOError when the file cannot be read and kInvalidInput
// ("<path>:<line>: ...") on a malformed line or an offset past the text.
Result<std::vector<GoldArticle>> ReadGoldQuotes(
    const std::filesystem::path& path);

struct QuoteCounts {
  std::uint64_t predicted = 0;
  std::uint64_t predicted_correct = 0;
  std::uint64_t gold = 0;
  std::uint64_t gold_found = 0;
  std::uint64_t direct = 0;
  std::uint64_t direct_found = 0;
  std::uint64_t speaker_scored = 0;  // found gold with a source span
  std::uint64_t speaker_correct = 0;
  void Add(const QuoteCounts& other);
};

struct QuoteScore {
  QuoteCounts total;
  std::map<std::string, QuoteCounts> by_rule;  // predictions per rule
  double Precision() const;
  double Recall() const;
  double F1() const;
  double DirectRecall() const;
  double SpeakerAccuracy() const;
};

// Adds the comparison of `analysis.quotes` with `gold` to *score.
// REQUIRES: `analysis` was computed on `gold.article.text`.
void ScoreQuotes(const GoldArticle& gold, const ArticleAnalysis& analysis,
                 QuoteScore* score);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_QUOTE_EVAL_H_
