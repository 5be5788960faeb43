#include "graph/graph_store.h"

#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "graph/internal/contributions.h"
#include "graph/internal/keys.h"
#include "graph/internal/rocks_db.h"
#include "tests/graph/graph_fixture.h"
#include "tests/support/scoped_temp_dir.h"

namespace dossier::graph {
namespace {

using testing::ArticleBuilder;

std::unique_ptr<GraphStore> OpenStore(const std::filesystem::path& dir) {
  Result<std::unique_ptr<GraphStore>> store = GraphStore::Open(dir, {});
  REQUIRE_MESSAGE(store.has_value(), store.error().ToString());
  return std::move(store.value());
}

std::string Dump(const GraphStore& store) {
  Result<std::string> dump = store.DumpForTesting();
  REQUIRE(dump.has_value());
  return *dump;
}

EntitySummary Find(const GraphStore& store, std::string_view name) {
  Result<FindResult> found = store.FindEntity(name);
  REQUIRE_MESSAGE(found.has_value(), found.error().ToString());
  return found->candidates.front().entity;
}

// The example story, reduced: three founders of Laude, one of Databricks.
// "Ünal" puts a two-byte character first so byte and code point offsets
// differ.
ArticleBuilder LaudeArticle() {
  ArticleBuilder b("a1", "2025-06-02");
  const int andy = b.Entity("Andy Konwinski", EntityType::kPerson,
                            OrgKind::kNone, {"Konwinski", "He"},
                            {"surname of an earlier mention", "pronoun"});
  const int pete = b.Entity("Pete Sonsini", EntityType::kPerson);
  const int laude = b.Entity("Laude", EntityType::kOrg, OrgKind::kCompany);
  const int dbx =
      b.Entity("Databricks Inc.", EntityType::kOrg, OrgKind::kCompany);
  b.Sentence("\xc3\x9cnal wrote this.")
      .Sentence("Andy Konwinski co-founded Databricks Inc. in 2013.",
                {andy, dbx})
      .Relate(RelationType::kFounded, andy, dbx, "co-founder")
      .Sentence("Andy Konwinski and Pete Sonsini founded Laude.",
                {andy, pete, laude})
      .Relate(RelationType::kFounded, andy, laude)
      .Relate(RelationType::kFounded, pete, laude)
      .Sentence("\"Open models win,\" Konwinski said.", {andy})
      .Quote(andy, "Open models win,", "said");
  return b;
}

ArticleBuilder SecondArticle() {
  ArticleBuilder b("a2", "2025-07-01");
  const int dbx = b.Entity("Databricks", EntityType::kOrg, OrgKind::kCompany);
  const int ali = b.Entity("Ali Ghodsi", EntityType::kPerson);
  b.Sentence("Ali Ghodsi leads Databricks.", {ali, dbx})
      .Relate(RelationType::kLeads, ali, dbx, "CEO");
  return b;
}

// A store holding LaudeArticle() as "a1" and SecondArticle() as "a2".
std::unique_ptr<GraphStore> StoreWithBothArticles(
    const std::filesystem::path& dir) {
  auto store = OpenStore(dir);
  const ArticleBuilder a1 = LaudeArticle();
  const ArticleBuilder a2 = SecondArticle();
  REQUIRE(store->PutArticle(a1.article(), a1.analysis(), "h1").ok());
  REQUIRE(store->PutArticle(a2.article(), a2.analysis(), "h2").ok());
  return store;
}

}  // namespace

TEST_SUITE("graph/GraphStore") {
  TEST_CASE("Open creates the store and refuses other format versions") {
    dossier::testing::ScopedTempDir tmp;
    const auto dir = tmp.path() / "graph";
    {
      auto store = OpenStore(dir);
      CHECK(store->Close().ok());
    }
    auto rewrite_version = [&](std::uint32_t version) {
      auto kv = graph::internal::KvStore::Open(dir, {});
      REQUIRE(kv.has_value());
      std::string bytes;
      graph::internal::PutFixed32(&bytes, version);
      graph::internal::Batch batch;
      batch.Put(graph::internal::Cf::kMeta,
                std::string(graph::internal::kMetaFormatVersion), bytes);
      REQUIRE((*kv)->Write(batch).ok());
      REQUIRE((*kv)->Close().ok());
    };
    SUBCASE("older") {
      rewrite_version(1);
      auto store = GraphStore::Open(dir, {});
      REQUIRE_FALSE(store.has_value());
      CHECK(store.error().code() == StatusCode::kInvalidInput);
      CHECK(store.error().message() ==
            "graph store " + dir.string() + " has format version " +
                std::to_string(1) +
                ", this dossier reads version " +
                std::to_string(graph::internal::kFormatVersion) +
                "; delete that directory and re-run `dossier index` to "
                "rebuild it");
    }
    SUBCASE("newer") {
      rewrite_version(graph::internal::kFormatVersion + 1);
      auto store = GraphStore::Open(dir, {});
      REQUIRE_FALSE(store.has_value());
      CHECK(store.error().code() == StatusCode::kNotSupported);
      CHECK(store.error().message() ==
            "graph store " + dir.string() + " has format version " +
                std::to_string(graph::internal::kFormatVersion + 1) +
                ", newer than this dossier reads (" +
                std::to_string(graph::internal::kFormatVersion) +
                "); upgrade dossier");
    }
    SUBCASE("missing, without create") {
      GraphOptions options;
      options.create_if_missing = false;
      auto store = GraphStore::Open(tmp.path() / "nothing", options);
      REQUIRE_FALSE(store.has_value());
      CHECK(store.error().code() == StatusCode::kNotFound);
    }
  }

  TEST_CASE("Only the families read by key carry bloom filters") {
    dossier::testing::ScopedTempDir tmp;
    const auto dir = tmp.path() / "graph";
    {
      auto store = StoreWithBothArticles(dir);
      REQUIRE(store->Close().ok());  // flushes every family to a table
    }
    auto kv = graph::internal::KvStore::Open(dir, {});
    REQUIRE(kv.has_value());
    using graph::internal::Cf;
    // Scanned by prefix only: a whole-key filter would never be consulted.
    for (Cf cf : {Cf::kAliases, Cf::kRelationsOut, Cf::kRelationsIn,
                  Cf::kCooccurrence, Cf::kQuotes}) {
      CAPTURE(graph::internal::CfName(cf));
      Result<std::uint64_t> bytes = (*kv)->FilterBytes(cf);
      REQUIRE(bytes.has_value());
      CHECK(*bytes == 0);
    }
    // Read by Get: storing an article, and the query commands.
    for (Cf cf : {Cf::kEntities, Cf::kMentions, Cf::kArticles,
                  Cf::kSentences}) {
      CAPTURE(graph::internal::CfName(cf));
      Result<std::uint64_t> bytes = (*kv)->FilterBytes(cf);
      REQUIRE(bytes.has_value());
      CHECK(*bytes > 0);
    }
    REQUIRE((*kv)->Close().ok());
  }

  TEST_CASE("A format 2 store is upgraded in place on a writable open") {
    // Format 2 also kept an 'E' key for a pair that shares only the
    // article; format 3 drops those and reads them from `mentions`.
    dossier::testing::ScopedTempDir tmp;
    const auto dir = tmp.path() / "graph";
    const ArticleBuilder a1 = LaudeArticle();
    std::string current;
    graph::internal::CoocKeyParts pair;
    {
      auto store = OpenStore(dir);
      REQUIRE(store->PutArticle(a1.article(), a1.analysis(), "h1").ok());
      current = Dump(*store);
      const EntityId pete = Find(*store, "Pete Sonsini").id;
      const EntityId dbx = Find(*store, "Databricks").id;
      pair.a = std::min(pete, dbx);
      pair.b = std::max(pete, dbx);
      CHECK(store->Close().ok());
    }
    {
      auto kv = graph::internal::KvStore::Open(dir, {});
      REQUIRE(kv.has_value());
      std::string version;
      graph::internal::PutFixed32(&version, 2);
      graph::internal::CoocEvidence article_only;
      article_only.date10 = "2025-06-02";
      graph::internal::Batch batch;
      batch.Put(graph::internal::Cf::kMeta,
                std::string(graph::internal::kMetaFormatVersion), version);
      batch.Put(graph::internal::Cf::kCooccurrence,
                graph::internal::CoocEvidenceKey(pair.a, pair.b, "a1"),
                graph::internal::EncodeCoocEvidence(article_only));
      REQUIRE((*kv)->Write(batch).ok());
      REQUIRE((*kv)->Close().ok());
    }
    {
      // Read-only: answered as is, left as is.
      GraphOptions read_only;
      read_only.read_only = true;
      auto store = GraphStore::Open(dir, read_only);
      REQUIRE_MESSAGE(store.has_value(), store.error().ToString());
      CHECK(Dump(**store) != current);
      auto link = (*store)->FindLink(pair.a, pair.b, {});
      REQUIRE(link.has_value());
      REQUIRE(link->has_value());
      CHECK((*link)->evidence.article == "a1");
    }
    auto store = OpenStore(dir);
    CHECK(Dump(*store) == current);
  }

  TEST_CASE("A format 3 store is read as is and upgraded on a writable open") {
    // Format 3 kept a counter for each ordered pair; format 4 one list of
    // neighbours per entity.
    dossier::testing::ScopedTempDir tmp;
    const auto dir = tmp.path() / "graph";
    std::string current;
    EntityId dbx = 0;
    std::vector<Neighbor> neighbors;
    {
      auto store = StoreWithBothArticles(dir);
      current = Dump(*store);
      dbx = Find(*store, "Databricks").id;
      auto n = store->Neighbors(dbx, {});
      REQUIRE(n.has_value());
      neighbors = *n;
      CHECK(store->Close().ok());
    }
    REQUIRE(neighbors.size() == 4);  // Andy, Pete, Laude, Ali
    std::size_t pairs = 0;
    {
      namespace gi = graph::internal;
      auto kv = gi::KvStore::Open(dir, {});
      REQUIRE(kv.has_value());
      gi::Batch batch;
      std::size_t lists = 0;
      const auto to_pairs = [&](std::string_view key, std::string_view value) {
        ++lists;
        gi::CoocKeyParts owner;
        std::vector<gi::CoocEntry> entries;
        REQUIRE(gi::ParseCoocKey(key, &owner));
        REQUIRE(gi::DecodeCoocList(value, &entries));
        batch.Delete(gi::Cf::kCooccurrence, std::string(key));
        for (const gi::CoocEntry& e : entries) {
          ++pairs;
          batch.AddCounters(gi::Cf::kCooccurrence,
                            gi::CoocCountKeyV3(owner.a, e.other),
                            gi::EncodeCoocCounts(e.counts));
        }
        return true;
      };
      REQUIRE((*kv)->Scan(gi::Cf::kCooccurrence, "N", to_pairs).ok());
      CHECK(lists == 5);  // every entity co-occurs with some other
      std::string version;
      gi::PutFixed32(&version, 3);
      batch.Put(gi::Cf::kMeta, std::string(gi::kMetaFormatVersion), version);
      REQUIRE((*kv)->Write(batch).ok());
      REQUIRE((*kv)->Close().ok());
    }
    // a1 pairs four entities, a2 two, and each pair is kept both ways.
    CHECK(pairs == 2 * (6 + 1));
    {
      // Read-only: the pair counters answer as the lists did.
      GraphOptions read_only;
      read_only.read_only = true;
      auto store = GraphStore::Open(dir, read_only);
      REQUIRE_MESSAGE(store.has_value(), store.error().ToString());
      CHECK(Dump(**store) != current);
      auto n = (*store)->Neighbors(dbx, {});
      REQUIRE(n.has_value());
      REQUIRE(n->size() == neighbors.size());
      for (std::size_t i = 0; i < n->size(); ++i) {
        CHECK((*n)[i].entity.id == neighbors[i].entity.id);
        CHECK((*n)[i].cooc_articles == neighbors[i].cooc_articles);
        CHECK((*n)[i].cooc_sentences == neighbors[i].cooc_sentences);
      }
    }
    auto store = OpenStore(dir);
    CHECK(Dump(*store) == current);
  }

  TEST_CASE("A pair that shares only the article is counted, dated and cited") {
    dossier::testing::ScopedTempDir tmp;
    auto store = StoreWithBothArticles(tmp.path());
    const EntityId pete = Find(*store, "Pete Sonsini").id;
    const EntityId dbx = Find(*store, "Databricks").id;
    // No evidence key for the pair: no sentence names both.
    CHECK(Dump(*store).find(graph::internal::CoocEvidenceKey(
              std::min(pete, dbx), std::max(pete, dbx), "")) ==
          std::string::npos);

    NeighborOptions orgs;
    orgs.entity_type = EntityType::kOrg;
    for (const std::string since : {"", "2025-06-01"}) {
      orgs.since = since;
      auto n = store->Neighbors(pete, orgs);
      REQUIRE(n.has_value());
      REQUIRE(n->size() == 2);  // founded Laude, appears with Databricks
      const Neighbor& d = (*n)[1];
      CHECK(d.entity.name == "Databricks");
      CHECK(d.cooc_articles == 1);
      CHECK(d.cooc_sentences == 0);
      // Cited by the article they share, without a sentence.
      REQUIRE(d.evidence.has_value());
      CHECK(d.evidence->article == "a1");
      CHECK(d.evidence->sentence.empty());
    }
    orgs.since = "2025-06-03";
    CHECK(store->Neighbors(pete, orgs)->empty());
    orgs.since.clear();
    orgs.until = "2025-06-01";
    CHECK(store->Neighbors(pete, orgs)->empty());

    auto link = store->FindLink(dbx, pete, {});
    REQUIRE(link.has_value());
    REQUIRE(link->has_value());
    CHECK_FALSE((*link)->typed);
    CHECK((*link)->evidence.article == "a1");
    CHECK((*link)->evidence.sentence.empty());
    NeighborOptions later;
    later.since = "2025-06-03";
    CHECK_FALSE(store->FindLink(dbx, pete, later)->has_value());

    // Provenance: sentence pairs from their evidence, the others from the
    // articles that mention both.
    std::map<std::pair<EntityId, EntityId>, std::vector<std::string>> cooc;
    GraphStore::EdgeScanOptions scan;
    scan.with_provenance = true;
    REQUIRE(store->ForEachEdge(scan, [&](const GraphEdge& e) {
      if (!e.typed) {
        cooc[{e.from, e.to}] = e.article_ids;
        CHECK(e.articles == static_cast<std::int64_t>(e.article_ids.size()));
      }
    }).ok());
    const std::vector<std::string> a1_only{"a1"};
    CHECK(cooc[{std::min(pete, dbx), std::max(pete, dbx)}] == a1_only);
    const EntityId andy = Find(*store, "Andy Konwinski").id;
    CHECK(cooc[{std::min(pete, andy), std::max(pete, andy)}] == a1_only);
  }

  TEST_CASE("PutArticle stores entities, relations with evidence and quotes") {
    dossier::testing::ScopedTempDir tmp;
    auto store = OpenStore(tmp.path());
    const ArticleBuilder a1 = LaudeArticle();
    REQUIRE(store->PutArticle(a1.article(), a1.analysis(), "h1").ok());

    const EntitySummary andy = Find(*store, "andy konwinski");
    CHECK(andy.name == "Andy Konwinski");
    CHECK(andy.type == EntityType::kPerson);
    CHECK(andy.articles == 1);
    CHECK(andy.mentions == 3);

    auto details = store->GetDetails(andy.id, {});
    REQUIRE(details.has_value());
    CHECK(details->first_seen == "2025-06-02");
    CHECK(details->last_seen == "2025-06-02");
    REQUIRE(details->aliases.size() == 1);  // "He" is never an alias
    CHECK(details->aliases[0].form == "Konwinski");
    CHECK(details->aliases[0].reason == "surname of an earlier mention");
    REQUIRE(details->relations.size() == 2);
    std::map<std::string, const RelationEdge*> by_other;
    for (const RelationEdge& r : details->relations) {
      by_other[r.other.name] = &r;
    }
    const RelationEdge& founded = *by_other.at("Databricks Inc.");
    CHECK(founded.type == RelationType::kFounded);
    CHECK(founded.outgoing);
    REQUIRE(founded.evidence.size() == 1);
    const EvidenceRef& ev = founded.evidence[0];
    CHECK(ev.article == "a1");
    CHECK(ev.sentence == "Andy Konwinski co-founded Databricks Inc. in 2013.");
    CHECK(ev.role == "co-founder");
    // "Ünal wrote this. " is 17 code points (18 bytes).
    CHECK(ev.start == 17);
    CHECK(ev.end == 17 + 50);
    REQUIRE(details->quotes.size() == 1);
    CHECK(details->quotes[0].text == "Open models win,");
    CHECK(details->quotes[0].cue == "said");
    CHECK(details->quotes[0].article == "a1");

    const EntitySummary laude = Find(*store, "Laude");
    auto laude_details = store->GetDetails(laude.id, {});
    REQUIRE(laude_details.has_value());
    REQUIRE(laude_details->relations.size() == 2);
    for (const RelationEdge& r : laude_details->relations) {
      CHECK_FALSE(r.outgoing);
      CHECK(r.type == RelationType::kFounded);
    }
    CHECK(laude.org_kind == OrgKind::kCompany);
    CHECK(KindLabel(laude) == "COMPANY");

    auto hash = store->ArticleHash("a1");
    REQUIRE(hash.has_value());
    CHECK(hash->value_or("") == "h1");
    auto missing = store->ArticleHash("zz");
    REQUIRE(missing.has_value());
    CHECK_FALSE(missing->has_value());
  }

  TEST_CASE("Re-putting the same article leaves every count unchanged") {
    dossier::testing::ScopedTempDir tmp;
    auto store = StoreWithBothArticles(tmp.path());
    const std::string before = Dump(*store);
    const ArticleBuilder a1 = LaudeArticle();
    REQUIRE(store->PutArticle(a1.article(), a1.analysis(), "h1").ok());
    REQUIRE(store->PutArticle(a1.article(), a1.analysis(), "h1").ok());
    CHECK(Dump(*store) == before);
    CHECK(Find(*store, "Databricks").articles == 2);
  }

  TEST_CASE("DeleteArticle removes exactly what the article contributed; "
            "the counters it created stay at zero, unseen, until Compact") {
    dossier::testing::ScopedTempDir tmp;
    auto store = OpenStore(tmp.path());
    const ArticleBuilder a1 = LaudeArticle();
    const ArticleBuilder a2 = SecondArticle();
    REQUIRE(store->PutArticle(a2.article(), a2.analysis(), "h2").ok());
    const std::string before = Dump(*store);
    REQUIRE(store->PutArticle(a1.article(), a1.analysis(), "h1").ok());
    CHECK(Dump(*store) != before);
    CHECK(Find(*store, "Databricks").articles == 2);
    REQUIRE(store->DeleteArticle("a1").ok());
    CHECK(Dump(*store) == before);
    CHECK(Find(*store, "Databricks").articles == 1);
    CHECK(store->FindEntity("Pete Sonsini").error().code() ==
          StatusCode::kNotFound);
    CHECK(store->DeleteArticle("a1").code() == StatusCode::kNotFound);
    // "Sonsini" was an alias of a1's Pete only: its counter is zero.
    CHECK(store->FindEntity("Sonsini").error().code() == StatusCode::kNotFound);
    Result<std::string> raw = store->DumpForTesting(true);
    REQUIRE(raw.has_value());
    CHECK(raw->size() > before.size());
    REQUIRE(store->Compact().ok());
    raw = store->DumpForTesting(true);
    REQUIRE(raw.has_value());
    CHECK(*raw == before);
  }

  TEST_CASE("A write-mostly store ends exactly as a default one, and still "
            "answers queries") {
    dossier::testing::ScopedTempDir tmp;
    GraphOptions write_mostly;
    write_mostly.write_mostly = true;
    Result<std::unique_ptr<GraphStore>> fast =
        GraphStore::Open(tmp.path() / "fast", write_mostly);
    REQUIRE(fast.has_value());
    auto plain = OpenStore(tmp.path() / "plain");
    ArticleBuilder a1 = LaudeArticle();
    const ArticleBuilder a2 = SecondArticle();
    for (GraphStore* store : {fast->get(), plain.get()}) {
      REQUIRE(store->PutArticle(a2.article(), a2.analysis(), "h2").ok());
      REQUIRE(store->PutArticle(a1.article(), a1.analysis(), "h1").ok());
    }
    a1.mutable_analysis().relations.pop_back();
    for (GraphStore* store : {fast->get(), plain.get()}) {
      REQUIRE(store->PutArticle(a1.article(), a1.analysis(), "h1b").ok());
      REQUIRE(store->DeleteArticle("a2").ok());
      REQUIRE(store->PutArticle(a2.article(), a2.analysis(), "h2").ok());
    }
    CHECK(Dump(**fast) == Dump(*plain));
    CHECK(Find(**fast, "Databricks").articles == 2);
    CHECK(Find(**fast, "Konwinski").articles == 1);
  }

  TEST_CASE("A writer that keeps its entity values in memory ends exactly "
            "as writers that read every value back from disk") {
    // One store lives through every write, so its entity cache answers the
    // read-modify-writes; the other is reopened before each write, so it
    // reads every entity value from RocksDB. Puts, a changed re-put,
    // deletes, a merge and a split, which all rewrite entity values.
    dossier::testing::ScopedTempDir tmp;
    auto kept = OpenStore(tmp.path() / "kept");
    const std::filesystem::path reopened_dir = tmp.path() / "reopened";
    { auto created = OpenStore(reopened_dir); }
    ArticleBuilder a1 = LaudeArticle();
    const ArticleBuilder a2 = SecondArticle();
    ArticleBuilder a3("a3", "2025-08-01");
    const int dbx3 = a3.Entity("Databricks", EntityType::kOrg, OrgKind::kCompany);
    const int andy3 = a3.Entity("Andy Konwinski", EntityType::kPerson);
    a3.Sentence("Andy Konwinski left Databricks.", {andy3, dbx3});
    using Step = std::function<Status(GraphStore&)>;
    const std::vector<Step> steps = {
        [&](GraphStore& s) { return s.PutArticle(a1.article(), a1.analysis(), "h1"); },
        [&](GraphStore& s) { return s.PutArticle(a2.article(), a2.analysis(), "h2"); },
        [&](GraphStore& s) { return s.PutArticle(a3.article(), a3.analysis(), "h3"); },
        [&](GraphStore& s) { return s.DeleteArticle("a2"); },
        [&](GraphStore& s) {
          ArticleBuilder changed = LaudeArticle();
          changed.mutable_analysis().relations.pop_back();
          return s.PutArticle(changed.article(), changed.analysis(), "h1b");
        },
        [&](GraphStore& s) { return s.PutArticle(a2.article(), a2.analysis(), "h2"); },
        [&](GraphStore& s) {
          Result<FindResult> laude = s.FindEntity("Laude");
          Result<FindResult> dbx = s.FindEntity("Databricks");
          if (!laude.has_value() || !dbx.has_value()) {
            return Status::NotFound("Laude or Databricks");
          }
          return s.Merge(dbx->candidates.front().entity.id,
                         laude->candidates.front().entity.id);
        },
        [&](GraphStore& s) {
          Result<FindResult> dbx = s.FindEntity("Databricks");
          if (!dbx.has_value()) {
            return dbx.error();
          }
          const std::string articles[] = {"a3"};
          Result<EntityId> split =
              s.Split(dbx->candidates.front().entity.id, articles, "DBX");
          return split.has_value() ? Status::Ok() : split.error();
        },
        [&](GraphStore& s) { return s.DeleteArticle("a1"); },
        [&](GraphStore& s) { return s.PutArticle(a3.article(), a3.analysis(), "h3"); },
    };
    for (std::size_t i = 0; i < steps.size(); ++i) {
      CAPTURE(i);
      REQUIRE(steps[i](*kept).ok());
      auto reopened = OpenStore(reopened_dir);
      REQUIRE(steps[i](*reopened).ok());
      CHECK(Dump(*kept) == Dump(*reopened));
    }
    CHECK(Find(*kept, "Andy Konwinski").articles == 1);
  }

  TEST_CASE("The entity cache knows absent values and forgets all when full") {
    internal::EntityCache cache(2);
    CHECK(cache.Find(1) == nullptr);
    internal::EntityValue value;
    value.articles = 3;
    cache.Set(1, value);
    cache.Set(2, std::nullopt);  // deleted: known to be absent
    REQUIRE(cache.Find(1) != nullptr);
    CHECK((*cache.Find(1))->articles == 3);
    REQUIRE(cache.Find(2) != nullptr);
    CHECK_FALSE(cache.Find(2)->has_value());
    cache.Set(2, value);  // an id it holds never overflows it
    CHECK(cache.size() == 2);
    cache.Set(3, value);  // full: starts again with the new id alone
    CHECK(cache.size() == 1);
    CHECK(cache.Find(1) == nullptr);
    CHECK(cache.Find(3) != nullptr);
    cache.Clear();
    CHECK(cache.size() == 0);
  }

  TEST_CASE("Re-indexing a changed article replaces its old contribution") {
    dossier::testing::ScopedTempDir tmp;
    auto store = OpenStore(tmp.path());
    ArticleBuilder a1 = LaudeArticle();
    REQUIRE(store->PutArticle(a1.article(), a1.analysis(), "h1").ok());
    a1.mutable_analysis().relations.pop_back();  // Pete no longer founded it
    REQUIRE(store->PutArticle(a1.article(), a1.analysis(), "h1b").ok());
    const EntitySummary pete = Find(*store, "Pete Sonsini");
    auto details = store->GetDetails(pete.id, {});
    REQUIRE(details.has_value());
    CHECK(details->relations.empty());
    CHECK(store->ArticleHash("a1")->value_or("") == "h1b");
  }

  TEST_CASE("Re-indexing with other co-occurring entities ends as storing "
            "the new version alone") {
    // v1 pairs Ada-Bo, Ada-Cy, Bo-Cy; v2 keeps Ada-Bo in more sentences,
    // drops Cy and adds Dee: co-occurrence counters only in the old
    // version, only in the new one, and in both with other counts.
    const auto version = [](bool second) {
      ArticleBuilder b("a1", "2025-03-01");
      const int ada = b.Entity("Ada Lovelace", EntityType::kPerson);
      const int bo = b.Entity("Bo Diddley", EntityType::kPerson);
      if (!second) {
        const int cy = b.Entity("Cy Young", EntityType::kPerson);
        b.Sentence("Ada Lovelace met Bo Diddley and Cy Young.", {ada, bo, cy});
      } else {
        const int dee = b.Entity("Dee Snider", EntityType::kPerson);
        b.Sentence("Ada Lovelace met Bo Diddley.", {ada, bo});
        b.Sentence("Bo Diddley thanked Ada Lovelace.", {bo, ada});
        b.Sentence("Dee Snider sang.", {dee});
      }
      return b;
    };
    dossier::testing::ScopedTempDir tmp_a;
    auto replaced = OpenStore(tmp_a.path());
    const ArticleBuilder v1 = version(false);
    const ArticleBuilder v2 = version(true);
    REQUIRE(replaced->PutArticle(v1.article(), v1.analysis(), "v1").ok());
    REQUIRE(replaced->PutArticle(v2.article(), v2.analysis(), "v2").ok());
    REQUIRE(replaced->Compact().ok());
    dossier::testing::ScopedTempDir tmp_b;
    auto fresh = OpenStore(tmp_b.path());
    REQUIRE(fresh->PutArticle(v2.article(), v2.analysis(), "v2").ok());
    REQUIRE(fresh->Compact().ok());
    const Result<std::string> after = replaced->DumpForTesting(true);
    const Result<std::string> expected = fresh->DumpForTesting(true);
    REQUIRE(after.has_value());
    REQUIRE(expected.has_value());
    CHECK(*after == *expected);
    const auto neighbours =
        replaced->Neighbors(Find(*replaced, "Ada Lovelace").id, {});
    REQUIRE(neighbours.has_value());
    REQUIRE(neighbours->size() == 2);  // Bo, and Dee from the same article
  }

  TEST_CASE("Entity resolution joins names that differ only in form") {
    dossier::testing::ScopedTempDir tmp;
    auto store = OpenStore(tmp.path());
    const std::pair<const char*, const char*> same[] = {
        {"Databricks Inc.", "DATABRICKS"},
        {"The Coca-Cola Company", "Coca Cola Company"},
        {"Nestl\xc3\xa9 S.A.", "Nestle"},
        {"Siemens AG", "Siemens"},
        {"Acme Ltd.", "ACME LLC"},
    };
    int n = 0;
    for (const auto& [first, second] : same) {
      for (const char* name : {first, second}) {
        ArticleBuilder b("art" + std::to_string(n++), "2025-01-01");
        const int e = b.Entity(name, EntityType::kOrg, OrgKind::kCompany);
        b.Sentence(std::string(name) + " grew.", {e});
        REQUIRE(store->PutArticle(b.article(), b.analysis(), "h").ok());
      }
      CAPTURE(first);
      const EntitySummary s = Find(*store, second);
      CHECK(s.articles == 2);
      CHECK(Find(*store, first).id == s.id);
    }
  }

  TEST_CASE("People who share only a surname stay apart") {
    dossier::testing::ScopedTempDir tmp;
    auto store = OpenStore(tmp.path());
    const std::pair<const char*, const char*> people[] = {
        {"p0", "John Smith"}, {"p1", "Jane Smith"}, {"p2", "John Smith"}};
    for (const auto& [id, name] : people) {
      ArticleBuilder b(id, "2025-01-01");
      const int e = b.Entity(name, EntityType::kPerson);
      b.Sentence(std::string(name) + " spoke.", {e});
      REQUIRE(store->PutArticle(b.article(), b.analysis(), "h").ok());
    }
    CHECK(Find(*store, "John Smith").articles == 2);
    CHECK(Find(*store, "Jane Smith").articles == 1);
    CHECK(Find(*store, "John Smith").id != Find(*store, "Jane Smith").id);

    auto by_surname = store->FindEntity("Smith");
    REQUIRE(by_surname.has_value());
    CHECK(by_surname->ambiguous);
    REQUIRE(by_surname->candidates.size() == 2);
    CHECK(by_surname->candidates[0].how == MatchKind::kSurname);
    CHECK(by_surname->candidates[0].entity.name ==
          "John Smith");  // more articles

    // A lone surname in a later article is its own entity, not John's.
    ArticleBuilder b("p9", "2025-01-02");
    const int e = b.Entity("Smith", EntityType::kPerson);
    b.Sentence("Smith declined.", {e});
    REQUIRE(store->PutArticle(b.article(), b.analysis(), "h").ok());
    CHECK(Find(*store, "John Smith").articles == 2);
    auto exact = store->FindEntity("smith");
    REQUIRE(exact.has_value());
    CHECK(exact->candidates[0].how == MatchKind::kExact);
    CHECK_FALSE(exact->ambiguous);

    auto prefix = store->FindEntity("Jane");
    REQUIRE(prefix.has_value());
    CHECK(prefix->candidates[0].how == MatchKind::kPrefix);
    CHECK(prefix->candidates[0].entity.name == "Jane Smith");
  }

  TEST_CASE("Merge and split are kept across re-indexing") {
    dossier::testing::ScopedTempDir tmp;
    auto store = OpenStore(tmp.path());
    ArticleBuilder a("m1", "2025-01-01");
    const int g = a.Entity("Google", EntityType::kOrg, OrgKind::kCompany);
    a.Sentence("Google grew.", {g});
    ArticleBuilder b("m2", "2025-02-01");
    const int al = b.Entity("Alphabet", EntityType::kOrg, OrgKind::kCompany);
    b.Sentence("Alphabet grew.", {al});
    REQUIRE(store->PutArticle(a.article(), a.analysis(), "h").ok());
    REQUIRE(store->PutArticle(b.article(), b.analysis(), "h").ok());
    const EntityId google = Find(*store, "Google").id;
    const EntityId alphabet = Find(*store, "Alphabet").id;

    REQUIRE(store->Merge(google, alphabet).ok());
    auto check_merged = [&]() {
      CHECK(store->GetSummary(alphabet).error().code() ==
            StatusCode::kNotFound);
      const EntitySummary s = Find(*store, "Alphabet");
      CHECK(s.id == google);
      CHECK(s.articles == 2);
      auto d = store->GetDetails(google, {});
      REQUIRE(d.has_value());
      REQUIRE(d->aliases.size() == 1);
      CHECK(d->aliases[0].form == "Alphabet");
      CHECK(d->aliases[0].reason == "merged by user");
    };
    check_merged();
    REQUIRE(store->PutArticle(b.article(), b.analysis(), "h").ok());
    check_merged();
    CHECK(store->Merge(google, google).code() == StatusCode::kInvalidInput);

    const std::string articles[] = {"m2"};
    auto split = store->Split(google, articles, "Alphabet Inc.");
    REQUIRE_MESSAGE(split.has_value(), split.error().ToString());
    auto check_split = [&]() {
      CHECK(Find(*store, "Google").articles == 1);
      const EntitySummary s = Find(*store, "Alphabet");
      CHECK(s.id == *split);
      CHECK(s.name == "Alphabet Inc.");
      CHECK(s.articles == 1);
    };
    check_split();
    REQUIRE(store->PutArticle(b.article(), b.analysis(), "h").ok());
    check_split();
    const std::string none[] = {"m1"};
    CHECK(store->Split(*split, none, "X").error().code() ==
          StatusCode::kNotFound);
    // A later writer (a new open, as the next `dossier index`) still
    // resolves through the stored overrides.
    REQUIRE(store->Close().ok());
    store = OpenStore(tmp.path());
    REQUIRE(store->PutArticle(b.article(), b.analysis(), "h2").ok());
    check_split();
  }

  TEST_CASE("Evidence sentences are stored once and survive a merge") {
    dossier::testing::ScopedTempDir tmp;
    auto store = OpenStore(tmp.path());
    const ArticleBuilder a1 = LaudeArticle();
    REQUIRE(store->PutArticle(a1.article(), a1.analysis(), "h1").ok());
    const EntityId andy = Find(*store, "Andy Konwinski").id;
    const EntityId pete = Find(*store, "Pete Sonsini").id;
    auto sentence_of_laude = [&](EntityId id) {
      auto d = store->GetDetails(id, {});
      REQUIRE(d.has_value());
      for (const RelationEdge& r : d->relations) {
        if (r.other.name == "Laude") {
          REQUIRE_FALSE(r.evidence.empty());
          return r.evidence.front().sentence;
        }
      }
      return std::string("no relation to Laude");
    };
    const std::string founded =
        "Andy Konwinski and Pete Sonsini founded Laude.";
    CHECK(sentence_of_laude(andy) == founded);
    // A merge re-stores the article from its record, which keeps no texts.
    REQUIRE(store->Merge(andy, pete).ok());
    CHECK(sentence_of_laude(andy) == founded);
  }

  TEST_CASE("Neighbors rank typed relations first and honour filters") {
    dossier::testing::ScopedTempDir tmp;
    auto store = StoreWithBothArticles(tmp.path());
    const EntityId andy = Find(*store, "Andy Konwinski").id;

    auto all = store->Neighbors(andy, {});
    REQUIRE(all.has_value());
    REQUIRE(all->size() == 3);
    CHECK((*all)[0].typed_evidence == 1);
    CHECK((*all)[2].entity.name == "Pete Sonsini");  // co-occurrence only
    CHECK((*all)[2].typed_evidence == 0);
    CHECK((*all)[2].cooc_sentences == 1);
    // Cited by the sentence naming both.
    REQUIRE((*all)[2].evidence.has_value());
    CHECK((*all)[2].evidence->sentence ==
          "Andy Konwinski and Pete Sonsini founded Laude.");

    NeighborOptions typed;
    typed.typed_only = true;
    CHECK(store->Neighbors(andy, typed)->size() == 2);

    NeighborOptions people;
    people.entity_type = EntityType::kPerson;
    auto p = store->Neighbors(andy, people);
    REQUIRE(p->size() == 1);
    CHECK((*p)[0].entity.name == "Pete Sonsini");

    const EntityId dbx = Find(*store, "Databricks").id;
    NeighborOptions late;
    late.since = "2025-06-15";
    auto l = store->Neighbors(dbx, late);
    REQUIRE(l->size() == 1);
    CHECK((*l)[0].entity.name == "Ali Ghodsi");

    // Co-occurrence evidence is stored once per pair, under the smaller
    // id: a dated question must find it from either side.
    const EntityId pete = Find(*store, "Pete Sonsini").id;
    NeighborOptions cooc_only;
    cooc_only.entity_type = EntityType::kPerson;
    cooc_only.since = "2025-01-01";
    for (const auto& [from, to] :
         {std::pair{andy, "Pete Sonsini"}, std::pair{pete, "Andy Konwinski"}}) {
      auto dated = store->Neighbors(from, cooc_only);
      REQUIRE(dated.has_value());
      REQUIRE(dated->size() == 1);
      CHECK((*dated)[0].entity.name == to);
      CHECK((*dated)[0].cooc_articles == 1);
      CHECK((*dated)[0].cooc_sentences == 1);
    }
    cooc_only.since = "2025-06-15";
    CHECK(store->Neighbors(pete, cooc_only)->empty());
    auto pete_andy = store->FindLink(pete, andy, {});
    REQUIRE(pete_andy.has_value());
    REQUIRE(pete_andy->has_value());
    auto andy_pete = store->FindLink(andy, pete, {});
    REQUIRE(andy_pete.has_value());
    REQUIRE(andy_pete->has_value());
    CHECK((*pete_andy)->evidence.article == "a1");
    CHECK((*andy_pete)->evidence.sentence == (*pete_andy)->evidence.sentence);

    auto link = store->FindLink(dbx, andy, {});
    REQUIRE(link.has_value());
    REQUIRE(link->has_value());
    CHECK((*link)->typed);
    CHECK_FALSE((*link)->outgoing);  // Andy founded Databricks
    CHECK((*link)->evidence.article == "a1");
  }

  TEST_CASE("Bad spans are rejected with the article named") {
    dossier::testing::ScopedTempDir tmp;
    auto store = OpenStore(tmp.path());
    ArticleBuilder b = SecondArticle();
    b.mutable_analysis().mentions[0].span = {5, 500};
    Status s = store->PutArticle(b.article(), b.analysis(), "h");
    CHECK(s.code() == StatusCode::kInvalidInput);
    CHECK(s.message() ==
          "article a2: mention span [5, 500) lies outside the text (29 bytes)");
    Article empty_id;
    CHECK(store->PutArticle(empty_id, {}, "h").code() ==
          StatusCode::kInvalidInput);
  }

  TEST_CASE("ForEachArticle visits every article with its hash") {
    dossier::testing::ScopedTempDir tmp;
    auto store = StoreWithBothArticles(tmp.path());
    std::string seen;
    REQUIRE(store
                ->ForEachArticle([&](std::string_view id, std::string_view h) {
                  seen += std::string(id) + "=" + std::string(h) + " ";
                  return Status::Ok();
                })
                .ok());
    CHECK(seen == "a1=h1 a2=h2 ");
    CHECK(store->Close().ok());
  }
}

}  // namespace dossier::graph
