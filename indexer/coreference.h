// In-article entity resolution (coreference). ResolveEntities groups the
// NER mentions of one article into entities ("Andy Konwinski" /
// "Konwinski" / "Mr. Konwinski"; "Alibaba" / "Alibaba Group" / "Alibaba's";
// "Federal Trade Commission (FTC)" / "FTC"). EntityResolver then maps any
// span -- a mention, a pronoun ("he", "it", "who"), a short name or a role
// noun ("the senator", "the company") -- to the entity it refers to, for the
// quote and relation extractors. Both are pure; a resolver is immutable
// after construction and may be shared between threads.
#ifndef DOSSIER_INDEXER_COREFERENCE_H_
#define DOSSIER_INDEXER_COREFERENCE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/annotations.h"

namespace dossier::indexer {

// Replaces analysis->entities with one entity per real entity among
// analysis->mentions and sets every Mention::entity. An entity's name is
// the fullest form the article uses (titles and possessive "'s" dropped);
// each other surface form is an alias with a reason ("surname of Andy
// Konwinski", "acronym defined at byte 120"). Two people who share only a
// surname stay apart when both full names appear; a bare surname then goes
// to the one mentioned most recently.
// REQUIRES: mention spans point into `text`.
void ResolveEntities(std::string_view text, ArticleAnalysis* analysis);

// Resolves spans of one article to indices into ArticleAnalysis::entities.
// Keeps pointers to `text` and `analysis`; both must outlive the resolver,
// and the analysis must not change while it is in use.
// REQUIRES: ResolveEntities ran on `analysis`.
class EntityResolver {
 public:
  EntityResolver(std::string_view text, const ArticleAnalysis& analysis);

  // Returns the entity `span` refers to, or -1:
  //  - a span overlapping a resolved mention: that mention's entity;
  //  - "he"/"she"/"him"/"her"/"his"/"who": the most salient earlier PERSON
  //    (subject of the nearest earlier sentence that names one), skipping
  //    people whose known gender (from "Mr."/"Mrs."/"Ms." or earlier
  //    pronouns) disagrees;
  //  - "it"/"its"/"which"/"the company"/"the ministry"...: the nearest
  //    earlier ORG ("the company" prefers a COMPANY);
  //  - "they"/"their": the nearest earlier ORG, else PERSON;
  //  - "the senator"/"the co-founder"/"the spokesman"...: as "he"/"she";
  //  - a single capitalized word: the entity whose name ends or starts with
  //    it, the most recently mentioned one first.
  int Resolve(Span span) const;

 private:
  enum class Gender { kUnknown, kMale, kFemale };
  int MostSalient(std::uint32_t before, EntityType type, Gender gender,
                  bool prefer_company) const;
  int ResolveName(std::string_view word, std::uint32_t before) const;
  std::uint32_t SentenceOf(std::uint32_t offset) const;

  std::string_view text_;
  const ArticleAnalysis* analysis_;
  std::vector<Gender> gender_;  // per entity, from titles
  std::vector<int> by_begin_;   // mention indices sorted by span.begin
  std::vector<std::uint32_t> sentence_starts_;  // byte offsets, ascending
};

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_COREFERENCE_H_
