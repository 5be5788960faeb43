#include "common/annotations.h"

#include <array>
#include <utility>

namespace dossier {
namespace {

constexpr std::array<std::pair<EntityType, std::string_view>, 4>
    kEntityTypeNames = {{{EntityType::kPerson, "PERSON"},
                         {EntityType::kOrg, "ORG"},
                         {EntityType::kPlace, "PLACE"},
                         {EntityType::kMisc, "MISC"}}};

constexpr std::array<std::pair<RelationType, std::string_view>, 7>
    kRelationTypeNames = {{{RelationType::kFounded, "FOUNDED"},
                           {RelationType::kLeads, "LEADS"},
                           {RelationType::kWorksFor, "WORKS_FOR"},
                           {RelationType::kPartOf, "PART_OF"},
                           {RelationType::kLocatedIn, "LOCATED_IN"},
                           {RelationType::kAcquired, "ACQUIRED"},
                           {RelationType::kInvestedIn, "INVESTED_IN"}}};

}  // namespace

std::string_view EntityTypeName(EntityType type) {
  for (const auto& [value, name] : kEntityTypeNames) {
    if (value == type) {
      return name;
    }
  }
  return "MISC";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (const auto& [value, text] : kEntityTypeNames) {
    if (text == name) {
      return value;
    }
  }
  return std::nullopt;
}

std::string_view OrgKindName(OrgKind kind) {
  switch (kind) {
    case OrgKind::kNone:
      return "";
    case OrgKind::kCompany:
      return "COMPANY";
    case OrgKind::kInstitution:
      return "INSTITUTION";
  }
  return "";
}

std::string_view QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect:
      return "direct";
    case QuoteKind::kIndirect:
      return "indirect";
    case QuoteKind::kMixed:
      return "mixed";
  }
  return "direct";
}

std::string_view RelationTypeName(RelationType type) {
  for (const auto& [value, name] : kRelationTypeNames) {
    if (value == type) {
      return name;
    }
  }
  return "WORKS_FOR";
}

std::optional<RelationType> ParseRelationType(std::string_view name) {
  for (const auto& [value, text] : kRelationTypeNames) {
    if (text == name) {
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace dossier
