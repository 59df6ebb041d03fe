#!/usr/bin/env bash
# Bad outputs (issue 18): options that would delete or replace the user's files, output that cannot be written
# (standard output on /dev/full, a full disk), and what interrupted saves leave behind. Each case checks the
# message, the exit code, and that the user's files are still there byte for byte. Run by scripts/bad-input.sh,
# which sets FER_CMD, FER_HOME and PHOTOS; BAD_INPUT_JOBS cases run at a time (default 2).
set -uo pipefail
: "${FER_CMD:?set FER_CMD to the command that runs the CLI (scripts/bad-input.sh does)}"
FER_HOME="${FER_HOME:-$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)}"
PHOTOS="${PHOTOS:-}"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

# --- helpers: each case runs in a fresh temporary folder; a check that fails prints FAIL and returns 1 ---------
fer() { $FER_CMD "$@"; }   # FER_CMD is split on blanks on purpose

# run ARGS...: runs the CLI with stdout in ./out, stderr in ./err, the exit code in $rc
run() { fer "$@" >out 2>err; rc=$?; }
fail() { echo "FAIL $name: $*"; return 1; }
skip() { echo "SKIP $name: $*"; return 1; }
said() { head -c 400 err | tr '\n' ' '; }
expect_rc() { [[ $rc == "$1" ]] || fail "exit $rc, expected $1; stderr: $(said)"; }
expect_err() { grep -qF -- "$1" err || fail "stderr lacks '$1'; it says: $(said)"; }
expect_no_err() { ! grep -qF -- "$1" err || fail "stderr shows '$1': $(said)"; }
expect_out() { grep -qF -- "$1" out || fail "stdout lacks '$1'"; }
# keep FILE... / kept: the files' bytes before and after must be the same
keep() { sha256sum "$@" >kept.sha256; }
kept() { sha256sum --quiet -c kept.sha256 >/dev/null 2>&1 || fail "a file of the user's changed or vanished: $(sha256sum -c kept.sha256 2>&1 | grep -v ': OK' | head -3 | tr '\n' ' ')"; }
# only_in DIR NAME...: DIR holds exactly these names (hidden ones included)
only_in() {
  local dir=$1; shift
  local have want
  have="$(ls -A "$dir" | sort | tr '\n' ' ')"; want="$(printf '%s\n' "$@" | sort | tr '\n' ' ')"
  [[ "$have" == "$want" ]] || fail "$dir holds '$have', expected '$want'"
}
# small.csv: 40 random faces in FER2013 form (30 Training, 10 PublicTest)
small_csv() {
  awk 'BEGIN { srand(7); print "emotion,pixels,Usage";
    for (r = 0; r < 40; r++) { s = ""; for (i = 0; i < 2304; i++) s = s (i ? " " : "") int(rand() * 256);
      print (r % 7) "," s "," (r < 30 ? "Training" : "PublicTest") } }' >small.csv
}
# a photo: a real one from PHOTOS when there, else a PNG shipped with a model (no face, still a picture)
photo() {
  if [[ -n "$PHOTOS" && -f "$PHOTOS/obama.jpg" ]]; then cp "$PHOTOS/obama.jpg" "$1.jpg"; echo "$1.jpg"
  else cp "$FER_HOME/models/fer-cnn3/confusion.png" "$1.png"; echo "$1.png"; fi
}
# full_disk DIR: a 64 KiB tmpfs at DIR, already full (needs root); unmounted when the case ends
full_disk() {
  mkdir -p "$1" && mount -t tmpfs -o size=64k tmpfs "$1" 2>/dev/null || return 1
  mounts+=("$PWD/$1")
  dd if=/dev/zero of="$1/filler" bs=1k count=64 >/dev/null 2>&1
  return 0
}

# --- cases ------------------------------------------------------------------------------------------------------
case_train_out_folder_of_other_files() {
  small_csv; mkdir d; echo x >d/a.txt; keep d/a.txt
  run train --data small.csv --epochs 1 --no-test --tta none --out d
  expect_rc 1 && expect_err "d holds files that are not a FER Studio model (a.txt)" && kept && only_in d a.txt
}

case_train_out_a_file() {
  small_csv; echo mine >somefile; keep somefile
  run train --data small.csv --epochs 1 --no-test --tta none --out somefile
  expect_rc 1 && expect_err "somefile is a file, not a folder" && kept
}

case_train_out_current_folder() {
  small_csv; mkdir w; echo x >w/a.txt; cp small.csv w/; keep w/a.txt w/small.csv
  (cd w && fer train --data small.csv --epochs 1 --no-test --tta none --out . >../out 2>../err); rc=$?
  expect_rc 1 && expect_err ". is the current folder" && kept && only_in w a.txt small.csv
}

case_ensemble_out_folder_of_other_files() {
  small_csv; mkdir d; echo x >d/a.txt; keep d/a.txt
  run ensemble --member "$FER_HOME/models/fer-cnn3" --member "$FER_HOME/models/fer-cnn3-v2" --data small.csv \
    --no-test --tta none --out d
  expect_rc 1 && expect_err "not a FER Studio model (a.txt)" && kept
}

