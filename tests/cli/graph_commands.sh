#!/usr/bin/env bash
# End-to-end: the knowledge-graph subcommands on a tiny hand-written fixture
# (tests/fixtures/graph/articles.jsonl) loaded with `dossier graph-load`.
# usage: graph_commands.sh DOSSIER_BINARY SOURCE_DIR
set -euo pipefail
dossier=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/db
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() {  # expected actual what
  [ "$1" == "$2" ] || fail "$3: expected [$1], got [$2]"
}

"$dossier" graph-load --db "$db" "$src/tests/fixtures/graph/articles.jsonl" 2>"$tmp/load.err"
expect_eq "loaded 3 articles, rejected 0" "$(cat "$tmp/load.err")" "graph-load summary"

# The example question: how is Pete Sonsini connected to Databricks?
out=$("$dossier" path --db "$db" "Pete Sonsini" Databricks)
expect_eq "Pete Sonsini -FOUNDED-> Laude <-FOUNDED- Andy Konwinski -FOUNDED-> Databricks" \
  "$(head -1 <<<"$out")" "path"
json=$("$dossier" path --db "$db" "Pete Sonsini" Databricks --json)
grep -q '"sentence":"Andy Konwinski co-founded Databricks Inc. in 2013."' <<<"$json" \
  || fail "path --json lacks the evidence sentence: $json"
grep -q '"direction":"in","end":114,"from":"Laude"' <<<"$json" \
  || fail "path --json hop 2: $json"
[ "$("$dossier" path --db "$db" "Pete Sonsini" Databricks --k 3 | grep -c '^[A-Z]')" == 3 ] \
  || fail "path --k 3 did not give 3 paths"
out=$("$dossier" path --db "$db" "Pete Sonsini" Databricks --until 2020-01-01)
expect_eq "no path from Pete Sonsini to Databricks within 4 hops" "$out" "path --until"

# entity: JSON shape, alias explained, relation evidence in code points.
json=$("$dossier" entity --db "$db" Konwinski --json)
for needle in '"name":"Andy Konwinski"' '"type":"PERSON"' '"aliases":["Konwinski"]' \
  '"articles":1' '"first_seen":"2025-06-02"' \
  '"direction":"out","evidence":[{"article":"fx-1","date":"2025-06-02","end":50,' \
  '"text":"Open research wins,"'; do
  grep -qF "$needle" <<<"$json" || fail "entity --json lacks $needle: $json"
done

# Ambiguous surname: exit 1 and list the candidates.
if "$dossier" entity --db "$db" Smith 2>"$tmp/err"; then fail "Smith should be ambiguous"; fi
grep -q '^  John Smith (PERSON, 1 articles, surname match) id:' "$tmp/err" \
  || fail "ambiguity message: $(cat "$tmp/err")"
if "$dossier" entity --db "$db" Nobody 2>"$tmp/err"; then fail "Nobody found"; fi
expect_eq 'dossier entity: no entity named "Nobody"' "$(cat "$tmp/err")" "not found"

# related and top.
out=$("$dossier" related --db "$db" Databricks --type person --limit 2)
expect_eq "Databricks (COMPANY):" "$(head -1 <<<"$out")" "related header"
[ "$(grep -c '(PERSON)' <<<"$out")" == 2 ] || fail "related --type person: $out"
out=$("$dossier" top --db "$db" --type company --by pagerank --limit 1)
expect_eq "1. Laude (COMPANY)" "$(cut -d' ' -f1-3 <<<"$out")" "top by pagerank"
if "$dossier" related --db "$db" Databricks --type nonsense 2>/dev/null; then
  fail "bad --type accepted"
fi

# export: GraphML counts, Neo4j CSV headers.
"$dossier" export --db "$db" --format graphml --out "$tmp/g.graphml"
[ "$(grep -c "<node " "$tmp/g.graphml")" == 12 ] || fail "graphml nodes"
"$dossier" export --db "$db" --format csv --out "$tmp/csv" 2>/dev/null
expect_eq "entityId:ID,name,kind,:LABEL,articles:long,mentions:long,pagerank:double,community" \
  "$(head -1 "$tmp/csv/nodes.csv")" "nodes.csv header"
expect_eq ":START_ID,:END_ID,:TYPE,articles:long,sentences:long,evidence:string[]" \
  "$(head -1 "$tmp/csv/relationships.csv")" "relationships.csv header"

# merge and split survive re-loading the same articles.
out=$("$dossier" merge --db "$db" "John Smith" "Jane Smith")
expect_eq "merged Jane Smith (1 articles) into John Smith, now 1 articles" "$out" "merge"
"$dossier" graph-load --db "$db" "$src/tests/fixtures/graph/articles.jsonl" 2>/dev/null
json=$("$dossier" entity --db "$db" "Jane Smith" --json)
grep -qF '{"articles":1,"form":"Jane Smith","reason":"merged by user"}' <<<"$json" \
  || fail "merge not explained after re-load: $json"
out=$("$dossier" split --db "$db" "John Smith" --articles fx-3 --as "Jane Smith")
grep -q '^split Jane Smith (1 articles, id:' <<<"$out" || fail "split: $out"
"$dossier" graph-load --db "$db" "$src/tests/fixtures/graph/articles.jsonl" 2>/dev/null
json=$("$dossier" entity --db "$db" "Jane Smith" --json)
grep -qF '"relations":[{"articles":1,"direction":"out","evidence":[{"article":"fx-3"' <<<"$json" \
  || fail "split not kept after re-load: $json"
echo "ok"
