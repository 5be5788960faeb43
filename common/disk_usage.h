// Disk usage of a directory tree, for the sizes `dossier stats` and the
// stores report.
#ifndef DOSSIER_COMMON_DISK_USAGE_H_
#define DOSSIER_COMMON_DISK_USAGE_H_

#include <cstdint>
#include <filesystem>

namespace dossier {

// The sizes of the regular files under `dir`, recursively; 0 when `dir` is
// missing. Files that vanish meanwhile (a store compacting) count as 0.
std::uint64_t DiskUsage(const std::filesystem::path& dir);

}  // namespace dossier

#endif  // DOSSIER_COMMON_DISK_USAGE_H_
