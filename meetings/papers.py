"""Checks on an uploaded paper, and the cleaning that makes it safe to store, serve and put in a pack.

A paper is a real, readable, unencrypted PDF of at most 25 MB. Before it is stored, everything that
could run or carry something other than the paper is taken out: JavaScript (document, page,
annotation and outline actions), launch and other unsafe actions, embedded files and form fields
(their values are kept as printed text). A page with no usable size is given one. A file that would
take more memory or time to read than any real paper needs, such as a decompression bomb, is refused.
"""

import hashlib
import io
from dataclasses import dataclass

import pikepdf
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from .paper_limits import check_limits

MAX_PAPER_BYTES = 25 * 1024 * 1024
MAX_PAGES = 2000
# A4, for a page that says nothing of its size.
A4 = (0, 0, 595.28, 841.89)

# What a file's first bytes say it really is, for a clearer message than "not a PDF".
_SIGNATURES = [
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"PK\x03\x04", "a Word, Excel or zip file"),
    (b"\xd0\xcf\x11\xe0", "an older Word or Excel file"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"{\\rtf", "a rich text document"),
]

# Actions that run code, open other files or programs, or send data somewhere.
UNSAFE_ACTIONS = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/ResetForm",
    "/GoToR",
    "/GoToE",
    "/Rendition",
    "/Movie",
    "/Sound",
    "/RichMediaExecute",
    "/Hide",
}
# Annotations that carry files, media or form fields rather than the paper's own marks and links.
UNSAFE_ANNOTATIONS = {"/FileAttachment", "/Screen", "/Movie", "/Sound", "/RichMedia", "/3D", "/Widget"}


@dataclass(frozen=True)
class CheckedPdf:
    size: int
    page_count: int
    sha256: str
    data: bytes
    removed: tuple[str, ...] = ()
    normalised: tuple[str, ...] = ()

    @property
    def notes(self) -> str:
        """What was changed, in a sentence for the officer who uploaded it; empty when nothing was."""
        parts = []
        if self.removed:
            parts.append(f"Removed from the PDF before it was stored: {_joined(self.removed)}.")
        parts.extend(self.normalised)
        return " ".join(parts)


