#include "graph/graph_export.h"

#include <doctest/doctest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/graph/graph_fixture.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::graph {
namespace {

using testing::ArticleBuilder;

// A minimal XML well-formedness check: tags nest and close, attribute
// values are quoted, entities are the five predefined ones. Returns the
// count of each element name, or an error string under "!".
std::map<std::string, int> CheckXml(const std::string& xml) {
  std::map<std::string, int> counts;
  std::vector<std::string> open;
  std::size_t pos = 0;
  auto fail = [&](const std::string& why) {
    counts["!"] = 1;
    counts["!" + why + " at " + std::to_string(pos)] = 1;
    return counts;
  };
  while ((pos = xml.find('<', pos)) != std::string::npos) {
    const std::size_t end = xml.find('>', pos);
    if (end == std::string::npos) {
      return fail("unclosed tag");
    }
    std::string tag = xml.substr(pos + 1, end - pos - 1);
    pos = end + 1;
    if (tag.front() == '?') {
      continue;
    }
    if (tag.front() == '/') {
      if (open.empty() || open.back() != tag.substr(1)) {
        return fail("mismatched </" + tag.substr(1) + ">");
      }
      open.pop_back();
      continue;
    }
    const bool self_closing = tag.back() == '/';
    const std::string name = tag.substr(0, tag.find_first_of(" /"));
    if (std::count(tag.begin(), tag.end(), '"') % 2 != 0) {
      return fail("unbalanced quotes in <" + name + ">");
    }
    ++counts[name];
    if (!self_closing) {
      open.push_back(name);
    }
  }
  if (!open.empty()) {
    return fail("unclosed <" + open.back() + ">");
  }
  for (std::size_t amp = xml.find('&'); amp != std::string::npos;
       amp = xml.find('&', amp + 1)) {
    const std::string rest = xml.substr(amp, 6);
    if (rest.rfind("&amp;", 0) != 0 && rest.rfind("&lt;", 0) != 0 &&
        rest.rfind("&gt;", 0) != 0 && rest.rfind("&quot;", 0) != 0 &&
        rest.rfind("&apos;", 0) != 0) {
      return fail("bad entity");
    }
  }
  return counts;
}

// Four entities; three typed edges; co-occurring pairs: Andy-Dbx (1
// sentence), Andy-Pete, Andy-Laude, Pete-Laude (1 sentence each) and
// Pete-Dbx, Laude-Dbx (same article only).
std::unique_ptr<GraphStore> Store(const std::filesystem::path& dir) {
  auto store = GraphStore::Open(dir, {});
  REQUIRE(store.has_value());
  ArticleBuilder b("a<1>&", "2025-06-02");
  const int andy = b.Entity("Andy \"AK\" Konwinski", EntityType::kPerson);
  const int pete = b.Entity("Pete Sonsini", EntityType::kPerson);
  const int laude = b.Entity("Laude", EntityType::kOrg, OrgKind::kInstitution);
  const int dbx = b.Entity("Databricks", EntityType::kOrg, OrgKind::kCompany);
  b.Sentence("Andy \"AK\" Konwinski co-founded Databricks.", {andy, dbx})
      .Relate(RelationType::kFounded, andy, dbx)
      .Sentence("Andy \"AK\" Konwinski and Pete Sonsini founded Laude.",
                {andy, pete, laude})
      .Relate(RelationType::kFounded, andy, laude)
      .Relate(RelationType::kFounded, pete, laude);
  REQUIRE((*store)->PutArticle(b.article(), b.analysis(), "h").ok());
  return std::move(store.value());
}

}  // namespace

TEST_SUITE("graph/export") {
  TEST_CASE("GraphML is well-formed XML with every node and edge") {
    dossier::testing::ScopedTempDir tmp;
    auto store = Store(tmp.path());
    std::ostringstream out;
    REQUIRE(ExportGraph(*store, ExportFormat::kGraphMl, {}, out).ok());
    const std::map<std::string, int> counts = CheckXml(out.str());
    CHECK(counts.count("!") == 0);
    CHECK(counts.at("graphml") == 1);
    CHECK(counts.at("node") == 4);
    CHECK(counts.at("edge") == 3 + 4);  // typed + sentence co-occurrence
    CHECK(out.str().find("Andy &quot;AK&quot; Konwinski") != std::string::npos);
    CHECK(out.str().find("a&lt;1&gt;&amp;") != std::string::npos);  // provenance

    ExportOptions typed;
    typed.include_cooccurrence = false;
    std::ostringstream typed_out;
    REQUIRE(ExportGraph(*store, ExportFormat::kGraphMl, typed, typed_out).ok());
    CHECK(CheckXml(typed_out.str()).at("edge") == 3);

    ExportOptions everything;
    everything.min_cooc_sentences = 0;
    std::ostringstream all_out;
    REQUIRE(ExportGraph(*store, ExportFormat::kGraphMl, everything, all_out).ok());
    CHECK(CheckXml(all_out.str()).at("edge") == 3 + 6);
  }

  TEST_CASE("GEXF is well-formed with the same counts") {
    dossier::testing::ScopedTempDir tmp;
    auto store = Store(tmp.path());
    std::ostringstream out;
    REQUIRE(ExportGraph(*store, ExportFormat::kGexf, {}, out).ok());
    const std::map<std::string, int> counts = CheckXml(out.str());
    CHECK(counts.count("!") == 0);
    CHECK(counts.at("node") == 4);
    CHECK(counts.at("edge") == 7);
  }

  TEST_CASE("CSV has Neo4j import headers and one row per node and edge") {
    dossier::testing::ScopedTempDir tmp;
    auto store = Store(tmp.path());
    std::ostringstream nodes;
    std::ostringstream rels;
    REQUIRE(ExportCsv(*store, {}, nodes, rels).ok());
    std::istringstream n(nodes.str());
    std::istringstream r(rels.str());
    std::string line;
    std::getline(n, line);
    CHECK(line ==
          "entityId:ID,name,kind,:LABEL,articles:long,mentions:long,"
          "pagerank:double,community");
    int rows = 0;
    bool quoted = false;
    while (std::getline(n, line)) {
      ++rows;
      quoted |= line.find(",\"Andy \"\"AK\"\" Konwinski\",PERSON,Entity;Person,") !=
                std::string::npos;
    }
    CHECK(rows == 4);
    CHECK(quoted);
    std::getline(r, line);
    CHECK(line == ":START_ID,:END_ID,:TYPE,articles:long,sentences:long,"
                  "evidence:string[]");
    int founded = 0;
    rows = 0;
    while (std::getline(r, line)) {
      ++rows;
      founded += line.find(",FOUNDED,1,0,a<1>&") != std::string::npos;
    }
    CHECK(rows == 7);
    CHECK(founded == 3);
    std::ostringstream ignored;
    CHECK(ExportGraph(*store, ExportFormat::kCsv, {}, ignored).code() ==
          StatusCode::kInvalidInput);
  }

  TEST_CASE("JSON is node-link data with provenance") {
    dossier::testing::ScopedTempDir tmp;
    auto store = Store(tmp.path());
    std::ostringstream out;
    REQUIRE(ExportGraph(*store, ExportFormat::kJson, {}, out).ok());
    const nlohmann::json doc = nlohmann::json::parse(out.str());
    CHECK(doc["nodes"].size() == 4);
    CHECK(doc["links"].size() == 7);
    CHECK(doc["links"][0]["articles"][0] == "a<1>&");
    CHECK(ParseExportFormat("gexf") == ExportFormat::kGexf);
    CHECK_FALSE(ParseExportFormat("dot").has_value());
  }
}

}  // namespace dossier::graph
