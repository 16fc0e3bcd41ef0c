"""A table of contents at the head of a report → set aside.

A long report laid out for print may open with a table of contents: its
headings again, each followed by dot leaders and a page number
(一、主要举措和成效……………3). Read as text, those lines are headings of
sections with nothing in them, ahead of the real ones, and the title no longer
stands before the first heading. Here, a table of contents is

* a run of at least two consecutive lines that end in leaders and a page
  number, with the line right above it when it names a table of contents (the
  rulebook's ``document.page_furniture.contents_title``: 目录);
* or, without leaders, the lines under such a line that stand again, as lines
  of their own, further on (a page number at their end aside), two at least.

Their lines are left out of the checks as page numbers are, and shown struck
through.
"""

from __future__ import annotations

import re

from fazhi.document.config import PageFurnitureConfig
from fazhi.document.paragraphs import Piece

# Dot leaders (normalised: …… becomes ......), then a page number at the end; looked
# for in a line's last _TAIL characters only (the shortest match is that long).
_LEADERS = re.compile(r"(?:\.{3,}|·{3,}|—{3,}|-{4,}|_{3,})\d{1,4}$")
_TAIL = 8
_PAGE_AT_END = re.compile(r"\d{1,4}$")
_MIN_ENTRIES = 2


def contents_lines(pieces: list[Piece], cfg: PageFurnitureConfig) -> set[int]:
    """Indexes of the table of contents' lines, and of its title; none if there is none."""
    return _with_leaders(pieces, cfg) | _repeated_below_title(pieces, cfg)


def _leaders(norm: str) -> bool:
    return norm[-1:].isdigit() and _LEADERS.search(norm, max(len(norm) - _TAIL, 0)) is not None


def _with_leaders(pieces: list[Piece], cfg: PageFurnitureConfig) -> set[int]:
    out: set[int] = set()
    i = 0
    while i < len(pieces):
        j = i
        while j < len(pieces) and _leaders(pieces[j].norm):
            j += 1
        if j - i >= _MIN_ENTRIES:
            out.update(range(i, j))
            if i > 0 and cfg.contents_title_re is not None and \
                    cfg.contents_title_re.fullmatch(pieces[i - 1].norm):
                out.add(i - 1)
        i = max(j, i + 1)
    return out


def _repeated_below_title(pieces: list[Piece], cfg: PageFurnitureConfig) -> set[int]:
    rx = cfg.contents_title_re
    titles = [] if rx is None else [i for i, p in enumerate(pieces) if rx.fullmatch(p.norm)]
    if not titles:
        return set()
    last = {p.norm: k for k, p in enumerate(pieces)}  # a line's text → the last place it stands

    def entry(j: int) -> bool:
        norm = pieces[j].norm
        return max(last.get(norm, -1), last.get(_PAGE_AT_END.sub("", norm), -1)) > j

    out: set[int] = set()
    end = 0
    for i in titles:
        if i < end:
            continue
        j = i + 1
        while j < len(pieces) and entry(j):
            j += 1
        if j - i - 1 >= _MIN_ENTRIES:
            out.update(range(i, j))
            end = j
    return out
