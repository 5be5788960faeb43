// A compact JSON form of one analysed article, for fixtures, benchmarks and
// debugging the graph without running the analysis pipeline
// (`dossier graph-load`). One object per line:
//   {"id", "date", "title", "text",
//    "entities": [{"name", "type": "PERSON|ORG|PLACE|MISC",
//                  "org_kind": "COMPANY|INSTITUTION", "aliases": [...],
//                  "reasons": [...]}],
//    "relations": [{"type": "FOUNDED", "head": 0, "tail": 2, "role"}],
//    "quotes": [{"speaker": 0, "text": "...", "cue": "said"}]}
// Sentences are found at ". ", "! ", "? "; mentions are every whole-word
// occurrence of an entity's name or alias; a relation's evidence is the
// first sentence mentioning both ends; a quote's text and cue are found in
// the text. Pure functions; thread-safe.
#ifndef DOSSIER_GRAPH_ANALYSIS_JSON_H_
#define DOSSIER_GRAPH_ANALYSIS_JSON_H_

#include <string_view>
#include <utility>

#include "common/annotations.h"
#include "common/article.h"
#include "common/result.h"

namespace dossier::graph {

struct AnalysedArticle {
  Article article;
  ArticleAnalysis analysis;
};

// kInvalidInput with the reason for malformed JSON, a missing "id" or
// "text", an unknown type, an index out of range or a quote not in the text.
Result<AnalysedArticle> ParseAnalysedArticle(std::string_view json_line);

}  // namespace dossier::graph

#endif  // DOSSIER_GRAPH_ANALYSIS_JSON_H_
