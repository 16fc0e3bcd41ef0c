"""Which files a run checks: explicit files as given, directories walked
(sorted, hidden entries and Office lock files skipped, symlinked directories
not followed, so a symlink loop cannot trap the walk). A walk takes every
supported format and the archives fazhi does not unpack (.rar, .7z…): those
become error entries that say to unpack them, rather than reports silently
missing from the batch. A .zip is unpacked for the run (see :func:`discover`)."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path

from fazhi.document.model import DocumentError
from fazhi.document.readers import (
    DEFAULT_MAX_BYTES,
    is_report_file,
    is_supported,
    supported_suffixes,
)
from fazhi.document.readers.archive import unpack


def shown_path(path: Path | str) -> str:
    """How the outputs name ``path``: its POSIX form, every component that is not
    valid Unicode (a name the file system holds as bytes in another encoding,
    typically GBK from a zip made on Chinese Windows) decoded as GB18030, or with
    its bad bytes replaced where that fails too. The file is still opened by its
    own name; only what is shown changes, so that every output stays valid UTF-8."""
    parts = []
    for part in Path(path).as_posix().split("/"):
        try:
            part.encode("utf-8")
        except UnicodeEncodeError:
            raw = os.fsencode(part)
            try:
                part = raw.decode("gb18030")
            except UnicodeDecodeError:
                part = raw.decode("utf-8", "replace")
        parts.append(part)
    return "/".join(parts)


def skipped_note(skipped: Counter[str]) -> str:
    """What a run says of the files its folder walks passed over (see :func:`discover`)."""
    total = sum(skipped.values())
    by_count = sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))
    kinds = "、".join(f"{ext} {n} 个" for ext, n in by_count[:6]) + ("等" if len(by_count) > 6 else "")
    return (f"文件夹中有 {total} 个文件不是可检查的报告格式，已跳过（{kinds}）。如果其中有报告"
            "（如扫描成图片的报告），请向报送单位索取 Word 或带文字的 PDF 文件。")


# Zips inside zips are unpacked this deep (a county's zip of the townships' zips).
MAX_ARCHIVE_DEPTH = 3


class UsageError(Exception):
    """Inputs that make no run (a missing path, a folder with no reports)."""


def _entry(path: str) -> tuple[str, str]:
    """An input as the batch keeps it for the whole run: its path and how it is
    shown, one string object where the two are the same (most names)."""
    shown = shown_path(path)
    return path, path if shown == path else shown


def discover(paths: list[str], unpack_to: Path | None = None,
             max_bytes: int = DEFAULT_MAX_BYTES,
             skipped: Counter[str] | None = None) -> list[tuple[str, str]]:
    """(path, shown name) for every input, in a stable order; with ``skipped``, the
    files a folder walk passed over (not a report format: .jpg, .xlsx…) are counted
    there by extension, so that the run can say so.

    With ``unpack_to`` (a folder of the run's own, removed after it), each .zip
    among the inputs is unpacked there and its reports take its place, shown as
    "archive.zip/member" (see :mod:`fazhi.document.readers.archive`); one that
    cannot be unpacked stays an input, whose entry says why.

    A batch keeps this list while it runs (its worker processes inherit it too), so
    it is kept small: two strings an input, about 150 bytes, rather than Path
    objects (about 500); inputs reached twice are recognised by a hash of their
    real path."""
    out: list[tuple[str, str]] = []
    seen: set[int] = set()

    def take(path: str, shown: str | None = None, depth: int = 0) -> None:
        key = hash(os.path.realpath(path))
        if key in seen:
            return
        seen.add(key)
        entry = _entry(path) if shown is None else (path, shown)
        if unpack_to is not None and depth < MAX_ARCHIVE_DEPTH and path.lower().endswith(".zip"):
            folder = unpack_to / str(len(seen))
            try:
                members = unpack(Path(path), folder, max_bytes, is_report_file)
            except DocumentError:
                shutil.rmtree(folder, ignore_errors=True)
            else:
                for file, name in members:  # a zip inside is unpacked in its turn
                    take(str(file), f"{entry[1]}/{name}", depth + 1)
                if members:
                    return  # without reports in it, its entry says so
        out.append(entry)

    for given in paths:
        p = Path(given)
        if p.is_dir():
            found: list[str] = []
            supported = False
            for root, dirs, files in os.walk(given, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                folder = str(Path(root))  # as Path spells it ("./a/" → "a"), once a folder
                prefix = "" if folder == "." else folder.rstrip(os.sep) + os.sep
                for name in sorted(files):
                    # "~$name.docx" is the lock file Word/WPS keeps beside an open document.
                    if name.startswith((".", "~$")):
                        continue
                    if is_report_file(name):
                        found.append(prefix + name)
                        supported = supported or is_supported(name) or \
                            (unpack_to is not None and name.lower().endswith(".zip"))
                    elif skipped is not None:
                        skipped[os.path.splitext(name)[1].lower() or "无扩展名"] += 1
            if not supported:
                raise UsageError(
                    f"文件夹 {given} 中没有可检查的报告文件。支持的格式："
                    f"{'、'.join(supported_suffixes())}（.rar、.7z 等压缩包请先解压）。")
            for f in sorted(found, key=lambda x: x.replace(os.sep, "/")):
                take(f)
        elif p.exists() or p.is_symlink():
            take(str(p))
        else:
            raise UsageError(f"路径不存在：{given}")
    return out
