#!/usr/bin/env bash
# Runs TextVae's GPU checks on a machine without .NET, from the folder that bench/gpu/package.sh made, on the
# machine's PyTorch libtorch. Everything lands in OUT_DIR: summary.txt (the figures, read it first) and
# results.tar.gz (every command's output, the run folder's metrics, TUI screens), both rewritten after each step so
# that a run cut short still returns what it measured. Exits 1 when any step failed.
#
# usage: PACKAGE_DIR/run.sh OUT_DIR [STEP...]     steps: info bench-train train eval bench-generate tui (default: all, in that order)
# environment:
#   DEVICE=cuda|cpu            default cuda
#   TEXTVAE_LIBTORCH=DIR       default: the lib folder of python3's torch
#   PROFILE=full|tiny          tiny: 2 timed steps, 500 training sentences, 1 epoch, K=5 on 50 test sentences (rehearsal)
#   BROWN_EPOCHS=N             override the Brown configuration's epochs
#   WORK=DIR                   unpack and run there (default OUT_DIR/../textvae-work); kept between calls, so a
#                              second call skips unpacking and building
set -uo pipefail

package=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ]; then sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; fi
mkdir -p "$1"
out=$(cd "$1" && pwd)
shift
steps=("$@")
[ ${#steps[@]} -eq 0 ] && steps=(info bench-train train eval bench-generate tui)
device=${DEVICE:-cuda}
profile=${PROFILE:-full}
work=${WORK:-$(dirname "$out")/textvae-work}
logs="$work/logs"
mkdir -p "$work" "$logs"
summary="$out/summary.txt"
failed=0

note() { echo "$*" | tee -a "$summary"; }
pack() { tar -C "$work" -czf "$out/results.tar.gz" logs $(cd "$work" && ls -d data/runs/*/*.jsonl data/runs/*/*.csv data/runs/*/*.json data/runs/*/*.png 2>/dev/null) 2>/dev/null; }
# step NAME COMMAND...: runs it with its output in logs/NAME.txt, notes exit code and wall time.
step() {
  local name=$1; shift
  local start=$(date +%s%N)
  "$@" > "$logs/$name.txt" 2>&1
  local code=$?
  [ $code -ne 0 ] && failed=$((failed + 1))
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  note "$(printf '%-28s exit %-3s %6d.%01d s' "$name" "$code" $((ms / 1000)) $((ms % 1000 / 100)))"
  pack
  return $code
}

note "== TextVae GPU checks $(date -u +%FT%TZ) on $(hostname), profile $profile, device $device, package $(cat "$package/VERSION" 2>/dev/null)"
command -v nvidia-smi >/dev/null && nvidia-smi > "$logs/nvidia-smi.txt" 2>&1

# Unpack once.
if [ ! -x "$work/dotnet/dotnet" ]; then
  mkdir -p "$work/dotnet" "$work/app" "$work/data"
  xz -dc "$package/dotnet-runtime.tar.xz" | tar -xf - -C "$work/dotnet"
  xz -dc "$package/textvae.tar.xz" | tar -xf - -C "$work/app"
  xz -dc "$package/data.tar.xz" | tar -xf - -C "$work/data"
fi
if [ -f "$package/torchsharp-native.tar.xz" ] && [ ! -d "$work/torchsharp" ]; then
  mkdir -p "$work/torchsharp" && xz -dc "$package/torchsharp-native.tar.xz" | tar -xf - -C "$work/torchsharp"
fi
export DOTNET_ROOT="$work/dotnet" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 TEXTVAE_NATIVE_CACHE="$work/native-cache"
textvae() { "$work/dotnet/dotnet" "$work/app/textvae.dll" "$@"; }

if [ -z "${TEXTVAE_LIBTORCH:-}" ]; then
  torch_dir=$(python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))' 2>"$logs/python-torch.txt") \
    || { note "python3 cannot import torch (logs/python-torch.txt); set TEXTVAE_LIBTORCH"; pack; exit 1; }
  export TEXTVAE_LIBTORCH="$torch_dir/lib"
fi
python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available())' \
  >> "$logs/python-torch.txt" 2>&1 || echo "python3 has no torch" >> "$logs/python-torch.txt"
note "libtorch: $TEXTVAE_LIBTORCH ($(tail -1 "$logs/python-torch.txt"))"

# The packaged libLibTorchSharp.so is built against libtorch 2.10; another version needs one built against it.
if [ -z "${TEXTVAE_LIBTORCHSHARP:-}" ]; then
  if [ -f "$work/libtorchsharp/libLibTorchSharp.so" ]; then
    export TEXTVAE_LIBTORCHSHARP="$work/libtorchsharp/libLibTorchSharp.so"
  elif ! textvae info --device cpu > "$logs/info-packaged-libtorchsharp.txt" 2>&1 || grep -q 'differs from' "$logs/info-packaged-libtorchsharp.txt"; then
    # Even when every symbol binds, another minor version may lay out its classes differently: build in both cases.
    note "packaged libLibTorchSharp.so: $(grep -E 'error|differs' "$logs/info-packaged-libtorchsharp.txt" | head -1)"
    if [ ! -d "$work/torchsharp" ]; then
      note "this package has no TorchSharp sources to build one (package.sh TORCHSHARP_SRC): install PyTorch 2.10 (pip install \"torch==2.10.*\") or repackage with them"
      pack; exit 1
    fi
    if step build-libtorchsharp "$package/build-libtorchsharp.sh" "$work/torchsharp" "$work/libtorchsharp"; then
      export TEXTVAE_LIBTORCHSHARP="$work/libtorchsharp/libLibTorchSharp.so"
    else
      note "building libLibTorchSharp.so failed; last lines:"; tail -15 "$logs/build-libtorchsharp.txt" | tee -a "$summary"
      pack; exit 1
    fi
  fi
