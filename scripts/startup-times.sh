#!/usr/bin/env bash
# Times FER Studio's start-up, the installed app image against the checkout's ./fer-studio launcher:
#   window:  from the command to the main window on screen (polled with xwininfo under Xvfb every 50 ms)
#   predict: the whole `predict --json` run on the smiling portrait (start, model load, detection, one face)
# Needs the app image (scripts/package.sh --image-only), a built checkout (./fer-studio run once), the Debian
# packages xvfb, x11-utils and libgtk-3-0, and ../shared/photos. Usage: scripts/startup-times.sh [RUNS]
# Prints one line per run: launcher kind seconds [load average].
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-3}
IMAGE=${FER_IMAGE:-$ROOT/target/package/fer-studio}
PHOTO=${FER_PHOTO:-$ROOT/../shared/photos/obama.jpg}
command -v Xvfb >/dev/null && command -v xwininfo >/dev/null \
  || { echo "needs Xvfb and xwininfo: sudo apt-get install xvfb x11-utils libgtk-3-0" >&2; exit 1; }
[[ -x $IMAGE/bin/fer-studio ]] || { echo "no app image at $IMAGE: run scripts/package.sh --image-only" >&2; exit 1; }
[[ -f $PHOTO ]] || { echo "no portrait at $PHOTO (set FER_PHOTO)" >&2; exit 1; }

DISPLAY_NUM=:${FER_XVFB_DISPLAY:-93}
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
APP=
cleanup() { [[ -n "$APP" ]] && kill "$APP" 2>/dev/null; kill "$XVFB" 2>/dev/null || true; }
trap cleanup EXIT
sleep 1

now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }

time_window() {  # $1 = launcher
  local start end
  start=$(now)
  DISPLAY=$DISPLAY_NUM "$1" >/dev/null 2>&1 &
  APP=$!
  until DISPLAY=$DISPLAY_NUM xwininfo -root -tree 2>/dev/null | grep -q '"FER Studio"'; do
    kill -0 "$APP" 2>/dev/null || { echo "the app exited before its window showed" >&2; return 1; }
    sleep 0.05
  done
  end=$(now)
  kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null || true
  APP=
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f\n", b - a }'
}

time_predict() {  # $1 = launcher
  local start end
  start=$(now)
  "$1" predict --json "$PHOTO" | grep -Eq '"label" *: *"Happy"' \
    || { echo "predict did not find a Happy face" >&2; return 1; }
  end=$(now)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f\n", b - a }'
}

for ((i = 1; i <= RUNS; i++)); do
  for launcher in "$IMAGE/bin/fer-studio" "$ROOT/fer-studio"; do
    name=$([[ $launcher == "$IMAGE"* ]] && echo app-image || echo checkout)
    echo "$name window $(time_window "$launcher") [load $(load)]"
    echo "$name predict $(time_predict "$launcher") [load $(load)]"
  done
done
