// Process exit codes shared by every subcommand.
#ifndef DOSSIER_COMMON_EXIT_CODE_H_
#define DOSSIER_COMMON_EXIT_CODE_H_

namespace dossier {

enum class ExitCode : int {
  kOk = 0,
  kFailure = 1,
  kUsage = 2,
  kRejectedRecords = 3,  // finished, but some input records were rejected
  kInterrupted = 130,
};

}  // namespace dossier

#endif  // DOSSIER_COMMON_EXIT_CODE_H_
