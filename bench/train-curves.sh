#!/usr/bin/env bash
# Where training time goes as the model grows: `textvae bench train` tokens/s and ms/step, with --profile's
# phases (batch, forward, backward, clip, update) on each row.
# Two sweeps of the Bowman-size model (issue #14's settings): batch 32, 64, 128, 256 at hidden 256,
# then hidden 128, 256, 512, 1024 at batch 32. Every run trains about the same number of tokens.
# Usage: bench/train-curves.sh [extra bench train flags, e.g. --cell gru or --projection-precision bfloat16]
# TEXTVAE_DLL=path/to/textvae.dll uses an existing build instead of building Release.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/textvae-build.sh
common=(--corpus corpora/brown/train.txt --embedding 300 --latent 16 --vocab 10000 --max-len 60 --threads 2 --profile --json "$@")

run() { # batch hidden
  local steps=$((40 * 32 / $1)); [ "$steps" -lt 8 ] && steps=8
  dotnet "$TEXTVAE_DLL" bench train "${common[@]}" --batch "$1" --hidden "$2" --steps "$steps" --warmup 4 |
    python3 -c '
import json, sys
d = json.load(sys.stdin); p = d["profile_ms_per_step"]
cells = [sys.argv[1], sys.argv[2], format(d["tokens_per_second"], ",.0f"), format(d["ms_per_step"], ".0f")]
cells += [format(p[k], ".0f") for k in ("batch", "forward", "backward", "clip", "update")]
print("| " + " | ".join(cells + [format(d["peak_rss_mb"], ",.0f")]) + " |")' "$1" "$2"
}

echo "| batch | hidden | tokens/s | ms/step | batch ms | forward ms | backward ms | clip ms | update ms | peak MiB |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for batch in 32 64 128 256; do run "$batch" 256; done
for hidden in 128 512 1024; do run 32 "$hidden"; done
