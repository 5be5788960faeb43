#include "indexer/internal/thread_priority.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

namespace dossier::indexer::internal {

int ThisThreadNice() {
  // getpriority fails only for a thread that does not exist, never for
  // the calling one, so -1 here is the nice value -1, not an error.
  return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid()));
}

bool LowerThisThreadPriority(int steps) {
  const int nice = std::min(ThisThreadNice() + steps, 19);
  return setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), nice) == 0;
}

}  // namespace dossier::indexer::internal
