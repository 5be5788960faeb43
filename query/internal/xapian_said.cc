// Xapian adapter behind query/said.h.
//
// Quotes live in their article's document (schemas/xapian_layout.md), so a
// question is answered in two steps: Xapian finds the articles that can
// hold an answer (the topic in their text, the speaker among their quotes'
// speakers, the date in range), then each quote of those articles is tested
// on its own: every word of --by must be a word of its speaker's name, and
// the --about query, parsed once, must match the quote's own words.
#include <xapian.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "common/utf8.h"
#include "indexer/doc_store.h"
#include "indexer/internal/xapian_errors.h"  // shared Xapian adapter helper
#include "indexer/term_text.h"
#include "indexer/xapian_layout.h"
#include "query/said.h"

namespace dossier::query {
namespace {

using indexer::internal::StatusFromXapian;
namespace layout = indexer;

// How many matching articles are read for one question; the quotes of the
// best-ranked (with --by: newest) articles count first.
constexpr Xapian::doccount kMaxArticles = 5000;
// NEAR without an explicit window: the QueryParser's default.
constexpr Xapian::termpos kNearWindow = 10;

// The words of one quote as the topic query sees them: stems with their
// positions, made by the same stemmer and strategy as the QueryParser's.
using QuoteWords = std::map<std::string, std::vector<Xapian::termpos>>;

QuoteWords WordsOf(const std::string& text, Xapian::TermGenerator* generator) {
  Xapian::Document doc;
  generator->set_document(doc);
  generator->index_text(text);
  QuoteWords words;
  for (Xapian::TermIterator term = doc.termlist_begin();
       term != doc.termlist_end(); ++term) {
    std::vector<Xapian::termpos>& positions = words[*term];
    for (Xapian::PositionIterator pos = term.positionlist_begin();
         pos != term.positionlist_end(); ++pos) {
      positions.push_back(*pos);
    }
  }
  return words;
}

const std::vector<Xapian::termpos>* PositionsOf(const Xapian::Query& leaf,
                                                const QuoteWords& words) {
  if (leaf.get_type() != Xapian::Query::LEAF_TERM) {
    return nullptr;
  }
  const auto it = words.find(*leaf.get_terms_begin());
  return it == words.end() ? nullptr : &it->second;
}

// Whether the terms of `query` (leaves) occur in order at consecutive
// positions (phrase), or all within `window` positions (near).
bool MatchesSequence(const Xapian::Query& query, const QuoteWords& words,
                     bool ordered, Xapian::termpos window) {
  const std::size_t n = query.get_num_subqueries();
  std::vector<const std::vector<Xapian::termpos>*> lists;
  for (std::size_t i = 0; i < n; ++i) {
    const std::vector<Xapian::termpos>* positions =
        PositionsOf(query.get_subquery(i), words);
    if (positions == nullptr) {
      return false;
    }
    lists.push_back(positions);
  }
  if (lists.empty()) {
    return false;
  }
  for (Xapian::termpos first : *lists[0]) {
    bool all = true;
    for (std::size_t i = 1; i < lists.size() && all; ++i) {
      const std::vector<Xapian::termpos>& list = *lists[i];
      if (ordered) {
        all = std::binary_search(list.begin(), list.end(),
                                 first + static_cast<Xapian::termpos>(i));
      } else {
        all = std::any_of(list.begin(), list.end(), [&](Xapian::termpos p) {
          return (p > first ? p - first : first - p) < window;
        });
      }
    }
    if (all) {
      return true;
    }
  }
  return false;
}

// Evaluates the parsed topic on one quote. Operators the QueryParser does
// not produce from a topic (value ranges, posting sources) do not filter.
bool Matches(const Xapian::Query& query, const QuoteWords& words) {
  const std::size_t n = query.get_num_subqueries();
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM:
      return PositionsOf(query, words) != nullptr;
    case Xapian::Query::LEAF_MATCH_ALL:
      return true;
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return false;
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
      for (std::size_t i = 0; i < n; ++i) {
        if (!Matches(query.get_subquery(i), words)) {
          return false;
        }
      }
      return true;
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_ELITE_SET:
    case Xapian::Query::OP_MAX:
      for (std::size_t i = 0; i < n; ++i) {
        if (Matches(query.get_subquery(i), words)) {
          return true;
        }
      }
      return false;
    case Xapian::Query::OP_AND_NOT:
      if (n == 0 || !Matches(query.get_subquery(0), words)) {
        return false;
      }
      for (std::size_t i = 1; i < n; ++i) {
        if (Matches(query.get_subquery(i), words)) {
          return false;
        }
      }
      return true;
    case Xapian::Query::OP_XOR: {
      std::size_t matched = 0;
      for (std::size_t i = 0; i < n; ++i) {
        matched += Matches(query.get_subquery(i), words) ? 1 : 0;
      }
      return matched % 2 == 1;
    }
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SCALE_WEIGHT:
      return n == 0 || Matches(query.get_subquery(0), words);
    case Xapian::Query::OP_PHRASE:
      return MatchesSequence(query, words, true, 0);
    case Xapian::Query::OP_NEAR:
      return MatchesSequence(query, words, false,
                             std::max<Xapian::termpos>(
                                 kNearWindow, static_cast<Xapian::termpos>(n)));
    default:
      return true;
  }
}

std::vector<std::string> NameWords(const std::string& name) {
  std::vector<std::string> words;
  const std::string norm = indexer::NormalizeTermText(name);
  std::size_t pos = 0;
  while (pos < norm.size()) {
    std::size_t space = norm.find(' ', pos);
    if (space == std::string::npos) {
      space = norm.size();
    }
    if (space > pos) {
      words.push_back(norm.substr(pos, space - pos));
    }
    pos = space + 1;
  }
  return words;
}

Xapian::Query SpeakerQuery(const std::vector<std::string>& by_words) {
  std::vector<Xapian::Query> words;
  for (const std::string& word : by_words) {
    words.emplace_back(std::string(layout::kPrefixSpeakerWord) + word);
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
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, layout::kSlotDate, from,
                         to);
  }
  if (!from.empty()) {
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, layout::kSlotDate, from);
  }
  return Xapian::Query(Xapian::Query::OP_VALUE_LE, layout::kSlotDate, to);
}

