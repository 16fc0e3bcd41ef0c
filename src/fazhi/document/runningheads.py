"""Running headers and footers left in text copied out of a paged document → set aside.

Text copied out of a PDF keeps, besides each page's number (see
:mod:`fazhi.document.pagenumbers`), the lines printed at the top or bottom of
every page: the report's title, 法治政府建设年度报告（公开）, the issuing
office. Read as text, such a line stands between two halves of a sentence,
counts as an item of a list, or stands between the signature and the date.
The PDF and OFD readers drop them by their place on the page
(:func:`fazhi.document.readers.layout.strip_furniture`); here they are told by
where they repeat:

* next to the page numbers: a line among the ``edge_lines`` lines on either side of
  a page number whose text (compared as the PDF reader compares it, see
  :func:`~fazhi.document.readers.layout.running_key`) stands at the same place
  next to at least half of them, or next to half of those of one side (headers
  that alternate between odd and even pages), two at least;
* without page numbers: the text's first line (the title, or a header above
  it) standing again as a line of its own at least ``title_repeats`` times,
  never straight after the last time (a page holds a line of text at least).

The numbers are the rulebook's ``document.page_furniture``
(:class:`~fazhi.document.config.PageFurnitureConfig`).

The first line itself always stays: at the top of the first page it is the
report's own title as often as a header.
"""

from __future__ import annotations

from itertools import pairwise

from fazhi.document.config import PageFurnitureConfig
from fazhi.document.paragraphs import Piece
from fazhi.document.readers.layout import running_key, running_keys


def _windows(count: int, numbers: list[int], edge: int) -> list[tuple[int, list[int]]]:
    """The lines next to each page number, with the number's place, and the last
    lines when the last page number does not end the text (their place: just
    after the end). The text's first line is in none, and no line is in two."""
    taken = set(numbers) | {0}
    windows = []
    anchors = [*numbers, count] if numbers and count - 1 - numbers[-1] > edge else numbers
    for r in anchors:
        window = []
        for step in (-1, 1):
            for i in range(r + step, r + step * (edge + 1), step):
                if not 0 <= i < count or i in taken:
                    break
                window.append(i)
                taken.add(i)
        windows.append((r, window))
    return windows


def beside_page_numbers(pieces: list[Piece], numbers: list[int], edge: int) -> set[int]:
    """Lines next to the page numbers whose text repeats at the same place next to
    half of them (the signature above the last page's number stays when a footer
    repeats the issuer's name)."""
    windows = _windows(len(pieces), numbers, edge)
    keys = [{i: (running_key(pieces[i].norm), i - r) for i in window} for r, window in windows]
    running = running_keys([set(window_keys.values()) for window_keys in keys])
    return {i for window_keys in keys for i, key in window_keys.items() if key in running}


def title_repeats(pieces: list[Piece], cfg: PageFurnitureConfig) -> set[int]:
    """Later lines that repeat the text's first line, never on consecutive lines,
    ``title_repeats`` times or more (a shorter first line, a mark such as 公开,
    is not compared)."""
    if not pieces or len(pieces[0].norm) < cfg.title_min_chars:
        return set()
    first = pieces[0].norm
    at = [i for i in range(1, len(pieces)) if pieces[i].norm == first]
    if len(at) < cfg.title_repeats or any(b - a < 2 for a, b in pairwise([0, *at])):
        return set()
    return set(at)
