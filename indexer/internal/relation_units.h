// The view of one sentence that the relation rules read: a sequence of
// units, each a lower-cased word, a punctuation mark or an argument (an
// entity mention or a pronoun that can stand for one). Internal to
// indexer/relation_extractor.cc and its tests.
#ifndef DOSSIER_INDEXER_INTERNAL_RELATION_UNITS_H_
#define DOSSIER_INDEXER_INTERNAL_RELATION_UNITS_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/annotations.h"
#include "indexer/internal/word_list.h"

namespace dossier::indexer::internal {

enum class ArgKind { kNone, kPerson, kOrg, kPlace };

struct Unit {
  Span span;
  // Lower-cased text for words ("co-founded", "-based" when glued to the
  // argument before it) and punctuation (","); the surface for arguments.
  std::string text;
  ArgKind kind = ArgKind::kNone;  // kNone: a word or punctuation
  bool pronoun = false;           // "he", "its", "who", "which", ...
  bool possessive = false;        // "Alibaba's", "its", "his"
  bool candidate = false;         // a capitalized run no mention covers
  int entity = -1;                // ArticleAnalysis::entities index, -1 unknown
  // Identity of what the argument denotes: the entity index when known,
  // otherwise a number unique to the mention (pronouns take their
  // antecedent's), so "Denis ... he" share a group even without entities.
  int group = -1;
  std::string name;  // resolved name: entity name, antecedent or surface
  bool is_arg() const { return kind != ArgKind::kNone; }
  bool is_word() const { return kind == ArgKind::kNone; }
};

// Head nouns of descriptions of organisations ("a Texas community bank").
bool IsOrgNoun(std::string_view word);

// Builds the units of sentence `sentence_idx` (the whole text when the
// analysis has no sentences: pass -1). Pronouns are resolved to the nearest
// compatible argument before them: relative pronouns ("who", "which",
// "where") within the sentence, personal ones ("he", "it") anywhere earlier
// in the article.
std::vector<Unit> BuildSentenceUnits(std::string_view text,
                                     const ArticleAnalysis& analysis,
                                     int sentence_idx);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_RELATION_UNITS_H_
