"""Source lines → paragraphs.

A paragraph is a run of non-empty lines. A blank line ends a paragraph, except
where a sentence was visibly broken: the line before does not end a sentence,
reads as prose (it has sentence punctuation and is not a numbered heading
without a full stop) and the next line does not start with a heading marker.
That re-joins lines that were wrapped inside a sentence (web copies, PDFs).
A line a reader marked ``wrapped`` (from the page layout) always joins the
next one, and the joined run counts as one line for the test above. A line
that holds only a heading number (一、 on a line of its own, its title on the
next, as some web pages and converters set it) joins the next line too, unless
that one starts with a number of its own. Lines the caller names ``whole`` (a
title with a 、 in it) end their paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from fazhi.document.model import Paragraph, SourceLine
from fazhi.document.normalize import IndexMap, identity_map, index_map, normalize

CELL_MARKS = "|"  # a table's cell border, as a copy of a page's table keeps it

# Marker at the start of normalised text: 一、 (一) 1、 1. (1) ① 第一部分 一是
MARKER_RE = re.compile(
    r"^(?:[一二三四五六七八九十百零〇]+[、.,]|\([一二三四五六七八九十]+\)|\d{1,2}(?:、|\.(?!\d)|\.(?=\d{4}年))"
    r"|\(\d{1,2}\)|[①-⑳]|第[一二三四五六七八九十]+(?:部分|章|节)|[一二三四五六七八九十]+是)"
)
_END_RE = re.compile(r"[。!?;:…」』\"”]$")
_PROSE_RE = re.compile(r"[,。;:、]")
_PROSE_BUT_COLON_RE = re.compile(r"[,。;、]")
_FIELD_VALUE_MAX = 8  # characters after a label's colon: a name, a source, a date


def sentence_ended(norm: str) -> bool:
    """Whether normalised text ends a sentence (or a lead-in, with a colon)."""
    return _END_RE.search(norm) is not None


def _bare_marker(norm: str) -> bool:
    """Whether normalised text is a heading number and nothing else (一、 or (一))."""
    m = MARKER_RE.match(norm)
    return m is not None and m.end() == len(norm)


def reads_as_fields(norm: str) -> bool:
    """Whether a line whose only sentence punctuation is a colon ends in a short value
    after it: information fields (大府〔2023〕16号 签发人：唐紫薇, 2021年12月03日 来源:
    上海普陀), not a sentence broken off (主要原因是：在推进过程中法律法规)."""
    colon = norm.rfind(":")
    return colon >= 0 and len(norm) - colon - 1 < _FIELD_VALUE_MAX and \
        _PROSE_BUT_COLON_RE.search(norm) is None


def _joinable(prev: str, cur: str, min_chars: int, fields: bool = False) -> bool:
    """Whether ``cur`` continues the sentence that ``prev`` (normalised) broke off;
    ``fields``: ``prev`` reads as information fields (see :func:`reads_as_fields`)."""
    if fields or len(prev) < min_chars or sentence_ended(prev) or not _PROSE_RE.search(prev):
        return False
    if MARKER_RE.match(prev) and "。" not in prev:
        return False
    return not MARKER_RE.match(cur)


@dataclass(frozen=True)
class Piece:
    """One non-empty source line, stripped, with its normalised text and map."""

    line: SourceLine
    text: str
    norm: str
    norm_map: IndexMap


def line_pieces(lines: list[SourceLine]) -> list[Piece]:
    """Normalise each line; lines with nothing left after normalisation are dropped."""
    out: list[Piece] = []
    for line in lines:
        text = line.text.strip()
        norm, norm_map = normalize(text)
        if norm:
            out.append(Piece(line, text, norm, norm_map))
    return out


def build_paragraphs(lines: list[SourceLine], join_min_chars: int = 15) -> list[Paragraph]:
    """Group lines into paragraphs and normalise each."""
    return group_paragraphs(line_pieces(lines), join_min_chars)


def group_paragraphs(pieces: list[Piece], join_min_chars: int = 15,
                     whole: frozenset[int] = frozenset(),
                     starts: frozenset[int] = frozenset()) -> list[Paragraph]:
    """Group normalised lines into paragraphs; the pieces at the positions in
    ``whole`` end theirs, those in ``starts`` start theirs."""
    groups: list[list[Piece]] = []
    current: list[Piece] = []
    prev = ""
    fields = False
    wrapped = False
    bare = False  # the line before held only a heading number: its title follows
    for i, piece in enumerate(pieces):
        norm = piece.norm
        if wrapped or (bare and not MARKER_RE.match(norm)):
            prev += norm
        else:
            if current and (i - 1 in whole or i in starts or
                            not _joinable(prev, norm, join_min_chars, fields)):
                groups.append(current)
                current = []
            prev = norm
            fields = reads_as_fields(norm)
        current.append(piece)
        wrapped = piece.line.wrapped
        bare = _bare_marker(norm)
    if current:
        groups.append(current)
    return [_make(i, g) for i, g in enumerate(groups)]


def _make(index: int, group: list[Piece]) -> Paragraph:
    """Join a group's lines; normalisation is per character, so the pieces' norms join too."""
    if len(group) == 1:
        piece = group[0]
        return Paragraph(index=index, text=piece.text, norm=piece.norm,
                         norm_map=piece.norm_map, line_starts=[0], locs=[piece.line.loc])
    starts: list[int] = []
    norm_map = index_map()
    offset = 0
    for piece in group:
        starts.append(offset)
        m = piece.norm_map
        if not offset:
            norm_map.extend(m)
        elif len(m) == len(piece.text) and m == identity_map(len(m)):
            norm_map.extend(identity_map(len(m), offset))
        else:
            norm_map.extend([i + offset for i in m])
        offset += len(piece.text)
    return Paragraph(
        index=index, text="".join(p.text for p in group), norm="".join(p.norm for p in group),
        norm_map=norm_map, line_starts=starts, locs=[p.line.loc for p in group])


def merge_paragraphs(paragraphs: list[Paragraph], start: int, end: int) -> list[Paragraph]:
    """Paragraphs ``start``…``end - 1`` made one (a title set on several lines), the
    ones after renumbered."""
    group = paragraphs[start:end]
    text, norm = "", ""
    norm_map = index_map()
    starts: list[int] = []
    locs = []
    for p in group:
        offset = len(text)
        norm_map.extend(i + offset for i in p.norm_map)
        starts.extend(s + offset for s in p.line_starts)
        locs.extend(p.locs)
        text += p.text
        norm += p.norm
    merged = Paragraph(index=start, text=text, norm=norm, norm_map=norm_map,
                       line_starts=starts, locs=locs)
    after = [replace(p, index=p.index - (end - start - 1)) for p in paragraphs[end:]]
    return [*paragraphs[:start], merged, *after]
