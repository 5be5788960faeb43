#include "indexer/relation_eval.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "common/utf8.h"

namespace dossier::indexer {
namespace {

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// Gold [s,e] in code points -> byte span; false when malformed or out of
// range.
bool ToSpan(const nlohmann::json& pair, const CodepointMap& map,
            std::uint32_t text_cps, Span* out) {
  if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_unsigned() ||
      !pair[1].is_number_unsigned()) {
    return false;
  }
  const auto begin = pair[0].get<std::uint32_t>();
  const auto end = pair[1].get<std::uint32_t>();
  if (begin > end || end > text_cps) {
    return false;
  }
  *out = {static_cast<std::uint32_t>(map.ToByte(begin)),
          static_cast<std::uint32_t>(map.ToByte(end))};
  return true;
}

Result<GoldRelation> ParseRelation(const nlohmann::json& j,
                                   const CodepointMap& map,
                                   std::uint32_t text_cps) {
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string()) {
    return Status::InvalidInput("expected a relation object with a \"type\"");
  }
  GoldRelation gold;
  const std::optional<RelationType> type =
      ParseRelationType(j["type"].get<std::string>());
  if (!type) {
    return Status::InvalidInput("unknown relation type \"" +
                                j["type"].get<std::string>() + "\"");
  }
  gold.type = *type;
  if (!ToSpan(j.value("head", nlohmann::json()), map, text_cps, &gold.head) ||
      !ToSpan(j.value("tail", nlohmann::json()), map, text_cps, &gold.tail)) {
    return Status::InvalidInput("expected head and tail as [start, end] "
                                "code point offsets within the text");
  }
  gold.head_text = j.value("head_text", "");
  gold.tail_text = j.value("tail_text", "");
  return gold;
}

Result<GoldPassage> ParseLine(const std::string& line) {
  const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("text") ||
      !j["text"].is_string()) {
    return Status::InvalidInput("expected a JSON object with a \"text\"");
  }
  GoldPassage gold;
  gold.text = j["text"].get<std::string>();
  gold.id = j.value("id", "");
  const CodepointMap map(gold.text);
  const std::uint32_t cps = map.ToCodepoint(gold.text.size());
  for (const nlohmann::json& name :
       j.value("annotated", nlohmann::json::array())) {
    const std::optional<RelationType> type =
        name.is_string() ? ParseRelationType(name.get<std::string>())
                         : std::nullopt;
    if (!type) {
      return Status::InvalidInput("unknown type in \"annotated\": " +
                                  name.dump());
    }
    gold.annotated.push_back(*type);
  }
  for (const nlohmann::json& relation :
       j.value("relations", nlohmann::json::array())) {
    Result<GoldRelation> parsed = ParseRelation(relation, map, cps);
    if (!parsed.has_value()) {
      return parsed.error();
    }
    gold.relations.push_back(std::move(*parsed));
  }
  return gold;
}

std::string NormalName(std::string_view name) {
  std::string out;
  for (char c : name) {
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "'"}) {
    if (out.size() > suffix.size() && out.ends_with(suffix)) {
      out.resize(out.size() - suffix.size());
    }
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) {
    out.pop_back();
  }
  return out;
}

double Percent(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0
                    : 100.0 * static_cast<double>(part) /
                          static_cast<double>(whole);
}

void ScoreByName(const GoldPassage& gold,
                 const std::vector<const Relation*>& predicted,
                 RelationType type, PrfCounts* counts) {
  using Key = std::pair<std::string, std::string>;
  std::set<Key> gold_keys;
  for (const GoldRelation& relation : gold.relations) {
    if (relation.type == type) {
      gold_keys.insert(
          {NormalName(relation.head_text), NormalName(relation.tail_text)});
    }
  }
  std::set<Key> predicted_keys;
  std::set<Key> matched;
  for (const Relation* relation : predicted) {
    const std::string head_written = NormalName(std::string_view(gold.text).substr(
        relation->head.begin, relation->head.size()));
    const std::string tail_written = NormalName(std::string_view(gold.text).substr(
        relation->tail.begin, relation->tail.size()));
    const std::string head_name = NormalName(relation->head_name);
    const std::string tail_name = NormalName(relation->tail_name);
    predicted_keys.insert({head_name, tail_name});
    for (const std::string& head : {head_written, head_name}) {
      for (const std::string& tail : {tail_written, tail_name}) {
        if (gold_keys.count({head, tail}) > 0) {
          matched.insert({head, tail});
        }
      }
    }
  }
  counts->gold += gold_keys.size();
  counts->predicted += predicted_keys.size();
  counts->correct += std::min(matched.size(), predicted_keys.size());
}

}  // namespace

