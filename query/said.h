// Said: "what did X say (about Y)?" and "who said things about Y?" over the
// quotes stored with the articles of a dossier database. Every quote carries
// its article, date, source and code point offsets, so each answer cites
// its evidence. Stateless; opens the database read-only on each call.
#ifndef DOSSIER_QUERY_SAID_H_
#define DOSSIER_QUERY_SAID_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/result.h"

namespace dossier::query {

struct SaidOptions {
  // Speaker: every word must be a word of the resolved speaker's name
  // ("Konwinski", "Andy Konwinski"); empty for any speaker.
  std::string by;
  // Full-text query over the quote text (stemmed; phrases work).
  std::string about;
  std::string since;  // ISO date, inclusive; empty for no bound
  std::string until;  // ISO date, inclusive
  std::size_t limit = 20;
};

struct QuoteHit {
  std::string article;
  std::string title;
  std::string source;
  std::string date;
  std::string speaker;  // resolved full name; empty when unknown
  std::string text;
  std::uint32_t start = 0;  // code points into the article text
  std::uint32_t end = 0;
  std::string speaker_text;  // the mention next to the cue, as written
  std::uint32_t speaker_start = 0;
  std::uint32_t speaker_end = 0;
  std::string cue;
  std::string kind;
  std::string rule;
  double score = 0;
};

struct SpeakerGroup {
  std::string speaker;
  std::uint64_t count = 0;  // matching quotes by this speaker
  QuoteHit best;            // the most relevant of them
};

struct SaidResults {
  // Matching quotes, among the quotes of the 5,000 best-ranked matching
  // articles (with `by`: the newest); a question that matches more
  // articles than that is answered from those.
  std::uint64_t total = 0;
  // With `by`: the quotes, newest first.
  std::vector<QuoteHit> quotes;
  // Without `by`: speakers by descending count (then name), at most
  // `limit` of them, out of `speakers_total`.
  std::vector<SpeakerGroup> speakers;
  std::uint64_t speakers_total = 0;
};

// kInvalidInput when both `by` and `about` are empty or a date is not
// ISO-8601; kNotFound when the database does not exist.
Result<SaidResults> Said(const std::filesystem::path& db_dir,
                         const SaidOptions& options);

}  // namespace dossier::query

#endif  // DOSSIER_QUERY_SAID_H_
