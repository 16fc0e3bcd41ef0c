"""Positioned text lines of fixed-layout pages (PDF, OFD) → source lines.

Shared by the PDF and OFD readers, which differ only in how they get lines
with coordinates off a page. Here:

* page furniture goes: page numbers ("— 3 —", "-3-", "第3页", "3/10") among
  the first or last lines of a page, and running headers or footers (the same
  line, digits aside if it is short, a page number at either end aside if it is
  longer, at the top or bottom of at least half the pages, or of half the
  pages of one side where headers alternate, two at least);
* a line that runs to the right margin and is followed by a line starting at
  the left margin (not indented; in a layout without paragraph indents, not
  a numbered heading after a full stop) is marked ``wrapped``, so the paragraph stage joins it to the next
  line, across page breaks too; headings, short lines and lines before an
  indented paragraph start keep their own line; so does a title in a display
  size that fills the width and ends in a centred line of the same size;
* locations are page and line on the page (furniture not counted).

Coordinates: ``top`` grows downwards; all values in one unit per document.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass, replace
from typing import TypeVar

from fazhi.document.model import Location, SourceLine
from fazhi.document.normalize import normalize_text
from fazhi.document.paragraphs import MARKER_RE

K = TypeVar("K", bound=Hashable)

_LEAD_ONLY = re.compile(r"^[一二三四五六七八九十]+是")

PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–―‒－~～·•_.]*\d{1,4}[-—–―‒－~～·•_.]*"
    r"|第\d{1,4}页(?:[,/]?共\d{1,4}页)?|共\d{1,4}页[,/]?第\d{1,4}页"
    r"|\d{1,4}/\d{1,4}|page\d{1,4}(?:of\d{1,4})?)$",
    re.IGNORECASE,
)
_EDGE_LINES = 2
_RUNNING_MASK_MAX = 20
_TERMINAL = re.compile(r"[。!?;…」』\"”]$")


@dataclass
class PlacedLine:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    # stretches of the line apart by COLUMN_GAP characters or more, left to right
    # (none when there is one): text of a side column may share the line
    parts: tuple[PlacedLine, ...] = ()
    side: bool = False  # in a side column (see set_side_columns_apart)


# A gap this many characters wide inside a line may be a column's edge: a web page
# printed with a side column beside the article puts a link and a line of the
# article on one row, a character's width or so apart.
COLUMN_GAP = 0.8
_BESIDE_MIN = 3  # rows where a side column sits beside the text, for a page to have one


def _edge_indexes(n: int) -> set[int]:
    return set(range(min(_EDGE_LINES, n))) | set(range(max(n - _EDGE_LINES, 0), n))


# A page number at either end of a longer line (a browser's print footer puts one after
# the page's address: "https://….html 2/3", "… 2 of 3", "… 第2页，共3页").
_PAGE_AT_END = re.compile(
    r"^(?:\d{1,4}/\d{1,4}|第\d{1,4}页)|(?:\d{1,4}/\d{1,4}|第\d{1,4}页(?:[,/]?共\d{1,4}页)?"
    r"|(?:page)?\d{1,4}of\d{1,4}|page\d{1,4}|\d{1,4})$", re.IGNORECASE)


def running_key(norm: str) -> str:
    """What a running header/footer repeats: short lines compare with digits masked
    ("第3页 某某县人民政府"), longer ones as they are but for a page number at
    either end."""
    if len(norm) <= _RUNNING_MASK_MAX:
        return re.sub(r"\d+", "#", norm)
    return _PAGE_AT_END.sub("#", norm)


def _place(i: int, count: int) -> int:
    """An edge line's place on its page: from the top (0, 1) or from the bottom (-1, -2)."""
    return i if i < _EDGE_LINES else i - count


def running_keys(pages: list[set[K]]) -> set[K]:
    """The keys of running lines (see :func:`running_key`; with their place, say),
    given each page's: those on at least half the pages, or on half the pages of
    one side (a printed book's headers alternate, the title on odd pages and the
    issuer on even ones), two pages at least."""
    counts = Counter(k for keys in pages for k in keys)
    need = max(2, math.ceil(len(pages) / 2))
    running = {k for k, c in counts.items() if c >= need}
    for side in (0, 1):
        on_side = pages[side::2]
        side_counts = Counter(k for keys in on_side for k in keys)
        need = max(2, math.ceil(len(on_side) / 2))
        running |= {k for k, c in side_counts.items() if c >= need}
    return running


