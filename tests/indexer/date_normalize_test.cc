#include "indexer/date_normalize.h"

#include <doctest/doctest.h>

#include <string>

namespace dossier::indexer {
namespace {

TEST_SUITE("indexer/NormalizeDate") {
  TEST_CASE("accepted forms normalize to ISO-8601") {
    const struct {
      const char* raw;
      const char* iso;
    } kCases[] = {
        {"2024-05-01", "2024-05-01"},
        {"2024-5-1", "2024-05-01"},
        {"2024/05/01", "2024-05-01"},
        {"  2024-05-01  ", "2024-05-01"},
        {"2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z"},
        {"2024-05-01t10:00:00z", "2024-05-01T10:00:00Z"},
        {"2024-05-01T10:00:00.123Z", "2024-05-01T10:00:00Z"},
        {"2024-05-01T10:00:00+02:00", "2024-05-01T08:00:00Z"},
        {"2024-05-01T01:30:00+02:00", "2024-04-30T23:30:00Z"},
        {"2024-12-31T23:00:00-05:00", "2025-01-01T04:00:00Z"},
        {"2024-05-01 10:00", "2024-05-01T10:00:00Z"},
        {"Tue, 01 May 2024 10:00:00 GMT", "2024-05-01T10:00:00Z"},
        {"Wed, 1 May 2024 10:00:00 +0000", "2024-05-01T10:00:00Z"},
        {"1 May 2024 10:00 -0430", "2024-05-01T14:30:00Z"},
        {"Tue, 30 Apr 2024 22:00:00 EDT", "2024-05-01T02:00:00Z"},
        {"Thu, 29 Feb 2024 12:00:00 PST", "2024-02-29T20:00:00Z"},
        {"May 1, 2024", "2024-05-01"},
        {"May 1 2024", "2024-05-01"},
        {"September 30, 2025", "2025-09-30"},
        {"Sept. 3, 2025", "2025-09-03"},
        {"Jan. 15, 2025", "2025-01-15"},
        {"1 May 2024", "2024-05-01"},
        {"01 May 2024", "2024-05-01"},
        {"Tuesday, 14 January 2025", "2025-01-14"},
        {"1 May 2024 3:05 PM", "2024-05-01T15:05:00Z"},
        {"May 1, 2024 12:10 am", "2024-05-01T00:10:00Z"},
        {"26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01Z"},
        {" 3-MAR-1987 09:18:21.26", "1987-03-03T09:18:21Z"},
        {"", ""},
        {"   ", ""},
    };
    for (const auto& c : kCases) {
      CAPTURE(c.raw);
      const Result<std::string> got = NormalizeDate(c.raw);
      REQUIRE(got.has_value());
      CHECK(*got == c.iso);
    }
  }

  TEST_CASE("impossible or unknown forms fail with the raw text quoted") {
    const char* kCases[] = {
        "2023-02-29",
        "2024-13-01",
        "2024-04-31",
        "2024-05-01T25:00:00Z",
        "2024-05-01T10:60:00Z",
        "May 2024",
        "sometime soon",
        "2024-05/01",
        "01/05/2024",
        "1 Mayo 2024",
        "2024-05-01 10:00 XYZ",
        "2024-05-01T10:00:00+9999",
        "13:00 PM 1 May 2024",
        "1 May 2024 13:00 PM",
        "2024",
    };
    for (const char* raw : kCases) {
      CAPTURE(raw);
      const Result<std::string> got = NormalizeDate(raw);
      REQUIRE_FALSE(got.has_value());
      CHECK(got.error().code() == StatusCode::kInvalidInput);
      CHECK(got.error().message() ==
            "unparseable date \"" + std::string(raw) + "\"");
    }
  }
}

}  // namespace
}  // namespace dossier::indexer
