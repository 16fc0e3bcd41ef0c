"""Readers: one module per file format, each ``read(data, path, limits) -> Extracted``.

:func:`read_bytes` applies the size limit and turns file-system failures into
coded errors; :func:`extract` picks the reader by extension, after a look at
the content (an OLE2 compound file is read as a Word 97-2003 document whatever
its name, a password-protected .docx is refused, and a file under a Word name
that is really a .docx, RTF or a web page, as users rename and some systems
save them, is read as what it is), and refuses empty files.
Every failure is a :class:`DocumentError` with a stable code.
"""

from __future__ import annotations

import errno
import importlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from fazhi.document.model import DocumentError, Extracted
from fazhi.document.readers.archive import ARCHIVES
from fazhi.document.readers.limits import DEFAULT_MAX_BYTES, Limits

__all__ = ["DEFAULT_MAX_BYTES", "READERS", "Limits", "extract", "is_report_file", "is_supported",
           "read_bytes", "supported_suffixes"]

Reader = Callable[[bytes, str, Limits], Extracted]



def _lazy(module: str) -> Reader:
    """The ``read`` of reader module ``module``, imported on its first use: the PDF
    and HTML readers' libraries take a tenth of a second to load, which a run over
    text files need not pay."""
    def read(data: bytes, path: str, limits: Limits) -> Extracted:
        reader: Reader = importlib.import_module(f"{__name__}.{module}").read
        return reader(data, path, limits)
    return read


READERS: dict[str, Reader] = {
    ".txt": _lazy("txt"),
    ".text": _lazy("txt"),
    ".docx": _lazy("docx"),
    ".doc": _lazy("doc"),
    ".wps": _lazy("doc"),  # WPS Writer's format is Word's binary one with extensions
    ".rtf": _lazy("rtf"),
    ".odt": _lazy("odt"),
    ".fodt": _lazy("odt"),  # flat (one-file) OpenDocument text
    ".pdf": _lazy("pdf"),
    ".html": _lazy("html"),
    ".htm": _lazy("html"),
    ".shtml": _lazy("html"),
    ".mht": _lazy("mhtml"),
    ".mhtml": _lazy("mhtml"),
    ".ofd": _lazy("ofd"),
}

FORMAT_LABELS = {
    "txt": "纯文本",
    "docx": "Word 文档（.docx）",
    "doc": "Word 97-2003 文档（.doc）",
    "rtf": "RTF 文档（.rtf）",
    "odt": "OpenDocument 文档（.odt）",
    "pdf": "PDF（文字层）",
    "html": "网页（HTML）",
    "mhtml": "网页存档（.mht/.mhtml）",
    "ofd": "OFD 版式文档",
}

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_CONVERT = ("请用 WPS 或 Word 打开后“另存为” .docx（或导出为 PDF），"
            "扫描件请先做 OCR 文字识别，再重新检查。")


def supported_suffixes() -> list[str]:
    return sorted(READERS)


_WEB_PAGE_HEADS = (b"<!doctype html", b"<html", b"mime-version:")
_WORD_NAMES = (".doc", ".docx", ".wps", ".rtf")


def _suffix(path: str | Path) -> str:
    return os.path.splitext(path)[1].lower()


def is_supported(path: str | Path) -> bool:
    return _suffix(path) in READERS


def is_report_file(path: str | Path) -> bool:
    """Whether a folder walk takes ``path`` (a path or a file name): a supported
    format, or an archive (a .zip is unpacked; the others' entries say to unpack
    them first, so that their reports do not go missing silently)."""
    suffix = _suffix(path)
    return suffix in READERS or suffix in ARCHIVES


