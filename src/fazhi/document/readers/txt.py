"""Plain text (.txt): detect the encoding, split into lines (any line ending)."""

from __future__ import annotations

from fazhi.document.decode import decode_bytes
from fazhi.document.model import DocumentError, Extracted, Location, SourceLine


def read(data: bytes, path: str) -> Extracted:
    if b"\x00" in data[:4096] and not _utf16_like(data):
        raise DocumentError(
            "binary",
            "文件内容是二进制数据，不是文本（扩展名可能有误）。请确认文件格式后重试。",
        )
    text, encoding = decode_bytes(data)
    lines = text.splitlines()
    return Extracted(
        format="txt",
        encoding=encoding,
        lines=[SourceLine(text=t, loc=Location(line=i + 1)) for i, t in enumerate(lines)],
    )


def _utf16_like(data: bytes) -> bool:
    head = data[:4096]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    return max(even, odd) > len(head) // 4 and min(even, odd) < len(head) // 50
