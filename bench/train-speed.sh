#!/usr/bin/env bash
# Training speed of TextVae (`textvae bench train`), the plain TorchSharp baseline (bench/plain-torchsharp) and
# PyTorch (bench/pytorch/bowman_vae.py) in one run: the same model and data for all three, run one after another for
# R rounds so that a change in the machine's load reaches all of them. Prints each round's target tokens/s and the
# median over rounds of TextVae/plain and TextVae/PyTorch, PyTorch taken at its best thread count in each round.
# Usage: bench/train-speed.sh [--rounds R] [--steps N] [--warmup W] [--corpus FILE] [--sentences S] [--max-len L]
#          [--cell lstm|gru] [--embedding E] [--hidden H] [--latent Z] [--batch B] [--vocab V] [--word-dropout P]
#          [--threads T] [--python-threads "1 2"] [--plain-native default|textvae] [--textvae-args "ARGS"] [--jsonl FILE]
# TEXTVAE_DLL and PLAIN_DLL use existing builds instead of building Release; the environment reaches all three
# programs. See bench/plain-torchsharp/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3 steps=40 warmup=10
corpus=corpora/brown/train.txt sentences=10000 max_len=60
cell=lstm embedding=300 hidden=256 latent=16 batch=32 vocab=10000 word_dropout=0.25
threads=2 python_threads="1 2" plain_native=default textvae_args= jsonl=
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || { echo "train-speed: $1 needs a value" >&2; exit 2; }
  case $1 in
    --rounds) rounds=$2 ;; --steps) steps=$2 ;; --warmup) warmup=$2 ;;
    --corpus) corpus=$2 ;; --sentences) sentences=$2 ;; --max-len) max_len=$2 ;;
    --cell) cell=$2 ;; --embedding) embedding=$2 ;; --hidden) hidden=$2 ;; --latent) latent=$2 ;;
    --batch) batch=$2 ;; --vocab) vocab=$2 ;; --word-dropout) word_dropout=$2 ;;
    --threads) threads=$2 ;; --python-threads) python_threads=$2 ;;
    --plain-native) plain_native=$2 ;; --textvae-args) textvae_args=$2 ;; --jsonl) jsonl=$2 ;;
    *) echo "train-speed: unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
  shift 2
done
case $plain_native in default|textvae) ;; *) echo "train-speed: --plain-native is default or textvae (got $plain_native)" >&2; exit 2 ;; esac
[ -f "$corpus" ] || { echo "train-speed: corpus $corpus does not exist" >&2; exit 2; }
[ "$rounds" -ge 1 ] || { echo "train-speed: --rounds must be at least 1" >&2; exit 2; }

source bench/textvae-build.sh
if [ -z "${PLAIN_DLL:-}" ]; then release_build bench/plain-torchsharp; PLAIN_DLL=bench/plain-torchsharp/bin/Release/net10.0/plain-torchsharp.dll; fi

model=(--corpus "$corpus" --sentences "$sentences" --max-len "$max_len" --cell "$cell" --embedding "$embedding"
       --hidden "$hidden" --latent "$latent" --batch "$batch" --vocab "$vocab" --word-dropout "$word_dropout"
       --steps "$steps" --warmup "$warmup" --json)

# A plain TorchSharp program runs on glibc's and libgomp's defaults; --plain-native textvae gives the plain program
# TextVae's malloc and OpenMP settings too, which leaves the model code as the only difference.
plain_flags=()
if [ "$plain_native" = textvae ]; then plain_flags=(--textvae-native-settings); fi

# PyTorch at its best: Debian's OpenBLAS picks a slow kernel on AVX-512 CPUs unless told, and is fastest with one
# BLAS thread (bench/pytorch/README.md). A core type set in the environment is kept.
python=/usr/bin/python3
have_pytorch=false
if [ -x "$python" ] && "$python" -c 'import torch' 2>/dev/null; then have_pytorch=true; fi
python_env=(OPENBLAS_NUM_THREADS=1)
if [ -n "${OPENBLAS_CORETYPE:-}" ]; then python_env+=(OPENBLAS_CORETYPE="$OPENBLAS_CORETYPE")
elif grep -qw avx512f /proc/cpuinfo; then python_env+=(OPENBLAS_CORETYPE=SkylakeX); fi

