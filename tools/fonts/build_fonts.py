#!/usr/bin/python3
"""Rebuilds the fonts the app embeds in its documents, from Debian packages, byte for byte.

    bash tools/fonts/build.sh            # writes functions/PowerFunctions.App/Fonts/

Inputs (Debian bookworm packages; build.sh installs them when run as root):
  unicode-data       /usr/share/unicode/Unihan_OtherMappings.txt.bz2, field kTGH: the 8,105 characters
                     of the 通用规范汉字表 (国发〔2013〕23号), each with its table position
  fonts-noto-cjk     /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc, face "Noto Serif CJK SC"
                     (思源宋体, a Song/Ming face, SIL OFL 1.1, CFF outlines)
  fonts-liberation2  /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf (SIL OFL 1.1,
                     metric-compatible with Times New Roman), copied unchanged
  python3-fonttools  subsetting, CFF to TrueType conversion (cu2qu), WOFF

Outputs:
  NotoSerifCJKsc-TGH.woff     the CJK face subset to the character set below, outlines converted to
                              TrueType quadratics (the PDF writer embeds glyf fonts), WOFF 1.0 (zlib)
  LiberationSerif-Regular.ttf the Latin face, unchanged
  charset.txt                 the characters the CJK subset is made for, one line per group
  OFL-NotoSerifCJK.txt, OFL-LiberationSerif.txt   the licences with their copyright lines

The character set: the 通用规范汉字表 (8,105), every character of GB 2312 (its 6,763 hanzi, of which
125 are not in the 通用规范汉字表 - radicals such as 丨丿亻, 後, 拚 - and its symbols: full-width
forms, punctuation, ①-⑳, Roman numerals, Greek, Cyrillic, kana, pinyin letters, box drawing), the
CJK Symbols and Punctuation block, the full-width and half-width forms, and the general punctuation
Chinese text uses (“”‘’…—·‰′″※).
"""
import bz2
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

UNIHAN = "/usr/share/unicode/Unihan_OtherMappings.txt.bz2"
NOTO = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
NOTO_FACE = "Noto Serif CJK SC"
LIBERATION = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
NOTO_COPYRIGHT = "/usr/share/doc/fonts-noto-cjk/copyright"
LIBERATION_COPYRIGHT = "/usr/share/doc/fonts-liberation2/copyright"
FAMILY = "Noto Serif CJK SC TGH"
POSTSCRIPT = "NotoSerifCJKsc-TGH"
# Largest distance, in font units (1000 per em), between a cubic curve and its quadratic replacement:
# 0.002 em, 0.026 pt at 13 pt, far below a printer's dot.
MAX_ERROR = 2.0


def tgh():
    """The 通用规范汉字表 from Unihan's kTGH field, in table order."""
    entries = []
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == "kTGH":
                position = int(parts[2].split(":")[1])
                entries.append((position, int(parts[0][2:], 16)))
    entries.sort()
    if len(entries) != 8105:
        sys.exit(f"expected 8105 kTGH entries in {UNIHAN}, found {len(entries)}")
    return [c for _, c in entries]


