#include "indexer/consistency.h"

#include <algorithm>
#include <utility>

namespace dossier::indexer {
namespace {

using IdHash = std::pair<std::string, std::string>;

enum class Problem { kOnlyInGraph, kMissingInGraph, kHashMismatch };

struct Finding {
  Problem problem;
  std::string id;
};

void Count(const Finding& finding, ConsistencyReport* report) {
  static constexpr std::string_view kNames[] = {
      "only-in-graph", "missing-in-graph", "hash-mismatch"};
  switch (finding.problem) {
    case Problem::kOnlyInGraph:
      ++report->only_in_graph;
      break;
    case Problem::kMissingInGraph:
      ++report->missing_in_graph;
      break;
    case Problem::kHashMismatch:
      ++report->hash_mismatch;
      break;
  }
  if (report->examples.size() < ConsistencyReport::kMaxExamples) {
    report->examples.push_back(
        std::string(kNames[static_cast<int>(finding.problem)]) + " " +
        finding.id);
  }
}

// Merge-joins the two sorted id lists and returns every disagreement.
Result<std::vector<Finding>> Compare(ArticleStore* articles,
                                     const graph::GraphStore* graph,
                                     ConsistencyReport* report) {
  std::vector<IdHash> indexed;
  DOSSIER_RETURN_IF_ERROR(articles->ForEachArticle(
      [&](std::string_view id, std::string_view hash) {
        indexed.emplace_back(std::string(id), std::string(hash));
      }));
  std::sort(indexed.begin(), indexed.end());
  report->xapian_articles = indexed.size();
  std::vector<Finding> findings;
  std::vector<bool> seen(indexed.size(), false);
  DOSSIER_RETURN_IF_ERROR(graph->ForEachArticle(
      [&](std::string_view id, std::string_view hash) -> Status {
        ++report->graph_articles;
        const auto it = std::lower_bound(
            indexed.begin(), indexed.end(), id,
            [](const IdHash& a, std::string_view b) { return a.first < b; });
        if (it == indexed.end() || it->first != id) {
          findings.push_back({Problem::kOnlyInGraph, std::string(id)});
          return Status::Ok();
        }
        seen[static_cast<std::size_t>(it - indexed.begin())] = true;
        if (it->second != hash) {
          findings.push_back({Problem::kHashMismatch, std::string(id)});
        }
        return Status::Ok();
      }));
  for (std::size_t i = 0; i < indexed.size(); ++i) {
    if (!seen[i]) {
      findings.push_back({Problem::kMissingInGraph, indexed[i].first});
    }
  }
  for (const Finding& finding : findings) {
    Count(finding, report);
  }
  return findings;
}

}  // namespace

std::string ConsistencyReport::Summary() const {
  return std::to_string(xapian_articles) + " articles indexed, " +
         std::to_string(graph_articles) + " in the graph; " +
         std::to_string(only_in_graph) + " only in graph, " +
         std::to_string(missing_in_graph) + " missing in graph, " +
         std::to_string(hash_mismatch) + " mismatched" +
         (repaired > 0 ? "; " + std::to_string(repaired) + " repaired" : "");
}

Result<ConsistencyReport> CheckStores(ArticleStore* articles,
                                      const graph::GraphStore* graph) {
  ConsistencyReport report;
  Result<std::vector<Finding>> findings = Compare(articles, graph, &report);
  if (!findings.has_value()) {
    return findings.error();
  }
  return report;
}

Result<ConsistencyReport> RepairStores(ArticleStore* articles,
                                       graph::GraphStore* graph,
                                       const Analyzer& analyzer) {
  ConsistencyReport report;
  Result<std::vector<Finding>> findings = Compare(articles, graph, &report);
  if (!findings.has_value()) {
    return findings.error();
  }
  for (const Finding& finding : *findings) {
    if (finding.problem == Problem::kOnlyInGraph) {
      DOSSIER_RETURN_IF_ERROR(graph->DeleteArticle(finding.id));
      ++report.repaired;
      continue;
    }
    Result<std::optional<Article>> article = articles->LoadArticle(finding.id);
    if (!article.has_value()) {
      return article.error();
    }
    if (!article->has_value()) {
      continue;  // deleted meanwhile
    }
    const ArticleAnalysis analysis = analyzer.Analyze(**article);
    Result<std::optional<std::string>> hash = articles->StoredHash(finding.id);
    if (!hash.has_value()) {
      return hash.error();
    }
    DOSSIER_RETURN_IF_ERROR(
        graph->PutArticle(**article, analysis, hash->value_or("")));
    ++report.repaired;
  }
  return report;
}

}  // namespace dossier::indexer
