"""Resource limits for reading one file (size on disk, size unpacked)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A .docx/.ofd package may unpack to at most this many times the file size limit.
# Text XML compresses about tenfold and embedded images hardly at all, so a
# genuine report stays far below it; a zip bomb does not.
UNPACK_FACTOR = 10
MAX_MEMBERS = 20_000


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_unpacked: int = DEFAULT_MAX_BYTES * UNPACK_FACTOR
    max_members: int = MAX_MEMBERS

    @classmethod
    def for_size(cls, max_bytes: int) -> Limits:
        return cls(max_bytes=max_bytes, max_unpacked=max_bytes * UNPACK_FACTOR)