def strip_furniture(pages: list[list[PlacedLine]]) -> list[list[PlacedLine]]:
    """Drop page numbers and running headers/footers; lines must be in reading order.
    A running line goes where it stands at its usual place, seen there on two
    pages at least: a signature at the top of the last page that reads like the
    header (the issuer's name) stays."""
    keys: list[dict[int, str]] = []
    places: Counter[tuple[str, int]] = Counter()
    for lines in pages:
        page_keys = {}
        for i in _edge_indexes(len(lines)):
            key = running_key(normalize_text(lines[i].text))
            if key:
                page_keys[i] = key
        keys.append(page_keys)
        places.update({(k, _place(i, len(lines))) for i, k in page_keys.items()})
    running = running_keys([set(k.values()) for k in keys])
    out: list[list[PlacedLine]] = []
    for lines, page_keys in zip(pages, keys, strict=True):
        kept = []
        for i, line in enumerate(lines):
            norm = normalize_text(line.text)
            if not norm:
                continue
            edge = page_keys.get(i)
            if edge is not None and (PAGE_NUMBER_RE.match(norm) or (
                    edge in running and places[edge, _place(i, len(lines))] >= 2)):
                continue
            kept.append(line)
        out.append(kept)
    return out


def set_side_columns_apart(pages: list[list[PlacedLine]]) -> list[list[PlacedLine]]:
    """Read a side column (a web page's menu or links, printed beside the article)
    apart from the text it shares rows with.

    The text's margins are where most of the document's longer lines start and
    end. A stretch of a line (see :attr:`PlacedLine.parts`), or a line, wholly
    outside them lies in a side column: on a page where at least :data:`_BESIDE_MIN`
    of them lie beside as many stretches of the text (between the first one's top
    and the last one's bottom), and as many are rows of their own, they become
    lines marked ``side``, first on the
    page, and the rest of each row is a line of its own; :func:`to_source_lines`
    puts them before or after the text. Other pages are left as they are,
    and so is anything inside the margins: a table or a signature is not a column."""
    long_parts = [q for lines in pages for ln in lines for q in (ln.parts or (ln,))
                  if len(normalize_text(q.text)) >= 8]
    if not long_parts:
        return pages
    size = _percentile([q.bottom - q.top for q in long_parts], 0.5)
    left = Counter(round(q.x0) for q in long_parts).most_common(1)[0][0]
    right = Counter(round(q.x1) for q in long_parts).most_common(1)[0][0]

    def outside(q: PlacedLine) -> bool:
        return q.x1 < left - size / 4 or q.x0 > right + size / 4

    out = []
    for lines in pages:
        side = [q for ln in lines for q in ln.parts or (ln,) if outside(q)]
        beside = 0  # stretches of the text between the side column's top and bottom
        # a column's own rows: a table wider than the text puts its first or last
        # cells outside the margins too, but always on a row with the others
        alone = sum(1 for ln in lines if not ln.parts and outside(ln))
        if len(side) >= _BESIDE_MIN and alone >= _BESIDE_MIN:
            top, bottom = min(q.top for q in side), max(q.bottom for q in side)
            beside = sum(1 for ln in lines for q in ln.parts or (ln,)
                         if not outside(q) and top <= q.top and q.bottom <= bottom)
        if beside < _BESIDE_MIN:
            out.append(lines)
            continue
        text: list[PlacedLine] = []
        for ln in lines:
            inside = [q for q in ln.parts or (ln,) if not outside(q)]
            if len(inside) == len(ln.parts or (ln,)):
                text.append(ln)
            elif inside:
                text.append(joined(inside))
        out.append([replace(q, side=True) for q in side] + text)
    return out


def joined(parts: list[PlacedLine]) -> PlacedLine:
    """One line of the stretches ``parts`` of a row (left to right)."""
    return PlacedLine(text=" ".join(q.text for q in parts), x0=parts[0].x0,
                      x1=max(q.x1 for q in parts), top=min(q.top for q in parts),
                      bottom=max(q.bottom for q in parts),
                      parts=tuple(parts) if len(parts) > 1 else ())


