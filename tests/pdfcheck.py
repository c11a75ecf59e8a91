"""Looking inside rendered PDFs: which glyphs print each character, and what the structure tree says."""

import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import pikepdf
from fontTools.ttLib import TTFont

from partnerships.pdf import FONTS_CSS

# Characters that print nothing by design: spaces, joiners and variation selectors.
_SILENT = {"\u200d", "\u200c", "\ufe0f", "\ufe0e"}


@dataclass
class EmbeddedFont:
    name: str
    program: TTFont | None
    glyphs_by_text: dict[int, str] = field(default_factory=dict)

    def has_outline(self, gid: int) -> bool:
        """Whether glyph `gid` draws something: a missing or empty glyph is what a reader sees as a box."""
        if self.program is None or gid == 0:
            return False
        order = self.program.getGlyphOrder()
        if gid >= len(order):
            return False
        glyph_name = order[gid]
        if "glyf" in self.program:
            glyph = self.program["glyf"][glyph_name]
            return glyph.numberOfContours != 0
        charstrings = self.program["CFF "].cff.topDictIndex[0].CharStrings
        return len(charstrings[glyph_name].bytecode or b"") > 1


def _to_unicode(cmap: bytes) -> dict[int, str]:
    """Glyph ids to the text they stand for, from a ToUnicode CMap (bfchar and bfrange)."""
    text = cmap.decode("latin-1")
    found: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for source, target in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
            found[int(source, 16)] = bytes.fromhex(target).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for start, end, target in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            base = int(target, 16)
            for offset, gid in enumerate(range(int(start, 16), int(end, 16) + 1)):
                found[gid] = chr(base + offset)
    return found


def embedded_fonts(pdf: bytes) -> list[EmbeddedFont]:
    document = pikepdf.open(io.BytesIO(pdf))
    fonts: dict[tuple, EmbeddedFont] = {}
    for page in document.pages:
        for font in (page.resources.get("/Font") or {}).values():
            key = font.objgen
            if key in fonts:
                continue
            descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor") or {}
            program = None
            for stream_key in ("/FontFile2", "/FontFile3", "/FontFile"):
                if stream_key in descriptor:
                    program = TTFont(io.BytesIO(descriptor[stream_key].read_bytes()))
                    break
            mapping = _to_unicode(font.ToUnicode.read_bytes()) if "/ToUnicode" in font else {}
            fonts[key] = EmbeddedFont(str(font.BaseFont), program, mapping)
    return list(fonts.values())


@cache
def _shipped_cmaps() -> dict[str, set[int]]:
    """The characters of each shipped font, by the name WeasyPrint gives it in a PDF ("Noto-Sans-Bold")."""
    css = FONTS_CSS.read_text(encoding="utf-8")
    found = {}
    for family, style, weight, url in re.findall(
        r"font-family: '([^']+)';\s*font-style: (\w+);\s*font-weight: (\d+);\s*src: url\(([^)]+)\)", css
    ):
        name = (
            family.replace(" ", "-") + ("-Bold" if weight == "700" else "") + ("-Italic" if style == "italic" else "")
        )
        found[name] = set(TTFont(FONTS_CSS.parent / url).getBestCmap())
    return found


def characters_printed_as_boxes(pdf: bytes, text: str) -> list[str]:
    """Each character of `text` that no embedded font prints with a real glyph.

    A character passes when an embedded font maps a glyph with an outline to it; for a character the
    shaper drew as a base letter plus combining marks, when each part does; and for a letter drawn as
    several glyphs that the PDF's text map cannot name one by one (Arabic letters are drawn as a
    skeleton and its dots), when it is in the character map of the shipped font that was embedded.
    """
    fonts = embedded_fonts(pdf)
    printed: set[str] = set()
    for font in fonts:
        for gid, chars in font.glyphs_by_text.items():
            if font.has_outline(gid):
                printed.update(chars)
        shipped = _shipped_cmaps().get(font.name.split("+", 1)[-1], set())
        if all(font.has_outline(gid) or not chars.strip() for gid, chars in font.glyphs_by_text.items()):
            printed.update(chr(code) for code in shipped & {ord(c) for c in text})
    missing = []
    for char in dict.fromkeys(unicodedata.normalize("NFC", text)):
        if char.isspace() or char in _SILENT or char in printed:
            continue
        parts = unicodedata.normalize("NFD", char)
        if len(parts) > 1 and all(part in printed for part in parts):
            continue
        missing.append(char)
    return missing


