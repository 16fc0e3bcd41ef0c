"""Resource limits for reading one file (size on disk, size unpacked, lines of text)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A .docx/.ofd package may unpack to at most this many times the file size limit.
# Text XML compresses about tenfold and embedded images hardly at all, so a
# genuine report stays far below it; a zip bomb does not.
UNPACK_FACTOR = 10
MAX_MEMBERS = 20_000
# Lines of extracted text allowed per MB of the size limit (100,000 at the
# default 20 MB). A report has a few hundred lines, a bound volume of them
# some tens of thousands. Every line may open a section, and a worker holds
# about 3 KB per section until the report is written (its records, its
# outline entry, its output), so the line count, not the byte size, bounds a
# worker's memory: 800,000 one-line headings in 13 MB took 2.6 GB and a
# minute before this limit.
LINES_PER_MB = 5_000


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_unpacked: int = DEFAULT_MAX_BYTES * UNPACK_FACTOR
    max_members: int = MAX_MEMBERS
    max_lines: int = DEFAULT_MAX_BYTES * LINES_PER_MB // 1048576

    @classmethod
    def for_size(cls, max_bytes: int) -> Limits:
        return cls(max_bytes=max_bytes, max_unpacked=max_bytes * UNPACK_FACTOR,
                   max_lines=max(1, max_bytes * LINES_PER_MB // 1048576))