def _supported_text() -> str:
    return "、".join(supported_suffixes())


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file's bytes, or raise a coded error (missing, loop, permissions, size)."""
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise DocumentError("symlink_loop", "符号链接形成了循环，无法找到实际文件。"
                                "请检查该链接指向的位置。") from exc
        if exc.errno == errno.ENOENT:
            raise DocumentError("not_found", "文件不存在（或链接指向的文件已被删除）。"
                                "请检查路径。") from exc
        if isinstance(exc, PermissionError):
            raise DocumentError("unreadable", "没有访问该文件的权限。请检查文件权限后重试。") from exc
        raise DocumentError("unreadable", f"无法访问文件：{exc.strerror or exc}。"
                            "请检查路径和权限。") from exc
    if not stat.S_ISREG(st.st_mode):
        raise DocumentError("unreadable", "这不是普通文件（可能是设备或管道），无法作为报告读取。")
    if st.st_size > max_bytes:
        raise DocumentError(
            "too_large",
            f"文件大小 {st.st_size / 1048576:.1f} MB，超过上限 {max_bytes / 1048576:.0f} MB。"
            "请确认文件无误，或用 --max-size 调高上限。",
        )
    try:
        with path.open("rb") as f:
            # read what stat promised plus one byte (a file that grew is caught below);
            # read(max_bytes + 1) would allocate the whole limit for every file
            data = f.read(min(st.st_size, max_bytes) + 1)
            if len(data) > st.st_size:
                data += f.read(max_bytes + 1 - len(data))
    except PermissionError as exc:
        raise DocumentError("unreadable", "没有读取该文件的权限。请检查文件权限后重试。") from exc
    except OSError as exc:
        raise DocumentError("unreadable", f"读取文件失败：{exc.strerror or exc}。") from exc
    if len(data) > max_bytes:
        raise DocumentError("too_large", f"文件超过大小上限 {max_bytes / 1048576:.0f} MB。"
                            "请确认文件无误，或用 --max-size 调高上限。")
    return data


def encrypted() -> DocumentError:
    """The error for a document with an opening password (.docx or .doc)."""
    return DocumentError("encrypted", "文件已加密（设置了打开密码），无法读取。"
                         "请用原软件取消密码后另存为 .docx，再重新检查。")


def not_word(suffix: str) -> DocumentError:
    """The error for an OLE2 compound file that holds no Word document (a WPS or
    Excel file, say)."""
    named = f"（扩展名却是 {suffix}）" if suffix not in (".doc", ".wps", ".dot", ".et") else ""
    return DocumentError(
        "unsupported_format",
        f"这是 Office/WPS 的二进制文件{named}，但其中没有 Word 正文，无法读取。"
        f"支持的格式：{_supported_text()}。{_CONVERT}",
    )


def unsupported(suffix: str) -> DocumentError:
    shown = suffix or "无扩展名"
    return DocumentError(
        "unsupported_format",
        f"不支持 {shown} 格式。支持的格式：{_supported_text()}。{_CONVERT}",
    )


def extract(path: Path, data: bytes, limits: Limits | None = None) -> Extracted:
    """Run the reader for ``path``'s extension over ``data``."""
    limits = limits or Limits()
    suffix = path.suffix.lower()
    if data.startswith(_OLE2):
        # Word 97-2003 and WPS documents, and password-protected .docx (an encrypted
        # OOXML package is stored inside an OLE2 container).
        if _ENCRYPTED_PACKAGE in data:
            raise encrypted()
        return READERS[".doc"](data, os.fspath(path), limits)
    if suffix in _WORD_NAMES:  # what a file under a Word name really is
        head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if head.startswith(_WEB_PAGE_HEADS):  # a web page saved under a Word name
            suffix = ".mht" if head.startswith(b"mime-version:") else ".html"
        elif head.startswith(b"{\\rtf"):  # saved as RTF under a Word name
            suffix = ".rtf"
        elif data.startswith(b"PK\x03\x04"):  # a .docx renamed .doc (the docx reader
            suffix = ".docx"                    # says so if it is another zip)
        elif suffix == ".wps":  # not OLE2: a WPS file from before 2005, or Microsoft Works'
            raise DocumentError(
                "unsupported_format", "这是早期 WPS（或 Microsoft Works）格式的 .wps 文件，无法直接读取。"
                f"支持的格式：{_supported_text()}。{_CONVERT}")
    reader = READERS.get(suffix)
    if reader is None:
        raise unsupported(suffix)
    if not data.strip():
        raise DocumentError("empty", "文件为空（或只有空白）。请确认下载完整后重试。")
    extracted = reader(data, os.fspath(path), limits)
    limits.check_lines(len(extracted.lines))  # every reader's lines, however made
    if suffix != ".txt":  # decoding bytes never leaves a surrogate; the other readers may
        extracted.lines = [line if _SURROGATE.search(line.text) is None
                           else replace(line, text=whole_characters(line.text))
                           for line in extracted.lines]
    return extracted


_SURROGATE = re.compile("[\ud800-\udfff]")


def whole_characters(text: str) -> str:
    """``text`` with its UTF-16 surrogates made characters: a pair joined into the
    character it encodes (RTF writes 𠀀 as two \\uN), one alone (a damaged file)
    as U+FFFD. A lone surrogate cannot be written as UTF-8: the report's JSON and
    scorecard would fail."""
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
