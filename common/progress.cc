#include "common/progress.h"

#include <unistd.h>

#include <cstdio>

namespace dossier {
namespace {

constexpr auto kRedrawInterval = std::chrono::milliseconds(200);

std::string FormatDuration(double seconds) {
  const auto total = static_cast<std::uint64_t>(seconds + 0.5);
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%llu:%02llu:%02llu",
                static_cast<unsigned long long>(total / 3600),
                static_cast<unsigned long long>(total / 60 % 60),
                static_cast<unsigned long long>(total % 60));
  return buffer;
}

}  // namespace

ProgressReporter::ProgressReporter(bool enabled, std::uint64_t total_bytes)
    : enabled_(enabled),
      total_bytes_(total_bytes),
      start_(Clock::now()),
      last_draw_(start_) {}

ProgressReporter::~ProgressReporter() { Finish(); }

std::string ProgressReporter::FormatLine(std::uint64_t articles,
                                         std::uint64_t bytes,
                                         std::uint64_t total_bytes,
                                         double seconds) {
  const double safe_seconds = seconds > 0.001 ? seconds : 0.001;
  const double rate = static_cast<double>(articles) / safe_seconds;
  const double mb_per_s =
      static_cast<double>(bytes) / (1024.0 * 1024.0) / safe_seconds;
  char buffer[160];
  int n = std::snprintf(buffer, sizeof buffer,
                        "%llu articles  %.0f articles/s  %.2f MB/s",
                        static_cast<unsigned long long>(articles), rate,
                        mb_per_s);
  std::string line(buffer, static_cast<std::size_t>(n));
  if (total_bytes > 0 && bytes > 0) {
    const double fraction =
        static_cast<double>(bytes) / static_cast<double>(total_bytes);
    const double eta = fraction > 0 ? seconds / fraction - seconds : 0;
    n = std::snprintf(buffer, sizeof buffer, "  %3.0f%%  ETA %s",
                      fraction * 100.0,
                      FormatDuration(eta > 0 ? eta : 0).c_str());
    line.append(buffer, static_cast<std::size_t>(n));
  }
  return line;
}

void ProgressReporter::Update(std::uint64_t articles, std::uint64_t bytes) {
  if (!enabled_) {
    return;
  }
  const Clock::time_point now = Clock::now();
  if (drawn_ && now - last_draw_ < kRedrawInterval) {
    return;
  }
  last_draw_ = now;
  drawn_ = true;
  const double seconds =
      std::chrono::duration<double>(now - start_).count();
  const std::string line = FormatLine(articles, bytes, total_bytes_, seconds);
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
}

void ProgressReporter::Finish() {
  if (enabled_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

bool IsTerminal(int fd) { return isatty(fd) == 1; }

}  // namespace dossier
