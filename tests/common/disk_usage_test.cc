#include "common/disk_usage.h"

#include <doctest/doctest.h>

#include <fstream>

#include "tests/support/scoped_temp_dir.h"

namespace dossier {

TEST_SUITE("common/DiskUsage") {
  TEST_CASE("sums the regular files of a tree; a missing directory is 0") {
    testing::ScopedTempDir dir;
    std::filesystem::create_directories(dir.path() / "a" / "b");
    std::ofstream(dir.path() / "top") << std::string(100, 'x');
    std::ofstream(dir.path() / "a" / "b" / "deep") << std::string(23, 'y');
    CHECK(DiskUsage(dir.path()) == 123);
    CHECK(DiskUsage(dir.path() / "a") == 23);
    CHECK(DiskUsage(dir.path() / "missing") == 0);
  }
}

}  // namespace dossier
