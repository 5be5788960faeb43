#!/usr/bin/env bash
# Times the interactive graph queries (entity, related, path) on the graph of
# the BBC + Reuters archives, warm cache. The graph is built once into
# $GRAPH_DB (default /tmp/dossier-bench-graph); delete it to rebuild.
# usage: bench/graph.sh [BUILD_DIR]   (default build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
data=${DOSSIER_DATA:-/work/shared/data}
db=${GRAPH_DB:-/tmp/dossier-bench-graph}
cmake --build "$build" --target bench_graph >/dev/null
if [ -e "$db/CURRENT" ]; then
  "$build/bin/bench_graph" --db "$db"
else
  "$build/bin/bench_graph" --db "$db" "$data/bbc/bbc.jsonl" "$data/reuters-21578"
fi
