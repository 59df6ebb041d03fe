#!/usr/bin/env bash
# Tries bad input against the real command line and checks each answer: the message, the exit code, and that
# nothing of the user's was lost. Runs every case file in scripts/bad-input.d/*.sh (each a self-contained bash
# script) and prints a summary; the exit code is 1 if any case failed. docs/RELIABILITY.md lists the cases.
#
#   scripts/bad-input.sh [CASE-FILE...]
#
# Environment given to each case file:
#   FER_CMD   the command that runs the CLI, split on blanks (no blanks inside its words); default: java with the
#             launcher's JVM flags on target/classes + target/classpath.txt (run ./fer-studio --help once to build them)
#   FER_HOME  the project folder (shipped models/), default: this script's project
#   PHOTOS    a folder of real photos (../shared/photos), or empty when absent: cases that need it skip
# A case file prints one line per case, "PASS <name>", "FAIL <name>: <why>" or "SKIP <name>: <why>", runs each case
# in a fresh temporary folder, and exits non-zero if any case failed. mvn verify runs this through BadInputScriptTest.
set -uo pipefail

home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
export FER_HOME="${FER_HOME:-$home}"
if [[ -z "${FER_CMD:-}" ]]; then
  cp_file="$home/target/classpath.txt"
  if [[ ! -f "$cp_file" || ! -d "$home/target/classes" ]]; then
    echo "error: $cp_file or target/classes is missing; build first with ./fer-studio --help, or set FER_CMD" >&2
    exit 2
  fi
  # the launcher's flags, plus a quicker start for these short runs (C1 only, serial GC)
  FER_CMD="java -Xmx1g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dorg.bytedeco.javacpp.maxbytes=6G -Dorg.bytedeco.javacpp.maxphysicalbytes=10G \
-Dorg.eclipse.deeplearning4j.helpers.disable=false -Djava.awt.headless=true -Dfer.home=$FER_HOME \
-cp $home/target/classes:$(cat "$cp_file") org.ferstudio.Launcher"
fi
export FER_CMD
if [[ -z "${PHOTOS+set}" ]]; then
  PHOTOS=""
  [[ -d "$home/../shared/photos" ]] && PHOTOS="$(cd "$home/../shared/photos" && pwd)"
fi
export PHOTOS
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}"

if (($#)); then files=("$@"); else files=("$home"/scripts/bad-input.d/*.sh); fi
passed=0 failed=0 skipped=0 bad_files=()
start=$SECONDS
for file in "${files[@]}"; do
  output="$(bash "$file" 2>&1)"
  status=$?
  printf '%s\n' "$output"
  passed=$((passed + $(grep -c '^PASS ' <<<"$output")))
  failed=$((failed + $(grep -c '^FAIL ' <<<"$output")))
  skipped=$((skipped + $(grep -c '^SKIP ' <<<"$output")))
  if ((status != 0)); then
    bad_files+=("$(basename "$file") (exit $status)")
  fi
done
echo "bad-input: $passed passed, $failed failed, $skipped skipped in $((SECONDS - start)) s (${#files[@]} case files)"
if ((${#bad_files[@]})); then
  echo "bad-input: failed: ${bad_files[*]}"
  exit 1
fi
