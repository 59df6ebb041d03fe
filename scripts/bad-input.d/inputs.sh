#!/usr/bin/env bash
# Bad inputs of the kinds "images, data and options" (issue 18) against the real command line.
# Run by scripts/bad-input.sh, or alone:
#   FER_CMD='java ... -cp target/classes:$(cat target/classpath.txt) org.ferstudio.Launcher' \
#   PHOTOS=../shared/photos scripts/bad-input.d/inputs.sh
# FER_CMD: the command prefix that runs the CLI. PHOTOS: a folder with obama.jpg (may be empty: those
# cases are skipped). Prints PASS/FAIL/SKIP <case> per line; exits 1 if any case failed.
# Each case runs in a fresh temporary folder, checks the message, the exit code and that the files put there
# (the user's) are unchanged afterwards. Most cases fail before the numeric backend loads, so they are quick;
# the photo cases share one predict run. Out-of-range values of every option, and more of each kind, are
# covered by the unit tests (OptionRulesTest, EmptyAndOddDataTest, PredictCommandTest, ...).
set -u
: "${FER_CMD:?FER_CMD must hold the command that runs the FER Studio CLI}"
PHOTOS="${PHOTOS:-}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failed=0

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; failed=1; }
skip() { echo "SKIP $1: $2"; }

# new_case NAME: a fresh folder for the case's files, made the current folder
new_case() {
  CASE="$1"
  DIR="$WORK/$CASE"
  mkdir -p "$DIR"
  cd "$DIR" || exit 1
}

