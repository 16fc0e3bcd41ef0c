"""A hash of the program's own files, for keys that must change whenever the code
does: the result cache (:mod:`fazhi.cache`) and the scorecards' page keys
(:func:`fazhi.render.html.page_key`). The version number alone would not do: a
change made without a new version (an install from the repository, a local
fix) would be served results or pages made by the old code."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

_SUFFIXES = (".py", ".j2", ".css", ".js")


@cache
def code_fingerprint(package: str) -> str:
    """The sha256 of every code, template and style file of ``package`` (names and
    contents, in name order; compiled caches left out)."""
    h = hashlib.sha256()

    def walk(node: Traversable, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            name = f"{prefix}/{child.name}"
            if child.is_dir():
                if child.name != "__pycache__":
                    walk(child, name)
            elif child.name.endswith(_SUFFIXES):
                data = child.read_bytes()
                h.update(f"{name}\0{len(data)}\0".encode())
                h.update(data)

    walk(resources.files(package), "")
    return h.hexdigest()
