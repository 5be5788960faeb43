#include "tools/analyze_inputs.h"

#include <iostream>
#include <memory>

#include "indexer/archive_reader.h"

namespace dossier::tools {

ExitCode ForEachInputArticle(std::string_view command,
                             const std::vector<std::string>& paths,
                             const std::function<void(const Article&)>& fn) {
  const std::string prefix = "dossier " + std::string(command) + ": ";
  Result<std::vector<indexer::InputFile>> inputs = indexer::ExpandInputs(paths);
  if (!inputs.has_value()) {
    std::cerr << prefix << inputs.error().ToString() << "\n";
    return ExitCode::kFailure;
  }
  std::size_t rejected = 0;
  for (const indexer::InputFile& input : *inputs) {
    const Status status = indexer::ReadInput(
        input, indexer::ReaderOptions{}, [&](indexer::ReadItem item) {
          if (item.reject) {
            ++rejected;
            std::cerr << prefix << item.reject->status.ToString() << "\n";
            return;
          }
          fn(*item.article);
        });
    if (!status.ok()) {
      ++rejected;
      std::cerr << prefix << status.ToString() << "\n";
    }
  }
  return rejected == 0 ? ExitCode::kOk : ExitCode::kRejectedRecords;
}

ExitCode AnalyzeInputs(
    std::string_view command, const std::vector<std::string>& paths,
    const indexer::AnalyzerOptions& options,
    const std::function<void(const Article&, const ArticleAnalysis&)>& print) {
  Result<std::unique_ptr<indexer::Analyzer>> analyzer =
      indexer::Analyzer::Create(options);
  if (!analyzer.has_value()) {
    std::cerr << "dossier " << command << ": " << analyzer.error().ToString()
              << "\n";
    return ExitCode::kFailure;
  }
  return ForEachInputArticle(command, paths, [&](const Article& article) {
    print(article, (*analyzer)->Analyze(article));
  });
}

}  // namespace dossier::tools
