// dossier related NAME [--type T] [--depth N] [--limit N] [--json]: the
// entities linked to NAME, strongest first: typed relations weigh three
// times a shared sentence; shared articles weigh a quarter. --type takes a
// relation type (FOUNDED, ...) or an entity kind (person, company, ...).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>

#include "graph/graph_store.h"
#include "tools/command_registry.h"
#include "tools/graph_cli.h"

namespace dossier::tools {
namespace {

struct RelatedCommandOptions {
  std::string db;
  std::string name;
  std::string type;
  int depth = 1;
  std::size_t limit = 20;
  std::string since;
  std::string until;
  bool json = false;
};

struct Row {
  graph::Neighbor neighbor;
  int depth = 1;
  std::string via;  // the depth-1 neighbour it was reached through
};

nlohmann::json RowJson(const Row& row) {
  const graph::Neighbor& n = row.neighbor;
  nlohmann::json relations = nlohmann::json::array();
  for (const auto& [type, outgoing] : n.relations) {
    relations.push_back(
        {{"type", RelationTypeName(type)}, {"direction", outgoing ? "out" : "in"}});
  }
  nlohmann::json out = SummaryJson(n.entity);
  out["weight"] = n.weight;
  out["depth"] = row.depth;
  out["relations"] = std::move(relations);
  out["cooccurrence"] = {{"articles", n.cooc_articles},
                         {"sentences", n.cooc_sentences}};
  if (!row.via.empty()) {
    out["via"] = row.via;
  }
  if (n.evidence) {
    out["evidence"] = EvidenceJson(*n.evidence);
  }
  return out;
}

void PrintRow(const Row& row) {
  const graph::Neighbor& n = row.neighbor;
  std::cout << (row.depth > 1 ? "    " : "  ") << n.entity.name << " ("
            << graph::KindLabel(n.entity) << ")  weight " << n.weight;
  for (const auto& [type, outgoing] : n.relations) {
    const std::string t(RelationTypeName(type));
    std::cout << "  " << (outgoing ? "-" + t + "->" : "<-" + t + "-");
  }
  if (n.cooc_articles > 0) {
    std::cout << "  co-occurs in " << n.cooc_articles << " articles";
  }
  if (!row.via.empty()) {
    std::cout << "  via " << row.via;
  }
  std::cout << "\n";
  if (n.evidence) {
    std::cout << (row.depth > 1 ? "        " : "      ") << n.evidence->article
              << ": "
              << (n.evidence->sentence.empty() ? "(same article)"
                                               : n.evidence->sentence)
              << "\n";
  }
}

ExitCode RunRelated(const RelatedCommandOptions& cli) {
  graph::NeighborOptions options;
  options.limit = cli.limit;
  options.since = cli.since;
  options.until = cli.until;
  if (!cli.type.empty()) {
    std::string upper;
    for (char c : cli.type) {
      upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    options.relation = ParseRelationType(upper);
    if (!options.relation &&
        !ParseKindFilter(cli.type, &options.entity_type, &options.org_kind)) {
      return Fail("related",
                  Status::InvalidInput("--type: expected a relation type "
                                       "(FOUNDED, LEADS, ...) or person, "
                                       "company, institution, place; got \"" +
                                       cli.type + "\""));
    }
  }
  Result<std::unique_ptr<graph::GraphStore>> store =
      OpenGraph(cli.db, GraphAccess::kReadOnly);
  if (!store.has_value()) {
    return Fail("related", store.error());
  }
  Result<graph::EntitySummary> entity = ResolveEntity(**store, cli.name);
  if (!entity.has_value()) {
    return Fail("related", entity.error());
  }
  std::vector<Row> rows;
  std::set<graph::EntityId> seen = {entity->id};
  Result<std::vector<graph::Neighbor>> first = (*store)->Neighbors(entity->id, options);
  if (!first.has_value()) {
    return Fail("related", first.error());
  }
  for (const graph::Neighbor& n : *first) {
    seen.insert(n.entity.id);
    rows.push_back({n, 1, ""});
  }
  // Depth 2+: the strongest few neighbours of each row found so far.
  graph::NeighborOptions next = options;
  next.limit = std::max<std::size_t>(3, cli.limit / 4);
  for (int depth = 2; depth <= cli.depth; ++depth) {
    const std::size_t frontier_end = rows.size();
    for (std::size_t i = 0; i < frontier_end; ++i) {
      if (rows[i].depth != depth - 1) {
        continue;
      }
      Result<std::vector<graph::Neighbor>> more =
          (*store)->Neighbors(rows[i].neighbor.entity.id, next);
      if (!more.has_value()) {
        return Fail("related", more.error());
      }
      for (const graph::Neighbor& n : *more) {
        if (seen.insert(n.entity.id).second) {
          rows.push_back({n, depth, rows[i].neighbor.entity.name});
        }
      }
    }
  }
  if (cli.json) {
    nlohmann::json related = nlohmann::json::array();
    for (const Row& row : rows) {
      related.push_back(RowJson(row));
    }
    const nlohmann::json out = {{"entity", SummaryJson(*entity)},
                                {"related", std::move(related)}};
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << "\n";
  } else {
    std::cout << entity->name << " (" << graph::KindLabel(*entity) << "):\n";
    for (const Row& row : rows) {
      PrintRow(row);
    }
    if (rows.empty()) {
      std::cout << "  nothing related\n";
    }
  }
  Status closed = (*store)->Close();
  return closed.ok() ? ExitCode::kOk : Fail("related", closed);
}

CommandRunner Setup(CLI::App& sub) {
  auto options = std::make_shared<RelatedCommandOptions>();
  AddDbOption(sub, &options->db);
  sub.add_option("name", options->name, "Entity name, alias or id:<number>")
      ->required();
  sub.add_option("--type", options->type,
                 "Relation type (FOUNDED, LEADS, WORKS_FOR, ...) or entity "
                 "kind (person, company, institution, place)");
  sub.add_option("--depth", options->depth, "Hops to follow (default 1)")
      ->check(CLI::Range(1, 3));
  sub.add_option("--limit", options->limit, "Neighbours shown (default 20)")
      ->check(CLI::Range(1, 10000));
  sub.add_option("--since", options->since, "Only evidence on or after YYYY-MM-DD");
  sub.add_option("--until", options->until, "Only evidence on or before YYYY-MM-DD");
  sub.add_flag("--json", options->json, "Print JSON");
  return [options] { return RunRelated(*options); };
}

const bool kRegistered = RegisterCommand(
    {"related", "Entities linked to one entity, strongest first", Setup});

}  // namespace
}  // namespace dossier::tools