# snapshot: a checksum of every file under the case folder (the user's files), to compare after the run
snapshot() { (cd "$DIR" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }

# run ARGS...: runs the CLI in the case folder; sets RC, OUT, ERR; remembers the files before the run.
# These runs end before any heavy work, so the JVM starts in its quickest mode (C1 only).
run() {
  BEFORE="$(snapshot)"
  # shellcheck disable=SC2086 # FER_CMD is a command line of several words
  JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -XX:TieredStopAtLevel=1 -Xshare:auto" \
    $FER_CMD "$@" >"$WORK/$CASE.out" 2>"$WORK/$CASE.err"
  RC=$?
  OUT="$(cat "$WORK/$CASE.out")"
  ERR="$(cat "$WORK/$CASE.err")"
}

# run_full ARGS...: like run, with the JVM's normal compilers (for a run that computes)
run_full() {
  BEFORE="$(snapshot)"
  # shellcheck disable=SC2086
  $FER_CMD "$@" >"$WORK/$CASE.out" 2>"$WORK/$CASE.err"
  RC=$?
  OUT="$(cat "$WORK/$CASE.out")"
  ERR="$(cat "$WORK/$CASE.err")"
}

# expect CODE TEXT [STREAM]: the exit code, a text in stderr (or stdout with STREAM=out), files unchanged
expect() {
  local code="$1" text="$2" stream="${3:-err}" got
  got="$ERR"; [[ "$stream" == out ]] && got="$OUT"
  if [[ "$RC" != "$code" ]]; then
    fail "$CASE" "exit code $RC, expected $code; stderr: $(head -c 300 <<<"$ERR")"
  elif [[ "$got" != *"$text"* ]]; then
    fail "$CASE" "std$stream lacks '$text'; it was: $(head -c 300 <<<"$got")"
  elif [[ "$(snapshot)" != "$BEFORE" ]]; then
    fail "$CASE" "the files in the folder changed"
  else
    pass "$CASE"
  fi
}

# fer2013_csv FILE ROWS...: a FER2013 CSV whose rows are "label,usage" pairs, grey 128 faces
fer2013_csv() {
  local file="$1"; shift
  python3 - "$file" "$@" <<'PY'
import sys
pixels = " ".join(["128"] * 48 * 48)
with open(sys.argv[1], "w") as f:
    f.write("emotion,pixels,Usage\n")
    for row in sys.argv[2:]:
        label, usage = row.split(",")
        f.write(f"{label},{pixels},{usage}\n")
PY
}

# grey_png FILE: a 48x48 grey PNG, written with the Python standard library only
grey_png() {
  python3 - "$1" <<'PY'
import struct, sys, zlib
w = h = 48
raw = b"".join(b"\x00" + bytes([128]) * w for _ in range(h))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
}

# ---- options: refused by their own names, before anything loads ----

new_case threads-launcher-abc
BEFORE="$(snapshot)"; "$ROOT/fer-studio" --threads abc info >"$WORK/$CASE.out" 2>"$WORK/$CASE.err"; RC=$?
OUT=""; ERR="$(cat "$WORK/$CASE.err")"
expect 2 "--threads must be a whole number of compute threads from 1 to 999999, got 'abc'"

new_case threads-launcher-zero
BEFORE="$(snapshot)"; "$ROOT/fer-studio" --threads 0 info >"$WORK/$CASE.out" 2>"$WORK/$CASE.err"; RC=$?
OUT=""; ERR="$(cat "$WORK/$CASE.err")"
expect 2 "got '0'"

new_case threads-java-abc
BEFORE="$(snapshot)"
# shellcheck disable=SC2086
OMP_NUM_THREADS=abc $FER_CMD info --backend >"$WORK/$CASE.out" 2>"$WORK/$CASE.err"; RC=$?
OUT=""; ERR="$(cat "$WORK/$CASE.err")"
if [[ "$ERR" == *"CUDA"* ]]; then fail "$CASE" "still blames CUDA: $ERR"; else
  expect 2 "OMP_NUM_THREADS (the compute threads; ./fer-studio --threads N sets it) must be a whole number"; fi

new_case val-fraction-1.5
fer2013_csv data.csv 0,Training 1,Training
run train --data data.csv --out model --val-fraction 1.5
if [[ -e model ]]; then fail "$CASE" "created model/"; else expect 2 "--val-fraction must be above 0 and below 1, got 1.5"; fi

new_case csv-header-only-validate
printf 'emotion,pixels,Usage\n' > header.csv
run validate --data header.csv
if [[ "$OUT" == *"No problems found"* ]]; then fail "$CASE" "says 'No problems found' for no images"; else
  expect 1 "holds no images: it has no rows after its header line"; fi

new_case folder-unknown-class
for c in angry contempt disgust fear happy neutral sad surprise; do mkdir -p "faces/$c"; grey_png "faces/$c/a.png"; done
run validate --data faces
expect 0 "not FER2013's usual seven: contempt is extra" out

new_case evaluate-classes-by-name
mkdir -p model && cp "$ROOT/models/fer-cnn3-v2/model.json" model/ && cp "$ROOT/models/fer-cnn3-v2/weights.params" model/
python3 - <<'PY'
import json
card = json.load(open("model/model.json"))
card["classes"] = ["angry", "contempt", "disgust", "fear", "happy", "neutral", "sad", "surprise"]
card["data"] = {"file": "faces", "splitSizes": {}, "splitDescription": "class folders"}  # an image folder
for m in ("validation", "test"):
    if card.get(m):
        card[m]["perClassRecall"] = {}
json.dump(card, open("model/model.json", "w"))
PY
fer2013_csv data.csv 1,PublicTest 4,PublicTest
run evaluate --model model --data data.csv --split PublicTest
if [[ "$ERR" == *"has the classes [angry, contempt"* ]]; then
  expect 1 "the data has no contempt"
else fail "$CASE" "exit $RC without naming both class lists: $(head -c 300 <<<"$ERR")"; fi

new_case card-class-removed
mkdir -p model && cp "$ROOT/models/fer-cnn3-v2/model.json" model/ && cp "$ROOT/models/fer-cnn3-v2/weights.params" model/
python3 - <<'PY'
import json
card = json.load(open("model/model.json"))
card["classes"] = [c for c in card["classes"] if c != "Disgust"]
json.dump(card, open("model/model.json", "w"))
PY
fer2013_csv data.csv 0,PublicTest
run evaluate --model model --data data.csv --split PublicTest
if [[ "$ERR" == *"unknown classes"* ]]; then fail "$CASE" "still calls every class unknown"; else
  expect 1 "recall is given for Disgust, which is not one of the classes"; fi

new_case video-csv-named-avi
fer2013_csv table.avi 0,Training
run video table.avi
if [[ "$ERR" == *"whose video is MJPG"* ]]; then fail "$CASE" "contradicts itself: $ERR"; else
  expect 1 "it is not an AVI video"; fi

# ---- photos ----

new_case predict-batch
if [[ -z "$PHOTOS" || ! -f "$PHOTOS/obama.jpg" ]]; then
  skip "$CASE" "PHOTOS is not set or has no obama.jpg"
else
  cp "$PHOTOS/obama.jpg" obama.jpg
  printf 'not a photo\n' > notes.txt
  mkdir -p folder && cp obama.jpg folder/copy.jpg
  files=(obama.jpg notes.txt gone.jpg folder)
  magick=""
  if convert -version 2>/dev/null | grep -q "^Version: ImageMagick"; then magick=convert; fi
  if [[ -n "$magick" ]]; then
    $magick obama.jpg -colorspace CMYK cmyk.jpg 2>/dev/null
    $magick obama.jpg -resize 500% big.jpg 2>/dev/null
    $magick obama.jpg webp.webp 2>/dev/null
    files+=(cmyk.jpg big.jpg webp.webp)
  elif command -v cwebp >/dev/null; then
    cwebp -quiet obama.jpg -o webp.webp; files+=(webp.webp)
  fi
  run_full predict --json "${files[@]}"
  verdict="$(python3 - "$WORK/$CASE.out" <<'PY'
import json, sys
try:
    results = {r["file"].split("/")[-1]: r for r in json.load(open(sys.argv[1]))}
except Exception as e:
    print(f"no JSON on stdout ({e})"); sys.exit()
def faces(name): return len(results[name].get("faces", []))
problems = []
base = results.get("obama.jpg")
if not base or faces("obama.jpg") != 1: problems.append("obama.jpg: expected 1 face")
for name, why in (("notes.txt", "unsupported format .txt"), ("gone.jpg", "no such file or folder")):
    if name not in results or why not in (results[name].get("error") or ""): problems.append(f"{name}: no '{why}'")
if "copy.jpg" not in results: problems.append("folder/copy.jpg missing: the batch stopped")
if "cmyk.jpg" in results and faces("cmyk.jpg") != 1: problems.append(f"cmyk.jpg: {faces('cmyk.jpg')} faces, expected 1")
if "webp.webp" in results and faces("webp.webp") != 1: problems.append("webp.webp: expected 1 face")
if "big.jpg" in results and base and faces("obama.jpg") == 1:
    big = results["big.jpg"]
    if big.get("width") != 5 * base["width"]: problems.append(f"big.jpg: width {big.get('width')}, expected {5 * base['width']}")
    elif faces("big.jpg") >= 1:
        b, o = big["faces"][0]["box"], base["faces"][0]["box"]
        if abs(b["x"] - 5 * o["x"]) > 0.1 * 5 * o["w"]: problems.append(f"big.jpg: box x {b['x']}, expected about {5 * o['x']}")
print("; ".join(problems) if problems else "ok " + ",".join(sorted(results)))
PY
)"
  if [[ "$verdict" != ok* ]]; then fail "$CASE" "$verdict"; else
    expect 1 "" ; [[ -z "$magick" ]] && skip "$CASE-cmyk-big" "ImageMagick is absent: CMYK and large-photo cases not made"
  fi
fi

exit "$failed"
