#!/usr/bin/env bash
# Indexing and query benchmark: dossier against a minimal plain-Xapian
# indexer (bench/bench_plain_xapian.cc: TermGenerator, same stemmer,
# positions, default settings, one commit), on the BBC corpus and on a 20x
# copy made on the fly with distinct ids. Prints articles/s, MB/s, peak RSS
# and index size for both, their ratios, and query/snippet latencies.
# "index" is the Xapian database; dossier keeps the article text apart, in
# its records (docs/), which the plain indexer stores as document data, so
# the whole database is printed too.
#
# The machine's speed can change from one minute to the next (on shared
# machines we saw the same plain run take 24 s and then 36 s), so each
# indexing run is repeated ROUNDS times (default 3), plain and dossier in
# turn, and the figures are the medians; the ratio of each round is printed
# too.
#
#   bench/index.sh [BBC_JSONL] [BUILD_DIR]      (ROUNDS=N in the environment)
set -euo pipefail
rounds=${ROUNDS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/data/bbc/bbc.jsonl}
build=${2:-$root/build}
bin=$build/bin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$corpus" "$tmp/x20.jsonl" <<'PY'
import json, sys
src, dst = sys.argv[1], sys.argv[2]
lines = open(src, encoding="utf-8").read().splitlines()
with open(dst, "w", encoding="utf-8") as out:
    for copy in range(20):
        for line in lines:
            record = json.loads(line)
            record["id"] = f"{record.get('id', '')}-x{copy}"
            out.write(json.dumps(record) + "\n")
PY

# run CMD...: runs CMD, prints "seconds peak_rss_kib cpu_seconds" (cpu is
# user + sys: a slow round with the usual CPU waited, one with more CPU
# computed more or ran on a slower machine).
run() {
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$@" > /dev/null 2> "$tmp/stderr" ||
    { cat "$tmp/stderr"; exit 1; }
  awk '{printf "%s %s %.1f\n", $1, $2, $3 + $4}' "$tmp/time"
}
text_bytes() {
  python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8')))" "$1"
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

declare -A result
for scale in 1 20; do
  input=$corpus
  [ "$scale" = 20 ] && input=$tmp/x20.jsonl
  bytes=$(text_bytes "$input")
  articles=$(wc -l < "$input")
  p_times=(); d_times=(); p_rsses=(); d_rsses=()
  for round in $(seq "$rounds"); do
    rm -rf "$tmp/plain$scale" "$tmp/dossier$scale"
    read -r p_s p_rss p_cpu < <(run "$bin/bench_plain_xapian" "$input" "$tmp/plain$scale")
    read -r d_s d_rss d_cpu < <(run "$bin/dossier" index --quiet --db "$tmp/dossier$scale" "$input")
    p_times+=("$p_s"); d_times+=("$d_s"); p_rsses+=("$p_rss"); d_rsses+=("$d_rss")
    echo "   ${scale}x round $round: plain ${p_s} s (cpu ${p_cpu} s), dossier ${d_s} s (cpu ${d_cpu} s), ratio $(python3 -c "print(f'{$p_s/$d_s:.2f}')")" >&2
  done
  p_s=$(median "${p_times[@]}"); d_s=$(median "${d_times[@]}")
  p_rss=$(median "${p_rsses[@]}"); d_rss=$(median "${d_rsses[@]}")
  p_size=$(du -sb "$tmp/plain$scale" | cut -f1)
  d_size=$(du -sb "$tmp/dossier$scale/xapian" | cut -f1)
  g_size=$(du -sb "$tmp/dossier$scale/graph" | cut -f1)
  r_size=$(du -sb "$tmp/dossier$scale/docs" | cut -f1)
  result[$scale]="$bytes $articles $p_s $p_rss $p_size $d_s $d_rss $d_size $g_size $r_size"
done

python3 - "$rounds" "${result[1]}" "${result[20]}" <<'PY'
import sys
rounds = int(sys.argv.pop(1))
rows = {}
for scale, line in zip((1, 20), sys.argv[1:]):
    b, n, ps, prss, psize, ds, drss, dsize, gsize, rsize = map(float, line.split())
    rows[scale] = dict(b=b, n=n, ps=ps, prss=prss, psize=psize, ds=ds,
                       drss=drss, dsize=dsize, gsize=gsize, rsize=rsize)
mb = 1024 * 1024
print(f"{'':24}{'plain Xapian':>16}{'dossier':>16}{'ratio':>10}")
for scale, r in rows.items():
    print(f"-- {scale}x: {int(r['n'])} articles, {r['b']/mb:.1f} MB of text")
    print(f"{'articles/s':24}{r['n']/r['ps']:16.0f}{r['n']/r['ds']:16.0f}{r['ps']/r['ds']:10.2f}")
    print(f"{'MB/s':24}{r['b']/mb/r['ps']:16.2f}{r['b']/mb/r['ds']:16.2f}{r['ps']/r['ds']:10.2f}")
    print(f"{f'seconds (median of {rounds})':24}{r['ps']:16.1f}{r['ds']:16.1f}")
    print(f"{'peak RSS (MiB)':24}{r['prss']/1024:16.0f}{r['drss']/1024:16.0f}")
    print(f"{'index / text':24}{r['psize']/r['b']:16.2f}{r['dsize']/r['b']:16.2f}")
    print(f"{'records (docs/) / text':24}{'':16}{r['rsize']/r['b']:16.2f}")
    print(f"{'graph store / text':24}{'':16}{r['gsize']/r['b']:16.2f}")
    print(f"{'whole database / text':24}{r['psize']/r['b']:16.2f}"
          f"{(r['dsize'] + r['rsize'] + r['gsize'])/r['b']:16.2f}")
one, twenty = rows[1], rows[20]
print(f"-- scaling: 20x the text costs {twenty['ps']/one['ps']:.1f}x the time "
      f"(plain), {twenty['ds']/one['ds']:.1f}x (dossier)")
PY
echo "-- queries (20 queries x 15 rounds, top 10, 1x corpus):"
"$bin/bench_query" "$tmp/dossier1" "$tmp/plain1" | python3 -c "
import json, sys
q = json.load(sys.stdin)
print(f\"search median ms: plain {q['plain_median_ms']:.3f}, dossier {q['dossier_median_ms']:.3f} (ratio {q['dossier_median_ms']/q['plain_median_ms']:.2f})\")
print(f\"search p99 ms:    plain {q['plain_p99_ms']:.3f}, dossier {q['dossier_p99_ms']:.3f}\")
print(f\"10 snippets median ms: MSet::snippet {q['xapian_snippet10_median_ms']:.3f}, dossier {q['dossier_snippet10_median_ms']:.3f} (ratio {q['dossier_snippet10_median_ms']/q['xapian_snippet10_median_ms']:.2f})\")
"
