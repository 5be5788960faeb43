#!/usr/bin/env bash
# dossier --version names the version and the malloc the running binary
# uses; DOSSIER_EXPECT_MALLOC (set by tests/CMakeLists.txt from
# cmake/allocator.cmake) is the one the build asked for. With tcmalloc it
# also says whether a fresh block of the heap is backed by transparent huge
# pages (tools/huge_pages.h), which it must be unless the kernel refuses
# them all or DOSSIER_HUGE_PAGES=0.
# Usage: version.sh DOSSIER_BINARY SOURCE_DIR
set -u
bin=$1
want=${DOSSIER_EXPECT_MALLOC:?set by tests/CMakeLists.txt}
line=$("$bin" --version) || { echo "FAIL: --version exited $?"; exit 1; }
case "$line" in
  "dossier "[0-9]*" (malloc: $want"*")") ;;
  *) echo "FAIL: --version printed [$line], want malloc $want"; exit 1 ;;
esac
thp=$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo "[never]")
if [ "$want" = tcmalloc ] && [ "${thp#*\[never\]}" = "$thp" ]; then
  case "$line" in
    *", transparent huge pages)") ;;
    *) echo "FAIL: --version printed [$line], want huge pages (kernel: $thp)"; exit 1 ;;
  esac
  off=$(DOSSIER_HUGE_PAGES=0 "$bin" --version)
  case "$off" in
    *"huge pages"*) echo "FAIL: DOSSIER_HUGE_PAGES=0 still printed [$off]"; exit 1 ;;
  esac
fi
# The allocator must also carry a real run: index and read back one article.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' '{"id": "v1", "title": "Port reopens", "text": "The port reopened on Monday after the storm, the harbour master said."}' > "$tmp/a.jsonl"
"$bin" index --quiet --db "$tmp/db" "$tmp/a.jsonl" > /dev/null ||
  { echo "FAIL: index exited $?"; exit 1; }
got=$("$bin" stats --db "$tmp/db" --json | python3 -c "import json,sys; print(json.load(sys.stdin)['articles'])")
[ "$got" = 1 ] || { echo "FAIL: stats articles [$got], want 1"; exit 1; }
echo "ok: $line"
