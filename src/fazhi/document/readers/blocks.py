"""Word-processor blocks (paragraphs and table rows) as numbered source lines."""

from __future__ import annotations

from collections.abc import Iterable

from fazhi.document.model import Location, SourceLine
from fazhi.document.readers.limits import Limits


def paragraph_lines(blocks: Iterable[str], limits: Limits) -> list[SourceLine]:
    """One line per line of each non-empty block (a block's line breaks are "\\n"),
    located by the block's number among the non-empty ones, counted from 1: the
    place the .docx, .doc, .odt and .rtf readers give. More lines than ``limits`` allow
    are counted, not made, and refused (``too_large``)."""
    lines: list[SourceLine] = []
    para = 0
    count = 0
    for block in blocks:
        if not block.strip():
            continue
        para += 1
        texts = block.split("\n")
        count += len(texts)
        if count > limits.max_lines:
            continue  # only counted: the count is refused below
        for text in texts:
            lines.append(SourceLine(text=text, loc=Location(line=len(lines) + 1, paragraph=para)))
    limits.check_lines(count)
    return lines
