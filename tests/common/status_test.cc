#include "common/status.h"

#include <doctest/doctest.h>

#include "common/result.h"

namespace dossier {
namespace {

Result<int> ParsePositive(int value) {
  if (value <= 0) {
    return Status::InvalidInput("expected a positive number, got " +
                                std::to_string(value));
  }
  return value;
}

}  // namespace

TEST_SUITE("common/Status") {
  TEST_CASE("ToString shows location, context and message") {
    const Status s = Status::Corruption("bad checksum")
                         .WithContext("reading a.jsonl")
                         .WithLocation("a.jsonl:12");
    CHECK(s.ToString() == "a.jsonl:12: reading a.jsonl: bad checksum");
    CHECK(s.code() == StatusCode::kCorruption);
    CHECK(Status::Ok().ToString() == "ok");
  }

  TEST_CASE("Result holds a value or the error") {
    Result<int> good = ParsePositive(3);
    REQUIRE(good.has_value());
    CHECK(*good == 3);
    Result<int> bad = ParsePositive(-1);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message() == "expected a positive number, got -1");
  }
}

}  // namespace dossier
