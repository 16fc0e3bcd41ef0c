"""Readers: one module per file format, each ``read(data: bytes, path) -> Extracted``.

:func:`read_path` picks the reader by extension, applies the size limit and
turns every failure into a :class:`DocumentError` with a stable code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fazhi.document.model import DocumentError, Extracted
from fazhi.document.readers import txt

Reader = Callable[[bytes, str], Extracted]

READERS: dict[str, Reader] = {
    ".txt": txt.read,
    ".text": txt.read,
}

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file's bytes, or raise a coded error (permissions, size)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError("unreadable", f"无法访问文件：{exc.strerror or exc}。请检查路径和权限。") from exc
    if size > max_bytes:
        raise DocumentError(
            "too_large",
            f"文件大小 {size / 1048576:.1f} MB，超过上限 {max_bytes / 1048576:.0f} MB。"
            "请确认文件无误，或用 --max-size 调高上限。",
        )
    try:
        return path.read_bytes()
    except PermissionError as exc:
        raise DocumentError("unreadable", "没有读取该文件的权限。请检查文件权限后重试。") from exc
    except OSError as exc:
        raise DocumentError("unreadable", f"读取文件失败：{exc.strerror or exc}。") from exc


def extract(path: Path, data: bytes) -> Extracted:
    """Run the reader for ``path``'s extension over ``data``."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        names = "、".join(supported_suffixes())
        raise DocumentError(
            "unsupported_format",
            f"不支持 {path.suffix or '无扩展名'} 格式。支持的格式：{names}。"
            "请用 WPS 或 Word 将文件另存为 .docx 或 .txt 后重试。",
        )
    if not data.strip():
        raise DocumentError("empty", "文件为空（或只有空白）。请确认下载完整后重试。")
    return reader(data, str(path))
