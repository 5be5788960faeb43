// ScopedTempDir: a fresh directory under the system temp dir, removed with
// everything in it when the object goes out of scope. Tests touch the
// filesystem only inside one.
#ifndef DOSSIER_TESTS_SUPPORT_SCOPED_TEMP_DIR_H_
#define DOSSIER_TESTS_SUPPORT_SCOPED_TEMP_DIR_H_

#include <filesystem>
#include <string>
#include <string_view>

namespace dossier::testing {

class ScopedTempDir {
 public:
  ScopedTempDir();
  ~ScopedTempDir();
  ScopedTempDir(const ScopedTempDir&) = delete;
  ScopedTempDir& operator=(const ScopedTempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `contents` to path()/name (creating parent folders); returns it.
  std::filesystem::path WriteFile(std::string_view name,
                                  std::string_view contents) const;

 private:
  std::filesystem::path path_;
};

// Reads a whole file; empty when it cannot be read.
std::string ReadFileForTesting(const std::filesystem::path& path);

// Runs `command` with /bin/sh, captures stdout (and stderr when
// `merge_stderr`), and returns the exit status.
int RunCommandForTesting(const std::string& command, std::string* output,
                         bool merge_stderr = false);

}  // namespace dossier::testing

#endif  // DOSSIER_TESTS_SUPPORT_SCOPED_TEMP_DIR_H_
