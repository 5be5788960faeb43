// dossier entity NAME [--db DIR] [--json]: one entity of the knowledge
// graph: type, aliases and why each joined, article count, first/last seen,
// typed relations with their evidence sentences, and recent quotes.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "graph/graph_store.h"
#include "tools/command_registry.h"
#include "tools/graph_cli.h"

namespace dossier::tools {
namespace {

struct EntityCommandOptions {
  std::string db;
  std::string name;
  bool json = false;
  std::size_t evidence = 3;
  std::size_t quotes = 5;
};

nlohmann::json DetailsJson(const graph::EntityDetails& d) {
  nlohmann::json aliases = nlohmann::json::array();
  nlohmann::json explained = nlohmann::json::array();
  for (const graph::AliasInfo& a : d.aliases) {
    if (std::find(aliases.begin(), aliases.end(), a.form) == aliases.end()) {
      aliases.push_back(a.form);
    }
    explained.push_back(
        {{"form", a.form}, {"reason", a.reason}, {"articles", a.articles}});
  }
  nlohmann::json relations = nlohmann::json::array();
  for (const graph::RelationEdge& r : d.relations) {
    nlohmann::json evidence = nlohmann::json::array();
    for (const graph::EvidenceRef& e : r.evidence) {
      evidence.push_back(EvidenceJson(e));
    }
    relations.push_back({{"type", RelationTypeName(r.type)},
                         {"direction", r.outgoing ? "out" : "in"},
                         {"other", r.other.name},
                         {"other_type", graph::KindLabel(r.other)},
                         {"articles", r.articles},
                         {"first_seen", r.first_seen},
                         {"last_seen", r.last_seen},
                         {"evidence", std::move(evidence)}});
  }
  nlohmann::json quotes = nlohmann::json::array();
  for (const graph::QuoteRef& q : d.quotes) {
    quotes.push_back({{"text", q.text},
                      {"cue", q.cue},
                      {"kind", QuoteKindName(q.kind)},
                      {"article", q.article},
                      {"date", q.date},
                      {"start", q.start},
                      {"end", q.end}});
  }
  return {{"id", std::to_string(d.summary.id)},
          {"name", d.summary.name},
          {"type", graph::KindLabel(d.summary)},
          {"aliases", std::move(aliases)},
          {"alias_reasons", std::move(explained)},
          {"articles", d.summary.articles},
          {"mentions", d.summary.mentions},
          {"first_seen", d.first_seen},
          {"last_seen", d.last_seen},
          {"relations", std::move(relations)},
          {"quotes", std::move(quotes)}};
}

void PrintText(const graph::EntityDetails& d) {
  std::cout << d.summary.name << " (" << graph::KindLabel(d.summary)
            << ", id:" << d.summary.id << ")\n"
            << "  " << d.summary.articles << " articles, " << d.summary.mentions
            << " mentions";
  if (!d.first_seen.empty()) {
    std::cout << ", seen " << d.first_seen << " .. " << d.last_seen;
  }
  std::cout << "\n";
  if (!d.aliases.empty()) {
    std::cout << "aliases:\n";
    for (const graph::AliasInfo& a : d.aliases) {
      std::cout << "  " << a.form << "  (" << a.reason << "; " << a.articles
                << (a.articles == 1 ? " article)\n" : " articles)\n");
    }
  }
  if (!d.relations.empty()) {
    std::cout << "relations:\n";
  }
  for (const graph::RelationEdge& r : d.relations) {
    const std::string type(RelationTypeName(r.type));
    std::cout << "  " << (r.outgoing ? "-" + type + "-> " : "<-" + type + "- ")
              << r.other.name << " (" << graph::KindLabel(r.other) << ", "
              << r.articles << (r.articles == 1 ? " article)\n" : " articles)\n");
    for (const graph::EvidenceRef& e : r.evidence) {
      std::cout << "      " << e.article << " [" << e.start << "-" << e.end
                << "] " << e.sentence << "\n";
    }
  }
  if (!d.quotes.empty()) {
    std::cout << "quotes:\n";
  }
  for (const graph::QuoteRef& q : d.quotes) {
    std::cout << "  \"" << q.text << "\" (" << q.cue << "; " << q.article
              << (q.date.empty() ? "" : ", " + q.date) << ")\n";
  }
}

ExitCode RunEntity(const EntityCommandOptions& cli) {
  Result<std::unique_ptr<graph::GraphStore>> store =
      OpenGraph(cli.db, GraphAccess::kReadOnly);
  if (!store.has_value()) {
    return Fail("entity", store.error());
  }
  Result<graph::EntitySummary> entity = ResolveEntity(**store, cli.name);
  if (!entity.has_value()) {
    return Fail("entity", entity.error());
  }
  graph::DetailOptions options;
  options.max_evidence_per_relation = cli.evidence;
  options.max_quotes = cli.quotes;
  Result<graph::EntityDetails> details = (*store)->GetDetails(entity->id, options);
  if (!details.has_value()) {
    return Fail("entity", details.error());
  }
  if (cli.json) {
    std::cout << DetailsJson(*details).dump(
                     -1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    PrintText(*details);
  }
  Status closed = (*store)->Close();
  return closed.ok() ? ExitCode::kOk : Fail("entity", closed);
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<EntityCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_option("name", options->name, "Entity name, alias or id:<number>")
      ->required();
  sub.add_flag("--json", options->json, "Print JSON");
  sub.add_option("--evidence", options->evidence,
                 "Evidence sentences per relation (default 3)")
      ->check(CLI::Range(1, 1000));
  sub.add_option("--quotes", options->quotes, "Recent quotes (default 5)")
      ->check(CLI::Range(0, 1000));
  return [options] { return RunEntity(*options); };
}

const bool kRegistered = RegisterCommand(
    {"entity", "One entity of the knowledge graph with its relations and evidence",
     Setup});

}  // namespace
}  // namespace dossier::tools
