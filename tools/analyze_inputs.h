// AnalyzeInputs: the loop shared by the commands that analyse files without
// indexing them (quotes, relations): expand the inputs, read every article,
// run the Analyzer and hand each result to a printer. Rejects are reported
// on stderr as "dossier <command>: FILE:LINE: reason".
#ifndef DOSSIER_TOOLS_ANALYZE_INPUTS_H_
#define DOSSIER_TOOLS_ANALYZE_INPUTS_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/annotations.h"
#include "common/article.h"
#include "common/exit_code.h"
#include "indexer/analyzer.h"

namespace dossier::tools {

// Returns kFailure when the inputs or the analyzer cannot be set up,
// kRejectedRecords when any record was rejected, else kOk.
ExitCode AnalyzeInputs(
    std::string_view command, const std::vector<std::string>& paths,
    const indexer::AnalyzerOptions& options,
    const std::function<void(const Article&, const ArticleAnalysis&)>& print);

}  // namespace dossier::tools

#endif  // DOSSIER_TOOLS_ANALYZE_INPUTS_H_
