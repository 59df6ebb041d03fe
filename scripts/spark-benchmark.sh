#!/usr/bin/env bash
# The figures of docs/SCALE.md: batch prediction in local[1] and local[2] against single-process predict on the
# same files, and data-parallel training (2 workers, K = 1, 8, 32) against single-process train on a FER2013
# subset. Run on a quiet machine: nothing else busy, not even at low priority (the figures in docs/SCALE.md ran
# one part at a time, PARTS=predict, PARTS=single, PARTS=train KS=32 ..., with the machine's other jobs paused).
# Writes its logs and tables to ${1:-/tmp/fer-spark-bench}. Sizes: COPIES (of each of the 3 photos), ROWS (per
# split), EPOCHS, BATCH (per worker); PREDICT_RUNS, e.g. 'local[1] local[2] local[2]:1' (:T = FER_THREADS=T).
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-/tmp/fer-spark-bench}"
copies="${COPIES:-100}"
rows="${ROWS:-4096}"
epochs="${EPOCHS:-5}"
batch="${BATCH:-32}"
parts="${PARTS:-predict single train}"   # which parts to run
ks="${KS:-1 8 32}"
data="${DATA:-$home/../shared/data/fer2013.csv.gz}"
rm -rf "$out"; mkdir -p "$out/photos"
for i in $(seq 1 "$copies"); do
  for f in "$home"/../shared/photos/*.jpg; do cp "$f" "$out/photos/$(basename "${f%.jpg}")-$i.jpg"; done
done
n=$(ls "$out/photos" | wc -l)
cd "$home"
./fer-studio --help > /dev/null; ./fer-studio-spark --help > /dev/null   # builds, outside the timings
t() { local s=$(date +%s.%N); "$@"; echo "wall $(echo "$(date +%s.%N) - $s" | bc) s" >&2; }

if [[ " $parts " == *" predict "* ]]; then
echo "== predict: $n files" | tee "$out/summary.txt"
{ t ./fer-studio predict --csv "$out/photos" > "$out/single.csv"; } 2>> "$out/summary.txt"
# MASTER or MASTER:T (T compute threads a task, FER_THREADS; default: the core count, as ./fer-studio)
for run in ${PREDICT_RUNS:-local[1] local[2] local[2]:1}; do
  m="${run%%:*}"; threads="${run#"$m"}"; threads="${threads#:}"; name="spark-$m${threads:+-t$threads}"
  { t env ${threads:+FER_THREADS=$threads} bash -c \
      './fer-studio-spark predict --master "$0" --input "$1" --output "$2" --format csv > "$2.txt" 2> "$2.log"' \
      "$m" "$out/photos" "$out/$name"; } 2>> "$out/summary.txt"
  echo "$run: $(cat "$out/$name.txt")" >> "$out/summary.txt"
done
fi

echo "== train: $rows rows a split, $epochs epochs, batch $batch, cosine, standard augmentation" >> "$out/summary.txt"
common=(--data "$data" --max-train-rows "$rows" --epochs "$epochs" --batch "$batch" --schedule cosine --early-stopping 0 \
        --tta none --no-test)
if [[ " $parts " == *" single "* ]]; then
  { t ./fer-studio train "${common[@]}" --out "$out/single-model" > "$out/single-train.txt" 2>&1; } 2>> "$out/summary.txt"
  grep -E '^epoch +[0-9]+/[0-9]+ +train|^best epoch|^training completed|^wall' "$out/single-train.txt" | sed 's/^/single: /' >> "$out/summary.txt" || true
fi
[[ " $parts " == *" train "* ]] || ks=""
for k in $ks; do
  { t bash -c 'k=$1; out=$2; shift 2; ./fer-studio-spark train --master "local[2]" --workers 2 --steps-per-round "$k" \
      "$@" --out "$out/k$k-model" > "$out/k$k.txt" 2> "$out/k$k.log"' _ "$k" "$out" "${common[@]}"; } 2>> "$out/summary.txt"
  grep -E 'MB each way' "$out/k$k.log" | sed "s/^.* - /K=$k: /" >> "$out/summary.txt" || true
  sed "s/^/K=$k: /" "$out/k$k.txt" >> "$out/summary.txt"
done
cat "$out/summary.txt"
