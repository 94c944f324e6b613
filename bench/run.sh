#!/usr/bin/env bash
# bench/run.sh - folio's benchmarks, side by side with pandoc + typst.
#
# Builds folio in release mode, generates 200-, 1,000- and 10,000-page corpora from content/
# and ../shared/corpus (bench/generate.py), and times with hyperfine:
#   - content/ per format and all formats;
#   - each corpus, all formats and PDF only; a no-change rebuild; peak RSS (GNU time);
#   - pandoc + typst on the flat 200-page corpus, PDF only, if ../shared/bench/anchors-setup.sh
#     has installed them (ANCHORS_NO_TEX=1 ANCHORS_NO_CHROMIUM=1 ANCHORS_NO_TYPST_CLI=1 is
#     enough): pandoc's Markdown to Typst, then typst's Python package to PDF, page by page,
#     going on past pages typst rejects, once one page at a time and once two at a time.
# Every timed build writes into a fresh, empty output folder (as a CI job does): replacing
# existing files makes ext4 flush them on rename, which times the disk rather than folio.
# Results go to $BENCH_OUT (default target/bench); the tables are printed as Markdown.
#
# Switches: BENCH_SIZES="200 1000" to pick sizes; BENCH_NO_ANCHORS=1 to skip pandoc + typst;
# BENCH_RUN_DIR=/dev/shm/folio-bench to write the outputs to memory (tmpfs) instead of
# $BENCH_OUT, which takes the disk out of the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${BENCH_OUT:-$PWD/target/bench}
RUN=${BENCH_RUN_DIR:-$OUT/runs}
SIZES=${BENCH_SIZES:-200 1000 10000}
mkdir -p "$OUT" "$RUN"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine time; }

cargo build --release --quiet
FOLIO=$PWD/target/release/folio
# md NAME RUNS [-n LABEL CMD]... : hyperfine into $OUT/NAME.md; each run gets an empty $RUN/o.
md() {
  local name=$1 runs=$2; shift 2
  hyperfine --shell bash --warmup 1 --runs "$runs" --prepare "rm -rf $RUN/o; sync" --export-markdown "$OUT/$name.md" "$@" >/dev/null
  cat "$OUT/$name.md"
}

echo "## content/ ($(find content -name '*.md' | wc -l) pages)"
md content 10 \
  -n json "$FOLIO build content -o $RUN/o --quiet --format json" \
  -n pdf "$FOLIO build content -o $RUN/o --quiet --format pdf" \
  -n xlsx "$FOLIO build content -o $RUN/o --quiet --format xlsx" \
  -n slides "$FOLIO build content -o $RUN/o --quiet --format slides" \
  -n all "$FOLIO build content -o $RUN/o --quiet"

for n in $SIZES; do
  [ -d "$OUT/corpus-$n" ] || python3 bench/generate.py "$n" "$OUT/corpus-$n"
  echo; echo "## $n pages"
  md "corpus-$n" "$([ "$n" -ge 10000 ] && echo 3 || echo 5)" \
    -n "all formats" "$FOLIO build $OUT/corpus-$n -o $RUN/o --quiet" \
    -n "pdf only" "$FOLIO build $OUT/corpus-$n -o $RUN/o --quiet --format pdf"
  rm -rf "$RUN/o-kept" && "$FOLIO" build "$OUT/corpus-$n" -o "$RUN/o-kept" --quiet || true
  hyperfine --warmup 1 --runs 5 --export-markdown "$OUT/nochange-$n.md" -n "no-change rebuild" \
    "$FOLIO build $OUT/corpus-$n -o $RUN/o-kept --quiet" >/dev/null
  cat "$OUT/nochange-$n.md"
  rm -rf "$RUN/o" && sync
  /usr/bin/time -f "peak RSS, all formats, $n pages: %M KB, %e s" "$FOLIO" build "$OUT/corpus-$n" -o "$RUN/o" --quiet
done

if [ -z "${BENCH_NO_ANCHORS:-}" ] && [ -x "${TMPDIR:-/tmp}/anchors/bin/pandoc" ]; then
  A=${TMPDIR:-/tmp}/anchors
  [ -d "$OUT/flat-200" ] || python3 bench/generate.py 200 "$OUT/flat-200" --flat --no-images
  # Pandoc turns each page into Typst; typst's Python package compiles them, one process for
  # a share of the pages (no start-up a page); a page typst rejects is skipped.
  printf '%s\n' 'import sys, typst' 'for source in sys.argv[1:]:' '    try:' \
    '        typst.compile(source, output=source[:-4] + ".pdf")' '    except Exception:' '        pass' \
    >"$OUT/typst-compile.py"
  # pandoc_typst JOBS: all 200 pages, JOBS processes at a time, into $RUN/o.
  pandoc_typst() {
    rm -rf "$RUN/o" && mkdir -p "$RUN/o"
    find "$OUT/flat-200" -maxdepth 1 -name '*.md' -print0 | LC_ALL=C sort -z |
      xargs -0 -P "$1" -I{} sh -c '"$0" -f markdown+lists_without_preceding_blankline "$1" -s -t typst -o "$2/$(basename "$1" .md).typ"' "$A/bin/pandoc" {} "$RUN/o"
    find "$RUN/o" -name '*.typ' -print0 | LC_ALL=C sort -z |
      xargs -0 -P "$1" -n $((200 / $1)) "$A/venv/bin/python" "$OUT/typst-compile.py"
  }
  export -f pandoc_typst
  export A OUT RUN
  echo; echo "## pandoc + typst against folio, the same 200 pages, PDF only"
  md anchors-200 3 \
    -n "pandoc + typst, one process at a time" "bash -c 'pandoc_typst 1'" \
    -n "pandoc + typst, two at a time" "bash -c 'pandoc_typst 2'" \
    -n "folio, 200 PDF guides" "$FOLIO build $OUT/flat-200 -o $RUN/o --quiet --format pdf --shard 1/1" \
    -n "folio, 200 PDF guides and the book" "$FOLIO build $OUT/flat-200 -o $RUN/o --quiet --format pdf"
  pandoc_typst 2
  echo "pandoc + typst made $(find "$RUN/o" -name '*.pdf' | wc -l) PDFs of 200 pages"
fi
