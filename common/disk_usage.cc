#include "common/disk_usage.h"

#include <system_error>

namespace dossier {

std::uint64_t DiskUsage(const std::filesystem::path& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) {
      const std::uintmax_t size = it->file_size(size_ec);
      total += size_ec ? 0 : size;
    }
  }
  return total;
}

}  // namespace dossier
