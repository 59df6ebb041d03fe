#!/usr/bin/env bash
# The figures of docs/SCALE.md: batch prediction in local[1] and local[2] against single-process predict on the
# same files, and data-parallel training (2 workers, K = 1, 8, 32) against single-process train on a FER2013
# subset. Run on a quiet machine (or under the team's lock: flock /tmp/fer-heavy.lock scripts/spark-benchmark.sh).
# Writes its logs and tables to ${1:-/tmp/fer-spark-bench}.
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-/tmp/fer-spark-bench}"
copies="${COPIES:-20}"
rows="${ROWS:-2048}"
epochs="${EPOCHS:-2}"
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
for m in 'local[1]' 'local[2]'; do
  { t bash -c './fer-studio-spark predict --master "$0" --input "$1" --output "$2" --format csv > "$2.txt" 2> "$2.log"' \
      "$m" "$out/photos" "$out/spark-$m"; } 2>> "$out/summary.txt"
  echo "$m: $(cat "$out/spark-$m.txt")" >> "$out/summary.txt"
done
fi

echo "== train: $rows rows a split, $epochs epochs, batch $batch, cosine, standard augmentation" >> "$out/summary.txt"
common=(--data "$data" --max-train-rows "$rows" --epochs "$epochs" --batch "$batch" --schedule cosine --early-stopping 0 \
        --tta none --no-test)
if [[ " $parts " == *" single "* ]]; then
  { t ./fer-studio train "${common[@]}" --out "$out/single-model" > "$out/single-train.txt" 2>&1; } 2>> "$out/summary.txt"
  grep -E '^epoch|best epoch' "$out/single-train.txt" | sed 's/^/single: /' >> "$out/summary.txt" || true
fi
[[ " $parts " == *" train "* ]] || ks=""
for k in $ks; do
  { t bash -c 'k=$1; out=$2; shift 2; ./fer-studio-spark train --master "local[2]" --workers 2 --steps-per-round "$k" \
      "$@" --out "$out/k$k-model" > "$out/k$k.txt" 2> "$out/k$k.log"' _ "$k" "$out" "${common[@]}"; } 2>> "$out/summary.txt"
  grep -E 'MB each way' "$out/k$k.log" | sed "s/^.* - /K=$k: /" >> "$out/summary.txt" || true
  sed "s/^/K=$k: /" "$out/k$k.txt" >> "$out/summary.txt"
done
cat "$out/summary.txt"
