"""What a paged document prints around the report, left in a copy of its text → set aside.

Text without page layout (.txt, Word, a web page) that was copied out of a PDF
or a printed document keeps its page numbers (:mod:`fazhi.document.pagenumbers`),
its running headers and footers (:mod:`fazhi.document.runningheads`) and its
table of contents (:mod:`fazhi.document.contents`). They are left out of the
checks as a web page's chrome is, and shown struck through in the full text.
The PDF and OFD readers drop page numbers and running lines by their place on
the page instead; a table of contents is looked for in every format.
"""

from __future__ import annotations

from fazhi.document.config import PageFurnitureConfig
from fazhi.document.contents import contents_lines
from fazhi.document.pagenumbers import page_number_run
from fazhi.document.paragraphs import Piece
from fazhi.document.runningheads import beside_page_numbers, title_repeats


def drop_page_furniture(pieces: list[Piece], cfg: PageFurnitureConfig,
                        laid_out: bool = False) -> list[Piece] | None:
    """``pieces`` without page numbers, running headers or footers and a table of
    contents, or None if there are none. ``laid_out``: the reader has dropped page
    numbers and running lines by their place already (PDF, OFD); only a table of
    contents is looked for."""
    dropped = contents_lines(pieces, cfg)
    if not laid_out:
        numbers = page_number_run(pieces, cfg)
        dropped |= set(numbers) | beside_page_numbers(pieces, numbers, cfg.edge_lines) | \
            title_repeats(pieces, cfg)
    if not dropped:
        return None
    return [p for i, p in enumerate(pieces) if i not in dropped]