case_train_out_shipped_model_needs_force() {
  local shipped="$FER_HOME/models/fer-cnn3"
  [[ -f "$shipped/model.json" ]] || { skip "no shipped model at $shipped"; return; }
  small_csv; keep "$shipped"/*
  run train --data small.csv --epochs 1 --no-test --tta none --out "$shipped"
  expect_rc 1 && expect_err "in the models folder shipped with FER Studio; add --force" && kept
}

case_existing_report_files_need_force() {
  echo mine >report.json; echo mine >curves.png; echo mine >timeline.csv; keep report.json curves.png timeline.csv
  run evaluate --model "$FER_HOME/models/fer-cnn3" --data small.csv --json report.json
  expect_rc 1 && expect_err "report.json already exists; add --force" || return
  run curves --checkpoints . --out curves.png
  expect_rc 1 && expect_err "curves.png already exists; add --force" || return
  run video clip.avi --timeline timeline.csv
  expect_rc 1 && expect_err "timeline.csv already exists; add --force" && kept
}

case_annotate_into_a_file_says_why() {
  local p; p="$(photo p)"; echo mine >out.png; keep out.png
  run predict --annotate out.png "$p"
  expect_rc 1 && expect_err "out.png is a file, not a folder" && kept
}

case_annotated_copy_already_there_needs_force() {
  local p; p="$(photo p)"; mkdir d; echo mine >d/p.annotated.png; keep d/p.annotated.png
  run predict --annotate d "$p"
  expect_rc 1 && expect_err "already holds p.annotated.png; add --force" && kept
}

case_validate_stdout_full() {
  [[ -w /dev/full ]] || { skip "no /dev/full"; return; }
  small_csv
  fer validate --data small.csv >/dev/full 2>err; rc=$?
  expect_rc 1 && expect_err "could not write the results to standard output: No space left on device"
}

# stdout fails, yet the annotated copy is written, the user's file stays, and the leftover of a killed save goes
case_predict_stdout_full_keeps_other_outputs() {
  [[ -w /dev/full ]] || { skip "no /dev/full"; return; }
  local p; p="$(photo p)"; mkdir d; echo x >d/a.txt; keep d/a.txt
  mkdir d/.model.0123456789abcdef.tmp; head -c 4096 /dev/zero >d/.model.0123456789abcdef.tmp/weights.params
  touch -d '2 hours ago' d/.model.0123456789abcdef.tmp
  fer predict --json --annotate d "$p" >/dev/full 2>err; rc=$?
  expect_rc 1 && expect_err "could not write the results to standard output: No space left on device" && kept \
    && only_in d a.txt p.annotated.png
}

case_evaluate_stdout_full_still_writes_json() {
  [[ -w /dev/full ]] || { skip "no /dev/full"; return; }
  small_csv
  fer evaluate --model "$FER_HOME/models/fer-cnn3" --data small.csv --split PublicTest --tta none --json r.json \
    >/dev/full 2>err; rc=$?
  expect_rc 1 && expect_err "could not write the results to standard output" || return
  grep -q '"accuracy"' r.json || fail "r.json was not written"
}

case_predict_annotate_full_disk() {
  local p1 p2; p1="$(photo p1)"; p2="$(photo p2)"
  full_disk full || { skip "cannot mount a small tmpfs (needs root)"; return; }
  keep full/filler
  run predict --annotate full "$p1" "$p2"
  expect_rc 1 && expect_err "No space left on device" && expect_no_err "NullPointerException" \
    && expect_no_err "Exception in" && expect_out "$(basename "$p1")" && expect_out "$(basename "$p2")" && kept \
    && only_in full filler
}

case_train_full_disk_leaves_nothing() {
  small_csv
  full_disk full || { skip "cannot mount a small tmpfs (needs root)"; return; }
  keep full/filler
  run train --data small.csv --epochs 1 --batch 10 --augment none --no-test --tta none --out full/m
  expect_rc 1 && expect_err "No space left on device" && kept && only_in full filler
}

cases=(
  case_train_out_folder_of_other_files case_train_out_a_file case_train_out_current_folder
  case_ensemble_out_folder_of_other_files case_train_out_shipped_model_needs_force
  case_existing_report_files_need_force case_annotate_into_a_file_says_why
  case_annotated_copy_already_there_needs_force case_validate_stdout_full
  case_predict_stdout_full_keeps_other_outputs case_evaluate_stdout_full_still_writes_json
  case_predict_annotate_full_disk case_train_full_disk_leaves_nothing
)

# one case in a fresh folder; its line goes to $results/NN so the report keeps the order
run_case() {
  local n=$1 fn=$2
  (
    name="${fn#case_}"; name="${name//_/-}"
    mounts=()
    dir="$(mktemp -d)"
    cleanup() { for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done; cd /; rm -rf "$dir"; }
    trap cleanup EXIT
    cd "$dir" || exit 1
    if "$fn"; then echo "PASS $name"; fi
  ) >"$results/$(printf '%03d' "$n")" 2>&1
}

n=0
for fn in "${cases[@]}"; do
  n=$((n + 1))
  run_case "$n" "$fn" &
  while (($(jobs -rp | wc -l) >= ${BAD_INPUT_JOBS:-2})); do wait -n; done
done
wait
cat "$results"/*
! grep -q '^FAIL ' "$results"/*
