#!/usr/bin/env bash
# bench/shapes.sh - does any one shape of page make folio superlinear?
#
# For each shape below, a page of N units (N = 10,000, 20,000 and 40,000: lines, rows, items,
# nodes…) is built in all formats, one run each (GNU time). Doubling N should about double the
# time; a ratio near 4 is a quadratic path. Shapes: hard breaks, a list, one line of inline
# nodes, a quote, a callout, footnotes, one long code line, headings, table rows, many small
# tables, one table cell of N lines, nested lists, one long word, link definitions, heading
# cross-references, callouts, template tags, missing images, footnote references, HTML blocks,
# frontmatter keys and tags. Switches: SHAPES="rows tallcell", COUNTS="10000 20000".
# Results in $BENCH_OUT (default target/bench)/shapes.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${BENCH_OUT:-$PWD/target/bench}/shapes
SHAPES=${SHAPES:-hardbreaks list oneline quote callout footnotes codeline headings rows tables tallcell nested longword linkdefs xrefs callouts templates images footrefs html yaml}
COUNTS=${COUNTS:-10000 20000 40000}
mkdir -p "$OUT"
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --release --quiet
FOLIO=$PWD/target/release/folio

page() { # page SHAPE N DIR
  python3 - "$@" <<'PY'
import os, sys
shape, n, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pages = {
    "hardbreaks": lambda: "".join(f"line {i}\\\n" for i in range(n)) + "end\n",
    "list": lambda: "".join(f"- item {i}\n" for i in range(n)),
    "oneline": lambda: " ".join(f"[l{i}](#t) *e{i}* `c{i}`" for i in range(n // 3)) + "\n",
    "quote": lambda: "".join(f"> quoted line {i}\n>\n" for i in range(n)),
    "callout": lambda: "!!!note Title\n" + "".join(f"callout paragraph {i}\n\n" for i in range(n)) + "!!!\n",
    "footnotes": lambda: "".join(f"Text[^f{i}].\n\n[^f{i}]: Note {i}.\n\n" for i in range(n // 2)),
    "codeline": lambda: "```\n" + "x = 1; " * (2 * n) + "\n```\n",
    "headings": lambda: "".join(f"## H {i}\n\npara\n\n" for i in range(n // 2)),
    "rows": lambda: "| a | b |\n|---|---|\n" + "".join(f"| r{i} | v |\n" for i in range(n)),
    "tables": lambda: "".join(f"## S{i}\n\n| a | b |\n|---|---|\n| x | y |\n\n" for i in range(n // 4)),
    "tallcell": lambda: "| a | b |\n|---|---|\n| " + "<br>".join(f"l{i}" for i in range(n)) + " | y |\n",
    "nested": lambda: "".join(f"- a\n  - b\n    - c {i}\n" for i in range(n // 3)),
    "longword": lambda: "abcdefghij" * n + "\n",
    "linkdefs": lambda: "".join(f"[x{i}]: /u{i}\n" for i in range(n)) + "\n[x1]\n",
    "callouts": lambda: "".join(f"!!!tip T{i}\nBody {i}.\n!!!\n\n> [!NOTE]\n> Note {i}.\n\n" for i in range(n // 4)),
    "templates": lambda: "".join(f"{{{{ page.title }}}} and {{{{ site.x{i} }}}}.\n\n" for i in range(n // 2)),
    "images": lambda: "".join(f"![alt {i}](missing{i}.png)\n\n" for i in range(n // 2)),
    "footrefs": lambda: "".join(f"Again[^a] and again[^a].\n\n" for i in range(n // 2)) + "[^a]: The one note.\n",
    "html": lambda: "".join(f"<div class=\"x{i}\">\n<p>block {i}</p>\n</div>\n\n" for i in range(n // 3)),
    "xrefs": lambda: "".join(f"## H{i}\n\nSee [h](#h{(i * 7) % (n // 3 + 1)}).\n\n" for i in range(n // 3)),
}
front = ""
if shape == "yaml":
    front = "---\n" + "".join(f"key{i}: value {i}\n" for i in range(n)) + "tags: [" + ", ".join(f"t{i}" for i in range(n)) + "]\n---\n"
    pages["yaml"] = lambda: "Body.\n"
os.makedirs(folder, exist_ok=True)
with open(os.path.join(folder, "p.md"), "w") as f:
    f.write(front + "# T\n\n" + pages[shape]())
PY
}

echo "| shape | $(echo $COUNTS | sed 's/ / | /g') |"
echo "|---|$(for _ in $COUNTS; do printf -- '---:|'; done)"
for shape in $SHAPES; do
  row="| $shape |"
  for n in $COUNTS; do
    page "$shape" "$n" "$OUT/$shape-$n"
    /usr/bin/time -o "$OUT/time" -f "%e s, %M KB" "$FOLIO" build "$OUT/$shape-$n" -o "$OUT/out" --force --quiet >/dev/null 2>&1 || true
    row="$row $(tail -n 1 "$OUT/time") |"
  done
  echo "$row"
done