std::string StringField(const nlohmann::json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>()
                                               : std::string();
}

// What one question keeps of the quotes it is shown.
class QuoteFilter {
 public:
  QuoteFilter(std::vector<std::string> by_words,
              std::optional<Xapian::Query> topic)
      : by_words_(std::move(by_words)), topic_(std::move(topic)) {
    generator_.set_stemmer(Xapian::Stem("english"));
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  }

  // The quotes of one article record (indexer/doc_store.h) that answer
  // the question.
  std::vector<QuoteHit> Select(const std::string& record, double score) {
    std::vector<QuoteHit> hits;
    const nlohmann::json data = nlohmann::json::parse(record, nullptr, false);
    if (!data.is_object()) {
      return hits;
    }
    const auto quotes = data.find("quotes");
    if (quotes == data.end() || !quotes->is_array()) {
      return hits;
    }
    const std::string text = StringField(data, "text");
    const CodepointMap cps(text);
    // Text between two code point offsets of the article.
    const auto slice = [&](const nlohmann::json& begin,
                           const nlohmann::json& end) {
      if (!begin.is_number_unsigned() || !end.is_number_unsigned()) {
        return std::string();
      }
      const std::size_t from = cps.ToByte(begin.get<std::uint32_t>());
      const std::size_t to = cps.ToByte(end.get<std::uint32_t>());
      return to > from ? text.substr(from, to - from) : std::string();
    };
    const auto number = [](const nlohmann::json& value) {
      return value.is_number_unsigned() ? value.get<std::uint32_t>() : 0u;
    };
    for (const nlohmann::json& quote : *quotes) {
      // [start, end, speaker, speaker_start, speaker_end, cue_start,
      //  cue_end, kind, rule] (schemas/xapian_layout.md).
      if (!quote.is_array() || quote.size() != 9) {
        continue;
      }
      QuoteHit hit;
      hit.speaker = quote[2].is_string() ? quote[2].get<std::string>() : "";
      hit.text = slice(quote[0], quote[1]);
      if (!SpokenBy(hit.speaker) ||
          (topic_ && !Matches(*topic_, WordsOf(hit.text, &generator_)))) {
        continue;
      }
      hit.article = StringField(data, "id");
      hit.title = StringField(data, "title");
      hit.source = StringField(data, "source");
      hit.date = StringField(data, "date");
      hit.start = number(quote[0]);
      hit.end = number(quote[1]);
      hit.speaker_text = slice(quote[3], quote[4]);
      hit.speaker_start = number(quote[3]);
      hit.speaker_end = number(quote[4]);
      hit.cue = slice(quote[5], quote[6]);
      hit.kind = quote[7].is_string() ? quote[7].get<std::string>() : "";
      hit.rule = quote[8].is_string() ? quote[8].get<std::string>() : "";
      hit.score = score;
      hits.push_back(std::move(hit));
    }
    return hits;
  }

