"""Writing output files atomically (temporary file, then rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from glob import escape as glob_escape
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast


# A temporary file is named after the file it becomes: ".name.<random>.tmp".
def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


_TEMP_SUFFIX = ".tmp"


@contextmanager
def _replacing(path: Path, mode: str) -> Iterator[IO[Any]]:
    """A temporary file beside ``path`` that replaces it when the block ends without an
    error, and is removed otherwise; readers never see a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=_TEMP_SUFFIX, dir=path.parent)
    try:
        text = "b" not in mode
        with open(fd, mode, encoding="utf-8" if text else None,
                  newline="" if text else None) as f:
            yield f
        os.chmod(tmp, 0o666 & ~_umask())  # as open() would; mkstemp makes it owner-only
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def discard_partial(path: Path) -> None:
    """Remove the temporary files a writer of ``path`` left when its process was
    killed in the middle (the names :func:`_replacing` gives them)."""
    for tmp in path.parent.glob(f"{glob_escape(_temp_prefix(path))}*{_TEMP_SUFFIX}"):
        try:
            tmp.unlink()
        except OSError:
            pass


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that readers never see a half-written file."""
    with _replacing(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def input_inside(folder: Path, inputs: Sequence[str | Path]) -> str | Path | None:
    """The first input that is ``folder`` itself or lies inside it, if any (compared
    as real path strings: a province's batch has tens of thousands of inputs)."""
    f = os.path.realpath(folder)
    prefix = f if f.endswith(os.sep) else f + os.sep
    for p in inputs:
        q = os.path.realpath(p)
        if q == f or q.startswith(prefix):
            return p
    return None


def same_file(targets: list[Path], inputs: Sequence[str | Path]) -> Path | None:
    """The first of ``targets`` that is (or links to) one of ``inputs``, if any."""
    real = {os.path.realpath(p) for p in inputs}
    return next((t for t in targets if os.path.realpath(t) in real), None)


@contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text file written piece by piece that appears at ``path`` only when
    complete (it replaces ``path`` when the block ends without an error)."""
    with _replacing(path, "w") as f:
        yield cast(TextIO, f)


@contextmanager
def atomic_binary_writer(path: Path) -> Iterator[BinaryIO]:
    """As :func:`atomic_writer`, for bytes."""
    with _replacing(path, "wb") as f:
        yield cast(BinaryIO, f)
