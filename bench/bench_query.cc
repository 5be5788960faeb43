// Query latency for bench/index.sh, against a dossier database and the
// plain-Xapian baseline database built from the same corpus.
//
//   bench_query DOSSIER_DB PLAIN_XAPIAN_DB
// For a fixed set of queries, repeated, prints median and p99 latency of
// (a) parse + top-10 match on each database, and (b) producing snippets for
// the same 10 results with Xapian's MSet::snippet versus dossier's own
// snippet code (query/internal/snippet.h, used here on purpose: it is what
// `dossier search` runs). One JSON line.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "indexer/doc_store.h"
#include "indexer/internal/xapian_errors.h"
#include "query/internal/snippet.h"
#include "query/search.h"

namespace {

using Clock = std::chrono::steady_clock;

const char* const kQueries[] = {
    "mobile phone",       "government election", "\"chief executive\"",
    "oil prices",         "film award",          "music OR album",
    "economy growth",     "football NEAR cup",   "tax NOT labour",
    "internet security",  "bank interest rates", "prime minister blair",
    "games console",      "record sales",        "court ruling",
    "world cup",          "stock market shares", "broadband",
    "olympic athlete",    "software microsoft",
};
constexpr int kRounds = 15;

double Ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

struct Stats {
  double median = 0;
  double p99 = 0;
};

Stats Summarize(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  Stats stats;
  stats.median = samples[samples.size() / 2];
  stats.p99 = samples[std::min(samples.size() - 1,
                               samples.size() * 99 / 100)];
  return stats;
}

Xapian::Query Parse(Xapian::Database& db, const std::string& text,
                    Xapian::QueryParser::stem_strategy strategy) {
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(strategy);
  parser.set_default_op(Xapian::Query::OP_AND);
  return parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT |
                                      Xapian::QueryParser::FLAG_PHRASE);
}

// Baseline: plain database, default stemming, top 10.
std::vector<double> TimePlain(Xapian::Database& db) {
  std::vector<double> samples;
  for (int round = 0; round < kRounds; ++round) {
    for (const char* text : kQueries) {
      const Clock::time_point start = Clock::now();
      Xapian::Enquire enquire(db);
      enquire.set_query(Parse(db, text, Xapian::QueryParser::STEM_SOME));
      const Xapian::MSet mset = enquire.get_mset(0, 10);
      samples.push_back(Ms(Clock::now() - start));
      static_cast<void>(mset.size());
    }
  }
  return samples;
}

// dossier: the same work through query::Search without snippets is not
// separable, so time parse + match on its database directly.
std::vector<double> TimeDossier(Xapian::Database& db) {
  std::vector<double> samples;
  for (int round = 0; round < kRounds; ++round) {
    for (const char* text : kQueries) {
      const Clock::time_point start = Clock::now();
      Xapian::Enquire enquire(db);
      enquire.set_query(Parse(db, text, Xapian::QueryParser::STEM_ALL));
      const Xapian::MSet mset = enquire.get_mset(0, 10);
      samples.push_back(Ms(Clock::now() - start));
      static_cast<void>(mset.size());
    }
  }
  return samples;
}

// The article's text from its record (the document data is its id).
std::string TextOf(const dossier::indexer::DocStore& docs,
                   const Xapian::Document& doc) {
  const auto record = dossier::indexer::internal::RecordOf(docs, doc);
  if (!record.has_value() || !record->has_value()) {
    return std::string();
  }
  const nlohmann::json data = nlohmann::json::parse(**record, nullptr, false);
  return data.is_object() ? data.value("text", "") : std::string();
}

// Snippets for the top 10 of each query on the dossier database: Xapian's
// MSet::snippet versus dossier's, on the same texts (text extraction is
// outside both timings).
void TimeSnippets(Xapian::Database& db, const dossier::indexer::DocStore& docs,
                  std::vector<double>* xapian_ms,
                  std::vector<double>* dossier_ms) {
  const Xapian::Stem stemmer("english");
  for (int round = 0; round < kRounds; ++round) {
    for (const char* text : kQueries) {
      Xapian::Enquire enquire(db);
      const Xapian::Query query =
          Parse(db, text, Xapian::QueryParser::STEM_ALL);
      enquire.set_query(query);
      const Xapian::MSet mset = enquire.get_mset(0, 10);
      std::vector<std::string> texts;
      for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        texts.push_back(TextOf(docs, it.get_document()));
      }
      Clock::time_point start = Clock::now();
      for (const std::string& t : texts) {
        static_cast<void>(mset.snippet(t, 200, stemmer));
      }
      xapian_ms->push_back(Ms(Clock::now() - start));
      dossier::query::internal::SnippetTerms terms;
      for (Xapian::TermIterator term = query.get_unique_terms_begin();
           term != query.get_unique_terms_end(); ++term) {
        terms.stems.push_back(*term);
      }
      start = Clock::now();
      for (const std::string& t : texts) {
        static_cast<void>(dossier::query::internal::MakeSnippet(
            t, terms, 200,
            [&stemmer](const std::string& w) { return stemmer(w); }));
      }
      dossier_ms->push_back(Ms(Clock::now() - start));
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bench_query DOSSIER_DB PLAIN_XAPIAN_DB\n";
    return 2;
  }
  try {
    Xapian::Database dossier_db(std::string(argv[1]) + "/xapian");
    Xapian::Database plain_db(argv[2]);
    TimePlain(plain_db);  // warm both caches before measuring
    TimeDossier(dossier_db);
    const Stats plain = Summarize(TimePlain(plain_db));
    const Stats dossier = Summarize(TimeDossier(dossier_db));
    std::vector<double> xapian_snippets;
    std::vector<double> dossier_snippets;
    auto docs = dossier::indexer::DocStore::Open(argv[1], /*writable=*/false);
    if (!docs.has_value()) {
      std::cerr << docs.error().ToString() << "\n";
      return 1;
    }
    TimeSnippets(dossier_db, **docs, &xapian_snippets, &dossier_snippets);
    const Stats xs = Summarize(xapian_snippets);
    const Stats ds = Summarize(dossier_snippets);
    std::cout << nlohmann::json{
                     {"plain_median_ms", plain.median},
                     {"plain_p99_ms", plain.p99},
                     {"dossier_median_ms", dossier.median},
                     {"dossier_p99_ms", dossier.p99},
                     {"xapian_snippet10_median_ms", xs.median},
                     {"dossier_snippet10_median_ms", ds.median},
                 }
                     .dump()
              << "\n";
  } catch (const Xapian::Error& e) {
    std::cerr << e.get_description() << "\n";
    return 1;
  }
  return 0;
}
