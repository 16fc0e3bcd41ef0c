"""Page numbers left in text copied out of a paged document → set aside.

Text copied out of a PDF (or a printed Word document) into a .txt, Word or a
web page keeps each page's number as a line of its own, between the lines of
the text: ``- 3 -`` (公文), ``— 3 —``, ``第3页 共9页``, ``3/9`` or a bare ``3``.
Read as text, such a line splits a sentence that runs on to the next page,
counts as a numbered item, or stands after the signature, where the closing
should end the report. The PDF and OFD readers drop page numbers by their place
on the page (:mod:`fazhi.document.readers.layout`); here, where there is no
page, they are told by their sequence: lines that read as a page number (the
same pattern, ``PAGE_NUMBER_RE``) whose numbers go up one page at a time
through the text, at least two of them, with at least ``min_gap`` lines of
text between one and the next (a column of row numbers has none; the
rulebook's ``document.page_furniture``). They are
left out of the checks as a web page's chrome is, and shown struck through.
"""

from __future__ import annotations

import re

from fazhi.document.config import PageFurnitureConfig
from fazhi.document.paragraphs import Piece
from fazhi.document.readers.layout import PAGE_NUMBER_RE

_MAX_CHARS = 16  # the longest form, 第1234页共1234页, has 14
_PAGE = re.compile(r"第(\d{1,4})页")
_NUMBER = re.compile(r"\d{1,4}")


def page_number(norm: str) -> int | None:
    """The number of the page a normalised line names, if it reads as a page number."""
    if not PAGE_NUMBER_RE.match(norm):
        return None
    m = _PAGE.search(norm)  # 第3页共9页 and 共9页第3页 name page 3
    if m is not None:
        return int(m.group(1))
    m = _NUMBER.search(norm)
    return int(m.group()) if m is not None else None


def page_number_run(pieces: list[Piece], cfg: PageFurnitureConfig) -> list[int]:
    """The indexes of the page numbers left between ``pieces`` (none if there are not two)."""
    # the longest run of page numbers that goes up by one: for each number, the
    # longest run found so far that ends with it (its length, its last piece)
    best: dict[int, tuple[int, int]] = {}
    before: dict[int, int] = {}  # piece index → the piece before it in its run
    for i, piece in enumerate(pieces):
        n = page_number(piece.norm) if len(piece.norm) <= _MAX_CHARS else None
        if n is None:
            continue
        length, prev = 1, -1
        if n - 1 in best and i - best[n - 1][1] > cfg.min_gap:
            length, prev = best[n - 1][0] + 1, best[n - 1][1]
        if length >= best.get(n, (0, 0))[0]:
            best[n] = (length, i)
            before[i] = prev
    if not best:
        return []
    length, last = max(best.values())
    if length < 2:
        return []
    run = []
    while last >= 0:
        run.append(last)
        last = before[last]
    return run[::-1]
