// What `dossier --version` prints: the version, the malloc in use and
// whether its heap gets huge pages (tools/huge_pages.h).
#ifndef DOSSIER_TOOLS_VERSION_H_
#define DOSSIER_TOOLS_VERSION_H_

#include <string>

namespace dossier::tools {

// "tcmalloc <version>" when tcmalloc serves this process's allocations
// (see cmake/allocator.cmake), else "system". Asked of the running process,
// not of the build, so a link that lost the library shows.
std::string AllocatorInUse();

// One line: "dossier <version> (malloc: <AllocatorInUse()>[, <HugePagesState()>])".
std::string VersionLine();

}  // namespace dossier::tools

#endif  // DOSSIER_TOOLS_VERSION_H_
