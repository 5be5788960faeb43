#include "indexer/internal/thread_priority.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace dossier::indexer::internal {

int ThisThreadNice() {
  // -1 is also a valid nice value, so errno tells a failure apart; the
  // calling thread always exists, so there is none to report.
  errno = 0;
  return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
}

bool LowerThisThreadPriority(int steps) {
  const int nice = std::min(ThisThreadNice() + steps, 19);
  return setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), nice) == 0;
}

}  // namespace dossier::indexer::internal
