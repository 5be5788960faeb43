#!/usr/bin/env bash
# dossier quotes on a small article written for this test: every quote is
# found, attributed to the full name (through a surname and "He"), and
# --json offsets are code points (the text has multi-byte characters).
# Usage: quotes_json.sh DOSSIER_BINARY SOURCE_DIR
set -euo pipefail
bin="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/article.txt" <<'TXT'
Café owners fear the new tax

Marta Núñez, who runs a café in Lyon, said the tax would close small shops. “We cannot survive this,” Núñez told reporters on Monday.

She added that the mayor had ignored them. “Nobody listens,” she said.
TXT

out="$("$bin" quotes --json "$tmp/article.txt")"
echo "$out" | python3 -c '
import json, sys
text = open(sys.argv[1], encoding="utf-8").read().split("\n", 1)[1].lstrip("\n")
quotes = [json.loads(line) for line in sys.stdin if line.strip()]
texts = [q["text"] for q in quotes]
assert "We cannot survive this," in texts, texts
assert "Nobody listens," in texts, texts
for q in quotes:
    assert q["speaker"] == "Marta Núñez", q
    assert q["kind"] in ("direct", "indirect", "mixed"), q
direct = [q for q in quotes if q["text"] == "We cannot survive this,"][0]
assert direct["cue"] == "told", direct
# Code point offsets: multi-byte characters come before every quote.
for q in quotes:
    assert text[q["start"]:q["end"]] == q["text"], (q, text[q["start"]:q["end"]])
    assert text[q["speaker_start"]:q["speaker_end"]] in ("Núñez", "She", "she", "Marta Núñez"), q
' "$tmp/article.txt"

# The readable listing names the speaker and the words.
"$bin" quotes "$tmp/article.txt" | grep -q 'direct  Marta Núñez ("Núñez"): We cannot survive this,'

# A missing input is an error, not an empty result.
if "$bin" quotes "$tmp/missing.txt" 2>/dev/null; then
  echo "expected failure on a missing file" >&2
  exit 1
fi
echo ok
