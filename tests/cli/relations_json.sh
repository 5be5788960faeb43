#!/usr/bin/env bash
# End-to-end: `dossier relations` and `dossier eval relations` on a tiny
# hand-written article and gold passage (written here, not copied).
# usage: relations_json.sh DOSSIER_BINARY SOURCE_DIR
set -euo pipefail
dossier=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Line 1 is the title. "ë" is two bytes: offsets after it show code
# points, not bytes.
printf 'Startups\n\nZoë Adams wrote this. Maria Lopez co-founded Brightwave Inc. with Tom Reed in 2019.\n' \
  >"$tmp/article.txt"
json=$("$dossier" relations --json "$tmp/article.txt")
for needle in '"type":"FOUNDED"' '"head":"Maria Lopez","head_end":33,"head_start":22' \
  '"head":"Tom Reed","head_end":74,"head_start":66' '"evidence_start":22' \
  '"role":"co-founded"'; do
  grep -qF "$needle" <<<"$json" || fail "relations --json lacks $needle: $json"
done
[ "$(grep -c '"type":"FOUNDED"' <<<"$json")" == 2 ] || fail "expected 2 FOUNDED: $json"
text=$("$dossier" relations "$tmp/article.txt")
grep -qF 'Tom Reed -FOUNDED-> Brightwave' <<<"$text" || fail "readable output: $text"

# eval: one passage, one gold FOUNDED that the extractor finds, one type
# (LEADS) annotated with no gold and no prediction.
cat >"$tmp/gold.jsonl" <<'JSON'
{"id": "p1", "text": "Maria Lopez co-founded Brightwave Inc. with Tom Reed in 2019.", "annotated": ["FOUNDED", "LEADS"], "relations": [{"type": "FOUNDED", "head": [43, 51], "head_text": "Tom Reed", "tail": [23, 38], "tail_text": "Brightwave Inc."}]}
JSON
eval_json=$("$dossier" eval relations --json "$tmp/gold.jsonl")
grep -qF '"passages": 1' <<<"$eval_json" || fail "eval passages: $eval_json"
python3 - "$eval_json" <<'PY' || fail "eval scores: $eval_json"
import json, sys
score = json.loads(sys.argv[1])
founded = score["types"]["FOUNDED"]["span"]
assert founded["gold"] == 1 and founded["correct"] == 1, founded
assert founded["predicted"] == 2, founded  # Maria Lopez is not in the gold
assert score["types"]["LEADS"]["span"]["predicted"] == 0
PY
# --model: the committed model file scores as the built-in copy of it; a
# file that is no model is refused before any scoring.
model_json=$("$dossier" eval relations --json --model "$2/models/ner.model" "$tmp/gold.jsonl")
[ "$(grep -v seconds <<<"$model_json")" == "$(grep -v seconds <<<"$eval_json")" ] ||
  fail "eval with --model differs: $model_json"
printf 'not a model' >"$tmp/junk.model"
for stage in relations quotes; do
  if "$dossier" eval "$stage" --model "$tmp/junk.model" "$tmp/gold.jsonl" >"$tmp/out" 2>"$tmp/err"; then
    fail "eval $stage accepted a file that is no model"
  fi
  grep -qi 'magic\|model' "$tmp/err" || fail "eval $stage error: $(cat "$tmp/err")"
  [ ! -s "$tmp/out" ] || fail "eval $stage scored with a bad model: $(cat "$tmp/out")"
done
printf '{"id": "bad", "text": "x", "annotated": ["MARRIED_TO"]}\n' >"$tmp/bad.jsonl"
if "$dossier" eval relations "$tmp/bad.jsonl" 2>"$tmp/err"; then
  fail "eval accepted an unknown type"
fi
grep -qF 'bad.jsonl:1' "$tmp/err" || fail "error lacks location: $(cat "$tmp/err")"
echo ok
