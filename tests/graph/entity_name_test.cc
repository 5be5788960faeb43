#include "graph/entity_name.h"

#include <doctest/doctest.h>

namespace dossier::graph {

TEST_SUITE("graph/entity_name") {
  TEST_CASE("Organizations fold case, punctuation, 'the' and legal suffixes") {
    struct Case {
      const char* in;
      const char* out;
    };
    const Case cases[] = {
        {"Databricks Inc.", "databricks"},
        {"DATABRICKS", "databricks"},
        {"The Coca-Cola Company", "coca cola company"},
        {"Siemens AG", "siemens"},
        {"Foo Holdings Co. Ltd.", "foo holdings"},
        {"Bayer GmbH", "bayer"},
        {"Acme, LLC", "acme"},
        {"Barclays PLC", "barclays"},
        {"Microsoft Corp.", "microsoft"},
        {"Microsoft Corporation", "microsoft"},
        {"Inc.", "inc"},  // never strips the whole name
        {"The", "the"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.in);
      CHECK(NormalizeName(c.in, EntityType::kOrg) == c.out);
    }
  }

  TEST_CASE("Diacritics fold to their base letters") {
    CHECK(NormalizeName("Jos\xc3\xa9 \xc3\x81lvarez", EntityType::kPerson) ==
          "jose alvarez");
    CHECK(NormalizeName("Nestl\xc3\xa9 S.A.", EntityType::kOrg) == "nestle");
    CHECK(FoldName("Stra\xc3\x9f" "e") == "strasse");
    CHECK(FoldName("\xc5\x81\xc3\xb3" "d\xc5\xba") == "lodz");
    CHECK(FoldName("O\xe2\x80\x99" "Brien") == "obrien");
    CHECK(FoldName("U.S.") == "us");
  }

  TEST_CASE("People lose honorifics but never 'the' or suffixes") {
    CHECK(NormalizeName("Mr. Andy Konwinski", EntityType::kPerson) ==
          "andy konwinski");
    CHECK(NormalizeName("The Edge", EntityType::kPerson) == "the edge");
    CHECK(SurnameOf("andy konwinski") == "konwinski");
    CHECK(SurnameOf("konwinski").empty());
  }

  TEST_CASE("Ids depend on type class and normalized name only") {
    const std::string norm = NormalizeName("Databricks Inc.", EntityType::kOrg);
    CHECK(EntityIdFor(EntityType::kOrg, norm) ==
          EntityIdFor(EntityType::kOrg, "databricks"));
    CHECK(EntityIdFor(EntityType::kOrg, "jordan") !=
          EntityIdFor(EntityType::kPlace, "jordan"));
    CHECK(EntityIdFor(EntityType::kPerson, "x") != 0);
  }

  TEST_CASE("Pronouns are never lookup keys") {
    CHECK(IsPronounForm("he"));
    CHECK(IsPronounForm("they"));
    CHECK_FALSE(IsPronounForm("konwinski"));
  }
}

}  // namespace dossier::graph
