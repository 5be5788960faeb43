#!/usr/bin/env bash
# End-to-end: `dossier ner --conll`, `dossier eval ner` and `dossier extract`
# on tiny hand-written fixtures (tests/fixtures/ner/).
# usage: ner_commands.sh DOSSIER_BINARY SOURCE_DIR
set -euo pipefail
dossier=$1
src=$2
fixtures=$src/tests/fixtures/ner
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() {  # expected actual what
  [ "$1" == "$2" ] || fail "$3: expected [$1], got [$2]"
}

# ner --conll: every line back, tokens with one more column.
out=$("$dossier" ner --conll "$fixtures/tiny.conll")
expect_eq "$(wc -l < "$fixtures/tiny.conll")" "$(wc -l <<<"$out")" "ner line count"
expect_eq "-DOCSTART- -X- -X- O" "$(head -1 <<<"$out")" "ner keeps -DOCSTART-"
expect_eq "Paris NNP B-NP B-LOC B-LOC" "$(grep '^Paris' <<<"$out")" "ner tags Paris"
expect_eq "Gonzalez NNP I-NP I-PER I-PER" "$(grep '^Gonzalez NNP I-NP' <<<"$out")" "ner tags Gonzalez"
expect_eq "" "$(sed -n 2p <<<"$out")" "ner keeps blank lines"

# eval ner: conlleval-style text and JSON.
out=$("$dossier" eval ner "$fixtures/tiny.conll")
grep -q '^processed 13 tokens with 5 phrases; found: ' <<<"$out" || fail "eval ner header: $out"
grep -q '^PER: precision: ' <<<"$out" || fail "eval ner per type: $out"
grep -q '^tokens/s: [0-9]' <<<"$out" || fail "eval ner speed: $out"
json=$("$dossier" eval ner --json "$fixtures/tiny.conll")
grep -q '"tokens": 13' <<<"$json" || fail "eval ner --json tokens: $json"
grep -q '"gold": 5' <<<"$json" || fail "eval ner --json gold: $json"

# eval needs a subcommand; a missing file is a usage error.
set +e
"$dossier" eval >/dev/null 2>&1
expect_eq 2 $? "eval without subcommand"
"$dossier" eval ner "$fixtures/missing.conll" >/dev/null 2>&1
expect_eq 2 $? "eval ner on a missing file"
set -e

# extract: mentions with kinds and code point offsets.
out=$("$dossier" extract "$fixtures/article.txt")
grep -q 'PERSON [0-9]*-[0-9]* "Maria Gonzalez" -> Maria Gonzalez' <<<"$out" || fail "extract person: $out"
grep -q 'ORG/COMPANY [0-9]*-[0-9]* "Northwind"' <<<"$out" || fail "extract company: $out"
grep -q 'ORG/INSTITUTION [0-9]*-[0-9]* "Harvard University"' <<<"$out" || fail "extract institution: $out"
grep -q 'Ph.D."' <<<"$out" && fail "extract took Ph.D. for an entity: $out"
json=$("$dossier" extract --json "$fixtures/article.txt")
# "Gonzalez" in the last paragraph starts after the curly quotes: code
# points, not bytes.
grep -q '"begin": 161,' <<<"$json" || fail "extract --json code point offsets: $json"
echo ok
