#include "graph/graph_algorithms.h"

#include <doctest/doctest.h>

#include <string>

#include "tests/graph/graph_fixture.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::graph {
namespace {

using testing::ArticleBuilder;

std::unique_ptr<GraphStore> OpenStore(const std::filesystem::path& dir) {
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(dir, {});
  REQUIRE(store.has_value());
  return std::move(store.value());
}

EntityId Id(const GraphStore& store, std::string_view name) {
  Result<FindResult> found = store.FindEntity(name);
  REQUIRE_MESSAGE(found.has_value(), found.error().ToString());
  return found->candidates.front().entity.id;
}

// "A -TYPE-> B" per hop; "~" for co-occurrence, "<-TYPE-" when reversed.
std::string Render(const GraphPath& path) {
  std::string out = path.hops.front().from.name;
  for (const Hop& h : path.hops) {
    if (!h.link.typed) {
      out += " ~ ";
    } else if (h.link.outgoing) {
      out += " -" + std::string(RelationTypeName(h.link.type)) + "-> ";
    } else {
      out += " <-" + std::string(RelationTypeName(h.link.type)) + "- ";
    }
    out += h.to.name;
  }
  return out;
}

void PutLaude(GraphStore& store) {
  ArticleBuilder b("a1", "2025-06-02");
  const int andy = b.Entity("Andy Konwinski", EntityType::kPerson);
  const int pete = b.Entity("Pete Sonsini", EntityType::kPerson);
  const int laude = b.Entity("Laude", EntityType::kOrg, OrgKind::kCompany);
  const int dbx = b.Entity("Databricks", EntityType::kOrg, OrgKind::kCompany);
  b.Sentence("Andy Konwinski co-founded Databricks.", {andy, dbx})
      .Relate(RelationType::kFounded, andy, dbx)
      .Sentence("Andy Konwinski and Pete Sonsini founded Laude.",
                {andy, pete, laude})
      .Relate(RelationType::kFounded, andy, laude)
      .Relate(RelationType::kFounded, pete, laude);
  REQUIRE(store.PutArticle(b.article(), b.analysis(), "h").ok());
}

// Links two named entities with a typed relation in an article of its own.
void PutRelation(GraphStore& store, const std::string& id,
                 const std::string& date, const std::string& head,
                 RelationType type, const std::string& tail,
                 EntityType tail_type = EntityType::kOrg) {
  ArticleBuilder b(id, date);
  const int h = b.Entity(head, EntityType::kPerson);
  const int t = b.Entity(tail, tail_type, tail_type == EntityType::kOrg
                                              ? OrgKind::kCompany
                                              : OrgKind::kNone);
  b.Sentence(head + " and " + tail + ".", {h, t}).Relate(type, h, t);
  REQUIRE(store.PutArticle(b.article(), b.analysis(), "h").ok());
}

}  // namespace

