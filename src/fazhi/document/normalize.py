"""Normalisation for matching: one form for full- and half-width text.

The checks match patterns against a normalised copy of each paragraph:
NFKC (full-width ASCII letters, digits and punctuation become half-width,
e.g. （一） → (一), ％ → %, ：→ :) and every kind of whitespace removed
(Chinese text has no word spaces; reports pad numbers, "2022 年"); circled
numbers ①…⑳ stay as they are, being list markers. The
original text is kept for evidence; :func:`normalize` returns the map from
each normalised character back to its original index.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=8192)
def _norm_char(ch: str) -> str:
    if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
        return ""
    if "\u2460" <= ch <= "\u2473":  # ①…⑳ are list markers; NFKC would make them digits
        return ch
    return unicodedata.normalize("NFKC", ch)


def normalize(text: str) -> tuple[str, list[int]]:
    """Return the normalised text and, for each of its characters, the source index."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii() and not ch.isspace() and ch.isprintable():
            out.append(ch)
            index.append(i)
            continue
        n = _norm_char(ch)
        for c in n:
            out.append(c)
            index.append(i)
    return "".join(out), index


def normalize_text(text: str) -> str:
    """Normalised text only (for patterns and short strings)."""
    return normalize(text)[0]


def changes_under_normalization(text: str) -> list[str]:
    """Characters of ``text`` that normalisation would change (for rulebook checks)."""
    return sorted({ch for ch in text if not ch.isspace() and _norm_char(ch) != ch})
