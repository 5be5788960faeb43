// The relation rules: trigger words ("co-founded", "chief executive",
// "subsidiary", "based in") and, for each, where its head and tail
// arguments stand relative to it. Internal to indexer/relation_extractor.cc
// and its tests.
#ifndef DOSSIER_INDEXER_INTERNAL_RELATION_RULES_H_
#define DOSSIER_INDEXER_INTERNAL_RELATION_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/annotations.h"
#include "indexer/internal/relation_units.h"

namespace dossier::indexer::internal {

// One relation found in a sentence, between two argument units.
struct Fact {
  RelationType type = RelationType::kWorksFor;
  int head = -1;  // index into the sentence's units
  int tail = -1;
  std::string role;  // the trigger as written, lower-cased ("co-founder")
  std::string rule;  // "role-of", "verb-passive", ...
  // Inferred from the other facts rather than stated (see
  // RelationOptions::implied).
  bool implied = false;
};

// Turns each run of capitalized words that no mention covers ("the Italian
// Space Agency", where the recognizer found only "Italian") into an
// organisation argument with `candidate` set; such arguments only fill
// object slots. `text` is the text the units point into.
void AddCandidateArgs(std::string_view text, std::vector<Unit>* units);

// Returns the facts the rules find among `units` (one sentence), in the
// order found, possibly with duplicates; never a fact whose head and tail
// denote the same thing.
std::vector<Fact> FindFacts(const std::vector<Unit>& units);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_RELATION_RULES_H_
