#include "tools/version.h"

#include <dlfcn.h>

#include "tools/huge_pages.h"

namespace dossier::tools {

std::string AllocatorInUse() {
  // tcmalloc exports tc_version(); glibc has no such symbol.
  using TcVersion = const char* (*)(int*, int*, const char**);
  void* symbol = dlsym(RTLD_DEFAULT, "tc_version");
  if (symbol == nullptr) {
    return "system";
  }
  int major = 0;
  int minor = 0;
  const char* patch = nullptr;
  reinterpret_cast<TcVersion>(symbol)(&major, &minor, &patch);
  return "tcmalloc " + std::to_string(major) + "." + std::to_string(minor);
}

std::string VersionLine() {
  const std::string pages = HugePagesState();
  return std::string("dossier ") + DOSSIER_VERSION +
         " (malloc: " + AllocatorInUse() + (pages.empty() ? "" : ", ") + pages +
         ")";
}

}  // namespace dossier::tools
