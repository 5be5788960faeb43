// Per sentence: build the unit view (internal/relation_units.h), run the
// rules (internal/relation_rules.h), then turn each distinct fact into
// Relations: the implied ones added, and with kEveryMentionPair one per
// mention pair of the two entities in the sentence.
#include "indexer/relation_extractor.h"

#include <set>
#include <vector>
#include <tuple>

#include "indexer/internal/relation_rules.h"
#include "indexer/internal/relation_units.h"

namespace dossier::indexer {
namespace {

using internal::ArgKind;
using internal::Fact;
using internal::Unit;

Relation MakeRelation(const Fact& fact, const Unit& head, const Unit& tail,
                      Span evidence) {
  Relation relation;
  relation.type = fact.type;
  relation.head = head.span;
  relation.tail = tail.span;
  relation.head_entity = head.entity;
  relation.tail_entity = tail.entity;
  relation.head_name = head.name;
  relation.tail_name = tail.name;
  relation.evidence = evidence;
  relation.role = fact.role;
  relation.rule = fact.rule;
  return relation;
}

// The facts a fact implies (see RelationOptions::implied).
std::vector<Fact> Implied(const Fact& fact, const std::vector<Unit>& units) {
  std::vector<Fact> out;
  const bool person_head = units[fact.head].kind == ArgKind::kPerson;
  if (person_head && (fact.type == RelationType::kLeads ||
                      fact.type == RelationType::kFounded)) {
    Fact works = fact;
    works.type = RelationType::kWorksFor;
    works.rule = "implied-by-" + fact.rule;
    out.push_back(std::move(works));
  }
  return out;
}

void ExtractSentence(std::string_view text, const RelationOptions& options,
                     int sentence_idx, ArticleAnalysis* analysis) {
  std::vector<Unit> units =
      internal::BuildSentenceUnits(text, *analysis, sentence_idx);
  internal::AddCandidateArgs(text, &units);
  std::vector<Fact> facts = internal::FindFacts(units);
  if (!options.implied) {
    std::erase_if(facts, [](const Fact& fact) { return fact.implied; });
  } else {
    const std::size_t found = facts.size();
    for (std::size_t idx = 0; idx < found; ++idx) {
      for (Fact& implied : Implied(facts[idx], units)) {
        facts.push_back(std::move(implied));
      }
    }
  }
  const Span evidence =
      sentence_idx >= 0
          ? analysis->sentences[sentence_idx].span
          : Span{0, static_cast<std::uint32_t>(text.size())};
  std::set<std::tuple<RelationType, int, int>> seen_facts;
  std::set<std::tuple<RelationType, std::uint32_t, std::uint32_t>> seen_spans;
  for (const Fact& fact : facts) {
    const int head_group = units[fact.head].group;
    const int tail_group = units[fact.tail].group;
    if (!seen_facts.insert({fact.type, head_group, tail_group}).second) {
      continue;
    }
    std::vector<int> heads{fact.head};
    std::vector<int> tails{fact.tail};
    if (options.mention_pairs == MentionPairs::kEveryMentionPair) {
      for (int idx = 0; idx < static_cast<int>(units.size()); ++idx) {
        if (!units[idx].is_arg()) {
          continue;
        }
        if (units[idx].group == head_group && idx != fact.head) {
          heads.push_back(idx);
        }
        if (units[idx].group == tail_group && idx != fact.tail) {
          tails.push_back(idx);
        }
      }
    }
    for (int head : heads) {
      for (int tail : tails) {
        if (!seen_spans
                 .insert({fact.type, units[head].span.begin,
                          units[tail].span.begin})
                 .second) {
          continue;
        }
        analysis->relations.push_back(
            MakeRelation(fact, units[head], units[tail], evidence));
      }
    }
  }
}

}  // namespace

void ExtractRelations(std::string_view text, const RelationOptions& options,
                      ArticleAnalysis* analysis) {
  if (analysis->sentences.empty()) {
    ExtractSentence(text, options, -1, analysis);
    return;
  }
  for (int idx = 0; idx < static_cast<int>(analysis->sentences.size());
       ++idx) {
    ExtractSentence(text, options, idx, analysis);
  }
}

void ExtractRelations(std::string_view text, ArticleAnalysis* analysis) {
  ExtractRelations(text, RelationOptions{}, analysis);
}

}  // namespace dossier::indexer
