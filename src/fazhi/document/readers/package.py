"""Zip packages (.docx, .ofd) read defensively, and XML parsed without surprises.

Before anything is unpacked, the sizes the zip directory declares are added
up and checked against :class:`Limits` (a zip bomb is refused, not inflated);
each member is then read in chunks with a cap, so a directory that lies about
sizes cannot get past the limit either. Every zip or XML failure becomes a
:class:`DocumentError` with a stable code.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from lxml import etree

from fazhi.document.model import DocumentError
from fazhi.document.readers.limits import Limits

_CHUNK = 1 << 16


def corrupt(what: str, detail: str = "") -> DocumentError:
    extra = f"（{detail}）" if detail else ""
    return DocumentError(
        "corrupt",
        f"{what}已损坏或不完整{extra}，无法读取。请重新下载或用原软件重新导出后再试。",
    )


def too_big_unpacked(what: str, limits: Limits) -> DocumentError:
    return DocumentError(
        "zip_bomb",
        f"{what}解压后超过 {limits.max_unpacked / 1048576:.0f} MB 的上限（可能是恶意构造的压缩包）。"
        "请确认文件来源；确属正常文件时可用 --max-size 调高上限（解压上限为其 10 倍）。",
    )


class Package:
    """An opened zip package with capped reads."""

    def __init__(self, data: bytes, what: str, limits: Limits) -> None:
        self.what = what
        self.limits = limits
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
            raise corrupt(what, "不是有效的压缩包，可能是下载不完整或扩展名与内容不符") from exc
        if len(infos) > limits.max_members:
            raise too_big_unpacked(what, limits)
        if sum(i.file_size for i in infos) > limits.max_unpacked:
            raise too_big_unpacked(what, limits)
        # Names as stored, and a case-insensitive index (producers differ in case).
        self.names = {i.filename.lstrip("/"): i for i in infos if not i.is_dir()}
        self.lower = {n.lower(): n for n in self.names}
        self.used = 0

    def find(self, name: str) -> str | None:
        name = name.replace("\\", "/").lstrip("/")
        if name in self.names:
            return name
        return self.lower.get(name.lower())

    def read(self, name: str) -> bytes:
        """The member's bytes (``name`` as returned by :meth:`find`)."""
        info = self.names[name]
        if info.flag_bits & 0x1:
            raise DocumentError("encrypted", f"{self.what}已加密（设置了密码），无法读取。"
                                "请用原软件取消密码后另存，再重新检查。")
        budget = self.limits.max_unpacked - self.used
        out = bytearray()
        try:
            with self.zf.open(info) as f:
                while True:
                    chunk = f.read(_CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > budget:
                        raise too_big_unpacked(self.what, self.limits)
        except DocumentError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError, RuntimeError) as exc:
            raise corrupt(self.what, f"压缩包内的 {name} 无法解压") from exc
        self.used += len(out)
        return bytes(out)

    def xml(self, name: str) -> Any:
        """Parse a member as XML; return the root element."""
        data = self.read(name)
        self.limits.check_markup(data.count(b"<"))  # before the parser holds every element
        return parse_xml(data, self.what, name)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False, remove_comments=True, remove_pis=True, recover=False)


def parse_xml(data: bytes, what: str, name: str) -> Any:
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise corrupt(what, f"{name} 不是有效的 XML") from exc
    if root is None:
        raise corrupt(what, f"{name} 为空")
    return root
