#!/usr/bin/env bash
# Checks the DOCX outputs with other programs, by hand (CI does not run it: it needs
# python-docx, `pip install python-docx`, and LibreOffice Writer, `apt install
# libreoffice-writer`). Builds the DOCX of content/, the seed page and every folder of
# ../shared/corpus; python-docx opens each and counts its paragraphs, headings and tables;
# LibreOffice converts each to PDF (a file it cannot load gives no PDF, and fails the check);
# the seed page's PDF is rendered as PNG pages for a look, beside pandoc's DOCX of the same page
# when pandoc is installed.
# Usage: bench/docx-check.sh [WORK_DIR]   (default: a new temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-$(mktemp -d)}
shared=../shared
cargo build --quiet
folio=target/debug/folio
sources=(content "$shared/seed")
for dir in "$shared"/corpus/*/; do sources+=("$dir"); done
i=0
for src in "${sources[@]}"; do
  i=$((i + 1))
  "$folio" build "$src" -o "$work/out-$i" -f docx --force --quiet || [ $? -eq 1 ]
done
mapfile -t files < <(find "$work" -name '*.docx' | sort)
echo "${#files[@]} DOCX files"
python3 - "${files[@]}" <<'PY'
import sys, docx
for path in sys.argv[1:]:
    d = docx.Document(path)
    heads = sum(p.style.name.startswith("Heading") for p in d.paragraphs)
    print(f"python-docx: {len(d.paragraphs):5} paragraphs {heads:4} headings {len(d.tables):3} tables  {path}")
PY
# One folder of uniquely numbered copies, so that pages of one name in different folders
# each get their PDF.
mkdir -p "$work/flat" "$work/pdf"
for n in "${!files[@]}"; do cp "${files[$n]}" "$work/flat/$n.docx"; done
soffice --headless --convert-to pdf --outdir "$work/pdf" "$work"/flat/*.docx >/dev/null 2>&1 || true
missing=0
for n in "${!files[@]}"; do
  [ -s "$work/pdf/$n.pdf" ] || { echo "LibreOffice did not convert ${files[$n]}"; missing=1; }
done
seed_docx=$(find "$work/out-2/docx" -name 'vp.docx')
cp "$seed_docx" "$work/seed.docx"
targets=("$work/seed.docx")
if command -v pandoc >/dev/null; then
  pandoc "$shared/seed/vp.md" -o "$work/seed-pandoc.docx"
  targets+=("$work/seed-pandoc.docx")
fi
soffice --headless --convert-to pdf --outdir "$work" "${targets[@]}" >/dev/null 2>&1
for t in "${targets[@]}"; do pdftoppm -r 60 -png "${t%.docx}.pdf" "${t%.docx}"; done
echo "seed page as PNG: $work/seed-*.png (folio) and $work/seed-pandoc-*.png (pandoc)"
[ "$missing" -eq 0 ] && echo "all ${#files[@]} converted by LibreOffice"
exit "$missing"
