#include "tools/graph_cli.h"

#include <cctype>
#include <charconv>
#include <filesystem>
#include <iostream>

namespace dossier::tools {

Result<std::unique_ptr<graph::GraphStore>> OpenGraph(const std::string& db,
                                                     GraphAccess access) {
  const std::filesystem::path dir = std::filesystem::path(db) / "graph";
  if (!std::filesystem::exists(dir / "CURRENT")) {
    return Status::NotFound("no knowledge graph in " + db +
                            " (run `dossier index` first)");
  }
  graph::GraphOptions options;
  options.create_if_missing = false;
  options.read_only = access == GraphAccess::kReadOnly;
  return graph::GraphStore::Open(dir, options);
}

Result<graph::EntitySummary> ResolveEntity(const graph::GraphStore& store,
                                           std::string_view name) {
  if (name.substr(0, 3) == "id:") {
    graph::EntityId id = 0;
    const std::string_view digits = name.substr(3);
    auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (ec != std::errc() || end != digits.data() + digits.size()) {
      return Status::InvalidInput("expected id:<number>, got \"" +
                                  std::string(name) + "\"");
    }
    return store.GetSummary(id);
  }
  Result<graph::FindResult> found = store.FindEntity(name);
  if (!found.has_value()) {
    return found.error();
  }
  if (!found->ambiguous) {
    return found->candidates.front().entity;
  }
  // Appended piece by piece: g++ 12 -O3 misreports "literal + string"
  // chains here (-Wrestrict).
  std::string msg(1, '"');
  msg += name;
  msg += "\" is ambiguous:";
  for (std::size_t i = 0; i < found->candidates.size() && i < 10; ++i) {
    const graph::EntityMatch& m = found->candidates[i];
    msg += "\n  ";
    msg += m.entity.name;
    msg += " (";
    msg += graph::KindLabel(m.entity);
    msg += ", ";
    msg += std::to_string(m.entity.articles);
    msg += " articles, ";
    msg += graph::MatchKindName(m.how);
    msg += " match) id:";
    msg += std::to_string(m.entity.id);
  }
  msg += "\nname one of them in full, or by id:<number>";
  return Status::InvalidInput(msg);
}

ExitCode Fail(std::string_view command, const Status& status) {
  std::cerr << "dossier " << command << ": " << status.ToString() << "\n";
  return ExitCode::kFailure;
}

bool ParseKindFilter(std::string_view text, std::optional<EntityType>* type,
                     std::optional<OrgKind>* org_kind) {
  std::string lower;
  for (char c : text) {
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (lower == "person") {
    *type = EntityType::kPerson;
  } else if (lower == "place") {
    *type = EntityType::kPlace;
  } else if (lower == "org" || lower == "organization") {
    *type = EntityType::kOrg;
  } else if (lower == "company") {
    *type = EntityType::kOrg;
    *org_kind = OrgKind::kCompany;
  } else if (lower == "institution") {
    *type = EntityType::kOrg;
    *org_kind = OrgKind::kInstitution;
  } else {
    return false;
  }
  return true;
}

nlohmann::json SummaryJson(const graph::EntitySummary& entity) {
  return {{"id", std::to_string(entity.id)},
          {"name", entity.name},
          {"type", graph::KindLabel(entity)},
          {"articles", entity.articles},
          {"mentions", entity.mentions}};
}

nlohmann::json EvidenceJson(const graph::EvidenceRef& evidence) {
  nlohmann::json out = {{"article", evidence.article},
                        {"start", evidence.start},
                        {"end", evidence.end},
                        {"sentence", evidence.sentence}};
  if (!evidence.date.empty()) {
    out["date"] = evidence.date;
  }
  if (!evidence.role.empty()) {
    out["role"] = evidence.role;
  }
  return out;
}

std::string LinkTypeName(const graph::Link& link) {
  return link.typed ? std::string(RelationTypeName(link.type)) : "CO_OCCURS";
}

}  // namespace dossier::tools
