"""The font the pack's page numbers are drawn in: Noto Sans, shipped with the project and embedded in the pack.

A font that is only named (Helvetica, say) is drawn with whatever the reader's machine has, and PDF/UA
requires every font to be embedded. Only the characters of "Page n of N" are kept.
"""

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pikepdf
from django.conf import settings
from fontTools import subset
from fontTools.ttLib import TTFont
from pikepdf import Array, Dictionary, Name

FONT_FILE = Path(settings.BASE_DIR, "static/vendor/fonts/noto-sans/noto-sans-400-normal.ttf")
CHARACTERS = "Page of 0123456789"
FIRST, LAST = 32, 126


@dataclass(frozen=True)
class PageNumberFont:
    program: bytes
    widths: tuple[int, ...]  # in thousandths of the font size, for codes FIRST to LAST
    bbox: tuple[int, ...]
    ascent: int
    descent: int
    cap_height: int

    def text_width(self, text: str, size: float) -> float:
        return sum(self.widths[ord(char) - FIRST] for char in text) * size / 1000

    def add_to(self, pdf: pikepdf.Pdf) -> pikepdf.Object:
        """The font as an indirect object of `pdf`, its program embedded."""
        program = pikepdf.Stream(pdf, self.program)
        program.Length1 = len(self.program)
        # A subset's name starts with six capitals of its own; fixed, so that the same pack gives the same bytes.
        name = Name("/RTPGNO+NotoSans-Regular")
        descriptor = Dictionary(
            Type=Name.FontDescriptor,
            FontName=name,
            Flags=32,  # non-symbolic: the codes are WinAnsi
            FontBBox=Array(list(self.bbox)),
            ItalicAngle=0,
            Ascent=self.ascent,
            Descent=self.descent,
            CapHeight=self.cap_height,
            StemV=80,
            FontFile2=pdf.make_indirect(program),
        )
        return pdf.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.TrueType,
                BaseFont=name,
                FirstChar=FIRST,
                LastChar=LAST,
                Widths=Array(list(self.widths)),
                Encoding=Name.WinAnsiEncoding,
                FontDescriptor=pdf.make_indirect(descriptor),
            )
        )


@cache
def page_number_font() -> PageNumberFont:
    font = TTFont(FONT_FILE, recalcTimestamp=False)
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=CHARACTERS)
    subsetter.subset(font)
    output = io.BytesIO()
    font.save(output)
    scale = 1000 / font["head"].unitsPerEm
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    widths = tuple(round(metrics[cmap[code]][0] * scale) if code in cmap else 0 for code in range(FIRST, LAST + 1))
    head, os2 = font["head"], font["OS/2"]
    return PageNumberFont(
        program=output.getvalue(),
        widths=widths,
        bbox=tuple(round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)),
        ascent=round(os2.sTypoAscender * scale),
        descent=round(os2.sTypoDescender * scale),
        cap_height=round(getattr(os2, "sCapHeight", 714) * scale),
    )
