#!/bin/bash
# Scores every sentence of a corpus on shared storage with `textvae score`, one shard per Slurm array task, one
# Parquet file per shard. textvae reads SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT, so task K scores shard K of N.
# Submit:   CHECKPOINT=/shared/runs/brown/best.tvae DATA=/shared/corpus.txt OUT=/shared/scores sbatch configs/jobs/score-slurm.sh
# Another N: sbatch --array=0-63 configs/jobs/score-slurm.sh (the shard count follows the array).
# Rerun:    the same command; tasks whose part is complete skip it, killed or preempted ones redo theirs.
#SBATCH --job-name=textvae-score
#SBATCH --array=0-15
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=08:00:00
#SBATCH --requeue
#SBATCH --output=textvae-score-%A_%a.log
set -euo pipefail

: "${CHECKPOINT:?set CHECKPOINT to the model file (best.tvae)}"
: "${DATA:?set DATA to the corpus, one sentence per line}"
: "${OUT:?set OUT to the folder for the Parquet parts}"
TEXTVAE=${TEXTVAE:-textvae}   # the published command, or "dotnet /shared/textvae/textvae.dll"
mkdir -p "$OUT"

# {shard} becomes K in five digits: part-00000.parquet … part-00015.parquet. A part appears under its name only when
# complete; on preemption Slurm sends SIGTERM, textvae removes its unfinished file and exits with 143.
# exec: textvae itself receives Slurm's signals.
exec $TEXTVAE score \
  --checkpoint "$CHECKPOINT" \
  --data "$DATA" \
  --samples "${SAMPLES:-100}" \
  --out "$OUT/part-{shard}.parquet" \
  --device auto
