#!/usr/bin/env bash
# Resident memory of `textvae encode` streaming a large file to Parquet, sampled every second: it must stay flat
# however many lines there are. Prints lines, seconds, sentences/s and resident memory (MiB) over the run.
# Usage: bench/encode-memory.sh [LINES (default 1000000)] [CHECKPOINT (default: configs/tiny.json trained here)]
# TEXTVAE_DLL=path/to/textvae.dll uses an existing build instead of building Release.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
checkpoint=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source bench/textvae-build.sh
textvae=(dotnet "$TEXTVAE_DLL")
if [ -z "$checkpoint" ]; then
  "${textvae[@]}" train --config configs/tiny.json --out "$work/tiny" --device cpu >/dev/null 2>&1
  checkpoint=$work/tiny/best.tvae
fi
# Short lines: the shipped corpus repeated to the wanted count.
awk -v n="$lines" '{ s[NR] = $0 } END { for (i = 0; i < n; i++) print s[i % NR + 1] }' corpora/default/train.txt > "$work/lines.txt"

start=$(date +%s.%N)
"${textvae[@]}" encode --checkpoint "$checkpoint" --data "$work/lines.txt" --out "$work/codes.parquet" --device cpu > "$work/log" &
pid=$!
: > "$work/rss"
while kill -0 "$pid" 2>/dev/null; do
  ps -o rss= -p "$pid" >> "$work/rss" 2>/dev/null || true
  sleep 1
done
wait "$pid"
end=$(date +%s.%N)
cat "$work/log"
awk -v lines="$lines" -v seconds="$(echo "$end - $start" | bc)" -v bytes="$(stat -c %s "$work/codes.parquet")" '
  NF { rss[++n] = $1 / 1024 }
  END {
    q = int(n / 4); if (q < 1) q = 1
    min = 1e18; max = 0
    for (i = q; i <= n; i++) { if (rss[i] < min) min = rss[i]; if (rss[i] > max) max = rss[i] }
    printf "lines %d, %.0f s, %.0f sentences/s, parquet %.1f MiB\n", lines, seconds, lines / seconds, bytes / 1048576
    printf "resident MiB: at 25%% of the run %.0f, at 50%% %.0f, at 75%% %.0f, last %.0f; over the last 75%% min %.0f max %.0f (%d samples)\n",
      rss[q], rss[int(n / 2)], rss[int(3 * n / 4)], rss[n], min, max, n
  }' "$work/rss"
