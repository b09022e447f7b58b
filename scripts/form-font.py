#!/usr/bin/env python3
"""
Writes stub-server/portal/registrations/fonts/form-font.ttf, the font of the application form:
Noto Sans Hans Regular (OFL 1.1, from the pinned npm package @embedpdf/fonts-sc) cut to ASCII,
GB2312 and CJK punctuation, with its CFF outlines turned into TrueType ones. pdf-lib (fontkit)
subsets TrueType fonts well, while its subsets of CFF fonts are refused by PDF readers ("Embedded
font file may be invalid"); GB2312 holds every character the portal's names, places and terms use. A modified font may not
keep the reserved name "Noto Sans" (OFL 1.1, condition 3), so it is renamed "Jszg Form Sans".

Needs fontTools (Debian: apt-get install python3-fonttools) and the source font, which the
project does not install (8 MB a weight, needed only here). Run from the project root:
    npm install --no-save @embedpdf/fonts-sc@1.0.0
    /usr/bin/python3 scripts/form-font.py
"""
import os
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

SOURCE = 'node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf'
TARGET = 'stub-server/portal/registrations/fonts/form-font.ttf'


def gb2312() -> str:
    """Every character of GB2312: its symbols (rows 1-9) and its 6,763 hanzi (rows 16-87)."""
    chars = []
    for row in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xF8)):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes([row, cell]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    return ''.join(chars)


def to_truetype(font: TTFont) -> None:
    """CFF outlines to quadratic TrueType ones (what fontTools' otf2ttf snippet does)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font['glyf'] = glyf
    font['loca'] = newTable('loca')
    font['maxp'].tableVersion = 0x00010000
    for attr in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs', 'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(font['maxp'], attr, 0)
    font['maxp'].maxZones = 1
    font['post'].formatType = 2.0
    font['post'].extraNames = []
    font['post'].mapping = {}
    font['head'].glyphDataFormat = 0
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    font.sfntVersion = '\x00\x01\x00\x00'


def rename(font: TTFont, family: str, postscript: str) -> None:
    """The family, full and PostScript names, in every language the name table has."""
    names = {1: family, 3: f'{postscript};{font["head"].fontRevision:.3f}', 4: f'{family} Regular', 6: postscript, 16: family, 17: 'Regular'}
    for record in font['name'].names:
        if record.nameID in names:
            record.string = names[record.nameID]


def main() -> None:
    font = TTFont(SOURCE)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ['*']
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    text = ''.join(chr(c) for c in range(0x20, 0x7F)) + gb2312() + '　、。·—…‘’“”〈〉《》「」『』【】〔〕！（），．：；？～￥'
    subsetter.populate(text=text)
    subsetter.subset(font)
    to_truetype(font)
    rename(font, 'Jszg Form Sans', 'JszgFormSans-Regular')
    os.makedirs(os.path.dirname(TARGET), exist_ok=True)
    font.save(TARGET)
    print(f'wrote {TARGET}: {os.path.getsize(TARGET):,} bytes, {len(font.getGlyphOrder()):,} glyphs')


if __name__ == '__main__':
    main()
