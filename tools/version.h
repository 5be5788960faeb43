// What `dossier --version` prints: the version and the malloc in use.
#ifndef DOSSIER_TOOLS_VERSION_H_
#define DOSSIER_TOOLS_VERSION_H_

#include <string>

namespace dossier::tools {

// "tcmalloc <version>" when tcmalloc serves this process's allocations
// (see cmake/allocator.cmake), else "system". Asked of the running process,
// not of the build, so a link that lost the library shows.
std::string AllocatorInUse();

// One line: "dossier <version> (malloc: <AllocatorInUse()>)".
std::string VersionLine();

}  // namespace dossier::tools

#endif  // DOSSIER_TOOLS_VERSION_H_
