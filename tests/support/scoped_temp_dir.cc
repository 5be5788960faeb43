#include "tests/support/scoped_temp_dir.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace dossier::testing {

ScopedTempDir::ScopedTempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "dossier-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  path_ = pattern;
}

ScopedTempDir::~ScopedTempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path ScopedTempDir::WriteFile(
    std::string_view name, std::string_view contents) const {
  const std::filesystem::path file = path_ / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  return file;
}

std::string ReadFileForTesting(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

int RunCommandForTesting(const std::string& command, std::string* output,
                         bool merge_stderr) {
  const std::string full = merge_stderr ? command + " 2>&1" : command;
  FILE* raw = popen(full.c_str(), "r");
  if (raw == nullptr) {
    return -1;
  }
  std::array<char, 4096> buffer{};
  output->clear();
  std::size_t got = 0;
  while ((got = fread(buffer.data(), 1, buffer.size(), raw)) > 0) {
    output->append(buffer.data(), got);
  }
  const int status = pclose(raw);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace dossier::testing
