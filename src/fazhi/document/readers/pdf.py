"""PDF (.pdf): the text layer, page by page, in reading order.

The text lines of each page come with their coordinates; :mod:`layout`
removes page numbers and running headers/footers and marks lines wrapped by
the page width. A PDF without a text layer (a scan) is refused with
``no_text_layer`` (it needs OCR first); one that needs a password with
``encrypted``; a page that cannot be parsed is left out with the warning
``damaged_pages``. Locations are page and line.

Two engines read the text. PDFium (pypdfium2, which pdfplumber installs
too) is C and reads a page in a few milliseconds; pdfplumber (on
pdfminer.six) takes ten times as long but says what went wrong with a file.
PDFium reads first, and its lines are built much as pdfplumber builds them
(characters in rows of the same baseline within 3 pt, words apart where the
gap is wider than 3 pt; pdfplumber groups by the tops of the characters'
boxes, which can split a line that mixes fonts). Whenever PDFium is not
sure of a file, pdfplumber reads it instead, with everything above: when PDFium cannot open the file, a content
stream does not decode (PDFium would read what it can of it without a word),
a character has no Unicode mapping (control characters in place of glyphs),
or a page is rotated or cropped (coordinates that pdfplumber counts
differently). A page without text counts as scanned where it shows an image,
as pdfplumber counts it (a scanned signature page after text pages).
"""

from __future__ import annotations

import ctypes
import io
import logging
import re
import unicodedata
from typing import Any, NamedTuple

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.psparser import LIT
from pdfplumber.utils.exceptions import PdfminerException

from fazhi.document.model import DocumentError, Extracted
from fazhi.document.readers.layout import (
    COLUMN_GAP,
    PlacedLine,
    joined,
    set_side_columns_apart,
    strip_furniture,
    to_source_lines,
)
from fazhi.document.readers.limits import Limits
from fazhi.document.readers.package import corrupt

WHAT = "PDF 文件"
_CID = re.compile(r"\(cid:\d+\)")

# pdfminer reports recoverable oddities of a file through logging; they are not ours to print.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


def _encrypted() -> DocumentError:
    return DocumentError("encrypted", "PDF 文件已加密（需要密码才能打开），无法读取文字。"
                         "请用密码打开后另存为不加密的 PDF，或导出为 .docx 后再检查。")


def no_text_layer(what: str) -> DocumentError:
    return DocumentError(
        "no_text_layer",
        f"{what}中没有可提取的文字（很可能是扫描件或图片），需要先做 OCR 文字识别。"
        "请用 OCR 软件（如 WPS、Adobe Acrobat 的“文字识别”）转成可搜索的 PDF 或 .docx 后再检查。",
    )


def _page_lines(page: Any) -> tuple[list[PlacedLine], int]:
    # a glyph printed twice a hair apart is "fake bold"; PDFium reads it once, and so
    # must pdfminer (with every character doubled, a heading matches no wording)
    lines = page.dedupe_chars().extract_text_lines(strip=True, return_chars=True)
    out = []
    unmapped = 0
    for ln in lines:
        unmapped += len(_CID.findall(ln["text"]))
        text = _CID.sub("", ln["text"])
        if text.strip():
            out.append(PlacedLine(text=text, x0=float(ln["x0"]), x1=float(ln["x1"]),
                                  top=float(ln["top"]), bottom=float(ln["bottom"]),
                                  parts=_stretches(ln["chars"])))
    out.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    return out, unmapped


def _stretches(chars: list[dict[str, Any]]) -> tuple[PlacedLine, ...]:
    """A pdfplumber line's stretches apart by :data:`~layout.COLUMN_GAP` characters
    or more, as :func:`_line` makes them of PDFium's (none when there is one)."""
    groups: list[list[dict[str, Any]]] = []
    for c in sorted(chars, key=lambda c: c["x0"]):
        if c["text"].isspace() or _CID.fullmatch(c["text"]):
            continue
        gap = c["x0"] - groups[-1][-1]["x1"] if groups else 0.0
        if not groups or _column_gap(gap, c["bottom"] - c["top"]):
            groups.append([])
        groups[-1].append(c)
    if len(groups) < 2:
        return ()
    return tuple(PlacedLine(text="".join(c["text"] for c in g), x0=float(g[0]["x0"]),
                            x1=float(max(c["x1"] for c in g)), top=float(min(c["top"] for c in g)),
                            bottom=float(max(c["bottom"] for c in g))) for g in groups)


_TOLERANCE = 3.0  # pt: pdfplumber's x_tolerance and y_tolerance


