// The loop shared by the commands that analyse files without indexing them
// (extract, quotes, relations): expand the inputs, read every article, and
// hand it (analysed, for AnalyzeInputs) to a printer. Rejects are reported
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

// Reads every article of `paths` (files or folders in any format `index`
// reads) and hands it to `fn`. Returns kFailure when the inputs cannot be
// expanded, kRejectedRecords when any record or file was rejected, else kOk.
ExitCode ForEachInputArticle(std::string_view command,
                             const std::vector<std::string>& paths,
                             const std::function<void(const Article&)>& fn);

// ForEachInputArticle with the full analysis of each article. Returns
// kFailure also when the analyzer cannot be set up.
ExitCode AnalyzeInputs(
    std::string_view command, const std::vector<std::string>& paths,
    const indexer::AnalyzerOptions& options,
    const std::function<void(const Article&, const ArticleAnalysis&)>& print);

}  // namespace dossier::tools

#endif  // DOSSIER_TOOLS_ANALYZE_INPUTS_H_