measure() { # name, round, command...: prints the run's tokens/s; its JSON line goes to --jsonl
  local name=$1 round=$2 out status line tps
  shift 2
  out=$("$@") && status=0 || status=$?
  line=$(printf '%s\n' "$out" | grep '^{' | tail -n 1) || true
  if [ "$status" -ne 0 ] || [ -z "$line" ]; then
    printf '%s\n' "$out" >&2
    echo "train-speed: $name (round $round) exited with status $status$([ -z "$line" ] && echo ', no JSON line'): $*" >&2
    exit 1
  fi
  tps=$(printf '%s' "$line" | grep -o '"tokens_per_second": *[0-9.]*' | grep -o '[0-9.]*$') \
    || { echo "train-speed: $name (round $round) printed no tokens_per_second: $line" >&2; exit 1; }
  if [ -n "$jsonl" ]; then printf '{"program": "%s", "round": %d, %s\n' "$name" "$round" "${line#\{}" >> "$jsonl"; fi
  echo "$tps"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "settings: $cell embedding $embedding hidden $hidden latent $latent batch $batch vocab $vocab max-len $max_len" \
     "word-dropout $word_dropout, first $sentences sentences of $corpus, $warmup + $steps steps, $rounds rounds"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); TorchSharp programs $threads threads," \
     "plain native settings $plain_native${textvae_args:+, TextVae also $textvae_args}"
if [ -z "${python_threads// /}" ]; then
  have_pytorch=false
  echo "PyTorch: not run (--python-threads is empty)"
elif $have_pytorch; then
  echo "PyTorch: $("$python" -c 'import torch; print(torch.__version__)'), threads $python_threads, ${python_env[*]}"
else
  echo "PyTorch: missing ($python cannot import torch; apt-get install python3-torch libopenblas0-pthread): not compared"
fi

header=$(printf '%-6s %10s %10s' round textvae plain)
if $have_pytorch; then
  for t in $python_threads; do header+=$(printf ' %11s' "pytorch-${t}t"); done
  header+=$(printf ' %15s %17s' textvae/plain textvae/pytorch)
else
  header+=$(printf ' %15s' textvae/plain)
fi
echo "$header"

textvae_all= plain_all= over_plain= over_pytorch=
for round in $(seq "$rounds"); do
  # shellcheck disable=SC2086 # --textvae-args is split into words on purpose
  textvae=$(measure textvae "$round" dotnet "$TEXTVAE_DLL" bench train "${model[@]}" --threads "$threads" --device cpu $textvae_args)
  plain=$(measure plain-torchsharp "$round" dotnet "$PLAIN_DLL" "${model[@]}" --threads "$threads" --device cpu "${plain_flags[@]}")
  row=$(printf '%-6s %10.1f %10.1f' "$round" "$textvae" "$plain")
  textvae_all+="$textvae"$'\n' plain_all+="$plain"$'\n'
  over_plain+="$(ratio "$textvae" "$plain")"$'\n'
  if $have_pytorch; then
    best=0
    for t in $python_threads; do
      pytorch=$(measure "pytorch-${t}t" "$round" env "${python_env[@]}" "$python" bench/pytorch/bowman_vae.py "${model[@]}" --threads "$t")
      row+=$(printf ' %11.1f' "$pytorch")
      best=$(awk -v a="$best" -v b="$pytorch" 'BEGIN { print (b > a ? b : a) }')
    done
    over_pytorch+="$(ratio "$textvae" "$best")"$'\n'
    row+=$(printf ' %15s %17s' "$(ratio "$textvae" "$plain")x" "$(ratio "$textvae" "$best")x")
  else
    row+=$(printf ' %15s' "$(ratio "$textvae" "$plain")x")
  fi
  echo "$row"
done

echo "median tokens/s: TextVae $(printf '%s' "$textvae_all" | median), plain TorchSharp $(printf '%s' "$plain_all" | median)"
echo "TextVae / plain TorchSharp: median $(printf '%s' "$over_plain" | median)x over $rounds rounds"
if $have_pytorch; then
  echo "TextVae / PyTorch at its best (best of threads $python_threads in each round): median $(printf '%s' "$over_pytorch" | median)x"
fi