 private:
  bool SpokenBy(const std::string& speaker) const {
    if (by_words_.empty()) {
      return true;
    }
    const std::vector<std::string> name = NameWords(speaker);
    return std::all_of(
        by_words_.begin(), by_words_.end(), [&](const std::string& word) {
          return std::find(name.begin(), name.end(), word) != name.end();
        });
  }

  std::vector<std::string> by_words_;
  std::optional<Xapian::Query> topic_;
  Xapian::TermGenerator generator_;
};

std::vector<SpeakerGroup> GroupBySpeaker(std::vector<QuoteHit> hits) {
  std::map<std::string, SpeakerGroup> groups;
  for (QuoteHit& hit : hits) {
    if (hit.speaker.empty()) {
      continue;  // unattributed quotes answer no "who"
    }
    SpeakerGroup& group = groups[hit.speaker];
    if (group.count++ == 0) {
      group.speaker = hit.speaker;
      group.best = std::move(hit);  // hits come in relevance order
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
  const std::string path = (db_dir / layout::kArticlesSubdir).string();
  if (!std::filesystem::exists(path)) {
    return Status::NotFound("no dossier database at " + db_dir.string() +
                            " (run dossier index first)");
  }
  try {
    Xapian::Database db(path);
    DOSSIER_RETURN_IF_ERROR(indexer::internal::CheckSchemaVersion(db, path));
    std::vector<Xapian::Query> parts{
        Xapian::Query(std::string(layout::kTermHasQuotes))};
    std::optional<Xapian::Query> topic;
    if (!options.about.empty()) {
      Xapian::QueryParser parser;
      parser.set_database(db);
      parser.set_stemmer(Xapian::Stem("english"));
      parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
      parser.set_default_op(Xapian::Query::OP_AND);
      topic = parser.parse_query(
          options.about, Xapian::QueryParser::FLAG_DEFAULT |
                             Xapian::QueryParser::FLAG_PHRASE |
                             Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE);
      parts.push_back(*topic);
    }
    const std::vector<std::string> by_words = NameWords(options.by);
    if (!options.by.empty()) {
      if (by_words.empty()) {
        return SaidResults{};
      }
      parts.push_back(SpeakerQuery(by_words));
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
    if (!options.by.empty()) {
      // A speaker's quotes, newest first.
      enquire.set_sort_by_value_then_relevance(layout::kSlotDate, true);
    }
    const Xapian::MSet mset = enquire.get_mset(0, kMaxArticles);
    QuoteFilter filter(by_words, topic);
    std::vector<QuoteHit> hits;
    std::unique_ptr<indexer::DocStore> docs;
    if (!mset.empty()) {
      Result<std::unique_ptr<indexer::DocStore>> opened =
          indexer::DocStore::Open(db_dir, /*writable=*/false);
      if (!opened.has_value()) {
        return opened.error();
      }
      docs = std::move(*opened);
    }
    for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
      Result<std::optional<std::string>> record =
          indexer::internal::RecordOf(*docs, it.get_document());
      if (!record.has_value()) {
        return record.error();
      }
      for (QuoteHit& hit : filter.Select(record->value_or(""),
                                         it.get_weight())) {
        hits.push_back(std::move(hit));
      }
    }
    SaidResults results;
    results.total = hits.size();
    if (!options.by.empty()) {
      if (hits.size() > options.limit) {
        hits.resize(options.limit);
      }
      results.quotes = std::move(hits);
      return results;
    }
    results.speakers = GroupBySpeaker(std::move(hits));
    results.speakers_total = results.speakers.size();
    if (results.speakers.size() > options.limit) {
      results.speakers.resize(options.limit);
    }
    return results;
  } catch (const Xapian::Error& e) {
    return StatusFromXapian(e, path);
  }
}

}  // namespace dossier::query
