"""Plain text (.txt): detect the encoding, split into lines (any line ending)."""

from __future__ import annotations

import codecs

from fazhi.document.decode import decode_bytes, utf16_without_bom
from fazhi.document.model import DocumentError, Extracted, Location, SourceLine
from fazhi.document.readers.limits import Limits

# What str.splitlines() ends a line at ("\r\n" counts once).
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def line_count(text: str) -> int:
    """``len(text.splitlines())``, counted without making the lines: a file of
    millions of blank or one-character lines is refused before it costs memory."""
    breaks = sum(text.count(c) for c in _LINE_BREAKS) - text.count("\r\n")
    return breaks + (1 if text and text[-1] not in _LINE_BREAKS else 0)


def read(data: bytes, path: str, limits: Limits) -> Extracted:
    if b"\x00" in data[:4096] and data[:2] not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) \
            and data[:4] not in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE) \
            and utf16_without_bom(data) is None:
        raise DocumentError(
            "binary",
            "文件内容是二进制数据，不是文本（扩展名可能有误）。请确认文件格式后重试。",
        )
    text, encoding, replaced = decode_bytes(data)
    if len(text) > limits.max_lines:  # fewer characters than the limit: fewer lines too
        limits.check_lines(line_count(text))
    lines = text.splitlines()
    return Extracted(
        format="txt",
        encoding=encoding,
        lines=[SourceLine(text=t, loc=Location(line=i + 1)) for i, t in enumerate(lines)],
        warnings=["damaged_bytes"] if replaced else [],
    )

