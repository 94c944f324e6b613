"""Writes the tiny colour fonts the colour-glyph tests draw with (tests/it/colour.rs).

Each font has one colour glyph for one emoji, so that the fallback finds each emoji in its
own font, and an outline glyph for the space:

- FolioColrV0-Test.ttf: ✅ (U+2705) as COLRv0 layers, a green square under a white tick, and
  a bar under them in the text's colour (palette index 0xFFFF)
- FolioColrV1-Test.ttf: 🚀 (U+1F680) as COLRv1, a square filled with a linear gradient from
  red to blue under a half-transparent yellow bar and a dot, moved up, filled with a radial gradient
- FolioSbix-Test.ttf: 🍎 (U+1F34E) as an sbix PNG of 8 × 8 red pixels
- FolioSvg-Test.ttf: 🎉 (U+1F389) as an SVG-in-OpenType document, a purple circle

The CBDT test font is a subset of Noto Color Emoji (see README.md). Run with fontTools:
    python3 make_colour_fonts.py
"""

import struct
import zlib

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import newTable
from fontTools.ttLib.tables import otTables as ot
from fontTools.ttLib.tables.sbixGlyph import Glyph as SbixGlyph
from fontTools.ttLib.tables.sbixStrike import Strike

UPEM = 1000


def rect(x0, y0, x1, y1):
    pen = TTGlyphPen(None)
    pen.moveTo((x0, y0))
    pen.lineTo((x0, y1))
    pen.lineTo((x1, y1))
    pen.lineTo((x1, y0))
    pen.closePath()
    return pen.glyph()


def tick():
    pen = TTGlyphPen(None)
    for point in [(200, 500), (300, 600), (420, 480), (700, 780), (800, 680), (420, 280)]:
        (pen.lineTo if pen.points else pen.moveTo)(point)
    pen.closePath()
    return pen.glyph()


def empty():
    return TTGlyphPen(None).glyph()


def builder(family, glyphs, cmap):
    """A TrueType font with `glyphs` (name to outline), `cmap` (code point to name)."""
    order = [".notdef", "space"] + list(glyphs)
    outlines = {".notdef": rect(100, 0, 500, 700), "space": empty(), **glyphs}
    fb = FontBuilder(UPEM, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({0x20: "space", **cmap})
    fb.setupGlyf(outlines)
    # Each left side bearing is the outline's left edge, as a TrueType font's must be.
    lsb = {name: min((x for x, _ in outlines[name].coordinates), default=0) for name in order}
    fb.setupHorizontalMetrics({name: (1000 if name != "space" else 300, lsb[name]) for name in order})
    fb.setupHorizontalHeader(ascent=880, descent=-120)
    fb.setupNameTable({"familyName": family, "styleName": "Regular", "psName": family.replace(" ", "") + "-Regular"})
    fb.setupOS2(sTypoAscender=880, sTypoDescender=-120, usWinAscent=880, usWinDescent=120, fsType=0)
    fb.setupPost()
    # Fixed dates, so that the script writes the same bytes every time.
    fb.font["head"].created = fb.font["head"].modified = 0
    fb.font.recalcTimestamp = False
    return fb


def colr_v0():
    fb = builder("Folio ColrV0 Test", {"check": empty(), "square": rect(100, 0, 900, 800), "tick": tick(),
                                       "bar": rect(100, -100, 900, -40)}, {0x2705: "check"})
    fb.setupCPAL([[(0.1, 0.6, 0.2, 1.0), (1.0, 1.0, 1.0, 1.0)]])
    fb.setupCOLR({"check": [("square", 0), ("tick", 1), ("bar", 0xFFFF)]}, version=0)
    fb.save("FolioColrV0-Test.ttf")


def colr_v1():
    fb = builder("Folio ColrV1 Test", {"rocket": empty(), "square": rect(100, 0, 900, 800),
                                       "bar": rect(100, 350, 900, 450), "dot": rect(400, 100, 600, 300)},
                 {0x1F680: "rocket"})
    fb.setupCPAL([[(0.9, 0.1, 0.1, 1.0), (0.1, 0.2, 0.9, 1.0), (1.0, 0.85, 0.0, 1.0)]])
    gradient = {
        "Format": ot.PaintFormat.PaintLinearGradient,
        "ColorLine": {"ColorStop": [(0.0, 0), (1.0, 1)]},
        "x0": 100, "y0": 0, "x1": 900, "y1": 0, "x2": 100, "y2": 800,
    }
    layers = [
        {"Format": ot.PaintFormat.PaintGlyph, "Paint": gradient, "Glyph": "square"},
        {"Format": ot.PaintFormat.PaintGlyph, "Paint": {"Format": ot.PaintFormat.PaintSolid,
                                                        "PaletteIndex": 2, "Alpha": 0.5}, "Glyph": "bar"},
        {"Format": ot.PaintFormat.PaintTranslate, "dx": 0, "dy": 400, "Paint": {
            "Format": ot.PaintFormat.PaintGlyph, "Glyph": "dot", "Paint": {
                "Format": ot.PaintFormat.PaintRadialGradient,
                "ColorLine": {"ColorStop": [(0.0, 2), (1.0, 0)]},
                "x0": 500, "y0": 200, "r0": 0, "x1": 500, "y1": 200, "r1": 140}}},
    ]
    fb.setupCOLR({"rocket": {"Format": ot.PaintFormat.PaintColrLayers, "Layers": layers}}, version=1)
    fb.save("FolioColrV1-Test.ttf")


def png(width, height, rgba):
    """A PNG of one colour, written by hand so that nothing but fontTools is needed."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + bytes(rgba) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def sbix():
    fb = builder("Folio Sbix Test", {"apple": rect(0, 0, 1000, 1000)}, {0x1F34E: "apple"})
    table = newTable("sbix")
    strike = Strike(ppem=8, resolution=72)
    strike.glyphs["apple"] = SbixGlyph(glyphName="apple", graphicType="png ", imageData=png(8, 8, (220, 30, 30, 255)))
    table.strikes[8] = strike
    fb.font["sbix"] = table
    fb.save("FolioSbix-Test.ttf")


def svg():
    fb = builder("Folio Svg Test", {"party": rect(100, 0, 900, 800)}, {0x1F389: "party"})
    gid = fb.font.getGlyphID("party")
    doc = (f'<svg xmlns="http://www.w3.org/2000/svg"><g id="glyph{gid}">'
           '<circle cx="500" cy="-400" r="400" fill="#8020c0"/></g></svg>')
    table = newTable("SVG ")
    table.docList = [(doc, gid, gid)]
    fb.font["SVG "] = table
    fb.save("FolioSvg-Test.ttf")


if __name__ == "__main__":
    colr_v0()
    colr_v1()
    sbix()
    svg()