def _percentile(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def _title_wraps(line: PlacedLine, nxt: PlacedLine, left: float, right: float, size: float) -> bool:
    """A line in a display size (a title's) that fills the text width, followed closely
    by a centred line of the same size: a centred title that wrapped (an official
    document's title in 22 pt runs to two or three lines). The centred remainder
    would otherwise read as an indented new paragraph."""
    h = line.bottom - line.top
    if h < 1.15 * size or abs((nxt.bottom - nxt.top) - h) > 0.15 * h:
        return False
    full = line.x0 <= left + 1.5 * h and line.x1 >= right - 1.5 * h
    centred = abs((nxt.x0 - left) - (right - nxt.x1)) <= 1.5 * h
    return full and centred and -0.2 * h <= nxt.top - line.bottom <= h


def to_source_lines(pages: list[list[PlacedLine]]) -> list[SourceLine]:
    """Source lines with page/line locations and wrap marks (furniture already removed).

    Lines of a side column (``side``) are a web page's chrome, like its menus: those
    of the first page with text come before the text, those of later pages after
    its end (between two lines they could split a paragraph that runs on from one
    page to the next). Each is numbered on its own page: before the text's lines on
    the first page, after them on a later one."""
    flat = [(p, line) for p, lines in enumerate(pages) for line in lines if not line.side]
    sides = [[ln for ln in lines if ln.side] for lines in pages]
    out: list[SourceLine] = []
    numbers = [0] * len(pages)

    def emit(p: int, text: str, wrapped: bool = False) -> None:
        numbers[p] += 1
        out.append(SourceLine(text=text, loc=Location(page=p + 1, line=numbers[p]),
                              wrapped=wrapped))

    if not flat:
        for p, lines in enumerate(sides):
            for ln in lines:
                emit(p, ln.text)
        return out
    heights = [ln.bottom - ln.top for _, ln in flat if ln.bottom > ln.top]
    size = _percentile(heights, 0.5) if heights else 10.0
    long_lines = [ln for _, ln in flat if len(normalize_text(ln.text)) >= 8] or [ln for _, ln in flat]
    left = min(ln.x0 for ln in long_lines)
    right = _percentile([ln.x1 for ln in long_lines], 0.9)
    # Only a layout with a right margin that many lines fill (running text) wraps lines;
    # in a page of short items the longest item is no margin.
    full = sum(ln.x1 >= right - 1.5 * size for ln in long_lines)
    has_margin = full >= max(3, len(long_lines) // 5)
    # Documents that indent their paragraphs tell a new paragraph by the indent;
    # only in flush-left layouts does a numbered line after a full stop start one.
    # Short lines do not count: indented menu items (a web page's) are no paragraphs.
    indented_lines = sum(ln.x0 >= left + 0.8 * size for ln in long_lines)
    uses_indent = indented_lines >= max(2, len(long_lines) // 20)
    first = flat[0][0]
    for q in range(first + 1):
        for ln in sides[q]:
            emit(q, ln.text)
    for k, (p, line) in enumerate(flat):
        wrapped = False
        if has_margin and k + 1 < len(flat) and line.x1 >= right - 1.5 * size:
            nxt = flat[k + 1][1]
            indented = nxt.x0 >= left + 0.8 * size
            norm = normalize_text(line.text)
            nxt_norm = normalize_text(nxt.text)
            new_heading = (not uses_indent and bool(_TERMINAL.search(norm))
                           and bool(MARKER_RE.match(nxt_norm))
                           and not _LEAD_ONLY.match(nxt_norm))
            wrapped = not indented and not new_heading
            if indented and flat[k + 1][0] == p and not _TERMINAL.search(norm):
                wrapped = _title_wraps(line, nxt, left, right, size)
        emit(p, line.text, wrapped)
    for q in range(first + 1, len(pages)):
        for ln in sides[q]:
            emit(q, ln.text)
    return out


def group_lines(pieces: list[tuple[float, float, float, float, str]]) -> list[PlacedLine]:
    """Pieces (x0, x1, top, bottom, text) → lines: same baseline band, left to right.

    Used for formats that place text in pieces (OFD text objects); a piece
    joins a line when its vertical middle lies inside the line's band.
    """
    lines: list[list[tuple[float, float, float, float, str]]] = []
    for piece in sorted(pieces, key=lambda q: ((q[2] + q[3]) / 2, q[0])):
        mid = (piece[2] + piece[3]) / 2
        if lines:
            last = lines[-1]
            top = min(q[2] for q in last)
            bottom = max(q[3] for q in last)
            if top <= mid <= bottom:
                last.append(piece)
                continue
        lines.append([piece])
    out = []
    for group in lines:
        group.sort(key=lambda q: q[0])
        text = ""
        prev_x1: float | None = None
        height = max(q[3] - q[2] for q in group) or 1.0
        for x0, x1, _, _, t in group:
            if prev_x1 is not None and x0 - prev_x1 > height * 0.6:
                text += " "
            text += t
            prev_x1 = x1
        out.append(PlacedLine(text=text, x0=group[0][0], x1=max(q[1] for q in group),
                              top=min(q[2] for q in group), bottom=max(q[3] for q in group)))
    return out