Result<std::vector<GoldPassage>> ReadGoldRelations(
    const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    return Status::IOError("cannot read " + path.string());
  }
  std::vector<GoldPassage> passages;
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      continue;
    }
    Result<GoldPassage> passage = ParseLine(line);
    if (!passage.has_value()) {
      return passage.error().WithLocation(path.string() + ":" +
                                          std::to_string(line_no));
    }
    passages.push_back(std::move(*passage));
  }
  return passages;
}

void PrfCounts::Add(const PrfCounts& other) {
  gold += other.gold;
  predicted += other.predicted;
  correct += other.correct;
}

double PrfCounts::Precision() const { return Percent(correct, predicted); }
double PrfCounts::Recall() const { return Percent(correct, gold); }
double PrfCounts::F1() const {
  const double p = Precision();
  const double r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

PrfCounts RelationScore::Micro() const {
  PrfCounts total;
  for (const auto& [type, counts] : by_type) {
    total.Add(counts);
  }
  return total;
}

PrfCounts RelationScore::MicroName() const {
  PrfCounts total;
  for (const auto& [type, counts] : by_type_name) {
    total.Add(counts);
  }
  return total;
}

void ScoreRelations(const GoldPassage& gold,
                    const std::vector<Relation>& predicted,
                    RelationScore* score,
                    std::vector<RelationError>* errors) {
  const std::string_view text = gold.text;
  for (RelationType type : gold.annotated) {
    // Distinct predictions of this type.
    std::vector<const Relation*> mine;
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t,
                        std::uint32_t>>
        seen;
    for (const Relation& relation : predicted) {
      if (relation.type == type &&
          seen.insert({relation.head.begin, relation.head.end,
                       relation.tail.begin, relation.tail.end})
              .second) {
        mine.push_back(&relation);
      }
    }
    std::vector<const GoldRelation*> gold_of_type;
    for (const GoldRelation& relation : gold.relations) {
      if (relation.type == type) {
        gold_of_type.push_back(&relation);
      }
    }
    PrfCounts& counts = score->by_type[type];
    counts.gold += gold_of_type.size();
    counts.predicted += mine.size();
    std::vector<bool> gold_used(gold_of_type.size(), false);
    for (const Relation* relation : mine) {
      bool found = false;
      for (std::size_t idx = 0; idx < gold_of_type.size() && !found; ++idx) {
        if (!gold_used[idx] && Overlaps(relation->head, gold_of_type[idx]->head) &&
            Overlaps(relation->tail, gold_of_type[idx]->tail)) {
          gold_used[idx] = true;
          found = true;
        }
      }
      counts.correct += found ? 1 : 0;
      if (!found && errors != nullptr) {
        errors->push_back(
            {true, type,
             std::string(text.substr(relation->head.begin,
                                     relation->head.size())),
             std::string(text.substr(relation->tail.begin,
                                     relation->tail.size())),
             relation->rule});
      }
    }
    for (std::size_t idx = 0; idx < gold_of_type.size(); ++idx) {
      if (!gold_used[idx] && errors != nullptr) {
        errors->push_back({false, type, gold_of_type[idx]->head_text,
                           gold_of_type[idx]->tail_text, ""});
      }
    }
    ScoreByName(gold, mine, type, &score->by_type_name[type]);
  }
}

}  // namespace dossier::indexer
