// Builds an ArticleAnalysis from the compact JSON form: sentences by
// punctuation, mentions by whole-word search, relation evidence by the
// first sentence naming both ends.
#include "graph/analysis_json.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>

namespace dossier::graph {
namespace {

bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

void SplitSentences(const std::string& text, ArticleAnalysis* analysis) {
  std::uint32_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool end_of_text = i == text.size();
    const bool boundary = !end_of_text && (text[i] == '.' || text[i] == '!' ||
                                           text[i] == '?') &&
                          (i + 1 == text.size() ||
                           ((text[i + 1] == ' ' || text[i + 1] == '\n') &&
                            // "Inc. in 2013": no boundary before lower case
                            !(i + 2 < text.size() &&
                              std::islower(static_cast<unsigned char>(text[i + 2])))));
    if (!boundary && !end_of_text) {
      continue;
    }
    const auto end = static_cast<std::uint32_t>(end_of_text ? i : i + 1);
    if (end > begin) {
      Sentence s;
      s.span = {begin, end};
      analysis->sentences.push_back(s);
    }
    if (end_of_text) {
      break;
    }
    begin = end;
    while (begin < text.size() && (text[begin] == ' ' || text[begin] == '\n')) {
      ++begin;
    }
    i = begin > 0 ? begin - 1 : 0;
  }
}

void FindMentions(const std::string& text, ArticleAnalysis* analysis) {
  for (std::size_t e = 0; e < analysis->entities.size(); ++e) {
    ArticleEntity& entity = analysis->entities[e];
    std::vector<std::string> forms = {entity.name};
    forms.insert(forms.end(), entity.aliases.begin(), entity.aliases.end());
    std::vector<Span> spans;
    for (const std::string& form : forms) {
      for (std::size_t at = text.find(form);
           !form.empty() && at != std::string::npos;
           at = text.find(form, at + 1)) {
        const std::size_t end = at + form.size();
        if ((at > 0 && IsWordByte(text[at - 1])) ||
            (end < text.size() && IsWordByte(text[end]))) {
          continue;
        }
        const Span span{static_cast<std::uint32_t>(at),
                        static_cast<std::uint32_t>(end)};
        const bool inside = std::any_of(spans.begin(), spans.end(), [&](const Span& s) {
          return span.begin < s.end && s.begin < span.end;
        });
        if (!inside) {
          spans.push_back(span);
        }
      }
    }
    for (const Span& span : spans) {
      Mention m;
      m.span = span;
      m.type = entity.type;
      m.org_kind = entity.org_kind;
      m.entity = static_cast<int>(e);
      entity.mentions.push_back(static_cast<int>(analysis->mentions.size()));
      analysis->mentions.push_back(m);
    }
  }
}

// The first sentence holding a mention of both entities, else of the head.
Span EvidenceFor(const ArticleAnalysis& a, int head, int tail) {
  auto mentions_in = [&](const Sentence& s, int entity) {
    return std::any_of(a.mentions.begin(), a.mentions.end(), [&](const Mention& m) {
      return m.entity == entity && m.span.begin >= s.span.begin &&
             m.span.end <= s.span.end;
    });
  };
  for (const Sentence& s : a.sentences) {
    if (mentions_in(s, head) && mentions_in(s, tail)) {
      return s.span;
    }
  }
  for (const Sentence& s : a.sentences) {
    if (mentions_in(s, head)) {
      return s.span;
    }
  }
  return {};
}

Status ParseEntities(const nlohmann::json& doc, ArticleAnalysis* analysis) {
  for (const nlohmann::json& e : doc.value("entities", nlohmann::json::array())) {
    ArticleEntity entity;
    entity.name = e.at("name").get<std::string>();
    const std::string type = e.value("type", "MISC");
    const std::optional<EntityType> parsed = ParseEntityType(type);
    if (!parsed) {
      return Status::InvalidInput("unknown entity type \"" + type + "\"");
    }
    entity.type = *parsed;
    const std::string kind = e.value("org_kind", "");
    entity.org_kind = kind == "COMPANY"       ? OrgKind::kCompany
                      : kind == "INSTITUTION" ? OrgKind::kInstitution
                                              : OrgKind::kNone;
    entity.aliases = e.value("aliases", std::vector<std::string>{});
    entity.reasons = e.value("reasons", std::vector<std::string>{});
    analysis->entities.push_back(std::move(entity));
  }
  return Status::Ok();
}

Status ParseRelations(const nlohmann::json& doc, ArticleAnalysis* analysis) {
  const int count = static_cast<int>(analysis->entities.size());
  for (const nlohmann::json& r : doc.value("relations", nlohmann::json::array())) {
    Relation rel;
    const std::string type = r.at("type").get<std::string>();
    const std::optional<RelationType> parsed = ParseRelationType(type);
    if (!parsed) {
      return Status::InvalidInput("unknown relation type \"" + type + "\"");
    }
    rel.type = *parsed;
    rel.head_entity = r.at("head").get<int>();
    rel.tail_entity = r.at("tail").get<int>();
    if (rel.head_entity < 0 || rel.head_entity >= count || rel.tail_entity < 0 ||
        rel.tail_entity >= count) {
      return Status::InvalidInput("relation refers to a missing entity");
    }
    rel.head_name = analysis->entities[rel.head_entity].name;
    rel.tail_name = analysis->entities[rel.tail_entity].name;
    rel.role = r.value("role", "");
    rel.evidence = EvidenceFor(*analysis, rel.head_entity, rel.tail_entity);
    analysis->relations.push_back(std::move(rel));
  }
  return Status::Ok();
}

Status ParseQuotes(const nlohmann::json& doc, const std::string& text,
                   ArticleAnalysis* analysis) {
  const int count = static_cast<int>(analysis->entities.size());
  for (const nlohmann::json& q : doc.value("quotes", nlohmann::json::array())) {
    Quote quote;
    quote.speaker_entity = q.at("speaker").get<int>();
    if (quote.speaker_entity < 0 || quote.speaker_entity >= count) {
      return Status::InvalidInput("quote refers to a missing speaker");
    }
    const std::string words = q.at("text").get<std::string>();
    const std::string cue = q.value("cue", "said");
    const std::size_t at = text.find(words);
    const std::size_t cue_at = text.find(cue, at == std::string::npos ? 0 : at);
    if (words.empty() || at == std::string::npos || cue_at == std::string::npos) {
      return Status::InvalidInput("quote or cue not found in the text: \"" +
                                  words + "\"");
    }
    quote.content = {static_cast<std::uint32_t>(at),
                     static_cast<std::uint32_t>(at + words.size())};
    quote.cue = {static_cast<std::uint32_t>(cue_at),
                 static_cast<std::uint32_t>(cue_at + cue.size())};
    quote.speaker_name = analysis->entities[quote.speaker_entity].name;
    analysis->quotes.push_back(std::move(quote));
  }
  return Status::Ok();
}

}  // namespace

Result<AnalysedArticle> ParseAnalysedArticle(std::string_view json_line) {
  try {
    const nlohmann::json doc = nlohmann::json::parse(json_line);
    AnalysedArticle out;
    out.article.id = doc.at("id").get<std::string>();
    out.article.text = doc.at("text").get<std::string>();
    out.article.date = doc.value("date", "");
    out.article.title = doc.value("title", "");
    out.article.source = doc.value("source", "");
    SplitSentences(out.article.text, &out.analysis);
    DOSSIER_RETURN_IF_ERROR(ParseEntities(doc, &out.analysis));
    FindMentions(out.article.text, &out.analysis);
    DOSSIER_RETURN_IF_ERROR(ParseRelations(doc, &out.analysis));
    DOSSIER_RETURN_IF_ERROR(ParseQuotes(doc, out.article.text, &out.analysis));
    return out;
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidInput(std::string("bad analysed-article JSON: ") +
                                e.what());
  }
}

}  // namespace dossier::graph
