#include "indexer/quote_eval.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/utf8.h"
#include "indexer/quote_extractor.h"

namespace dossier::indexer {
namespace {

bool Overlaps(Span a, Span b) {
  return a.begin < b.end && b.begin < a.end;
}

bool OverlapsAny(Span a, const std::vector<Span>& spans) {
  for (const Span& s : spans) {
    if (Overlaps(a, s)) {
      return true;
    }
  }
  return false;
}

std::uint32_t Overlap(Span a, const std::vector<Span>& spans) {
  std::uint32_t n = 0;
  for (const Span& s : spans) {
    const std::uint32_t b = std::max(a.begin, s.begin);
    const std::uint32_t e = std::min(a.end, s.end);
    n += e > b ? e - b : 0;
  }
  return n;
}

bool HasQuoteMark(std::string_view text) {
  return text.find('"') != std::string_view::npos ||
         text.find("\xe2\x80\x9c") != std::string_view::npos ||
         text.find("\xe2\x80\x9d") != std::string_view::npos;
}

// [[s,e],...] in code points -> byte spans; false when out of range.
bool ToSpans(const nlohmann::json& j, const CodepointMap& map,
             std::size_t text_cps, std::vector<Span>* out) {
  if (!j.is_array()) {
    return false;
  }
  for (const nlohmann::json& pair : j) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_unsigned() ||
        !pair[1].is_number_unsigned()) {
      return false;
    }
    const auto b = pair[0].get<std::uint32_t>();
    const auto e = pair[1].get<std::uint32_t>();
    if (b > e || e > text_cps) {
      return false;
    }
    out->push_back({static_cast<std::uint32_t>(map.ToByte(b)),
                    static_cast<std::uint32_t>(map.ToByte(e))});
  }
  return true;
}

Result<GoldArticle> ParseLine(const std::string& line) {
  const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("text") ||
      !j["text"].is_string()) {
    return Status::InvalidInput("expected a JSON object with a \"text\"");
  }
  GoldArticle gold;
  gold.article.text = j["text"].get<std::string>();
  if (j.contains("id") && j["id"].is_string()) {
    gold.article.id = j["id"].get<std::string>();
  }
  const CodepointMap map(gold.article.text);
  const std::size_t cps = map.ToCodepoint(gold.article.text.size());
  if (!j.contains("attributions")) {
    return gold;
  }
  for (const nlohmann::json& a : j["attributions"]) {
    GoldAttribution attr;
    if (!a.is_object() ||
        !ToSpans(a.value("content", nlohmann::json::array()), map, cps,
                 &attr.content) ||
        !ToSpans(a.value("source", nlohmann::json::array()), map, cps,
                 &attr.source)) {
      return Status::InvalidInput("bad attribution spans");
    }
    for (const Span& s : attr.content) {
      attr.direct =
          attr.direct ||
          HasQuoteMark(
              std::string_view(gold.article.text).substr(s.begin, s.size()));
    }
    gold.attributions.push_back(std::move(attr));
  }
  return gold;
}

double Ratio(std::uint64_t num, std::uint64_t den) {
  return den == 0 ? 0.0
                  : 100.0 * static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace

Result<std::vector<GoldArticle>> ReadGoldQuotes(
    const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    return Status::IOError("cannot open " + path.string());
  }
  std::vector<GoldArticle> out;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    Result<GoldArticle> gold = ParseLine(line);
    if (!gold.has_value()) {
      return gold.error().WithLocation(path.string() + ":" +
                                       std::to_string(line_no));
    }
    out.push_back(std::move(*gold));
  }
  return out;
}

void QuoteCounts::Add(const QuoteCounts& o) {
  predicted += o.predicted;
  predicted_correct += o.predicted_correct;
  gold += o.gold;
  gold_found += o.gold_found;
  direct += o.direct;
  direct_found += o.direct_found;
  speaker_scored += o.speaker_scored;
  speaker_correct += o.speaker_correct;
}

double QuoteScore::Precision() const {
  return Ratio(total.predicted_correct, total.predicted);
}
double QuoteScore::Recall() const {
  return Ratio(total.gold_found, total.gold);
}
double QuoteScore::F1() const {
  const double p = Precision();
  const double r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
double QuoteScore::DirectRecall() const {
  return Ratio(total.direct_found, total.direct);
}
double QuoteScore::SpeakerAccuracy() const {
  return Ratio(total.speaker_correct, total.speaker_scored);
}

void ScoreQuotes(const GoldArticle& gold, const ArticleAnalysis& analysis,
                 QuoteScore* score) {
  const std::vector<Quote>& quotes = analysis.quotes;
  for (const Quote& q : quotes) {
    QuoteCounts& rule = score->by_rule[q.rule];
    ++score->total.predicted;
    ++rule.predicted;
    for (const GoldAttribution& g : gold.attributions) {
      if (OverlapsAny(q.content, g.content)) {
        ++score->total.predicted_correct;
        ++rule.predicted_correct;
        break;
      }
    }
  }
  for (const GoldAttribution& g : gold.attributions) {
    ++score->total.gold;
    score->total.direct += g.direct ? 1 : 0;
    const Quote* best = nullptr;
    std::uint32_t best_overlap = 0;
    for (const Quote& q : quotes) {
      const std::uint32_t n = Overlap(q.content, g.content);
      if (n > best_overlap) {
        best = &q;
        best_overlap = n;
      }
    }
    if (best == nullptr) {
      continue;
    }
    ++score->total.gold_found;
    score->total.direct_found += g.direct ? 1 : 0;
    QuoteCounts& rule = score->by_rule[best->rule];
    ++rule.gold_found;
    if (g.source.empty()) {
      continue;
    }
    bool right = OverlapsAny(best->speaker, g.source);
    if (!right && !best->speaker_name.empty()) {
      right = ResolveSpeakerName(gold.article.text, analysis,
                                 g.source.front()) == best->speaker_name;
    }
    ++score->total.speaker_scored;
    ++rule.speaker_scored;
    score->total.speaker_correct += right ? 1 : 0;
    rule.speaker_correct += right ? 1 : 0;
  }
}

}  // namespace dossier::indexer
