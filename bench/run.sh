#!/usr/bin/env bash
# bench/run.sh - folio's benchmarks, side by side with pandoc + typst.
#
# Builds folio in release mode, generates 200-, 1,000- and 10,000-page corpora from content/
# and ../shared/corpus (bench/generate.py), and times with hyperfine:
#   - content/ per format and all formats (--force: real rendering every run);
#   - each corpus, all formats and PDF only; a no-change rebuild of 10,000 pages;
#   - peak RSS of the 10,000-page build (GNU time);
#   - pandoc + typst (../shared/bench/anchors-run.sh, tool pandoc-typst-py) on the flat
#     200-page corpus, PDF only, if ../shared/bench/anchors-setup.sh has installed it.
# Results go to $BENCH_OUT (default target/bench); the tables are printed as Markdown.
#
# Switches: BENCH_SIZES="200 1000" to pick sizes; BENCH_NO_ANCHORS=1 to skip pandoc + typst.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${BENCH_OUT:-$PWD/target/bench}
SIZES=${BENCH_SIZES:-200 1000 10000}
mkdir -p "$OUT"
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine time; }

cargo build --release --quiet
FOLIO=$PWD/target/release/folio
md() { hyperfine --warmup 1 --runs "${RUNS:-5}" --export-markdown "$OUT/$1.md" "${@:2}" >/dev/null; cat "$OUT/$1.md"; }

echo "## content/ ($(find content -name '*.md' | wc -l) pages)"
md content \
  -n json "$FOLIO build content -o $OUT/o-content --force --quiet --format json" \
  -n pdf "$FOLIO build content -o $OUT/o-content --force --quiet --format pdf" \
  -n xlsx "$FOLIO build content -o $OUT/o-content --force --quiet --format xlsx" \
  -n slides "$FOLIO build content -o $OUT/o-content --force --quiet --format slides" \
  -n all "$FOLIO build content -o $OUT/o-content --force --quiet"

for n in $SIZES; do
  [ -d "$OUT/corpus-$n" ] || python3 bench/generate.py "$n" "$OUT/corpus-$n"
  echo; echo "## $n pages"
  RUNS=$([ "$n" -ge 10000 ] && echo 2 || echo 5) md "corpus-$n" \
    -n "all formats" "$FOLIO build $OUT/corpus-$n -o $OUT/o-$n --force --quiet" \
    -n "pdf only" "$FOLIO build $OUT/corpus-$n -o $OUT/o-$n-pdf --force --quiet --format pdf"
  "$FOLIO" build "$OUT/corpus-$n" -o "$OUT/o-$n" --quiet || true
  md "nochange-$n" -n "no-change rebuild" "$FOLIO build $OUT/corpus-$n -o $OUT/o-$n --quiet"
  /usr/bin/time -f "peak RSS, all formats, $n pages: %M KB, %e s" "$FOLIO" build "$OUT/corpus-$n" -o "$OUT/o-$n-rss" --force --quiet
done

if [ -z "${BENCH_NO_ANCHORS:-}" ] && [ -x "${TMPDIR:-/tmp}/anchors/bin/pandoc" ]; then
  [ -d "$OUT/flat-200" ] || python3 bench/generate.py 200 "$OUT/flat-200" --flat --no-images
  echo; echo "## pandoc + typst, 200 pages, PDF only"
  ANCHORS_TOOLS="pandoc-typst-py" bash ../shared/bench/anchors-run.sh "$OUT/flat-200" "$OUT/anchors-200"
  cat "$OUT/anchors-200/timings.tsv"
  md folio-flat-200 -n "folio pdf, same 200 pages" "$FOLIO build $OUT/flat-200 -o $OUT/o-flat --force --quiet --format pdf"
fi
