// dossier search [--db DIR] QUERY: ranked, highlighted full-text search.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "common/progress.h"
#include "query/search.h"
#include "tools/command_registry.h"

namespace dossier::tools {
namespace {

struct SearchCommandOptions {
  std::string db;
  std::vector<std::string> words;
  query::SearchOptions search;
  std::string sort = "relevance";
  bool json = false;
};

nlohmann::json SnippetHighlights(const query::Snippet& snippet) {
  nlohmann::json spans = nlohmann::json::array();
  for (const auto& [begin, end] : snippet.highlights) {
    spans.push_back({begin, end});
  }
  return spans;
}

void PrintJson(const query::SearchResults& results) {
  nlohmann::json out = {{"total", results.total},
                        {"total_exact", results.total_exact},
                        {"results", nlohmann::json::array()}};
  for (const query::SearchHit& hit : results.hits) {
    out["results"].push_back(
        {{"id", hit.id},
         {"title", hit.title},
         {"source", hit.source},
         {"date", hit.date},
         {"url", hit.url},
         {"author", hit.author},
         {"score", hit.score},
         {"snippet", hit.snippet.text},
         {"highlights", SnippetHighlights(hit.snippet)}});
  }
  if (!results.facets.empty()) {
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& [name, values] : results.facets) {
      nlohmann::json list = nlohmann::json::array();
      for (const query::FacetCount& value : values) {
        list.push_back({{"value", value.value}, {"count", value.count}});
      }
      facets[name] = list;
    }
    out["facets"] = facets;
  }
  std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
}

void PrintText(const query::SearchResults& results,
               const query::SearchOptions& options) {
  const bool tty = IsTerminal(1);
  const std::string open = tty ? "\033[1m" : "*";
  const std::string close = tty ? "\033[0m" : "*";
  std::cout << (results.total_exact ? "" : "about ") << results.total
            << " matching articles";
  if (!results.hits.empty()) {
    std::cout << ", showing " << options.offset + 1 << "-"
              << options.offset + results.hits.size();
  }
  std::cout << "\n\n";
  std::size_t rank = options.offset;
  for (const query::SearchHit& hit : results.hits) {
    ++rank;
    std::cout << rank << ". " << (hit.title.empty() ? "(untitled)" : hit.title)
              << "\n   " << (hit.source.empty() ? "-" : hit.source) << " | "
              << (hit.date.empty() ? "undated" : hit.date) << " | " << hit.id;
    // Filter-only queries (person:X) match without a relevance weight.
    if (options.sort == query::SortOrder::kRelevance && hit.score > 0) {
      std::cout << " | score " << static_cast<int>(hit.score * 100) / 100.0;
    }
    std::cout << "\n   " << query::RenderSnippet(hit.snippet, open, close)
              << "\n\n";
  }
  for (const auto& [name, values] : results.facets) {
    if (values.empty()) {
      continue;
    }
    std::cout << name << ":";
    for (const query::FacetCount& value : values) {
      std::cout << "  " << value.value << " (" << value.count << ")";
    }
    std::cout << "\n";
  }
}

ExitCode RunSearch(SearchCommandOptions& cli) {
  for (const std::string& word : cli.words) {
    cli.search.query += (cli.search.query.empty() ? "" : " ") + word;
  }
  cli.search.sort =
      cli.sort == "date" ? query::SortOrder::kDate : query::SortOrder::kRelevance;
  Result<query::SearchResults> results = query::Search(cli.db, cli.search);
  if (!results.has_value()) {
    std::cerr << "dossier search: " << results.error().ToString() << "\n";
    return results.error().code() == StatusCode::kInvalidInput
               ? ExitCode::kUsage
               : ExitCode::kFailure;
  }
  if (cli.json) {
    PrintJson(*results);
  } else {
    PrintText(*results, cli.search);
  }
  return ExitCode::kOk;
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<SearchCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_option("query", options->words,
                 "Query: words, \"phrases\", AND/OR/NOT, NEAR, title:, "
                 "source:, author:, person:, org:, company:, institution:, "
                 "place:, year:, month:, date:FROM..TO")
      ->required();
  sub.add_option("--limit", options->search.limit, "Results to show (10)")
      ->check(CLI::Range(1, 10000));
  sub.add_option("--offset", options->search.offset,
                 "Results to skip, for paging (0)");
  sub.add_option("--sort", options->sort, "relevance (default) or date")
      ->check(CLI::IsMember({"relevance", "date"}));
  sub.add_flag("--facets", options->search.facets,
               "Also count matches by source, month and entity");
  sub.add_flag("--json", options->json, "Print JSON (schemas/search.schema.json)");
  return [options] { return RunSearch(*options); };
}

const bool kRegistered = RegisterCommand(
    {"search", "Full-text search with highlighted snippets", Setup});

}  // namespace
}  // namespace dossier::tools
