#include "indexer/analyzer.h"

#include "indexer/coreference.h"
#include "indexer/entity_recognizer.h"
#include "indexer/quote_extractor.h"
#include "indexer/relation_extractor.h"
#include "indexer/tokenizer.h"

namespace dossier::indexer {

// What the stages load once and share read-only between threads. Each stage
// adds its member here (e.g. the NER model) when it lands.
struct Analyzer::Stages {
  std::unique_ptr<EntityRecognizer> recognizer;  // null when !entities
};

Result<std::unique_ptr<Analyzer>> Analyzer::Create(
    const AnalyzerOptions& options) {
  auto stages = std::make_unique<Stages>();
  if (options.entities) {
    Result<std::unique_ptr<EntityRecognizer>> recognizer =
        EntityRecognizer::LoadFileOrEmbedded(options.ner_model_path);
    if (!recognizer.has_value()) {
      return recognizer.error();
    }
    stages->recognizer = std::move(recognizer).value();
  }
  return std::unique_ptr<Analyzer>(new Analyzer(options, std::move(stages)));
}

Analyzer::Analyzer(const AnalyzerOptions& options,
                   std::unique_ptr<Stages> stages)
    : options_(options), stages_(std::move(stages)) {}

Analyzer::~Analyzer() = default;

ArticleAnalysis Analyzer::Analyze(const Article& article) const {
  ArticleAnalysis analysis;
  // Stage 1: tokens and sentences (indexer/tokenizer.h).
  Tokenize(article.text, &analysis);
  // Stage 2: entity mentions (indexer/entity_recognizer.h).
  if (stages_->recognizer != nullptr) {
    stages_->recognizer->Recognize(article.text, &analysis);
  }
  // Stage 3: in-article entity resolution (indexer/coreference.h).
  if (options_.entities) {
    ResolveEntities(article.text, &analysis);
  }
  // Stage 4: quotes (indexer/quote_extractor.h).
  if (options_.quotes) {
    ExtractQuotes(article.text, &analysis);
  }
  // Stage 5: typed relations (indexer/relation_extractor.h).
  if (options_.relations) {
    ExtractRelations(article.text, &analysis);
  }
  return analysis;
}

}  // namespace dossier::indexer