def font_names(pdf: bytes) -> set[str]:
    """The embedded fonts' names without their subset prefix."""
    return {font.name.split("+", 1)[-1].lstrip("/") for font in embedded_fonts(pdf)}


# Structure tree -------------------------------------------------------------------------------------


@dataclass
class Element:
    role: str
    alt: str | None
    children: list["Element"]

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def structure_tree(pdf: bytes) -> tuple[Element, str | None]:
    """The document's structure tree with roles resolved through its RoleMap, and the language of the catalog."""
    document = pikepdf.open(io.BytesIO(pdf))
    root = document.Root.get("/StructTreeRoot")
    assert root is not None, "the PDF has no structure tree"
    role_map = {str(k): str(v) for k, v in (root.get("/RoleMap") or {}).items()}

    def build(node) -> Element | None:
        if not isinstance(node, pikepdf.Dictionary) or "/S" not in node:
            return None
        role = str(node.S)
        role = role_map.get(role, role)
        kids = node.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else ([kids] if kids is not None else [])
        alt = str(node.Alt) if "/Alt" in node else None
        return Element(role.lstrip("/"), alt, [child for child in map(build, kids) if child is not None])

    kids = root.get("/K")
    kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    top = Element("StructTreeRoot", None, [child for child in map(build, kids) if child is not None])
    language = str(document.Root.Lang) if "/Lang" in document.Root else None
    return top, language


def check_structure(pdf: bytes) -> list[str]:
    """What a screen reader would trip over: language, heading order, table headers, figures' alt text."""
    tree, language = structure_tree(pdf)
    problems = []
    if not language:
        problems.append("the document language is not set")
    roles = [element.role for element in tree.walk()]
    levels = [int(role[1]) for role in roles if re.fullmatch(r"H[1-6]", role)]
    if not levels:
        problems.append("there are no headings")
    elif levels[0] != 1:
        problems.append(f"the first heading is H{levels[0]}, not H1")
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            problems.append(f"heading H{after} follows H{before}: a level is skipped")
    for element in tree.walk():
        if element.role == "Table" and not any(e.role == "TH" for e in element.walk()):
            problems.append("a table has no header cells")
        if element.role == "Figure" and not (element.alt or "").strip():
            problems.append("a figure has no alternative text")
    return problems


def unembedded_fonts(pdf: bytes) -> set[str]:
    """The names of fonts a PDF uses without carrying them, on its pages and in the forms its pages draw."""
    document = pikepdf.open(io.BytesIO(pdf))
    missing: set[str] = set()
    seen: set = set()

    def visit(resources):
        if not isinstance(resources, pikepdf.Dictionary):
            return
        for font in (resources.get("/Font") or {}).values():
            if font.objgen in seen and font.objgen != (0, 0):
                continue
            seen.add(font.objgen)
            descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor") or {}
            if str(font.get("/Subtype")) != "/Type3" and not any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                missing.add(str(font.get("/BaseFont")).lstrip("/"))
        for xobject in (resources.get("/XObject") or {}).values():
            if str(xobject.get("/Subtype")) == "/Form" and xobject.objgen not in seen:
                seen.add(xobject.objgen)
                visit(xobject.get("/Resources"))

    for page in document.pages:
        visit(page.obj.get("/Resources"))
    return missing
