"""Plain text (.txt): detect the encoding, split into lines (any line ending)."""

from __future__ import annotations

import codecs

from fazhi.document.decode import decode_bytes, utf16_without_bom
from fazhi.document.model import DocumentError, Extracted, Location, SourceLine
from fazhi.document.readers.limits import Limits


def read(data: bytes, path: str, limits: Limits) -> Extracted:
    if b"\x00" in data[:4096] and data[:2] not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) \
            and data[:4] not in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE) \
            and utf16_without_bom(data) is None:
        raise DocumentError(
            "binary",
            "文件内容是二进制数据，不是文本（扩展名可能有误）。请确认文件格式后重试。",
        )
    text, encoding, replaced = decode_bytes(data)
    lines = text.splitlines()
    return Extracted(
        format="txt",
        encoding=encoding,
        lines=[SourceLine(text=t, loc=Location(line=i + 1)) for i, t in enumerate(lines)],
        warnings=["damaged_bytes"] if replaced else [],
    )