def gb2312():
    """Every character GB 2312 encodes (rows 1-9 symbols, 16-87 hanzi), decoded from the code page."""
    chars = []
    for row in range(0xA1, 0xF8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(ord(bytes([row, cell]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def punctuation():
    ranges = [(0x3000, 0x303F), (0xFF01, 0xFF5E), (0xFF5F, 0xFF65), (0xFFE0, 0xFFE6)]
    chars = [c for lo, hi in ranges for c in range(lo, hi + 1)]
    return chars + [ord(c) for c in "“”‘’…—–·‧‰′″※§№℃㎡㎏㎎㎜㎝㎞￥"]


def convert_to_truetype(font):
    """Replaces the CFF outlines by TrueType quadratic ones (glyf/loca), no hinting."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyphs[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(order)
    for field in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours", "maxTwilightPoints",
                  "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                  "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font):
    """A Modified Version under the OFL says so in its names (no Reserved Font Name is used)."""
    name = font["name"]
    for record in list(name.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            name.removeNames(nameID=record.nameID)
    for platform, encoding, language in ((3, 1, 0x409), (1, 0, 0)):
        name.setName(FAMILY, 1, platform, encoding, language)
        name.setName(f"{POSTSCRIPT};subset of Noto Serif CJK SC 2.001 for PowerFunctions", 3, platform, encoding, language)
        name.setName(FAMILY, 4, platform, encoding, language)
        name.setName(POSTSCRIPT, 6, platform, encoding, language)
    name.setName("Modified by PowerFunctions (tools/fonts/build_fonts.py): subset to the 通用规范汉字表, GB 2312 "
                 "and Chinese punctuation; CFF outlines converted to TrueType.", 10, 3, 1, 0x409)


def licence(copyright_file, header):
    """The OFL text from the Debian copyright file (the longest indented block under a "License: SIL"
    line), unindented, under the font's copyright lines."""
    blocks, current = [], None
    with open(copyright_file, encoding="utf-8") as f:
        for line in f:
            if line.startswith("License: SIL"):
                current = []
                blocks.append(current)
            elif current is not None and line.startswith(" "):
                text = line[1:].rstrip("\n")
                current.append("" if text == "." else text)
            else:
                current = None
    text = max(blocks, key=len, default=[])
    if not any("PERMISSION & CONDITIONS" in line for line in text):
        sys.exit(f"no SIL OFL text found in {copyright_file}")
    return header + "\n\n" + "\n".join(text).strip() + "\n"


def main(out):
    os.makedirs(out, exist_ok=True)
    table = tgh()
    groups = [("通用规范汉字表 (8105, Unihan kTGH)", table),
              ("GB 2312 (every character of the code page)", gb2312()),
              ("CJK punctuation, full-width and half-width forms, general punctuation", punctuation())]
    wanted = sorted({c for _, chars in groups for c in chars if c > 0x7E})

    collection = TTCollection(NOTO)
    faces = [f for f in collection.fonts if f["name"].getDebugName(4) == NOTO_FACE]
    if len(faces) != 1:
        sys.exit(f"no face '{NOTO_FACE}' in {NOTO}")
    font = faces[0]
    copyright = font["name"].getDebugName(0)
    cmap = font.getBestCmap()
    missing = [c for c in wanted if c not in cmap]
    if any(c in table for c in missing):
        sys.exit("the source font lacks characters of the 通用规范汉字表: " + "".join(chr(c) for c in missing if c in table))
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14]
    options.name_languages = [0x409, 0]
    options.notdef_outline = True
    options.glyph_names = False
    options.drop_tables += ["BASE", "VORG", "vhea", "vmtx", "GSUB", "GPOS", "GDEF", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for c in wanted if c in cmap])
    subsetter.subset(font)
    convert_to_truetype(font)
    rename(font)
    font.flavor = "woff"
    font.recalcTimestamp = False
    cjk = os.path.join(out, POSTSCRIPT + ".woff")
    font.save(cjk, reorderTables=True)

    latin = os.path.join(out, "LiberationSerif-Regular.ttf")
    with open(LIBERATION, "rb") as src, open(latin, "wb") as dst:
        dst.write(src.read())

    with open(os.path.join(out, "charset.txt"), "w", encoding="utf-8") as f:
        f.write("# The characters the CJK font subset is made for (tools/fonts/build_fonts.py); one group a line.\n")
        for title, chars in groups:
            f.write(f"# {title}: {len(chars)}\n")
            f.write("".join(chr(c) for c in chars if c > 0x7E) + "\n")
        if missing:
            f.write(f"# not in {NOTO_FACE} (left to the fallback font): {len(missing)}\n")
            f.write("".join(chr(c) for c in missing) + "\n")

    with open(os.path.join(out, "OFL-NotoSerifCJK.txt"), "w", encoding="utf-8") as f:
        f.write(licence(NOTO_COPYRIGHT,
                        "NotoSerifCJKsc-TGH.woff is a Modified Version of Noto Serif CJK SC (fonts-noto-cjk),\n"
                        "subset and converted to TrueType outlines by tools/fonts/build_fonts.py.\n\n"
                        f"{copyright}\n"
                        "(Upstream noto-cjk's LICENSE reserves the font name 'Source'; this subset does not use it.)"))
    with open(os.path.join(out, "OFL-LiberationSerif.txt"), "w", encoding="utf-8") as f:
        f.write(licence(LIBERATION_COPYRIGHT,
                        "LiberationSerif-Regular.ttf (fonts-liberation2), unchanged.\n\n"
                        "Digitized data copyright (c) 2010 Google Corporation with Reserved Font Arimo, Tinos and Cousine.\n"
                        "Copyright (c) 2012 Red Hat, Inc. with Reserved Font Name Liberation."))
    for path in sorted(os.listdir(out)):
        print(f"{os.path.getsize(os.path.join(out, path)):>10,}  {path}")
    print(f"CJK subset: {len(wanted) - len(missing)} characters, {font['maxp'].numGlyphs} glyphs")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "functions", "PowerFunctions.App", "Fonts"))
