"""A cache of checked reports, so that a re-run only checks what changed.

An entry is keyed by everything that decides a report's result: the file's
bytes (sha256), its extension (which picks the reader), the rulebook (hash of
its loaded content), the tool version and its code (a hash of the program's
files, so that a change made without a new version number is not served old
results) and the size limit. The display path is not part
of the result: entries are stored with an empty path and given the current
path when loaded, so moving or renaming a folder keeps its entries.

Only checked reports are stored. Errors are not: a time-out or a crashed
worker says nothing about the file, and the others are cheap to find again.
Entries are written atomically, so concurrent workers and interrupted runs
leave no half-written entry; a damaged entry counts as a miss. The cache is
a help, never a cause of failure: an entry that cannot be written is skipped.

The cache does not grow without end. Entries live in one folder per context
(rulebook, program, size limit), named by a hash of it and holding a
``context.json`` that says what the context is; a run marks its context as
used and removes all but the :data:`KEEP_CONTEXTS` most recently used ones,
whose entries no later run of another rulebook or program version could use
anyway. So a rulebook edited ten times, or a new version of fazhi, leaves at
most a few old sets of results behind. The folder is tagged as a cache
(``CACHEDIR.TAG``), so that backup programs leave it out.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from pydantic import ValidationError

from fazhi import __version__
from fazhi.fingerprint import code_fingerprint
from fazhi.render.files import write_atomic
from fazhi.results import ReportResult

KEEP_CONTEXTS = 4  # context folders kept, the current one included
CONTEXT_FILE = "context.json"
TAG_FILE = "CACHEDIR.TAG"
TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
       "# This folder is a cache of fazhi check (--cache); it can be deleted at any time.\n")
_CONTEXT_NAME = re.compile(r"[0-9a-f]{16}")
_OLD_BUCKET = re.compile(r"[0-9a-f]{2}")  # entries straight under the root (before contexts)
_OLD_ENTRY = re.compile(r"[0-9a-f]{64}\.json")


class Cache:
    """Checked reports under ``root``, for one rulebook and size limit."""

    def __init__(self, root: Path, rulebook_hash: str, max_bytes: int,
                 about: dict[str, str | None] | None = None) -> None:
        self.root = root
        self.about = about or {}  # for people reading context.json (the rulebook's name…)
        self.context = {"tool": __version__, "code": code_fingerprint("fazhi"),
                        "rulebook": rulebook_hash, "max_bytes": max_bytes}
        name = hashlib.sha256(json.dumps(self.context, sort_keys=True).encode()).hexdigest()
        self.folder = root / name[:16]

    def key(self, sha256: str, suffix: str) -> str:
        parts = {**self.context, "file": sha256, "suffix": suffix.lower()}
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()

    def _entry(self, sha256: str, suffix: str) -> Path:
        key = self.key(sha256, suffix)
        return self.folder / key[:2] / f"{key}.json"

    def open(self) -> list[Path]:
        """Mark this context as used (now) and remove old ones, before a run; return
        the folders removed. Raises OSError if the cache folder cannot be written."""
        self.folder.mkdir(parents=True, exist_ok=True)
        tag = self.root / TAG_FILE
        if not tag.exists():
            write_atomic(tag, TAG)
        # rewritten on every run: its time is when the context was last used
        write_atomic(self.folder / CONTEXT_FILE,
                     json.dumps({**self.context, "about": self.about}, ensure_ascii=False,
                                indent=2, sort_keys=True))
        stale = [*old_contexts(self.root, KEEP_CONTEXTS), *old_layout(self.root)]
        for folder in stale:
            shutil.rmtree(folder, ignore_errors=True)
        return stale

    def get(self, sha256: str, suffix: str, path: str) -> ReportResult | None:
        """The stored report for this content, with ``path`` as its path; None on a miss."""
        try:
            text = self._entry(sha256, suffix).read_text(encoding="utf-8")
            report = ReportResult.model_validate_json(text)
        except (OSError, ValueError, ValidationError):
            return None
        if report.sha256 != sha256:
            return None
        report.path = path
        return report

    def put(self, report: ReportResult, suffix: str) -> None:
        """Store a checked report; one that cannot be written (a full disk, a folder
        removed by a concurrent run) is left out."""
        if report.status != "checked" or report.sha256 is None:
            return
        stored = report.model_copy(update={"path": ""})
        try:
            write_atomic(self._entry(report.sha256, suffix), stored.model_dump_json())
        except OSError:
            pass


def _last_used(folder: Path) -> int:
    try:
        return (folder / CONTEXT_FILE).stat().st_mtime_ns
    except OSError:
        return 0


def old_contexts(root: Path, keep: int) -> list[Path]:
    """Context folders under ``root`` beyond the ``keep`` most recently used."""
    try:
        folders = [p for p in root.iterdir()
                   if _CONTEXT_NAME.fullmatch(p.name) and (p / CONTEXT_FILE).is_file()]
    except OSError:
        return []
    folders.sort(key=lambda p: (-_last_used(p), p.name))
    return folders[keep:]


def old_layout(root: Path) -> list[Path]:
    """Entry folders of the layout before contexts (``root/ab/<key>.json``): folders
    named by two hex digits that hold nothing but entries."""
    out = []
    try:
        children = sorted(root.iterdir())
    except OSError:
        return []
    for p in children:
        if not (_OLD_BUCKET.fullmatch(p.name) and p.is_dir() and not p.is_symlink()):
            continue
        try:
            names = os.listdir(p)
        except OSError:
            continue
        if all(_OLD_ENTRY.fullmatch(n) for n in names):
            out.append(p)
    return out
