#!/usr/bin/env bash
# bench/kills.sh - does the manifest match the disk after any kill?
#
# Builds a tree of PAGES pages (default 1,000, from bench/generate.py) KILLS times (default 100)
# with `--force`, each killed with SIGKILL after a random delay within one clean build's time;
# after each kill it rebuilds, then checks: no temporary file or journal is left, manifest.json
# lists exactly the files on disk with their sizes, the output folder is byte-identical to a
# clean build (diff -r, the manifest included, so its hashes are those of the clean build), and
# one more build finds everything up to date. Prints the counts; exits 1 on any failure.
# Usage: bench/kills.sh [KILLS] [PAGES]. Work files in $BENCH_OUT (default target/bench)/kills.
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${1:-100}
PAGES=${2:-1000}
WORK=${BENCH_OUT:-$PWD/target/bench}/kills
cargo build --release --quiet
FOLIO=$PWD/target/release/folio
rm -rf "$WORK" && mkdir -p "$WORK"
python3 bench/generate.py "$PAGES" "$WORK/tree" >/dev/null
export SOURCE_DATE_EPOCH=1700000000

start=$(date +%s%N)
"$FOLIO" build "$WORK/tree" -o "$WORK/clean" --quiet || [ $? -eq 1 ]
clean_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "clean build of $PAGES pages: $clean_ms ms, $(find "$WORK/clean" -type f | wc -l) files"

# Whether manifest.json in $1 lists exactly the files there (but itself and the lock), with sizes.
manifest_matches() {
  python3 - "$1" <<'PY'
import json, os, sys
out = sys.argv[1]
listed = {o["path"]: o["size"] for o in json.load(open(os.path.join(out, "manifest.json")))["outputs"]}
disk = {}
for folder, _, files in os.walk(out):
    for name in files:
        rel = os.path.relpath(os.path.join(folder, name), out)
        if rel not in ("manifest.json", ".folio-lock"):
            disk[rel] = os.path.getsize(os.path.join(out, rel))
sys.exit(0 if listed == disk else 1)
PY
}

killed=0 finished=0 leftovers=0 mismatched=0 different=0 not_cached=0
for i in $(seq 1 "$KILLS"); do
  delay_ms=$(( RANDOM * 32768 + RANDOM ))
  delay_ms=$(( delay_ms % clean_ms ))
  "$FOLIO" build "$WORK/tree" -o "$WORK/out" --force --quiet 2>/dev/null &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  wait "$pid" 2>/dev/null || true
  "$FOLIO" build "$WORK/tree" -o "$WORK/out" --quiet 2>/dev/null || true
  if [ -n "$(find "$WORK/out" -name '.folio-*.tmp' -o -name '.folio-journal')" ]; then
    leftovers=$((leftovers + 1)); echo "kill $i after $delay_ms ms: temporary files left"
  fi
  if ! manifest_matches "$WORK/out"; then
    mismatched=$((mismatched + 1)); echo "kill $i after $delay_ms ms: manifest does not match the disk"
  fi
  if ! diff -r --exclude=.folio-lock "$WORK/clean" "$WORK/out" >/dev/null; then
    different=$((different + 1)); echo "kill $i after $delay_ms ms: output differs from a clean build"
  fi
  if ! "$FOLIO" build "$WORK/tree" -o "$WORK/out" 2>&1 | grep -q "^up to date"; then
    not_cached=$((not_cached + 1)); echo "kill $i after $delay_ms ms: the next build was not up to date"
  fi
done
echo "kills: $KILLS ($killed killed while running, $finished had finished), pages: $PAGES"
echo "temporary files left: $leftovers; manifest not matching the disk: $mismatched;" \
  "output not identical to a clean build: $different; next build not up to date: $not_cached"
[ $((leftovers + mismatched + different + not_cached)) -eq 0 ]
