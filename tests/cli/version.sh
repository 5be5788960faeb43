#!/usr/bin/env bash
# dossier --version names the version and the malloc the running binary
# uses; DOSSIER_EXPECT_MALLOC (set by tests/CMakeLists.txt from
# cmake/allocator.cmake) is the one the build asked for.
# Usage: version.sh DOSSIER_BINARY SOURCE_DIR
set -u
bin=$1
want=${DOSSIER_EXPECT_MALLOC:?set by tests/CMakeLists.txt}
line=$("$bin" --version) || { echo "FAIL: --version exited $?"; exit 1; }
case "$line" in
  "dossier "[0-9]*" (malloc: $want"*")") ;;
  *) echo "FAIL: --version printed [$line], want malloc $want"; exit 1 ;;
esac
# The allocator must also carry a real run: index and read back one article.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' '{"id": "v1", "title": "Port reopens", "text": "The port reopened on Monday after the storm, the harbour master said."}' > "$tmp/a.jsonl"
"$bin" index --quiet --db "$tmp/db" "$tmp/a.jsonl" > /dev/null ||
  { echo "FAIL: index exited $?"; exit 1; }
got=$("$bin" stats --db "$tmp/db" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['articles'])")
[ "$got" = 1 ] || { echo "FAIL: stats articles [$got], want 1"; exit 1; }
echo "ok: $line"
