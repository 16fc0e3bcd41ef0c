"""Word-processor blocks (paragraphs and table rows) as numbered source lines."""

from __future__ import annotations

from collections.abc import Iterable

from fazhi.document.model import Location, SourceLine


def paragraph_lines(blocks: Iterable[str]) -> list[SourceLine]:
    """One line per line of each non-empty block (a block's line breaks are "\\n"),
    located by the block's number among the non-empty ones, counted from 1: the
    place the .docx, .doc and .rtf readers give."""
    lines: list[SourceLine] = []
    para = 0
    for block in blocks:
        if not block.strip():
            continue
        para += 1
        for text in block.split("\n"):
            lines.append(SourceLine(text=text, loc=Location(line=len(lines) + 1, paragraph=para)))
    return lines