TEST_SUITE("graph/algorithms") {
  TEST_CASE("The best path prefers typed hops and cites every sentence") {
    dossier::testing::ScopedTempDir tmp;
    auto store = OpenStore(tmp.path());
    PutLaude(*store);
    auto paths = FindPaths(*store, Id(*store, "Pete Sonsini"),
                           Id(*store, "Databricks"), {});
    REQUIRE(paths.has_value());
    REQUIRE(paths->size() == 1);
    const GraphPath& p = paths->front();
    CHECK(Render(p) ==
          "Pete Sonsini -FOUNDED-> Laude <-FOUNDED- Andy Konwinski "
          "-FOUNDED-> Databricks");
    CHECK(p.hops[0].link.evidence.sentence ==
          "Andy Konwinski and Pete Sonsini founded Laude.");
    CHECK(p.hops[2].link.evidence.sentence ==
          "Andy Konwinski co-founded Databricks.");
    for (const Hop& h : p.hops) {
      CHECK(h.link.evidence.article == "a1");
      CHECK(h.link.evidence.end > h.link.evidence.start);
    }
  }

  TEST_CASE("k paths come distinct and best first; typed-only drops the rest") {
    dossier::testing::ScopedTempDir tmp;
    auto store = OpenStore(tmp.path());
    PutLaude(*store);
    const EntityId pete = Id(*store, "Pete Sonsini");
    const EntityId dbx = Id(*store, "Databricks");
    PathOptions options;
    options.k = 3;
    auto paths = FindPaths(*store, pete, dbx, options);
    REQUIRE(paths.has_value());
    REQUIRE(paths->size() == 3);
    CHECK(Render((*paths)[0]) ==
          "Pete Sonsini -FOUNDED-> Laude <-FOUNDED- Andy Konwinski "
          "-FOUNDED-> Databricks");
    CHECK(Render((*paths)[1]) ==
          "Pete Sonsini ~ Andy Konwinski -FOUNDED-> Databricks");
    CHECK(Render((*paths)[2]) == "Pete Sonsini ~ Databricks");
    CHECK((*paths)[0].cost < (*paths)[1].cost);
    CHECK((*paths)[1].cost < (*paths)[2].cost);
    // Same-article co-occurrence has no shared sentence to cite.
    CHECK((*paths)[2].hops[0].link.evidence.sentence.empty());
    CHECK((*paths)[2].hops[0].link.evidence.article == "a1");

    options.typed_only = true;
    auto typed = FindPaths(*store, pete, dbx, options);
    REQUIRE(typed.has_value());
    REQUIRE(typed->size() == 1);
    for (const Hop& h : typed->front().hops) {
      CHECK(h.link.typed);
    }
  }

  TEST_CASE("A date range keeps only hops with evidence inside it") {
    dossier::testing::ScopedTempDir tmp;
    auto store = OpenStore(tmp.path());
    PutLaude(*store);
    PutRelation(*store, "old", "2019-03-01", "Pete Sonsini",
                RelationType::kInvestedIn, "Databricks");
    const EntityId pete = Id(*store, "Pete Sonsini");
    const EntityId dbx = Id(*store, "Databricks");
    auto any = FindPaths(*store, pete, dbx, {});
    REQUIRE(any.has_value());
    CHECK(Render(any->front()) == "Pete Sonsini -INVESTED_IN-> Databricks");
    CHECK(any->front().hops[0].link.evidence.date == "2019-03-01");

    PathOptions recent;
    recent.since = "2025-01-01";
    auto after = FindPaths(*store, pete, dbx, recent);
    REQUIRE(after.has_value());
    CHECK(Render(after->front()) ==
          "Pete Sonsini -FOUNDED-> Laude <-FOUNDED- Andy Konwinski "
          "-FOUNDED-> Databricks");

    PathOptions old;
    old.until = "2020-12-31";
    old.typed_only = true;
    auto before = FindPaths(*store, pete, dbx, old);
    REQUIRE(before.has_value());
    REQUIRE(before->size() == 1);
    CHECK(before->front().hops.size() == 1);
    CHECK(FindPaths(*store, pete, pete, {}).error().code() ==
          StatusCode::kInvalidInput);
  }

  TEST_CASE("PageRank puts the hub first; components and communities split") {
    dossier::testing::ScopedTempDir tmp;
    auto store = OpenStore(tmp.path());
    // A star: four people work for Hub; two of them also for Side.
    int n = 0;
    for (const char* person : {"Ann Lee", "Bo Chan", "Cy Diaz", "Di Eke"}) {
      PutRelation(*store, "s" + std::to_string(n++), "2025-01-01", person,
                  RelationType::kWorksFor, "Hub Corp");
    }
    PutRelation(*store, "s9", "2025-01-01", "Ann Lee", RelationType::kWorksFor,
                "Side Corp");
    // A separate pair.
    PutRelation(*store, "t1", "2025-01-01", "Ed Fox", RelationType::kLeads,
                "Far Corp");

    RankOptions by_rank;
    by_rank.by = RankBy::kPageRank;
    by_rank.limit = 3;
    auto top = TopEntities(*store, by_rank);
    REQUIRE(top.has_value());
    REQUIRE(top->size() == 3);
    CHECK((*top)[0].entity.name == "Hub Corp");
    CHECK((*top)[1].entity.name == "Ann Lee");
    CHECK((*top)[0].score > (*top)[1].score);

    RankOptions people;
    people.by = RankBy::kDegree;
    people.type = EntityType::kPerson;
    auto ppl = TopEntities(*store, people);
    REQUIRE(ppl.has_value());
    REQUIRE(ppl->size() == 5);
    CHECK((*ppl)[0].entity.name == "Ann Lee");
    CHECK((*ppl)[0].score == 2);

    RankOptions by_mentions;
    by_mentions.type = EntityType::kOrg;
    auto orgs = TopEntities(*store, by_mentions);
    REQUIRE(orgs.has_value());
    CHECK((*orgs)[0].entity.name == "Hub Corp");
    CHECK((*orgs)[0].score == 4);

    auto metrics = ComputeMetrics(*store, {});
    REQUIRE(metrics.has_value());
    CHECK(metrics->size() == 8);
    const NodeMetrics& hub = metrics->at(Id(*store, "Hub Corp"));
    const NodeMetrics& far = metrics->at(Id(*store, "Far Corp"));
    CHECK(hub.component == 0);  // the largest
    CHECK(far.component == 1);
    CHECK(metrics->at(Id(*store, "Ed Fox")).community == far.community);
    CHECK(metrics->at(Id(*store, "Bo Chan")).community == hub.community);
    CHECK(hub.community != far.community);
  }
}

}  // namespace dossier::graph
