"""Joining the front sheet and the papers into one PDF that keeps every part's structure tree.

The front sheet is a tagged PDF; a paper may be tagged too (a paper saved from a word processor with
accessibility tags, or made by this service). Each tagged part's structure elements are moved under the
pack's Document element and its marked-content numbers are renumbered, so a screen reader can follow
them in the combined file. Page numbers are drawn as pagination artifacts, outside the structure.
"""

import io
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem

from .pack_font import page_number_font


@dataclass
class Part:
    data: bytes
    title: str  # for the outline; empty for the front sheet


def _number_tree(node, depth: int = 0) -> list[tuple[int, object]]:
    """The (key, value) pairs of a number tree, in order."""
    if not isinstance(node, Dictionary) or depth > 32:
        return []
    pairs = []
    nums = node.get("/Nums")
    if isinstance(nums, Array):
        items = list(nums)
        pairs.extend((int(items[i]), items[i + 1]) for i in range(0, len(items) - 1, 2))
    for kid in node.get("/Kids") or []:
        pairs.extend(_number_tree(kid, depth + 1))
    return pairs


def _kids(value) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, Array) else [value]


class TaggedMerger:
    """The pack being built: the front sheet first, then each paper's pages and, where it has one, its tags."""

    def __init__(self, front: bytes):
        self.pdf = pikepdf.open(io.BytesIO(front))
        self._sources = []  # kept open until the pack is saved: copied objects are read lazily
        root = self.pdf.Root.StructTreeRoot
        documents = [k for k in _kids(root.get("/K")) if isinstance(k, Dictionary)]
        if len(documents) == 1 and str(documents[0].get("/S")) == "/Document":
            self.document = documents[0]
        else:
            self.document = self.pdf.make_indirect(
                Dictionary(Type=Name.StructElem, S=Name.Document, P=root, K=Array(documents))
            )
            for element in documents:
                element.P = self.document
            root.K = Array([self.document])
        pairs = _number_tree(root.get("/ParentTree"))
        self.parent_tree = dict(pairs)
        self.next_key = max([key for key, _ in pairs] + [int(root.get("/ParentTreeNextKey", 0)) - 1]) + 1
        self.role_map = root.get("/RoleMap") or Dictionary()
        self.untagged: list[str] = []

    def add(self, data: bytes, title: str) -> int:
        """Append a paper; returns its first page's index in the pack."""
        source = pikepdf.open(io.BytesIO(data))
        self._sources.append(source)
        first = len(self.pdf.pages)
        tree = source.Root.get("/StructTreeRoot")
        if not (isinstance(tree, Dictionary) and _kids(tree.get("/K"))):
            self.pdf.pages.extend(source.pages)
            self.untagged.append(title)
            for page in self.pdf.pages[first:]:
                if "/StructParents" in page.obj:
                    del page.obj["/StructParents"]
            return first
        # Detach the paper's top elements from its own root, so that copying them copies no more.
        top = [k for k in _kids(tree.K) if isinstance(k, Dictionary)]
        for element in top:
            if "/P" in element:
                del element["/P"]
        self.pdf.pages.extend(source.pages)
        self._graft(tree, top, first)
        return first

    def _graft(self, tree: Dictionary, top: list, first: int) -> None:
        """The paper's structure elements under the pack's document, its pages' keys moved past the pack's."""
        offset = self.next_key
        pairs = _number_tree(tree.get("/ParentTree"))
        for element in top:
            copied = self.pdf.copy_foreign(element)
            copied.P = self.document
            self.document.K.append(copied)
        for key, value in pairs:
            self.parent_tree[key + offset] = self.pdf.copy_foreign(value) if value.is_indirect else self._copy(value)
        for page in self.pdf.pages[first:]:
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + offset
            for annot in page.obj.get("/Annots") or []:
                if isinstance(annot, Dictionary) and "/StructParent" in annot:
                    annot.StructParent = int(annot.StructParent) + offset
        self.next_key = offset + max([key for key, _ in pairs] + [int(tree.get("/ParentTreeNextKey", 0)) - 1]) + 1
        for role, standard in (tree.get("/RoleMap") or {}).items():
            if role not in self.role_map:
                self.role_map[role] = standard

    def _copy(self, value):
        """A direct array of structure elements, each copied into the pack."""
        return Array([self.pdf.copy_foreign(item) if item.is_indirect else item for item in value])

    def finish(
        self,
        *,
        outline: list[tuple[str, int, list[tuple[str, int]]]],
        title: str,
        author: str,
        date: str,
        language: str,
    ) -> bytes:
        pdf = self.pdf
        root = pdf.Root.StructTreeRoot
        root.ParentTree = pdf.make_indirect(
            Dictionary(Nums=Array([item for key in sorted(self.parent_tree) for item in (key, self.parent_tree[key])]))
        )
        root.ParentTreeNextKey = self.next_key
        if len(self.role_map):
            root.RoleMap = self.role_map
        pdf.Root.MarkInfo = Dictionary(Marked=True)
        pdf.Root.Lang = pikepdf.String(language)
        pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        pdf.Root.PageMode = Name.UseOutlines
        with pdf.open_outline() as tree:
            tree.root.clear()
            for heading, page, children in outline:
                entry = OutlineItem(heading, page)
                entry.children.extend(OutlineItem(child, child_page) for child, child_page in children)
                tree.root.append(entry)
        self._number_pages()
        pdf.docinfo["/Title"] = title
        pdf.docinfo["/Author"] = author
        pdf.docinfo["/CreationDate"] = pdf.docinfo["/ModDate"] = date
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:title"] = title
            if self.untagged and "pdfuaid:part" in meta:
                # Some papers carry no tags, so the whole file cannot claim to be accessible.
                del meta["pdfuaid:part"]
        output = io.BytesIO()
        pdf.save(output, deterministic_id=True, fix_metadata_version=False)
        for source in self._sources:
            source.close()
        return output.getvalue()

    def _number_pages(self) -> None:
        """'Page n of N' at the foot of each page, upright however the page is turned, outside the tags."""
        pdf = self.pdf
        numbers_font = page_number_font()
        font = numbers_font.add_to(pdf)
        total = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            # A name of our own that the page does not use yet, the same on every build.
            fonts = page.obj.get("/Resources", {}).get("/Font", {})
            name = next(f"/RtPageNumber{i}" for i in range(1000) if f"/RtPageNumber{i}" not in fonts)
            page.add_resource(font, Name.Font, Name(name))
            box = [float(v) for v in page.cropbox]
            x0, y0, x1, y1 = min(box[0], box[2]), min(box[1], box[3]), max(box[0], box[2]), max(box[1], box[3])
            width, height = x1 - x0, y1 - y0
            rotation = int(page.obj.get("/Rotate", 0)) % 360
            # The matrix from the page as shown (origin at its lower left) to the page's own coordinates.
            matrix, shown_width = {
                0: ((1, 0, 0, 1, x0, y0), width),
                90: ((0, 1, -1, 0, x1, y0), height),
                180: ((-1, 0, 0, -1, x1, y1), width),
                270: ((0, -1, 1, 0, x0, y1), height),
            }[rotation]
            text = f"Page {number} of {total}"
            text_width = numbers_font.text_width(text, 9)
            x, y = shown_width - 36 - text_width, 16
            stamp = (
                f"q {' '.join(f'{v:g}' for v in matrix)} cm /Artifact <</Type /Pagination /Subtype /Footer>> BDC "
                f"1 1 1 rg {x - 4:.1f} {y - 4:.1f} {text_width + 8:.1f} 15 re f "
                f"0 0 0 rg BT {name} 9 Tf {x:.1f} {y:.1f} Td ({text}) Tj ET EMC Q"
            )
            page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
            page.contents_add(pikepdf.Stream(pdf, b"\nQ\n" + stamp.encode()))
