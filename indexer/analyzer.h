// Analyzer: runs the text analysis of one article, in order: tokens and
// sentences, entity mentions, in-article entity resolution, quotes, typed
// relations. Create() loads what the stages need once (the NER model);
// Analyze() is const and thread-safe, so the indexing pipeline runs it on
// several threads at once with one Analyzer.
#ifndef DOSSIER_INDEXER_ANALYZER_H_
#define DOSSIER_INDEXER_ANALYZER_H_

#include <memory>
#include <string>

#include "common/annotations.h"
#include "common/article.h"
#include "common/result.h"

namespace dossier::indexer {

// Bumped whenever the analysis changes what it finds (a new model, new
// rules), so that re-indexing re-analyzes articles it already holds.
inline constexpr int kAnalysisVersion = 7;

struct AnalyzerOptions {
  // Stages to run; each needs the ones before it. Default: all.
  bool entities = true;
  bool quotes = true;
  bool relations = true;
  // NER model file; empty: the model built into the binary.
  std::string ner_model_path;
};

class Analyzer {
 public:
  // Fails with kNotFound / kCorruption when a model cannot be loaded.
  static Result<std::unique_ptr<Analyzer>> Create(
      const AnalyzerOptions& options);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Returns the analysis of `article.text` (spans are byte offsets into it).
  ArticleAnalysis Analyze(const Article& article) const;

 private:
  struct Stages;
  explicit Analyzer(const AnalyzerOptions& options,
                    std::unique_ptr<Stages> stages);

  AnalyzerOptions options_;
  std::unique_ptr<Stages> stages_;
};

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_ANALYZER_H_
