#include "indexer/coreference.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace dossier::indexer {
namespace {

Span Find(std::string_view text, std::string_view surface, int nth = 0) {
  std::size_t pos = text.find(surface);
  for (int i = 0; i < nth && pos != std::string_view::npos; ++i) {
    pos = text.find(surface, pos + 1);
  }
  REQUIRE(pos != std::string_view::npos);
  return {static_cast<std::uint32_t>(pos),
          static_cast<std::uint32_t>(pos + surface.size())};
}

void Add(std::string_view text, std::string_view surface, EntityType type,
         ArticleAnalysis* a, int nth = 0, OrgKind org_kind = OrgKind::kNone) {
  Mention m;
  m.span = Find(text, surface, nth);
  m.type = type;
  m.org_kind = org_kind;
  a->mentions.push_back(m);
}

// "name [alias (reason), ...]" for every entity, joined by " / ".
std::string Render(const ArticleAnalysis& a) {
  std::string out;
  for (const ArticleEntity& e : a.entities) {
    if (!out.empty()) {
      out += " / ";
    }
    out += e.name + " [";
    for (std::size_t i = 0; i < e.aliases.size(); ++i) {
      out += (i ? ", " : "") + e.aliases[i] + " (" + e.reasons[i] + ")";
    }
    out += "]";
  }
  return out;
}

}  // namespace

