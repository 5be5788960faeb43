// dossier said [--by NAME] [--about QUERY] [--since D] [--until D]: who said what.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "query/said.h"
#include "tools/command_registry.h"

namespace dossier::tools {
namespace {

struct SaidCommandOptions {
  std::string db;
  query::SaidOptions said;
  bool json = false;
};

nlohmann::json QuoteJson(const query::QuoteHit& hit) {
  return {{"article", hit.article},
          {"title", hit.title},
          {"source", hit.source},
          {"date", hit.date},
          {"speaker", hit.speaker.empty() ? nlohmann::json(nullptr)
                                          : nlohmann::json(hit.speaker)},
          {"text", hit.text},
          {"start", hit.start},
          {"end", hit.end},
          {"speaker_text", hit.speaker_text},
          {"speaker_start", hit.speaker_start},
          {"speaker_end", hit.speaker_end},
          {"cue", hit.cue},
          {"kind", hit.kind},
          {"rule", hit.rule}};
}

void PrintQuote(const query::QuoteHit& hit) {
  std::cout << "  \"" << hit.text << "\"\n    -- "
            << (hit.speaker.empty() ? "(unknown)" : hit.speaker) << " ("
            << hit.cue << ", " << hit.kind << "), "
            << (hit.source.empty() ? "" : hit.source + ", ")
            << (hit.date.empty() ? "undated" : hit.date) << ", " << hit.article
            << " [" << hit.start << "-" << hit.end << "]\n";
}

ExitCode RunSaid(const SaidCommandOptions& cli) {
  Result<query::SaidResults> results = query::Said(cli.db, cli.said);
  if (!results.has_value()) {
    std::cerr << "dossier said: " << results.error().ToString() << "\n";
    return results.error().code() == StatusCode::kInvalidInput
               ? ExitCode::kUsage
               : ExitCode::kFailure;
  }
  if (cli.json) {
    nlohmann::json out = {{"total", results->total}};
    if (!cli.said.by.empty()) {
      out["quotes"] = nlohmann::json::array();
      for (const query::QuoteHit& hit : results->quotes) {
        out["quotes"].push_back(QuoteJson(hit));
      }
    } else {
      out["speakers_total"] = results->speakers_total;
      out["speakers"] = nlohmann::json::array();
      for (const query::SpeakerGroup& group : results->speakers) {
        out["speakers"].push_back({{"speaker", group.speaker},
                                   {"count", group.count},
                                   {"best", QuoteJson(group.best)}});
      }
    }
    std::cout << out.dump(-1, ' ', false,
                          nlohmann::json::error_handler_t::replace)
              << "\n";
    return ExitCode::kOk;
  }
  if (!cli.said.by.empty()) {
    std::cout << results->total << " quotes by \"" << cli.said.by << "\""
              << (cli.said.about.empty() ? "" : " about " + cli.said.about)
              << ", newest first\n\n";
    for (const query::QuoteHit& hit : results->quotes) {
      PrintQuote(hit);
      std::cout << "\n";
    }
    return ExitCode::kOk;
  }
  std::cout << results->total << " quotes about " << cli.said.about << ", by "
            << results->speakers_total
            << (results->speakers_total == 1 ? " speaker" : " speakers");
  if (results->speakers.size() < results->speakers_total) {
    std::cout << " (the " << results->speakers.size() << " most quoted below)";
  }
  std::cout << "\n\n";
  for (const query::SpeakerGroup& group : results->speakers) {
    std::cout << group.speaker << " (" << group.count << ")\n";
    PrintQuote(group.best);
    std::cout << "\n";
  }
  return ExitCode::kOk;
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<SaidCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_option("--by", options->said.by,
                 "Speaker name or part of it (\"Konwinski\")");
  sub.add_option("--about", options->said.about,
                 "Full-text query over the quotes (stemmed, \"phrases\")");
  sub.add_option("--since", options->said.since, "From this date (YYYY-MM-DD)");
  sub.add_option("--until", options->said.until,
                 "Up to this date (YYYY-MM-DD)");
  sub.add_option("--limit", options->said.limit,
                 "Quotes (with --by) or speakers to show (20)")
      ->check(CLI::Range(1, 100000));
  sub.add_flag("--json", options->json, "Print JSON");
  return [options] { return RunSaid(*options); };
}

const bool kRegistered = RegisterCommand(
    {"said", "What a person said (--by), or who said what about a topic",
     Setup});

}  // namespace
}  // namespace dossier::tools
