#!/usr/bin/env bash
# Takes the README's screenshots (docs/screenshots/*.png) from a real FER Studio window under Xvfb.
# Needs the Debian packages xvfb and libgtk-3-0 (sudo apt-get install xvfb libgtk-3-0), the shipped
# model in models/, and the shared sample photos (../shared/photos). Usage: scripts/screenshots.sh [DATASET]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PHOTOS=${FER_PHOTOS:-$ROOT/../shared/photos}
DATASET=${1:-$ROOT/../shared/data/fer2013.csv.gz}
[ -f "$DATASET" ] || DATASET=$ROOT/data/format-example.csv
command -v Xvfb >/dev/null || { echo "Xvfb is missing: sudo apt-get install xvfb libgtk-3-0" >&2; exit 1; }
[ -d "$PHOTOS" ] || { echo "no sample photos at $PHOTOS (set FER_PHOTOS)" >&2; exit 1; }

BUILD=target-screenshots
mvn -q -B test-compile dependency:build-classpath -Dfer.build.dir=$BUILD \
    -Dmdep.outputFile=$BUILD/test-classpath.txt -Dmdep.includeScope=test

DISPLAY_NUM=:${FER_XVFB_DISPLAY:-91}
Xvfb "$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1

DISPLAY=$DISPLAY_NUM OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} java -Xmx2g \
    -Dorg.bytedeco.javacpp.maxbytes=6G -Dorg.bytedeco.javacpp.maxphysicalbytes=10G \
    -Dorg.eclipse.deeplearning4j.helpers.disable=false -Dfer.home="$ROOT" \
    -cp "$BUILD/classes:$BUILD/test-classes:$(cat $BUILD/test-classpath.txt)" \
    org.ferstudio.app.ScreenshotTour "$ROOT/docs/screenshots" "$PHOTOS" "$DATASET"
