// Typed relation extraction (stage 5 of the Analyzer): finds FOUNDED, LEADS,
// WORKS_FOR, PART_OF, LOCATED_IN, ACQUIRED and INVESTED_IN relations between
// the entities of one article, sentence by sentence, with hand-written rules
// over the words between entity mentions and pronouns. Pure functions of
// their inputs; thread-safe.
//
// Directions (head -> tail): FOUNDED person or org -> org; LEADS and
// WORKS_FOR person -> org; PART_OF org -> parent org; LOCATED_IN org ->
// place; ACQUIRED and INVESTED_IN buyer/investor -> org.
#ifndef DOSSIER_INDEXER_RELATION_EXTRACTOR_H_
#define DOSSIER_INDEXER_RELATION_EXTRACTOR_H_

#include <string_view>

#include "common/annotations.h"

namespace dossier::indexer {

// How many relations one fact yields when an entity is written more than
// once in the evidence sentence ("Denis ... he").
enum class MentionPairs {
  // One relation per (type, head entity, tail entity, sentence), with the
  // head and tail spans of the mentions the rule matched. What the graph
  // wants.
  kOnePerFact,
  // Additionally one relation for every other mention pair of the same two
  // entities in the sentence (pronouns included). What KnowledgeNet-style
  // gold annotates, so `dossier eval relations` uses it.
  kEveryMentionPair,
};

struct RelationOptions {
  // See MentionPairs. Default: kOnePerFact.
  MentionPairs mention_pairs = MentionPairs::kOnePerFact;
  // Also emit the relations a fact implies: a leader (LEADS) and a person
  // who founded an org (FOUNDED) also WORKS_FOR it, and a sentence that
  // states one person's job is about their career, so they WORKS_FOR every
  // organisation it names. Default: true.
  bool implied = true;
};

// Appends to analysis->relations the relations stated in `text`.
//
// Uses analysis->sentences (the whole text is one sentence when there are
// none), analysis->mentions with their `entity` indices and
// analysis->entities. Pronouns and relative pronouns ("he", "its", "who",
// "which") are arguments too: Relation::head/tail then is the pronoun as
// written, and head_entity/tail_entity is the entity it resolves to
// (nearest compatible antecedent), or -1 when the article names none, in
// which case head_name/tail_name is the pronoun itself. Consumers that need
// named entities (the graph) skip relations with an entity of -1.
// REQUIRES: every span in *analysis lies within `text`.
void ExtractRelations(std::string_view text, const RelationOptions& options,
                      ArticleAnalysis* analysis);

// Same with default options.
void ExtractRelations(std::string_view text, ArticleAnalysis* analysis);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_RELATION_EXTRACTOR_H_
