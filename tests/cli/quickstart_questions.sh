#!/usr/bin/env bash
# End-to-end: the questions the README's quick start asks of the bundled
# example archive, answered from the full analysis (entities, quotes,
# relations), not from hand-made fixtures.
# usage: quickstart_questions.sh DOSSIER_BINARY SOURCE_DIR
set -euo pipefail
dossier=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/db
fail() { echo "FAIL: $*" >&2; exit 1; }

"$dossier" index --quiet --db "$db" "$src/examples/" >/dev/null 2>"$tmp/index.err" \
  || fail "index examples/: $(cat "$tmp/index.err")"

out=$("$dossier" path --db "$db" "Pete Sonsini" Databricks)
[ "$(head -1 <<<"$out")" == \
  "Pete Sonsini -FOUNDED-> Laude <-FOUNDED- Andy Konwinski -FOUNDED-> Databricks" ] \
  || fail "path Pete Sonsini -> Databricks: $out"
grep -q "co-founded the AI research and investment firm Laude with Pete Sonsini" <<<"$out" \
  || fail "path hop lacks its evidence sentence: $out"

out=$("$dossier" said --db "$db" --by Konwinski --about China)
grep -q -- "-- Andy Konwinski (told" <<<"$out" || fail "said --by Konwinski: $out"
grep -q "fall behind China" <<<"$out" || fail "said quote text: $out"
echo "ok"
