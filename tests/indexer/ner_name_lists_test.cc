#include "indexer/internal/ner_name_lists.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "tests/support/scoped_temp_dir.h"

namespace dossier::indexer::internal {
namespace {

bool Has(const NameList& names, const std::string& phrase, int type) {
  return std::find(names.begin(), names.end(), std::pair{phrase, type}) !=
         names.end();
}

// Invented synsets in WordNet's data.noun layout: a two-space header line,
// then "offset lex_filenum n w_cnt(hex) word lex_id ... p_cnt ptrs | gloss".
constexpr char kDataNoun[] =
    "  1 This header line is skipped.\n"
    "09000001 18 n 02 Ada_Quill 0 Quill 0 001 @i 10000001 n 0000 | an "
    "invented writer\n"
    "09000002 15 n 01 Port_Ferro 0 001 @i 08000001 n 0000 | an invented "
    "port\n"
    "09000003 14 n 01 Guild_of_Lamps 0 001 @i 08000002 n 0000 | an invented "
    "society\n"
    "09000004 14 n 01 Ferrovia 0 001 @ 08000003 n 0000 | an invented genus\n"
    "09000005 18 n 01 Ferran 0 001 @ 10000002 n 0000 | a native of Ferro\n"
    "09000006 18 n 01 lamplighter 0 001 @ 10000003 n 0000 | a trade\n"
    "09000007 06 n 01 Lamp_Mark_II 0 001 @i 03000001 n 0000 | an artifact\n";

}  // namespace

TEST_SUITE("indexer/NameLists") {
  TEST_CASE("WordNet: named instances by lexicographer file") {
    dossier::testing::ScopedTempDir tmp;
    const auto path = tmp.WriteFile("wn/data.noun", kDataNoun);
    Result<NameList> names = ReadNameList(path.string());
    REQUIRE_MESSAGE(names.has_value(), names.error().ToString());
    CHECK(Has(*names, "Ada Quill", 0));       // person instance
    CHECK(Has(*names, "Quill", 0));           // its other word
    CHECK(Has(*names, "Port Ferro", 2));      // location instance
    CHECK(Has(*names, "Guild of Lamps", 1));  // group instance
    CHECK(Has(*names, "Ferran", 3));          // a named kind of person
    // Not instances of a group (a genus), lower case, other files.
    CHECK(names->size() == 5);
  }

  TEST_CASE("iso-codes: countries uninverted, subdivisions") {
    dossier::testing::ScopedTempDir tmp;
    const auto countries = tmp.WriteFile(
        "iso_3166-1.json",
        R"({"3166-1": [{"alpha_2": "FR", "name": "Ferro, Republic of",)"
        R"( "official_name": "Republic of Ferro"}, {"name": "Lampland"}]})");
    Result<NameList> names = ReadNameList(countries.string());
    REQUIRE_MESSAGE(names.has_value(), names.error().ToString());
    CHECK(Has(*names, "Ferro", 2));
    CHECK(Has(*names, "Republic of Ferro", 2));
    CHECK(Has(*names, "Lampland", 2));
    CHECK(names->size() == 3);

    const auto regions = tmp.WriteFile(
        "iso_3166-2.json",
        R"({"3166-2": [{"code": "FR-01", "name": "Upper Ferro", "type": "Region"}]})");
    names = ReadNameList(regions.string());
    REQUIRE(names.has_value());
    CHECK(Has(*names, "Upper Ferro", 2));
  }

  TEST_CASE("Unknown, missing and malformed files are errors") {
    dossier::testing::ScopedTempDir tmp;
    const auto other = tmp.WriteFile("names.txt", "Ada Quill\n");
    CHECK(ReadNameList(other.string()).error().code() ==
          StatusCode::kInvalidInput);
    CHECK(ReadNameList((tmp.path() / "data.noun").string()).error().code() ==
          StatusCode::kNotFound);
    const auto bad = tmp.WriteFile("iso_3166-1.json", "{\"3166-1\": 3}");
    CHECK(ReadNameList(bad.string()).error().code() ==
          StatusCode::kInvalidInput);
    const auto empty = tmp.WriteFile("wn/data.noun", "  header only\n");
    CHECK(ReadNameList(empty.string()).error().code() ==
          StatusCode::kInvalidInput);
  }
}

}  // namespace dossier::indexer::internal
