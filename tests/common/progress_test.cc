#include "common/progress.h"

#include <doctest/doctest.h>

namespace dossier {

TEST_SUITE("common/ProgressReporter") {
  TEST_CASE("FormatLine shows rate, throughput, percentage and ETA") {
    const std::string line = ProgressReporter::FormatLine(
        500, 5 * 1024 * 1024, 20 * 1024 * 1024, 10.0);
    CHECK(line == "500 articles  50 articles/s  0.50 MB/s   25%  ETA 0:00:30");
  }

  TEST_CASE("FormatLine leaves out percentage and ETA when the total is unknown") {
    const std::string line =
        ProgressReporter::FormatLine(10, 1024 * 1024, 0, 2.0);
    CHECK(line == "10 articles  5 articles/s  0.50 MB/s");
  }
}

}  // namespace dossier
