// Helpers shared by the knowledge-graph subcommands (entity, related, top,
// path, export, merge, split): opening <db>/graph, turning a NAME argument
// into one entity (or a clear ambiguity error), and JSON shapes that every
// graph command prints the same way.
#ifndef DOSSIER_TOOLS_GRAPH_CLI_H_
#define DOSSIER_TOOLS_GRAPH_CLI_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "common/exit_code.h"
#include "common/result.h"
#include "graph/graph_store.h"

namespace dossier::tools {

enum class GraphAccess { kReadOnly, kReadWrite };

// Opens <db>/graph; kNotFound (with a hint to run `dossier index`) when
// there is none.
Result<std::unique_ptr<graph::GraphStore>> OpenGraph(const std::string& db,
                                                     GraphAccess access);

// The entity NAME means: "id:<number>" selects by id; otherwise
// GraphStore::FindEntity, and an ambiguous match is kInvalidInput listing
// the candidates with their ids.
Result<graph::EntitySummary> ResolveEntity(const graph::GraphStore& store,
                                           std::string_view name);

// Prints "dossier <command>: <status>" to stderr; returns kFailure.
ExitCode Fail(std::string_view command, const Status& status);

// Parses person|company|institution|place|org (any case) into a type and,
// for organizations, a kind. False when unknown.
bool ParseKindFilter(std::string_view text, std::optional<EntityType>* type,
                     std::optional<OrgKind>* org_kind);

nlohmann::json SummaryJson(const graph::EntitySummary& entity);
nlohmann::json EvidenceJson(const graph::EvidenceRef& evidence);
// "FOUNDED" for typed links, "CO_OCCURS" otherwise.
std::string LinkTypeName(const graph::Link& link);

}  // namespace dossier::tools

#endif  // DOSSIER_TOOLS_GRAPH_CLI_H_
