#!/bin/bash
# Runs the Bowman-size benchmark matrix; one JSON line per run on stdout.
# usage: run_all.sh CORPUS [REPS]
set -eu
corpus=$1; reps=${2:-2}
here=$(dirname "$0")
py=/usr/bin/python3
common="--corpus $corpus --embedding 300 --hidden 256 --latent 16 --batch 32 --max-len 30 --vocab 10000 --word-dropout 0.25 --json"
for rep in $(seq "$reps"); do
  # OpenBLAS tuned (PyTorch at its best): the full 200 timed steps
  for cell in lstm gru; do for t in 1 2; do
    OPENBLAS_CORETYPE=SkylakeX OPENBLAS_NUM_THREADS=1 $py "$here/bowman_vae.py" $common --cell $cell --threads $t --steps 200 --warmup 20
  done; done
done
for rep in $(seq "$reps"); do
  # Debian default OpenBLAS settings: 50 timed steps (about 2.5x slower per step)
  for cell in lstm gru; do for t in 1 2; do
    $py "$here/bowman_vae.py" $common --cell $cell --threads $t --steps ${DEFAULT_STEPS:-50} --warmup 10
  done; done
done
