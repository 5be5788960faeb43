// CoNLL-2003 column files for the NER commands: reading documents, writing
// them back with a predicted tag column, and scoring predictions the way
// conlleval does (a chunk is right only with the exact span and type).
// Pure functions and plain values; thread-safe.
#ifndef DOSSIER_INDEXER_NER_CONLL_H_
#define DOSSIER_INDEXER_NER_CONLL_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace dossier::indexer {

// One document of a CoNLL file (documents are separated by -DOCSTART-
// lines; a file without them is one document).
struct ConllDocument {
  // Every line of the document as read (without '\n'), including the
  // -DOCSTART- line and blank lines, so it can be written back unchanged.
  std::vector<std::string> lines;
  // Index into `lines` of each token line, in order.
  std::vector<std::uint32_t> token_lines;
  // The first column of each token line.
  std::vector<std::string> words;
  // The last column of each token line when it has two or more columns
  // (the gold tag), else "".
  std::vector<std::string> gold;
  // Index into `words` of the first word of each sentence.
  std::vector<std::uint32_t> sentence_begin;
};

// Reads a CoNLL file. kNotFound / kIOError when it cannot be read;
// kInvalidInput ("FILE:LINE: expected ...") for a line with an empty first
// column (e.g. a line of spaces).
Result<std::vector<ConllDocument>> ReadConllFile(const std::string& path);
// The same from text already in memory; `name` is used in messages.
Result<std::vector<ConllDocument>> ParseConll(std::string_view text,
                                              std::string_view name);

// Appends `doc` to *out with `tags[i]` added as a last column to token
// line i ("EU NNP B-NP B-ORG" + " B-ORG").
// REQUIRES: tags.size() == doc.words.size()
void AppendConllWithTags(const ConllDocument& doc,
                         const std::vector<std::string>& tags,
                         std::string* out);

// Chunk counts of one entity type (or of all types together).
struct ChunkCounts {
  std::uint64_t gold = 0;
  std::uint64_t predicted = 0;
  std::uint64_t correct = 0;
  double precision() const;  // percent; 0 when nothing was predicted
  double recall() const;     // percent; 0 when there was nothing to find
  double f1() const;
};

// conlleval-style score over a whole file.
struct NerScore {
  // Types in order of first appearance in gold or predictions ("LOC", ...).
  std::vector<std::string> types;
  std::vector<ChunkCounts> per_type;  // parallel to `types`
  ChunkCounts overall;
  std::uint64_t tokens = 0;
  std::uint64_t correct_tags = 0;  // token accuracy numerator
};

// Adds the chunks of one sentence's gold and predicted tags (IOB1, IOB2 or
// plain "PER" style, as conlleval accepts) to *score.
// REQUIRES: gold.size() == predicted.size()
void ScoreSentence(const std::vector<std::string_view>& gold,
                   const std::vector<std::string_view>& predicted,
                   NerScore* score);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_NER_CONLL_H_
