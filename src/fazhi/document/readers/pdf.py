"""PDF (.pdf): the text layer, page by page, in reading order.

pdfplumber (on pdfminer.six) gives the text lines of each page with their
coordinates; :mod:`layout` removes page numbers and running headers/footers
and marks lines wrapped by the page width. A PDF without a text layer (a
scan) is refused with ``no_text_layer`` (it needs OCR first); one that needs
a password with ``encrypted``; a page that cannot be parsed is left out with
the warning ``damaged_pages``. Locations are page and line.
"""

from __future__ import annotations

import io
import logging
import re
from typing import Any, NamedTuple

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.utils.exceptions import PdfminerException

from fazhi.document.model import DocumentError, Extracted
from fazhi.document.readers.layout import PlacedLine, strip_furniture, to_source_lines
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
    lines = page.extract_text_lines(strip=True, return_chars=False)
    out = []
    unmapped = 0
    for ln in lines:
        unmapped += len(_CID.findall(ln["text"]))
        text = _CID.sub("", ln["text"])
        if text.strip():
            out.append(PlacedLine(text=text, x0=float(ln["x0"]), x1=float(ln["x1"]),
                                  top=float(ln["top"]), bottom=float(ln["bottom"])))
    out.sort(key=lambda ln: (round(ln.top, 1), ln.x0))
    return out, unmapped


class _Pages(NamedTuple):
    lines: list[list[PlacedLine]]  # per page
    unmapped: int  # glyphs without a Unicode mapping ((cid:N))
    scanned: int  # pages that show images but no text
    damaged: int  # pages whose content could not be read (left empty)


def _extract(data: bytes) -> _Pages:
    """The text lines of every page. A page whose content cannot be parsed (a
    damaged stream, as in a download cut short) is left empty and counted, so
    that one bad page costs that page, not the report."""
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
                     lines=to_source_lines(strip_furniture(pages)), warnings=warnings)