fi

cd "$work/data"
train=corpora/brown/train.txt valid=corpora/brown/valid.txt test=corpora/brown/test.txt
bench_steps=(--steps 200 --warmup 20) epochs=() samples=500
if [ "$profile" = tiny ]; then
  head -n 500 corpora/brown/train.txt > tiny-train.txt; head -n 100 corpora/brown/valid.txt > tiny-valid.txt
  head -n 50 corpora/brown/test.txt > tiny-test.txt
  train=tiny-train.txt valid=tiny-valid.txt test=tiny-test.txt
  bench_steps=(--steps 2 --warmup 1) epochs=(--set training.epochs=1) samples=5
fi
[ -n "${BROWN_EPOCHS:-}" ] && epochs=(--set "training.epochs=$BROWN_EPOCHS")
bowman=(--corpus corpora/brown/train.txt --cell lstm --embedding 300 --hidden 256 --latent 16 --max-len 30 --vocab 10000 --word-dropout 0.25)
run=runs/brown-lstm

for s in "${steps[@]}"; do
  case $s in
    info)
      step info textvae info --device "$device" && grep -E '^(libtorch|loaded from|native|cuda|gpu|device)' "$logs/info.txt" | tee -a "$summary" ;;
    bench-train)
      for batch in 32 256; do
        step "bench-train-b$batch" textvae bench train "${bowman[@]}" --batch "$batch" "${bench_steps[@]}" --device "$device" --json \
          && note "  $(tail -1 "$logs/bench-train-b$batch.txt")"
      done ;;
    train)
      rm -rf "$run"
      step train-brown-lstm textvae train --config configs/brown-lstm.json --train "$train" --valid "$valid" "${epochs[@]}" --out "$run" --device "$device"
      grep -iE 'valid|elbo|best|stopp' "$logs/train-brown-lstm.txt" | tail -4 | sed 's/^/  /' | tee -a "$summary" ;;
    eval)
      step eval-k$samples textvae eval --checkpoint "$run/best.tvae" --data "$test" --samples "$samples" --device "$device" \
        && grep -A1 -E '^ +(NLL|ELBO) ' "$logs/eval-k$samples.txt" | grep -v '^--$' | sed 's/^/  /' | tee -a "$summary" ;;
    bench-generate)
      step bench-generate textvae bench generate --checkpoint "$run/best.tvae" --device "$device" --json \
        && note "  $(tail -1 "$logs/bench-generate.txt")" ;;
    tui)
      if ! command -v tmux >/dev/null; then note "tui: tmux is not installed here; skipped"; continue; fi
      socket="textvae-gpu-$$"
      tmux -L "$socket" new-session -d -s tui -x 120 -y 40 -c "$work/data" \
        "env DOTNET_ROOT='$DOTNET_ROOT' TEXTVAE_LIBTORCH='$TEXTVAE_LIBTORCH' TEXTVAE_LIBTORCHSHARP='${TEXTVAE_LIBTORCHSHARP:-}' TEXTVAE_NATIVE_CACHE='$TEXTVAE_NATIVE_CACHE' '$work/dotnet/dotnet' '$work/app/textvae.dll' tui --checkpoint '$run/best.tvae' --device '$device'"
      screen() { sleep "$1"; tmux -L "$socket" capture-pane -p -t tui > "$logs/tui-$2.txt" 2>&1; }
      keys() { tmux -L "$socket" send-keys -t tui "$@"; }
      screen 8 start
      keys F2; keys C-g; screen 5 sample
      keys F3; keys C-g; screen 5 interpolate
      keys F4; sleep 1; keys -l "His petition charged mental cruelty ."; keys C-g; screen 5 paraphrase
      keys C-q; sleep 2; tmux -L "$socket" kill-server 2>/dev/null
      note "$(printf '%-28s screens %s' tui "$(cd "$logs" && ls tui-*.txt | tr '\n' ' ')")"
      grep -hE 'sample|interpol|paraphrase|cuda|ms' "$logs"/tui-*.txt | grep -vE '^\s*$' | head -8 | sed 's/^/  /' >> "$summary"
      for screen in sample:sampled interpolate:interpolate: paraphrase:paraphrase:; do
        grep -q "${screen#*:}" "$logs/tui-${screen%%:*}.txt" 2>/dev/null || { note "tui: the ${screen%%:*} screen shows no result"; failed=$((failed + 1)); }
      done
      pack ;;
    *) note "unknown step $s" ;;
  esac
done
note "== done $(date -u +%FT%TZ), $failed step(s) failed"
pack
[ $failed -eq 0 ]
