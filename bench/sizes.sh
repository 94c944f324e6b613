#!/usr/bin/env bash
# bench/sizes.sh - time and peak memory of folio on one large page of 1, 10 and 50 MB.
#
# Each page is generated Markdown of realistic shape (headings, paragraphs with links and
# emphasis, lists, skill tables) repeated to the size. Measured with GNU time, one run each:
# `folio check`, `folio build --format pdf` and the build of all formats. The point is the
# shape of the curve: time and memory should grow linearly with the size.
# Switches: SIZES="1 10" to pick sizes (MB). Results in $BENCH_OUT (default target/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${BENCH_OUT:-$PWD/target/bench}/sizes
SIZES=${SIZES:-1 10 50}
mkdir -p "$OUT"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --release --quiet
FOLIO=$PWD/target/release/folio

page() { # page MB FILE
  python3 - "$1" "$2" <<'PY'
import sys
size, path = int(sys.argv[1]) * 1_000_000, sys.argv[2]
section = """## Section {n}

Engineers at this level **own** outcomes across a team and *mentor* others; see
[the overview](#section-1) and [the guide](https://example.com/{n}). They write
design documents that others build on, and they review them with care.

- Plans work for a quarter and keeps it on track
- Finds the risk before it lands, and says so
  - Writes it down where the team can see it
- Raises the bar for code review

| Skill | Junior | Senior | Staff |
|---|---|---|---|
| Delivery | Learning | Proficient | Expert |
| Design | None | Learning | Proficient |
| Mentoring {n} | None | Proficient | Expert |

"""
parts, total, n = ["---\ntitle: Large page\n---\n# Large page\n\n"], 0, 1
while total < size:
    text = section.format(n=n)
    parts.append(text)
    total += len(text)
    n += 1
open(path, "w").write("".join(parts))
PY
}

printf '| size | check | pdf | all formats |\n|---:|---:|---:|---:|\n'
for mb in $SIZES; do
  dir="$OUT/page-$mb"
  [ -f "$dir/large.md" ] || { mkdir -p "$dir"; page "$mb" "$dir/large.md"; }
  row="| $mb MB"
  for cmd in "check $dir" "build $dir -o $OUT/o-$mb-pdf --force --quiet --format pdf" "build $dir -o $OUT/o-$mb --force --quiet"; do
    # shellcheck disable=SC2086
    /usr/bin/time -o "$OUT/time" -f "%e s, %M KB" "$FOLIO" $cmd >/dev/null 2>&1 || true
    row="$row | $(awk -F', ' '{printf "%s, %d MB", $1, $2/1024}' "$OUT/time")"
  done
  echo "$row |"
done
