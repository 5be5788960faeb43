#include "tools/huge_pages.h"

#if DOSSIER_TCMALLOC_HUGE_PAGES
#include <gperftools/malloc_extension.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string_view>
#endif

namespace dossier::tools {

#if DOSSIER_TCMALLOC_HUGE_PAGES

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

class HugePageSysAllocator : public SysAllocator {
 public:
  explicit HugePageSysAllocator(SysAllocator* inner) : inner_(inner) {}

  void* Alloc(std::size_t size, std::size_t* actual_size,
              std::size_t alignment) override {
    // Whole, aligned huge pages: the kernel backs only those with one.
    size = (size + kHugePage - 1) & ~(kHugePage - 1);
    void* region =
        inner_->Alloc(size, actual_size, std::max(alignment, kHugePage));
    if (region != nullptr) {
      // Advice only: if the kernel declines, the memory is ordinary pages.
      madvise(region, *actual_size, MADV_HUGEPAGE);
    }
    return region;
  }

 private:
  SysAllocator* inner_;
};

// Before main(): tcmalloc is initialised by then (it serves the static
// constructors that ran before this one), and most of the heap is not.
const bool installed = [] {
  const char* setting = std::getenv("DOSSIER_HUGE_PAGES");
  if (setting != nullptr && std::string_view(setting) == "0") {
    return false;
  }
  MallocExtension* extension = MallocExtension::instance();
  SysAllocator* inner = extension->GetSystemAllocator();
  if (inner == nullptr) {
    return false;
  }
  // Lives as long as the process: tcmalloc keeps using it until exit.
  static HugePageSysAllocator huge(inner);
  extension->SetSystemAllocator(&huge);
  return true;
}();

// The kB of huge pages backing the mapping that holds `address`.
long AnonHugeKbAt(const void* address) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= at && at < end;
      continue;
    }
    if (inside && line.rfind("AnonHugePages:", 0) == 0) {
      return std::strtol(line.c_str() + std::strlen("AnonHugePages:"),
                         nullptr, 10);
    }
  }
  return -1;
}

}  // namespace

std::string HugePagesState() {
  if (!installed) {
    return "";
  }
  // A large block comes straight from tcmalloc's page heap, which takes a
  // fresh region from the allocator above when it has no free span.
  constexpr std::size_t kProbeBytes = std::size_t{8} << 20;
  const std::unique_ptr<char[]> probe(new char[kProbeBytes]);
  std::memset(probe.get(), 1, kProbeBytes);
  const long huge_kb = AnonHugeKbAt(probe.get() + kProbeBytes / 2);
  if (huge_kb > 0) {
    return "transparent huge pages";
  }
  std::ifstream mode("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string setting;
  std::getline(mode, setting);
  return "huge pages asked for, not granted (kernel: " + setting + ")";
}

#else

std::string HugePagesState() { return ""; }

#endif

}  // namespace dossier::tools
