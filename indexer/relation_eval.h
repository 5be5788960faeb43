// Scoring of relation extraction against gold passages in the KnowledgeNet
// JSONL format of /work/shared/data/relations (one passage a line: id,
// text, annotated types, relations with head/tail spans in code points).
// Only the types a passage lists as `annotated` are scored on it.
//
// Span match (the headline figure): a predicted relation is correct when a
// gold relation of the same type, not matched before, has a head span that
// overlaps the predicted head span and a tail span that overlaps the
// predicted tail span. Each (type, head span, tail span) counts once.
// Name match: per passage, relations are compared as sets of (type, head,
// tail) lower-cased names; a prediction's head counts as the gold head when
// either its text as written or its resolved name equals it.
// Pure functions; thread-compatible.
#ifndef DOSSIER_INDEXER_RELATION_EVAL_H_
#define DOSSIER_INDEXER_RELATION_EVAL_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/annotations.h"
#include "common/result.h"

namespace dossier::indexer {

struct GoldRelation {
  RelationType type = RelationType::kWorksFor;
  Span head;  // byte spans into the passage text
  Span tail;
  std::string head_text;
  std::string tail_text;
};

struct GoldPassage {
  std::string id;
  std::string text;
  std::vector<RelationType> annotated;
  std::vector<GoldRelation> relations;
};

// Reads a KnowledgeNet-format JSONL file, converting code point offsets to
// bytes. Fails with kIOError when the file cannot be read and kInvalidInput
// ("<path>:<line>: ...") on a malformed line, an unknown type or an offset
// past the text.
Result<std::vector<GoldPassage>> ReadGoldRelations(
    const std::filesystem::path& path);

struct PrfCounts {
  std::uint64_t gold = 0;
  std::uint64_t predicted = 0;
  std::uint64_t correct = 0;
  void Add(const PrfCounts& other);
  double Precision() const;  // percent; 0 when nothing predicted
  double Recall() const;     // percent; 0 when no gold
  double F1() const;
};

struct RelationScore {
  std::map<RelationType, PrfCounts> by_type;       // span match
  std::map<RelationType, PrfCounts> by_type_name;  // name match
  PrfCounts Micro() const;
  PrfCounts MicroName() const;
};

// One scored prediction or miss, for error analysis.
struct RelationError {
  bool false_positive = false;  // else a missed gold relation
  RelationType type = RelationType::kWorksFor;
  std::string head;  // text as written
  std::string tail;
  std::string rule;  // empty for misses
};

// Adds the comparison of `predicted` (computed on gold.text) with the gold
// relations to *score; appends errors to *errors when it is non-null.
void ScoreRelations(const GoldPassage& gold,
                    const std::vector<Relation>& predicted,
                    RelationScore* score,
                    std::vector<RelationError>* errors = nullptr);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_RELATION_EVAL_H_
