// Test helpers for graph/: builds small Article + ArticleAnalysis pairs by
// hand, the way the indexer's analysis would fill them, so graph tests need
// no NER model and no archive data.
#ifndef DOSSIER_TESTS_GRAPH_GRAPH_FIXTURE_H_
#define DOSSIER_TESTS_GRAPH_GRAPH_FIXTURE_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "common/annotations.h"
#include "common/article.h"

namespace dossier::graph::testing {

class ArticleBuilder {
 public:
  ArticleBuilder(std::string id, std::string date) {
    article_.id = std::move(id);
    article_.date = std::move(date);
    article_.title = "title of " + article_.id;
  }

  // Adds an article-level entity; returns its index.
  int Entity(std::string name, EntityType type,
             OrgKind org_kind = OrgKind::kNone,
             std::vector<std::string> aliases = {},
             std::vector<std::string> reasons = {}) {
    ArticleEntity e;
    e.name = std::move(name);
    e.type = type;
    e.org_kind = org_kind;
    e.aliases = std::move(aliases);
    e.reasons = std::move(reasons);
    analysis_.entities.push_back(std::move(e));
    return static_cast<int>(analysis_.entities.size()) - 1;
  }

  // Appends a sentence and a mention of each entity in `entities`, found by
  // its name or first alias in `text`.
  ArticleBuilder& Sentence(std::string_view text,
                           std::initializer_list<int> entities = {}) {
    const auto begin = static_cast<std::uint32_t>(article_.text.size());
    article_.text.append(text);
    const auto end = static_cast<std::uint32_t>(article_.text.size());
    article_.text.push_back(' ');
    dossier::Sentence s;
    s.span = {begin, end};
    analysis_.sentences.push_back(s);
    for (int e : entities) {
      ArticleEntity& entity = analysis_.entities[e];
      std::size_t at = text.find(entity.name);
      std::size_t len = entity.name.size();
      for (std::size_t a = 0; at == std::string_view::npos &&
                              a < entity.aliases.size();
           ++a) {
        at = text.find(entity.aliases[a]);
        len = entity.aliases[a].size();
      }
      if (at == std::string_view::npos) {
        at = 0;
        len = 1;
      }
      Mention m;
      m.span = {static_cast<std::uint32_t>(begin + at),
                static_cast<std::uint32_t>(begin + at + len)};
      m.type = entity.type;
      m.org_kind = entity.org_kind;
      m.entity = e;
      entity.mentions.push_back(static_cast<int>(analysis_.mentions.size()));
      analysis_.mentions.push_back(m);
    }
    return *this;
  }

  // A typed relation whose evidence is the last sentence.
  ArticleBuilder& Relate(RelationType type, int head, int tail,
                         std::string role = "") {
    Relation r;
    r.type = type;
    r.head_entity = head;
    r.tail_entity = tail;
    r.head_name = analysis_.entities[head].name;
    r.tail_name = analysis_.entities[tail].name;
    r.evidence = analysis_.sentences.back().span;
    r.role = std::move(role);
    analysis_.relations.push_back(r);
    return *this;
  }

  // A quote: `words` must occur in the last sentence; the cue is `cue`.
  ArticleBuilder& Quote(int speaker, std::string_view words,
                        std::string_view cue) {
    const dossier::Sentence& s = analysis_.sentences.back();
    const std::string_view text(article_.text);
    const auto w = static_cast<std::uint32_t>(text.find(words, s.span.begin));
    const auto c = static_cast<std::uint32_t>(text.find(cue, s.span.begin));
    dossier::Quote q;
    q.content = {w, static_cast<std::uint32_t>(w + words.size())};
    q.cue = {c, static_cast<std::uint32_t>(c + cue.size())};
    q.speaker_entity = speaker;
    q.speaker_name = analysis_.entities[speaker].name;
    analysis_.quotes.push_back(q);
    return *this;
  }

  const Article& article() const { return article_; }
  const ArticleAnalysis& analysis() const { return analysis_; }
  ArticleAnalysis& mutable_analysis() { return analysis_; }

 private:
  Article article_;
  ArticleAnalysis analysis_;
};

}  // namespace dossier::graph::testing

#endif  // DOSSIER_TESTS_GRAPH_GRAPH_FIXTURE_H_
