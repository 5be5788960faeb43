#!/usr/bin/env bash
# Tokens/s of tokenization + entity recognition on one core over the BBC
# articles. Usage: bench/ner.sh [BUILD_DIR] [JSONL]
# Builds bench_ner in BUILD_DIR (default build, Release) and pins it to one
# core with taskset when available.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
data=${2:-/work/shared/data/bbc/bbc.jsonl}
cmake --build "$build" --target bench_ner >/dev/null
bin=$(find "$build" -name bench_ner -type f -perm -u+x | head -1)
if command -v taskset >/dev/null; then
  exec taskset -c 0 "$bin" "$data" 3
fi
exec "$bin" "$data" 3