def _column_gap(gap: float, height: float) -> bool:
    """Whether a gap before a character of ``height`` starts a new stretch of its row
    (:data:`~layout.COLUMN_GAP` characters wide, and more than the word tolerance)."""
    return gap > max(_TOLERANCE, COLUMN_GAP * height)
_BLANK_CONTROLS = "\t\r\n"
# What PDFium generates (FPDFText_IsGenerated): the spaces and line breaks it
# adds between text objects; only these need asking about.
_GENERATED = " \r\n"


class _Char(NamedTuple):
    """A character PDFium placed: its baseline, its box (top grows downwards, as in
    pdfplumber) and its text."""

    baseline: float
    top: float
    bottom: float
    x0: float
    x1: float
    text: str


def _pdfium_page(page: Any) -> list[PlacedLine] | None:
    """A page's lines (see the module docstring), in pdfplumber's order (none for a
    page without text), or None when PDFium is not sure of the page."""
    left, bottom, right, top = page.get_mediabox()
    if page.get_rotation() or (left, bottom) != (0, 0) or \
            page.get_cropbox() != (left, bottom, right, top):
        return None
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        text = textpage.get_text_range(0, n) if n else ""
        if len(text) != n:  # characters beyond the Basic Multilingual Plane
            return None
        chars: list[_Char] = []
        raw = textpage.raw
        box = pdfium_c.FS_RECTF()
        x, y = ctypes.c_double(), ctypes.c_double()
        # three calls into PDFium a character: the loop is most of reading a PDF
        is_generated = pdfium_c.FPDFText_IsGenerated
        char_box = pdfium_c.FPDFText_GetLooseCharBox
        char_origin = pdfium_c.FPDFText_GetCharOrigin
        for k, ch in enumerate(text):
            if ch in _GENERATED and is_generated(raw, k) == 1:
                continue  # line breaks and spaces PDFium adds; pdfminer has none
            if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in _BLANK_CONTROLS):
                return None  # a glyph without a Unicode mapping
            if not char_box(raw, k, box) or not char_origin(raw, k, x, y):
                return None
            chars.append(_Char(height - y.value, height - box.top, height - box.bottom,
                               box.left, box.right, ch))
    finally:
        textpage.close()
    lines = [line for row in _rows(chars) if (line := _line(row)) is not None]
    lines.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    return lines


def _shows_image(page: Any) -> bool:
    """Whether the page draws an image, in forms too (pdfplumber's ``page.images``)."""
    return next(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]), None) is not None


def _rows(chars: list[_Char]) -> list[list[_Char]]:
    """Characters in rows: sorted by baseline, a new row where the baseline is more
    than the tolerance below the previous character's. (pdfplumber clusters by the
    top of each character's box, which is the font's size above its descent: a
    line that mixes fonts, such as digits in a Latin font among Chinese, can come
    apart there; the baseline keeps it whole.)"""
    rows: list[list[_Char]] = []
    last = 0.0
    for c in sorted(chars, key=lambda c: c.baseline):
        if not rows or c.baseline > last + _TOLERANCE:
            rows.append([])
        rows[-1].append(c)
        last = c.baseline
    return rows


def _line(row: list[_Char]) -> PlacedLine | None:
    """One row, left to right: its words joined by a space (a word ends at a blank or
    at a gap wider than the tolerance); None if the row is blank. Where a gap is
    :data:`~layout.COLUMN_GAP` characters wide or more, the row's ``parts`` are the
    stretches between such gaps (a side column beside the text: see
    :func:`~layout.set_side_columns_apart`)."""
    stretches: list[tuple[list[str], list[_Char]]] = []  # words and inked characters
    for c in sorted(row, key=lambda c: c.x0):
        if c.text.isspace():
            if stretches:
                stretches[-1][0].append("")
            continue
        last = stretches[-1][1][-1] if stretches else None
        if last is None or _column_gap(c.x0 - last.x1, c.bottom - c.top):
            stretches.append(([""], []))
        elif c.x0 > last.x1 + _TOLERANCE:
            stretches[-1][0].append("")
        stretches[-1][0][-1] += c.text
        stretches[-1][1].append(c)
    if not stretches:
        return None
    return joined([_placed(words, inked) for words, inked in stretches])


def _placed(words: list[str], inked: list[_Char]) -> PlacedLine:
    return PlacedLine(text=" ".join(w for w in words if w), x0=min(c.x0 for c in inked),
                      x1=max(c.x1 for c in inked), top=min(c.top for c in inked),
                      bottom=max(c.bottom for c in inked))


