#!/usr/bin/env bash
# Runs ./fer-studio benchmark and the PyTorch reference (../shared/tools/perf-ref/run.sh) back to back
# and prints each figure of both with the ratio FER Studio / PyTorch (for ms figures: PyTorch / FER Studio,
# so that above 1 always means FER Studio is faster). Machines differ and drift: only ratios taken back to
# back on a quiet machine mean anything (docs/PERFORMANCE.md).
#   scripts/perf-compare.sh [--threads N] [--reps N] [--out DIR]
set -euo pipefail
home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
threads=2 reps=300 out=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "error: unknown option '$1' (expected --threads N, --reps N, --out DIR)" >&2; exit 2 ;;
  esac
done
ref="$home/../shared/tools/perf-ref/run.sh"
[[ -x "$ref" ]] || { echo "error: the PyTorch reference $ref is missing (needs ../shared)" >&2; exit 1; }
out="${out:-$(mktemp -d)}"
mkdir -p "$out"
echo "# $(date -u +%FT%TZ) $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), threads=$threads" | tee "$out/pair.txt"
"$home/fer-studio" --threads "$threads" benchmark --reps "$reps" 2>/dev/null | tee "$out/fer.txt"
(cd "$(dirname "$ref")" && WAIT_IDLE_S="${WAIT_IDLE_S:-120}" ./run.sh --threads "$threads" --reps "$reps" 2>/dev/null) | tee "$out/ref.txt"
value() { grep -m"${3:-1}" "^$2=" "$1" | tail -1 | sed -E "s/^$2=([0-9.]+).*/\1/"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.2f", a / b }'; }
ft=$(value "$out/fer.txt" train_img_per_s); rt=$(value "$out/ref.txt" train_img_per_s)
fi=$(value "$out/fer.txt" infer_batch64_img_per_s); ri=$(value "$out/ref.txt" infer_batch64_img_per_s)
f1=$(grep "^infer_batch1_ms_median=.* threads=1 " "$out/fer.txt" | sed -E 's/^[^=]+=([0-9.]+).*/\1/' | tail -1)
r1=$(grep "^infer_batch1_ms_median=.* threads=1 " "$out/ref.txt" | sed -E 's/^[^=]+=([0-9.]+).*/\1/' | tail -1)
{
  echo "figure                          fer_studio  pytorch  ratio"
  printf "training img/s, batch 64        %10s %8s %6s\n" "$ft" "$rt" "$(ratio "$ft" "$rt")"
  printf "inference img/s, batch 64       %10s %8s %6s\n" "$fi" "$ri" "$(ratio "$fi" "$ri")"
  printf "one face ms, 1 thread (faster>1)%10s %8s %6s\n" "$f1" "$r1" "$(ratio "$r1" "$f1")"
} | tee -a "$out/pair.txt"