TEST_SUITE("indexer/Coreference") {
  TEST_CASE("Full name, surname, titled surname and first name merge") {
    const std::string text =
        "Andy Konwinski spoke. Konwinski left. Mr. Konwinski returned. "
        "Andy smiled.";
    ArticleAnalysis a;
    Add(text, "Andy Konwinski", EntityType::kPerson, &a);
    Add(text, "Konwinski", EntityType::kPerson, &a, 1);
    Add(text, "Mr. Konwinski", EntityType::kPerson, &a);
    Add(text, "Andy", EntityType::kPerson, &a, 1);
    ResolveEntities(text, &a);
    CHECK(Render(a) ==
          "Andy Konwinski [Konwinski (surname of Andy Konwinski), "
          "Mr. Konwinski (surname of Andy Konwinski), "
          "Andy (first name of Andy Konwinski)]");
    for (const Mention& m : a.mentions) {
      CHECK(m.entity == 0);
    }
  }

  TEST_CASE("A surname seen first is upgraded when the full name appears") {
    const std::string text = "Konwinski spoke. Later Andy Konwinski left.";
    ArticleAnalysis a;
    Add(text, "Konwinski", EntityType::kPerson, &a);
    Add(text, "Andy Konwinski", EntityType::kPerson, &a);
    ResolveEntities(text, &a);
    CHECK(Render(a) ==
          "Andy Konwinski [Konwinski (surname of Andy Konwinski)]");
  }

  TEST_CASE(
      "Two people sharing a surname stay apart; the bare surname goes "
      "to the latest") {
    const std::string text =
        "Hillary Clinton spoke. Bill Clinton listened. Clinton nodded.";
    ArticleAnalysis a;
    Add(text, "Hillary Clinton", EntityType::kPerson, &a);
    Add(text, "Bill Clinton", EntityType::kPerson, &a);
    Add(text, "Clinton", EntityType::kPerson, &a, 2);
    ResolveEntities(text, &a);
    REQUIRE(a.entities.size() == 2);
    CHECK(a.mentions[2].entity == a.mentions[1].entity);
    CHECK(a.entities[a.mentions[2].entity].name == "Bill Clinton");
  }

  TEST_CASE("Organizations: possessive, longer form, defined acronym") {
    const std::string text =
        "Alibaba's Qwen grew. Alibaba Group said so. The Federal Trade "
        "Commission (FTC) objected. The FTC declined. Alibaba agreed.";
    ArticleAnalysis a;
    Add(text, "Alibaba's", EntityType::kOrg, &a);
    Add(text, "Alibaba Group", EntityType::kOrg, &a);
    Add(text, "Federal Trade Commission", EntityType::kOrg, &a);
    Add(text, "FTC", EntityType::kOrg, &a, 1);
    Add(text, "Alibaba", EntityType::kOrg, &a, 2);
    ResolveEntities(text, &a);
    REQUIRE(a.entities.size() == 2);
    CHECK(a.entities[0].name == "Alibaba Group");
    CHECK(a.entities[0].mentions.size() == 3);
    CHECK(a.entities[0].aliases.front() == "Alibaba");
    CHECK(a.entities[0].reasons.front() == "short form of Alibaba Group");
    CHECK(a.entities[1].name == "Federal Trade Commission");
    CHECK(a.mentions[3].entity == 1);
    CHECK(a.entities[1].reasons.front().starts_with("acronym defined at"));
  }

  TEST_CASE("A stock ticker after an organization is its alias") {
    const std::string text =
        "Cathay Bank is a unit of Cathay General Bancorp (NASDAQ: CATY). "
        "CATY rose. Apple Inc. (NYSE:AAPL) fell.";
    ArticleAnalysis a;
    Add(text, "Cathay Bank", EntityType::kOrg, &a);
    Add(text, "Cathay General Bancorp", EntityType::kOrg, &a);
    Add(text, "CATY", EntityType::kOrg, &a);
    Add(text, "CATY", EntityType::kOrg, &a, 1);
    Add(text, "Apple Inc.", EntityType::kOrg, &a);
    Add(text, "AAPL", EntityType::kOrg, &a);
    ResolveEntities(text, &a);
    REQUIRE(a.entities.size() == 3);
    CHECK(a.mentions[2].entity == 1);
    CHECK(a.mentions[3].entity == 1);
    CHECK(a.mentions[5].entity == 2);
    CHECK(Render(a).find("CATY (stock ticker on NASDAQ at byte 57)") !=
          std::string::npos);
    CHECK(Render(a).find("AAPL (stock ticker on NYSE at byte 92)") !=
          std::string::npos);
  }

  TEST_CASE("Initials join a place or org without a definition") {
    const std::string text = "The United States grew. The U.S. economy too.";
    ArticleAnalysis a;
    Add(text, "United States", EntityType::kPlace, &a);
    Add(text, "U.S.", EntityType::kPlace, &a);
    ResolveEntities(text, &a);
    CHECK(Render(a) == "United States [U.S. (initials of United States)]");
  }

  TEST_CASE("Resolver: pronouns go to the salient person, not the last one") {
    // "firms." holds "ms." but is no title: Konwinski stays unknown.
    const std::string text =
        "Andy Konwinski met Pete Sonsini and Ann Lee. He argued for it. "
        "Mrs. Lee left. She was tired. More firms.\n\nKonwinski agreed. "
        "He smiled.";
    ArticleAnalysis a;
    Add(text, "Andy Konwinski", EntityType::kPerson, &a);
    Add(text, "Pete Sonsini", EntityType::kPerson, &a);
    Add(text, "Ann Lee", EntityType::kPerson, &a);
    Add(text, "Mrs. Lee", EntityType::kPerson, &a);
    Add(text, "Konwinski", EntityType::kPerson, &a, 1);
    ResolveEntities(text, &a);
    const EntityResolver resolver(text, a);
    CHECK(resolver.Resolve(Find(text, "He")) == a.mentions[0].entity);
    CHECK(resolver.Resolve(Find(text, "She")) == a.mentions[2].entity);
    CHECK(resolver.Resolve(Find(text, "Sonsini")) == a.mentions[1].entity);
    CHECK(resolver.Resolve(Find(text, "tired")) == -1);
    CHECK(resolver.Resolve(Find(text, "He", 1)) == a.mentions[0].entity);
  }

  TEST_CASE("Resolver: it, the company, they and role nouns") {
    const std::string text =
        "Acme Corp hired Jane Roe. The senator praised it. The company grew, "
        "and they expanded. Its board agreed.";
    ArticleAnalysis a;
    Add(text, "Acme Corp", EntityType::kOrg, &a, 0, OrgKind::kCompany);
    Add(text, "Jane Roe", EntityType::kPerson, &a);
    ResolveEntities(text, &a);
    const EntityResolver resolver(text, a);
    const int acme = a.mentions[0].entity;
    CHECK(resolver.Resolve(Find(text, "it")) == acme);
    CHECK(resolver.Resolve(Find(text, "The company")) == acme);
    CHECK(resolver.Resolve(Find(text, "they")) == acme);
    CHECK(resolver.Resolve(Find(text, "Its")) == acme);
    CHECK(resolver.Resolve(Find(text, "The senator")) == a.mentions[1].entity);
    // Nothing earlier to point at.
    CHECK(resolver.Resolve(Find(text, "Acme")) == acme);
    CHECK(resolver.Resolve(Span{0, 0}) == -1);
  }
}

}  // namespace dossier::indexer

namespace dossier::indexer {

TEST_SUITE("indexer/Coreference") {
  TEST_CASE("A firm and the institute named after it stay two entities") {
    const std::string text =
        "He co-founded the firm Laude. The associated Laude Institute gives "
        "grants; Laude invests.";
    ArticleAnalysis a;
    Add(text, "Laude", EntityType::kOrg, &a, 0, OrgKind::kCompany);
    Add(text, "Laude Institute", EntityType::kOrg, &a, 0,
        OrgKind::kInstitution);
    Add(text, "Laude", EntityType::kOrg, &a, 2, OrgKind::kCompany);
    ResolveEntities(text, &a);
    REQUIRE(a.entities.size() == 2);
    CHECK(a.entities[0].name == "Laude");
    CHECK(a.entities[1].name == "Laude Institute");
    CHECK(a.mentions[2].entity == 0);
  }
}

}  // namespace dossier::indexer
