// Xapian adapter behind query/said.h.
#include <xapian.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "indexer/internal/xapian_errors.h"  // shared Xapian adapter helper
#include "indexer/term_text.h"
#include "indexer/xapian_layout.h"
#include "query/said.h"

namespace dossier::query {
namespace {

using indexer::internal::StatusFromXapian;
namespace layout = indexer;

// How many matches are grouped by speaker for "who said things about X".
constexpr Xapian::doccount kMaxGrouped = 5000;

QuoteHit HitFromDocument(const Xapian::Document& doc, double score) {
  QuoteHit hit;
  const nlohmann::json data =
      nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (!data.is_object()) {
    return hit;
  }
  const auto text = [&](const char* name) {
    const auto it = data.find(name);
    return it != data.end() && it->is_string() ? it->get<std::string>()
                                               : std::string();
  };
  const auto number = [&](const char* name) {
    const auto it = data.find(name);
    return it != data.end() && it->is_number_unsigned()
               ? it->get<std::uint32_t>()
               : 0u;
  };
  hit.article = text("article");
  hit.title = text("title");
  hit.source = text("source");
  hit.date = text("date");
  hit.speaker = text("speaker");
  hit.text = text("text");
  hit.start = number("start");
  hit.end = number("end");
  hit.speaker_text = text("speaker_text");
  hit.speaker_start = number("speaker_start");
  hit.speaker_end = number("speaker_end");
  hit.cue = text("cue");
  hit.kind = text("kind");
  hit.rule = text("rule");
  hit.score = score;
  return hit;
}

Xapian::Query SpeakerQuery(const std::string& by) {
  std::vector<Xapian::Query> words;
  const std::string norm = indexer::NormalizeTermText(by);
  std::size_t pos = 0;
  while (pos < norm.size()) {
    std::size_t space = norm.find(' ', pos);
    if (space == std::string::npos) {
      space = norm.size();
    }
    words.emplace_back(std::string(layout::kPrefixSpeakerWord) +
                       norm.substr(pos, space - pos));
    pos = space + 1;
  }
  return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
}

Result<Xapian::Query> DateQuery(const std::string& since,
                                const std::string& until) {
  const std::string from = indexer::CompactDate(since);
  const std::string to = indexer::CompactDate(until);
  if ((!since.empty() && from.empty()) || (!until.empty() && to.empty())) {
    return Status::InvalidInput("expected a date as YYYY-MM-DD, got \"" +
                                (from.empty() ? since : until) + "\"");
  }
  if (!from.empty() && !to.empty()) {
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, layout::kSlotDate,
                         from, to);
  }
  if (!from.empty()) {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, layout::kSlotDate, from);
  }
  return Xapian::Query(Xapian::Query::OP_VALUE_LE, layout::kSlotDate, to);
}

std::vector<SpeakerGroup> GroupBySpeaker(const Xapian::MSet& mset) {
  std::map<std::string, SpeakerGroup> groups;
  for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
    QuoteHit hit = HitFromDocument(it.get_document(), it.get_weight());
    if (hit.speaker.empty()) {
      continue;  // unattributed quotes answer no "who"
    }
    SpeakerGroup& group = groups[hit.speaker];
    if (group.count++ == 0) {
      group.speaker = hit.speaker;
      group.best = std::move(hit);  // the MSet is in relevance order
    }
  }
  std::vector<SpeakerGroup> sorted;
  for (auto& [name, group] : groups) {
    sorted.push_back(std::move(group));
  }
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const SpeakerGroup& a, const SpeakerGroup& b) {
                     return a.count > b.count;
                   });
  return sorted;
}

}  // namespace

Result<SaidResults> Said(const std::filesystem::path& db_dir,
                         const SaidOptions& options) {
  if (options.by.empty() && options.about.empty()) {
    return Status::InvalidInput("give --by NAME, --about QUERY, or both");
  }
  const std::string path = (db_dir / layout::kQuotesSubdir).string();
  if (!std::filesystem::exists(path)) {
    return Status::NotFound("no dossier database at " + db_dir.string() +
                            " (run dossier index first)");
  }
  try {
    Xapian::Database db(path);
    std::vector<Xapian::Query> parts;
    if (!options.about.empty()) {
      Xapian::QueryParser parser;
      parser.set_database(db);
      parser.set_stemmer(Xapian::Stem("english"));
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
      parser.set_default_op(Xapian::Query::OP_AND);
      parts.push_back(parser.parse_query(
          options.about, Xapian::QueryParser::FLAG_DEFAULT |
                             Xapian::QueryParser::FLAG_PHRASE |
                             Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE));
    }
    if (!options.by.empty()) {
      parts.push_back(SpeakerQuery(options.by));
    }
    Xapian::Query query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    if (!options.since.empty() || !options.until.empty()) {
      Result<Xapian::Query> dates = DateQuery(options.since, options.until);
      if (!dates.has_value()) {
        return dates.error();
      }
      query = Xapian::Query(Xapian::Query::OP_FILTER, query, *dates);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    SaidResults results;
    if (!options.by.empty()) {
      enquire.set_sort_by_value_then_relevance(layout::kSlotDate, true);
      const Xapian::MSet mset = enquire.get_mset(
          0, static_cast<Xapian::doccount>(options.limit), db.get_doccount());
      results.total = mset.get_matches_estimated();
      for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        results.quotes.push_back(
            HitFromDocument(it.get_document(), it.get_weight()));
      }
      return results;
    }
    const Xapian::MSet mset = enquire.get_mset(0, kMaxGrouped);
    results.total = mset.get_matches_estimated();
    results.speakers = GroupBySpeaker(mset);
    if (results.speakers.size() > options.limit) {
      results.speakers.resize(options.limit);
    }
    return results;
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, path);
  }
}

}  // namespace dossier::query
