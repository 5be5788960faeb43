// ProgressReporter: a one-line progress display on stderr for long work
// ("1,234 articles  410/s  2.1 MB/s  45%  ETA 0:12"). It draws only when
// enabled (the CLI enables it when stderr is a terminal and --quiet is not
// given), at most every 200 ms. Not thread-safe: call from one thread.
#ifndef DOSSIER_COMMON_PROGRESS_H_
#define DOSSIER_COMMON_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace dossier {

class ProgressReporter {
 public:
  // `total_bytes` 0 means unknown: no percentage or ETA is shown.
  ProgressReporter(bool enabled, std::uint64_t total_bytes);
  ~ProgressReporter();
  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;

  // Records the running totals and redraws if enough time has passed.
  void Update(std::uint64_t articles, std::uint64_t bytes);
  // Clears the line. Safe to call twice.
  void Finish();

  // The text of one progress line; exposed for tests.
  static std::string FormatLine(std::uint64_t articles, std::uint64_t bytes,
                                std::uint64_t total_bytes, double seconds);

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool drawn_ = false;
  std::uint64_t total_bytes_;
  Clock::time_point start_;
  Clock::time_point last_draw_;
};

// True when file descriptor `fd` is a terminal.
bool IsTerminal(int fd);

}  // namespace dossier

#endif  // DOSSIER_COMMON_PROGRESS_H_
