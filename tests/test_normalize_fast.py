"""The translate-based normalisation equals the plain per-character definition."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.document.model import Location, SourceLine
from fazhi.document.normalize import (
    IndexMap,
    _traditional_to_simplified,
    index_map,
    normalize,
    normalize_text,
)
from fazhi.document.paragraphs import build_paragraphs


def reference(text: str) -> tuple[str, IndexMap]:
    """Normalisation as specified: per character, NFKC (circled numbers kept), then
    traditional characters folded to simplified; whitespace and Cc/Cf dropped."""
    t2s = _traditional_to_simplified()
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf"):
            form = ""
        elif "\u2460" <= ch <= "\u2473":
            form = ch
        else:
            form = "".join(t2s.get(c, c) for c in unicodedata.normalize("NFKC", ch))
        out.append(form)
        index.extend([i] * len(form))
    return "".join(out), index_map(index)


TRICKY = "報告製度①⑳鎦ab 1２，。：（）\u3000\t\n\u200b\ufeff…⑴㈠½ﬁ\u0301e中文\x00\x7f\u2028\xa0\ue000㎡"
chars = st.one_of(st.sampled_from(TRICKY), st.characters(exclude_categories=("Cs",)))


@settings(max_examples=500, deadline=None)
@given(st.text(chars, max_size=60))
def test_normalize_matches_the_definition(text: str) -> None:
    assert normalize(text) == reference(text)
    assert normalize_text(text) == reference(text)[0]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(chars, max_size=30), min_size=1, max_size=6))
def test_paragraph_maps_point_into_the_joined_text(lines: list[str]) -> None:
    source = [SourceLine(text=t, loc=Location(line=i + 1)) for i, t in enumerate(lines)]
    for p in build_paragraphs(source, join_min_chars=1):
        norm, index = reference(p.text)
        assert (p.norm, p.norm_map) == (norm, index)


def test_every_character_of_the_basic_plane_normalises_as_defined() -> None:
    """The one-for-one shortcut and the table agree with the definition on every
    character of the Basic Multilingual Plane, alone and next to others."""
    for code in range(0x10000):
        ch = chr(code)
        if unicodedata.category(ch) == "Cs":
            continue
        assert normalize(ch) == reference(ch), f"U+{code:04X}"
    sample = "".join(chr(c) for c in range(0x2000, 0x10000, 7) if not 0xD800 <= c <= 0xDFFF)
    assert normalize(sample) == reference(sample)