class _Pages(NamedTuple):
    lines: list[list[PlacedLine]]  # per page
    unmapped: int  # glyphs without a Unicode mapping ((cid:N))
    scanned: int  # pages that show images but no text
    damaged: int  # pages whose content could not be read (left empty)


def _pdfium_pages(data: bytes) -> _Pages | None:
    """Every page's lines by PDFium, or None if it is not sure of one of them."""
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        pages = []
        scanned = 0
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                lines = _pdfium_page(page)
                if lines == [] and _shows_image(page):
                    scanned += 1
            finally:
                page.close()
            if lines is None:
                return None
            pages.append(lines)
        return _Pages(pages, 0, scanned, 0) if pages else None
    except pdfium.PdfiumError:
        return None
    finally:
        pdf.close()


def _streams_intact(data: bytes) -> bool:
    """Whether the content of every page (its content streams and the forms they draw)
    decodes without an error. PDFium reads what it can of a broken stream and says
    nothing; pdfminer stops, and the page counts as damaged. Decoding without
    interpreting takes a few milliseconds."""
    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        seen: dict[int, Any] = {}  # id → stream, held so that no id is reused meanwhile
        for page in PDFPage.create_pages(doc):
            for stream in page.contents:
                _decode(resolve1(stream), seen)
            _decode_forms(page.resources, seen)
    except Exception:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
        return False
    return True


def _decode(stream: Any, seen: dict[int, Any]) -> None:
    if isinstance(stream, PDFStream) and id(stream) not in seen:
        seen[id(stream)] = stream
        stream.get_data()
        if stream.get("Subtype") is LIT("Form"):
            _decode_forms(stream.get("Resources"), seen)


def _decode_forms(resources: Any, seen: dict[int, Any]) -> None:
    resources = resolve1(resources)
    if isinstance(resources, dict):
        xobjects = resolve1(resources.get("XObject"))
        if isinstance(xobjects, dict):
            for obj in xobjects.values():
                stream = resolve1(obj)
                if isinstance(stream, PDFStream) and stream.get("Subtype") is LIT("Form"):
                    _decode(stream, seen)


def _extract(data: bytes) -> _Pages:
    """The text lines of every page: by PDFium where it is sure of the file, else by
    pdfplumber (see the module docstring)."""
    fast = _pdfium_pages(data) if _streams_intact(data) else None
    return fast or _pdfminer_pages(data)


def _pdfminer_pages(data: bytes) -> _Pages:
    """The text lines of every page, by pdfplumber. A page whose content cannot be
    parsed (a damaged stream, as in a download cut short) is left empty and counted,
    so that one bad page costs that page, not the report."""
    pages: list[list[PlacedLine]] = []
    unmapped = scanned = damaged = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                try:
                    lines, missing = _page_lines(page)
                    unmapped += missing
                    if not lines and page.images:
                        scanned += 1
                except Exception:  # noqa: BLE001 - pdfminer raises many kinds on damaged streams
                    damaged += 1
                    lines = []
                finally:
                    page.close()
                pages.append(lines)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFEncryptionError):
            raise _encrypted() from exc
        raise corrupt(WHAT, "文件结构无法解析") from exc
    except PDFEncryptionError as exc:
        raise _encrypted() from exc
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
        raise corrupt(WHAT, "文件结构无法解析") from exc
    if pages and damaged == len(pages):
        raise corrupt(WHAT, "所有页面的内容都无法解析")
    return _Pages(pages, unmapped, scanned, damaged)


def read(data: bytes, path: str, limits: Limits) -> Extracted:
    if b"%PDF-" not in data[:1024]:
        raise corrupt(WHAT, "文件开头没有 PDF 标记，可能不是 PDF 或扩展名与内容不符")
    pages, unmapped, scanned, damaged = _extract(data)
    chars = sum(len(ln.text.strip()) for lines in pages for ln in lines)
    if unmapped > chars:
        raise DocumentError(
            "no_text_layer",
            "PDF 的文字层无法解码（字体缺少编码信息，提取出来是乱码），需要先做 OCR 文字识别。"
            "请用 OCR 软件转成可搜索的 PDF 或 .docx，或找到原始 Word 文件后再检查。",
        )
    if chars == 0:
        if damaged:  # what could be read has no text: the damage, not a scan, is why
            raise corrupt(WHAT, f"{damaged} 页的内容无法解析，其余页没有文字")
        raise no_text_layer(WHAT)
    warnings = []
    if scanned:
        warnings.append("partial_text_layer")
    if damaged:
        warnings.append("damaged_pages")
    return Extracted(format="pdf", encoding=None,
                     lines=to_source_lines(set_side_columns_apart(strip_furniture(pages))),
                     warnings=warnings, laid_out=True)
