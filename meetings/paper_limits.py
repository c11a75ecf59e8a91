"""Limits that refuse a paper before it is opened in full: too many parts, huge images, decompression bombs.

A stream's decoded size is counted without decoding it into memory, so a bomb is refused at the cost of
reading it once.
"""

import zlib

import pikepdf
from django.core.exceptions import ValidationError

MAX_OBJECTS = 250_000
# Decoded, one stream may hold a large scanned page; a bomb holds far more than any paper does.
MAX_STREAM_BYTES = 150 * 1024 * 1024
MAX_DECODED_BYTES = 1024 * 1024 * 1024
MAX_IMAGE_PIXELS = 150_000_000


class _TooBig(Exception):
    pass


# Decompression bombs --------------------------------------------------------------------------------


def _inflated_size(raw: bytes, limit: int) -> int:
    """How many bytes Flate data inflates to, stopping as soon as it passes `limit`."""
    inflater = zlib.decompressobj()
    total = 0
    view = memoryview(raw)
    for start in range(0, len(raw), 65536):
        data = view[start : start + 65536]
        while data:
            total += len(inflater.decompress(data, 1 << 20))
            if total > limit:
                raise _TooBig
            data = inflater.unconsumed_tail
    return total


def _lzw_size(raw: bytes, limit: int, early_change: int = 1) -> int:
    """How many bytes LZW data decodes to, counting string lengths only, never building them."""
    lengths = [1] * 256 + [0, 0]
    width, buffer, bits, total, previous = 9, 0, 0, 0, None
    for byte in raw:
        buffer = (buffer << 8) | byte
        bits += 8
        while bits >= width:
            bits -= width
            code = (buffer >> bits) & ((1 << width) - 1)
            if code == 256:
                del lengths[258:]
                width, previous = 9, None
                continue
            if code == 257:
                return total
            if code < len(lengths):
                length = lengths[code]
            elif previous is not None and code == len(lengths):
                length = lengths[previous] + 1
            else:
                return total
            total += length
            if total > limit:
                raise _TooBig
            if previous is not None and len(lengths) < 4096:
                lengths.append(lengths[previous] + 1)
            previous = code
            if len(lengths) + early_change >= (1 << width) and width < 12:
                width += 1
    return total


def _run_length_size(raw: bytes, limit: int) -> int:
    total, index = 0, 0
    while index < len(raw):
        length = raw[index]
        if length == 128:
            break
        if length < 128:
            total += length + 1
            index += length + 2
        else:
            total += 257 - length
            index += 2
        if total > limit:
            raise _TooBig
    return total


def _decoded_size(stream: pikepdf.Stream, limit: int) -> int:
    """The size of a stream once its compression is undone, counted without holding it all in memory."""
    filters = stream.get("/Filter")
    names = [str(f) for f in ([filters] if isinstance(filters, pikepdf.Name) else list(filters or []))]
    raw = stream.read_raw_bytes()
    compressing = [n for n in names if n in _COMPRESSION]
    if not compressing:
        return len(raw)
    if names == compressing[:1]:
        kind = _COMPRESSION[names[0]]
        if kind == "flate":
            return _inflated_size(raw, limit)
        if kind == "lzw":
            parms = stream.get("/DecodeParms")
            early = int(parms.get("/EarlyChange", 1)) if isinstance(parms, pikepdf.Dictionary) else 1
            return _lzw_size(raw, limit, early)
        return _run_length_size(raw, limit)
    # A chain of filters is rare in real papers: let qpdf decode it only when even the worst ratio of
    # one layer of compression keeps it under the limit.
    if len(raw) * 1100 > limit:
        raise _TooBig
    return len(stream.read_bytes())


_COMPRESSION = {
    "/FlateDecode": "flate",
    "/Fl": "flate",
    "/LZWDecode": "lzw",
    "/LZW": "lzw",
    "/RunLengthDecode": "rle",
    "/RL": "rle",
}


def check_limits(pdf: pikepdf.Pdf, what: str) -> None:
    """Refuses, in words, a PDF that would take more memory or time to read than any paper needs."""
    if len(pdf.objects) > MAX_OBJECTS:
        raise ValidationError(
            f"{what} is built from more parts than any paper needs ({len(pdf.objects):,}), so it cannot be "
            "checked safely. Print it to a new PDF and upload that.",
            code="too_complex",
        )
    total = 0
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream):
            continue
        if obj.get("/Subtype") == pikepdf.Name.Image:
            try:
                pixels = int(obj.get("/Width", 0)) * int(obj.get("/Height", 0))
            except (TypeError, ValueError):
                pixels = 0
            if pixels > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    f"{what} holds an image of {pixels:,} pixels, too large to open safely. "
                    "Reduce the image's size, save the PDF again and upload the new copy.",
                    code="bomb",
                )
        try:
            total += _decoded_size(obj, min(MAX_STREAM_BYTES, MAX_DECODED_BYTES - total))
        except _TooBig:
            raise ValidationError(
                f"{what} expands to far more data than its size suggests (a “decompression bomb”), so it "
                "cannot be opened safely. Save the paper again from the program that made it and upload "
                "the new copy.",
                code="bomb",
            ) from None
        except (pikepdf.PdfError, zlib.error, ValueError, TypeError):
            continue  # a damaged stream is left for the checks below and for qpdf's repair
