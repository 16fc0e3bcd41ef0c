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
leave no half-written entry; a damaged entry counts as a miss.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import ValidationError

from fazhi import __version__
from fazhi.fingerprint import code_fingerprint
from fazhi.render.files import write_atomic
from fazhi.results import ReportResult


class Cache:
    """Checked reports under ``root``, for one rulebook and size limit."""

    def __init__(self, root: Path, rulebook_hash: str, max_bytes: int) -> None:
        self.root = root
        self.context = {"tool": __version__, "code": code_fingerprint("fazhi"),
                        "rulebook": rulebook_hash, "max_bytes": max_bytes}

    def key(self, sha256: str, suffix: str) -> str:
        parts = {**self.context, "file": sha256, "suffix": suffix.lower()}
        return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()

    def _entry(self, sha256: str, suffix: str) -> Path:
        key = self.key(sha256, suffix)
        return self.root / key[:2] / f"{key}.json"

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
        if report.status != "checked" or report.sha256 is None:
            return
        stored = report.model_copy(update={"path": ""})
        write_atomic(self._entry(report.sha256, suffix), stored.model_dump_json())
