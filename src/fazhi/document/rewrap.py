"""Text hard-wrapped at a fixed width → its wrapped lines marked.

Text copied out of a PDF (into a .txt, a Word document, a web page) keeps the
page's line breaks: every line of a paragraph but its last is as wide as the
page. The paragraph stage re-joins a broken sentence only where the line before
reads as unfinished prose, so a heading broken at the margin stays cut, and the
words at the cut are lost to the checks::

    一、2024年度党政负责人履行推进法治建设第一责
    任人职责，加强法治政府建设的有关情况

The PDF and OFD readers know the page and mark such lines ``wrapped`` themselves
(:mod:`fazhi.document.readers.layout`). For the other formats the width is read
off the lines: when at least ``min_lines`` lines, and at least ``min_share`` of
the lines of ``min_chars`` characters or more, are as wide as one another (within
one Chinese character; display width, where a Chinese character is two and a
half-width one is one), the text counts as wrapped at that width
(:class:`~fazhi.document.config.HardWrapConfig`). A line of that width (or up to
two characters short of it) is then marked ``wrapped``, so that the paragraph stage joins it to the next, unless it
ends a sentence (or a lead-in ending in a colon) or reads as the title (the
rulebook's ``title`` patterns) that the next line does not go on, or the next line starts with a heading marker,
is indented or belongs to the closing (its ``closing`` patterns: 特此报告, the
date): a title or a signature may be as wide as the text by chance. A report
with a paragraph to a line has lines of every width, and is left as it is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from fazhi.document.config import HardWrapConfig, OutlineConfig
from fazhi.document.paragraphs import MARKER_RE, Piece, sentence_ended

_TOLERANCE = 2  # display columns: lines this close to the commonest width count for it
# A line broken at the margin may fall short of it by up to two Chinese characters
# (half-width figures, a character that may not begin a line carried over).
_SHORT_BY = 4


def display_width(text: str) -> int:
    """Columns ``text`` takes in Chinese typesetting: two for a Chinese character or
    full-width form, one for a half-width character (its GB 18030 length, which
    encodes exactly so; what it cannot encode counts one)."""
    return len(text.encode("gb18030", "replace"))


def wrap_width(pieces: list[Piece], cfg: HardWrapConfig) -> int | None:
    """The width the text is hard-wrapped at, or None if it is not."""
    widths = [display_width(p.text) for p in pieces if len(p.norm) >= cfg.min_chars]
    if len(widths) < cfg.min_lines:
        return None
    counts = Counter(widths)
    # the most common width (the wider one of a tie), and the lines within a character of it
    best = max(counts, key=lambda w: (counts[w], w))
    near = sum(n for w, n in counts.items() if abs(w - best) <= _TOLERANCE)
    if near < cfg.min_lines or near < cfg.min_share * len(widths):
        return None
    return best


def mark_wrapped(pieces: list[Piece], cfg: OutlineConfig) -> list[Piece] | None:
    """``pieces`` with the lines broken at the text's wrap width marked ``wrapped``,
    or None when the text is not hard-wrapped."""
    width = wrap_width(pieces, cfg.hard_wrapped)
    if width is None:
        return None
    widths = [display_width(p.text) for p in pieces]
    title, closing = cfg.title_re, cfg.closing_re
    out = list(pieces)
    for i, (piece, nxt) in enumerate(zip(pieces, pieces[1:], strict=False)):
        if not width - _SHORT_BY <= widths[i] <= width + _TOLERANCE or sentence_ended(piece.norm):
            continue
        if title is not None and title.search(piece.norm) and \
                not title.search(piece.norm + nxt.norm):
            continue  # a title (one cut at 情况 goes on: …建设情况 / 报告)
        if MARKER_RE.match(nxt.norm) or nxt.line.text[:1].isspace() or \
                (closing is not None and closing.fullmatch(nxt.norm)):
            continue  # the next line starts a section, a paragraph or the closing
        out[i] = replace(piece, line=replace(piece.line, wrapped=True))
    return out
