// bench_ner: tokens per second of tokenization plus entity recognition on
// one core, over the articles of a JSONL file (the "text" field of each
// line), e.g. /work/shared/data/bbc/bbc.jsonl. Runs the whole file
// --rounds times (default 3) and reports the best round, so that page-cache
// and frequency warm-up do not count. Driven by bench/ner.sh.
// It also prints a checksum of every mention (span, type, ORG kind): a
// speed change that must not change predictions keeps it identical.
#include <algorithm>
#include <chrono>
#include <cstdint>
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

// FNV-1a over the fields of each mention, in order.
std::uint64_t MentionChecksum(std::uint64_t h,
                              const std::vector<dossier::Mention>& mentions) {
  const auto mix = [&h](std::uint64_t v) {
    for (int byte = 0; byte < 8; ++byte) {
      h ^= (v >> (8 * byte)) & 0xFF;
      h *= 0x100000001b3ULL;
    }
  };
  for (const dossier::Mention& m : mentions) {
    mix(m.span.begin);
    mix(m.span.end);
    mix(static_cast<std::uint64_t>(m.type));
    mix(static_cast<std::uint64_t>(m.org_kind));
  }
  return h;
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
  std::uint64_t checksum = 0xcbf29ce484222325ULL;
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
    // Outside the timed loop: the checksum is no part of the work measured.
    if (round == 0) {
      for (const std::string& text : texts) {
        analysis.mentions.clear();
        dossier::indexer::Tokenize(text, &analysis);
        recognizer.Recognize(text, &analysis);
        checksum = MentionChecksum(checksum, analysis.mentions);
      }
    }
    best_total = std::min(best_total, Since(start));
  }
  std::printf("articles: %zu\ntokens: %zu\nmentions: %zu\n", texts.size(),
              tokens, mentions);
  std::printf("mention checksum: %016llx\n",
              static_cast<unsigned long long>(checksum));
  std::printf("tokenize: %.0f tokens/s\n",
              static_cast<double>(tokens) / best_tokenize);
  std::printf("tokenize+recognize: %.0f tokens/s (%.3f s)\n",
              static_cast<double>(tokens) / best_total, best_total);
  return 0;
}
