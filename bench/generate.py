#!/usr/bin/env python3
"""Make a benchmark corpus of N pages from content/ and ../shared/corpus.

Usage: generate.py N OUT_DIR [--flat] [--no-images]

Pages are copied round-robin from the bundled ladder and the shared corpus into folders of 50,
each with a unique name and a Retype `order`, so folio sees one large ladder. With --flat all
pages go into OUT_DIR itself (for tools that convert a flat folder of pages). With --no-images
image references are dropped (the corpus's images are not copied; some tools stop at a missing
one, where folio warns and goes on).
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SOURCES = [os.path.join(REPO, "content"), os.path.join(REPO, "..", "shared", "corpus")]
FRONTMATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


def pages():
    found = []
    for root in SOURCES:
        for folder, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                if name.endswith(".md") and name not in ("LICENSE.md", "SOURCE.md"):
                    with open(os.path.join(folder, name), encoding="utf-8") as f:
                        found.append((os.path.splitext(name)[0], f.read()))
    return found


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    count, out, flat = int(sys.argv[1]), sys.argv[2], "--flat" in sys.argv
    no_images = "--no-images" in sys.argv
    source = pages()
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "folio.toml"), "w", encoding="utf-8") as f:
        f.write('[site]\ntitle = "Benchmark Ladder %d"\n' % count)
    for i in range(count):
        stem, text = source[i % len(source)]
        body = FRONTMATTER.sub("", text, count=1)
        if no_images:
            body = IMAGE.sub("", body)
        folder = out if flat else os.path.join(out, "part-%03d" % (i // 50))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "%05d-%s.md" % (i, stem)), "w", encoding="utf-8") as f:
            f.write("---\norder: %d\nlabel: %s %d\n---\n%s" % (count - i, stem, i, body))


if __name__ == "__main__":
    main()
