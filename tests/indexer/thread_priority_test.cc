#include "indexer/internal/thread_priority.h"

#include <algorithm>
#include <thread>

#include <doctest/doctest.h>

namespace dossier::indexer::internal {

TEST_SUITE("indexer/ThreadPriority") {
  TEST_CASE("lowering a thread's priority leaves the other threads alone") {
    const int before = ThisThreadNice();
    int inside = before;
    bool lowered = false;
    std::thread worker([&] {
      lowered = LowerThisThreadPriority(5);
      inside = ThisThreadNice();
    });
    worker.join();
    CHECK(lowered);
    CHECK(inside == std::min(before + 5, 19));
    CHECK(ThisThreadNice() == before);
  }

  TEST_CASE("the nice value stops at 19") {
    int inside = 0;
    std::thread worker([&] {
      CHECK(LowerThisThreadPriority(15));
      CHECK(LowerThisThreadPriority(15));
      inside = ThisThreadNice();
    });
    worker.join();
    CHECK(inside == 19);
  }
}

}  // namespace dossier::indexer::internal