def _joined(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _looks_like(head: bytes) -> str:
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            return what
    return ""


def _named(name: str, title: str) -> str:
    return f"The paper “{title}”" if title else f"The selected PDF ({name})" if name else "The selected PDF"


# Cleaning --------------------------------------------------------------------------------------------


def _action_is_unsafe(action) -> bool:
    """Whether an action, or one it chains to with /Next, runs code, opens something or sends data."""
    seen = set()
    stack = [action]
    while stack:
        current = stack.pop()
        if isinstance(current, pikepdf.Array):
            stack.extend(current)
            continue
        if not isinstance(current, pikepdf.Dictionary):
            continue
        if current.is_indirect:
            if current.objgen in seen:
                continue
            seen.add(current.objgen)
        if "/JS" in current or str(current.get("/S", "")) in UNSAFE_ACTIONS:
            return True
        if "/Next" in current:
            stack.append(current.Next)
    return False


def _describe(action) -> str:
    kinds = set()
    stack = [action]
    while stack:
        current = stack.pop()
        if isinstance(current, pikepdf.Array):
            stack.extend(current)
        elif isinstance(current, pikepdf.Dictionary):
            kind = str(current.get("/S", ""))
            if kind == "/JavaScript" or "/JS" in current:
                kinds.add("JavaScript")
            elif kind == "/Launch":
                kinds.add("an action that launches a program")
            elif kind in UNSAFE_ACTIONS:
                kinds.add("an action that opens or sends data elsewhere")
            if "/Next" in current and len(kinds) < 5:
                stack.append(current.Next)
    return sorted(kinds)[0] if kinds else "an unsafe action"


def _is_direct_container(value) -> bool:
    return isinstance(value, pikepdf.Dictionary | pikepdf.Array) and not value.is_indirect


def _clean_dictionary(obj, removed: set[str]) -> None:
    """Take unsafe actions and embedded files out of one dictionary and the direct objects inside it."""
    stack = [obj]
    while stack:
        current = stack.pop()
        if isinstance(current, pikepdf.Array):
            stack.extend(item for item in current if _is_direct_container(item))
            continue
        if not isinstance(current, pikepdf.Dictionary | pikepdf.Stream):
            continue
        for key in ("/AA",):
            if key in current:
                removed.add("JavaScript and automatic actions")
                del current[key]
        for key in ("/A", "/OpenAction", "/Next"):
            if key in current and _action_is_unsafe(current[key]):
                removed.add(_describe(current[key]))
                del current[key]
        if "/JS" in current or str(current.get("/S", "")) in UNSAFE_ACTIONS:
            removed.add(_describe(current))
            for key in list(current.keys()):
                del current[key]
            continue
        if "/EF" in current or "/RF" in current:
            removed.add("embedded files")
            for key in ("/EF", "/RF"):
                if key in current:
                    del current[key]
        stack.extend(value for value in current.values() if _is_direct_container(value))


def _flatten_form(pdf: pikepdf.Pdf, removed: set[str]) -> None:
    """Print the form fields' current values into the pages, then drop the fields."""
    root = pdf.Root
    if "/AcroForm" not in root:
        return
    removed.add("form fields (their values are kept as printed text)")
    others = {}
    try:
        if "/XFA" in root.AcroForm:
            del root.AcroForm["/XFA"]
        pdf.generate_appearance_streams()
        for index, page in enumerate(pdf.pages):
            annots = page.obj.get("/Annots")
            if isinstance(annots, pikepdf.Array):
                others[index] = [a for a in annots if a.get("/Subtype") != pikepdf.Name.Widget]
                page.obj.Annots = pikepdf.Array([a for a in annots if a.get("/Subtype") == pikepdf.Name.Widget])
        pdf.flatten_annotations("all")
    except pikepdf.PdfError:
        pass
    finally:
        for index, kept in others.items():
            pdf.pages[index].obj.Annots = pikepdf.Array(kept)
    if "/AcroForm" in root:
        del root["/AcroForm"]


def clean_document(pdf: pikepdf.Pdf) -> set[str]:
    """Take everything unsafe out of an open PDF; returns what was found, in words."""
    return _clean(pdf)


def _clean(pdf: pikepdf.Pdf) -> set[str]:
    removed: set[str] = set()
    root = pdf.Root
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        if "/JavaScript" in names:
            removed.add("JavaScript")
            del names["/JavaScript"]
        if "/EmbeddedFiles" in names:
            removed.add("embedded files")
            del names["/EmbeddedFiles"]
    for key in ("/Collection", "/AF"):
        if key in root:
            removed.add("embedded files")
            del root[key]
    _flatten_form(pdf, removed)
    for page in pdf.pages:
        annots = page.obj.get("/Annots")
        if isinstance(annots, pikepdf.Array):
            kept = [a for a in annots if str(a.get("/Subtype", "")) not in UNSAFE_ANNOTATIONS]
            if len(kept) != len(annots):
                subtypes = {str(a.get("/Subtype", "")) for a in annots} & UNSAFE_ANNOTATIONS
                removed.add("embedded files" if "/FileAttachment" in subtypes else "embedded media and form fields")
                page.obj.Annots = pikepdf.Array(kept)
    # Every remaining dictionary, reachable or not: page and annotation actions, outline items, file specs.
    _clean_dictionary(root, removed)
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            _clean_dictionary(obj, removed)
    return removed


def _box(value) -> tuple[float, ...] | None:
    try:
        box = tuple(float(v) for v in value)
    except (TypeError, ValueError, pikepdf.PdfError):
        return None
    if len(box) != 4:
        return None
    width, height = abs(box[2] - box[0]), abs(box[3] - box[1])
    return box if 3 <= width <= 14400 and 3 <= height <= 14400 else None


def _pages_without_size(data: bytes) -> set[int]:
    """The numbers of the pages with no usable MediaBox, own or inherited.

    Read with pypdf, because qpdf quietly gives such pages US Letter as it opens the file.
    """
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        missing = set()
        for number, page in enumerate(reader.pages, start=1):
            box = page.get("/MediaBox")
            if _box(box.get_object() if box is not None else None) is None:
                missing.add(number)
        return missing
    except Exception:  # noqa: BLE001 - what pypdf cannot read, qpdf has repaired or refused already
        return set()


def _normalise_pages(pdf: pikepdf.Pdf, what: str, unsized: set[int]) -> list[str]:
    """Give every page a size, resources and a whole-number rotation, so every PDF reader can lay it out."""
    sized, rotated = [], []
    for number, page in enumerate(pdf.pages, start=1):
        obj = page.obj
        box = None if number in unsized else _box(obj.get("/MediaBox"))
        if box is None:
            box = _box(obj.get("/CropBox")) or A4
            obj.MediaBox = pikepdf.Array(box)
            sized.append(number)
        if "/CropBox" in obj and _box(obj.CropBox) is None:
            del obj["/CropBox"]
        if not isinstance(obj.get("/Resources"), pikepdf.Dictionary):
            obj.Resources = pikepdf.Dictionary()
        contents = obj.get("/Contents")
        if contents is not None and not isinstance(contents, pikepdf.Stream | pikepdf.Array):
            del obj["/Contents"]
        try:
            rotation = int(obj.get("/Rotate", 0))
        except (TypeError, ValueError):
            rotation = 1
        if rotation % 90:
            obj.Rotate = 0
            rotated.append(number)
    notes = []
    if sized:
        pages = _joined([str(n) for n in sized])
        notes.append(f"{what} gave no page size for page{'s' if len(sized) > 1 else ''} {pages}: A4 was used.")
    if rotated:
        notes.append(f"{what} had a page turned by an odd angle: it is shown upright.")
    return notes


def clean_pdf(data: bytes, *, name: str = "", title: str = "") -> CheckedPdf:
    """The cleaned, normalised PDF, or ValidationError naming the paper and saying what to do."""
    what = _named(name, title)
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise ValidationError(
                    f"{what} is protected with a password. Upload a copy without a password, "
                    "so members and the public can open it.",
                    code="encrypted",
                )
            check_limits(pdf, what)
            unsized = _pages_without_size(data)
            page_count = len(pdf.pages)
            if page_count == 0:
                raise ValidationError(f"{what} has no pages.", code="no_pages")
            if page_count > MAX_PAGES:
                raise ValidationError(
                    f"{what} has {page_count:,} pages; a paper can have at most {MAX_PAGES:,}. Split it into parts.",
                    code="too_many_pages",
                )
            removed = _clean(pdf)
            normalised = _normalise_pages(pdf, what, unsized)
            output = io.BytesIO()
            pdf.save(output, deterministic_id=True, fix_metadata_version=False)
    except ValidationError:
        raise
    except pikepdf.PasswordError:
        raise ValidationError(
            f"{what} is protected with a password. Upload a copy without a password, "
            "so members and the public can open it.",
            code="encrypted",
        ) from None
    except (pikepdf.PdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        raise ValidationError(
            f"{what} is damaged and cannot be read. Save it again and upload the new copy.", code="unreadable"
        ) from None
    cleaned = output.getvalue()
    order = ["JavaScript", "JavaScript and automatic actions", "an action that launches a program"]
    ordered = sorted(removed, key=lambda item: (order.index(item) if item in order else len(order), item))
    return CheckedPdf(
        size=len(cleaned),
        page_count=page_count,
        sha256=hashlib.sha256(cleaned).hexdigest(),
        data=cleaned,
        removed=tuple(ordered),
        normalised=tuple(normalised),
    )


def check_pdf(upload, *, title: str = "") -> CheckedPdf:
    """Raise ValidationError with a message a person can act on, or return the cleaned PDF and what the pack needs.

    The result is kept on the upload, so the form and the service check and clean a file only once.
    """
    cached = getattr(upload, "_roundtable_checked_pdf", None)
    if cached is not None:
        return cached
    name = getattr(upload, "name", "") or ""
    what = _named(name, title)
    size = upload.size or 0
    if size == 0:
        raise ValidationError("The selected file is empty. Choose the PDF again.", code="empty")
    if size > MAX_PAPER_BYTES:
        raise ValidationError(
            f"The selected file must be smaller than 25 MB (it is {size / 1024 / 1024:.1f} MB).", code="too_big"
        )
    if not name.lower().endswith(".pdf"):
        raise ValidationError("The selected file must be a PDF. Save it as a PDF and upload that.", code="type")
    upload.seek(0)
    head = upload.read(1024)
    if b"%PDF-" not in head[:1024]:
        kind = _looks_like(head)
        detail = f": it looks like {kind}" if kind else ""
        raise ValidationError(
            f"The selected file is called {name} but it is not a PDF{detail}. Upload the paper as a PDF.",
            code="content",
        )
    upload.seek(0)
    data = b"".join(upload.chunks())
    upload.seek(0)
    if b"%%EOF" not in data[-2048:]:
        raise ValidationError(
            f"{what} is incomplete: the file ends before the PDF does. Save it again and upload the new copy.",
            code="truncated",
        )
    checked = clean_pdf(data, name=name, title=title)
    upload._roundtable_checked_pdf = checked
    return checked
