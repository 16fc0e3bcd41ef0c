"""Which files a run checks: explicit files as given, directories walked
(sorted, hidden entries and Office lock files skipped, symlinked directories
not followed, so a symlink loop cannot trap the walk). A walk takes every
supported format and the document formats that must be converted first
(.doc, .wps…): those become error entries that say how, rather than reports
silently missing from the batch."""

from __future__ import annotations

import os
from pathlib import Path

from fazhi.document.readers import is_report_file, is_supported, supported_suffixes


def shown_path(path: Path) -> str:
    """How the outputs name ``path``: its POSIX form, every component that is not
    valid Unicode (a name the file system holds as bytes in another encoding,
    typically GBK from a zip made on Chinese Windows) decoded as GB18030, or with
    its bad bytes replaced where that fails too. The file is still opened by its
    own name; only what is shown changes, so that every output stays valid UTF-8."""
    parts = []
    for part in path.as_posix().split("/"):
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


class UsageError(Exception):
    """Inputs that make no run (a missing path, a folder with no reports)."""


def discover(paths: list[str]) -> list[tuple[Path, str]]:
    """(path, display name) for every input, in a stable order."""
    out: list[tuple[Path, str]] = []
    seen: set[str] = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = []
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    f = Path(root) / name
                    # "~$name.docx" is the lock file Word/WPS keeps beside an open document.
                    if not name.startswith((".", "~$")) and is_report_file(f):
                        found.append(f)
            if not any(is_supported(f) for f in found):
                raise UsageError(
                    f"文件夹 {given} 中没有可检查的报告文件。支持的格式："
                    f"{'、'.join(supported_suffixes())}（.doc、.wps 请先另存为 .docx）。")
            for f in sorted(found, key=lambda x: x.as_posix()):
                key = os.path.realpath(f)
                if key not in seen:
                    seen.add(key)
                    out.append((f, shown_path(f)))
        elif p.exists() or p.is_symlink():
            key = os.path.realpath(p)
            if key not in seen:
                seen.add(key)
                out.append((p, shown_path(p)))
        else:
            raise UsageError(f"路径不存在：{given}")
    return out
