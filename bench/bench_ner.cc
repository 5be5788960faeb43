// bench_ner: tokens per second of tokenization plus entity recognition on
// one core, over the articles of a JSONL file (the "text" field of each
// line), e.g. /work/shared/data/bbc/bbc.jsonl. Runs the whole file
// --rounds times (default 3) and reports the best round, so that page-cache
// and frequency warm-up do not count. Driven by bench/ner.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/annotations.h"
#include "indexer/entity_recognizer.h"
#include "indexer/tokenizer.h"

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_ner FILE.jsonl [ROUNDS]\n";
    return 2;
  }
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "bench_ner: cannot open " << argv[1] << "\n";
    return 1;
  }
  std::vector<std::string> texts;
  std::string line;
  while (std::getline(in, line)) {
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_object() && record.contains("text") &&
        record["text"].is_string()) {
      texts.push_back(record["text"].get<std::string>());
    }
  }
  auto loaded = dossier::indexer::EntityRecognizer::LoadEmbedded();
  if (!loaded.has_value()) {
    std::cerr << "bench_ner: " << loaded.error().ToString() << "\n";
    return 1;
  }
  const dossier::indexer::EntityRecognizer& recognizer = **loaded;
  double best_tokenize = 1e30;
  double best_total = 1e30;
  std::size_t tokens = 0;
  std::size_t mentions = 0;
  for (int round = 0; round < rounds; ++round) {
    tokens = 0;
    mentions = 0;
    dossier::ArticleAnalysis analysis;
    Clock::time_point start = Clock::now();
    for (const std::string& text : texts) {
      dossier::indexer::Tokenize(text, &analysis);
      tokens += analysis.tokens.size();
    }
    best_tokenize = std::min(best_tokenize, Since(start));
    start = Clock::now();
    for (const std::string& text : texts) {
      analysis.mentions.clear();
      dossier::indexer::Tokenize(text, &analysis);
      recognizer.Recognize(text, &analysis);
      mentions += analysis.mentions.size();
    }
    best_total = std::min(best_total, Since(start));
  }
  std::printf("articles: %zu\ntokens: %zu\nmentions: %zu\n", texts.size(),
              tokens, mentions);
  std::printf("tokenize: %.0f tokens/s\n",
              static_cast<double>(tokens) / best_tokenize);
  std::printf("tokenize+recognize: %.0f tokens/s (%.3f s)\n",
              static_cast<double>(tokens) / best_total, best_total);
  return 0;
}
