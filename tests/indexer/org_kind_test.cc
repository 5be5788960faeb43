#include "indexer/org_kind.h"

#include <doctest/doctest.h>

namespace dossier::indexer {

TEST_SUITE("indexer/OrgKind") {
  TEST_CASE("ClassifyOrg follows the documented company/institution rule") {
    struct Case {
      const char* name;
      const char* sentence;
      OrgKind expected;
    };
    const Case cases[] = {
        {"Harvard University", "", OrgKind::kInstitution},
        {"the Northwind Institute", "", OrgKind::kInstitution},
        {"European Commission", "", OrgKind::kInstitution},
        {"Supreme Court", "", OrgKind::kInstitution},
        {"Ministry of Defence", "", OrgKind::kInstitution},
        {"Bank of England", "", OrgKind::kInstitution},
        {"Federal Reserve", "", OrgKind::kInstitution},
        {"NATO", "", OrgKind::kInstitution},
        {"Labour Party", "", OrgKind::kInstitution},
        {"Gates Foundation", "", OrgKind::kInstitution},
        {"Stanford", "", OrgKind::kInstitution},
        {"Fabrikam Inc.", "", OrgKind::kCompany},
        {"Contoso Ltd", "", OrgKind::kCompany},
        {"Barclays Bank", "", OrgKind::kCompany},
        {"Reuters", "", OrgKind::kCompany},
        {"Chelsea", "", OrgKind::kCompany},
        {"Northwind", "Investors backed Northwind last year.",
         OrgKind::kCompany},
        {"Frontex", "The agency Frontex said so.", OrgKind::kInstitution},
        {"Frontex", "Frontex, the agency, said so.", OrgKind::kInstitution},
        // Only the word right before the name counts, after a long lead-in
        // and whatever punctuation; after it, "the" and the next word.
        {"Frontex",
         "After months of talks in Brussels, the EU's border agency "
         "(Frontex) said so.",
         OrgKind::kInstitution},
        {"Frontex", "The agency said Frontex would act.", OrgKind::kCompany},
        {"Frontex", "Frontex, the border agency, said so.", OrgKind::kCompany},
        {"Frontex", "Frontex agency staff said so.", OrgKind::kInstitution},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      CAPTURE(c.sentence);
      CHECK(ClassifyOrg(c.name, c.sentence) == c.expected);
    }
  }

  TEST_CASE("HasOrganisationWord: heads only organisations have") {
    CHECK(HasOrganisationWord("Tarn Department of Health"));
    CHECK(HasOrganisationWord("Ortiz Lopez Bank"));
    CHECK(HasOrganisationWord("Federal Bureau of Lamps"));
    CHECK(HasOrganisationWord("Nordlicht Inc."));
    CHECK(HasOrganisationWord("Juniper Networks"));
    CHECK(HasOrganisationWord("Acacia Communications"));
    CHECK(HasOrganisationWord("Lamp Wisp Holdings"));
    CHECK(HasOrganisationWord("Groupe Aubrac"));  // a first word, abroad
    CHECK(HasOrganisationWord("Banco Lumbre"));
    CHECK_FALSE(HasOrganisationWord("Groupe"));
    CHECK_FALSE(HasOrganisationWord("Networks"));        // a word alone
    CHECK_FALSE(HasOrganisationWord("Systems Kelp"));    // not the last word
    CHECK_FALSE(HasOrganisationWord("the West Bank"));
    CHECK_FALSE(HasOrganisationWord("Bank"));
    CHECK_FALSE(HasOrganisationWord("European Union"));
    CHECK_FALSE(HasOrganisationWord("Salt Lake City"));
  }

  TEST_CASE("IsEventName recognizes summits, cups and games, not bodies") {
    CHECK(IsEventName("Global Tech Summit"));
    CHECK(IsEventName("World Cup"));
    CHECK(IsEventName("Olympic Games"));
    CHECK(IsEventName("US Open"));
    CHECK_FALSE(IsEventName("World Economic Forum"));
    CHECK_FALSE(IsEventName("Summit Partners Inc"));
    CHECK_FALSE(IsEventName(""));
  }

  TEST_CASE("University short names become ORGs only in academic sentences") {
    CHECK(IsUniversityShortName("Berkeley"));
    CHECK(IsUniversityShortName("MIT"));
    CHECK_FALSE(IsUniversityShortName("Berkeley Square"));
    CHECK_FALSE(IsUniversityShortName("Square Berkeley"));
    CHECK(IsUniversityShortName("(MIT.)"));
    CHECK(HasAcademicCue("Students at Yale and Berkeley protested."));
    CHECK(HasAcademicCue("She earned her Ph.D. at Berkeley."));
    CHECK_FALSE(HasAcademicCue("It rained in Berkeley on Monday."));
  }
}

}  // namespace dossier::indexer
