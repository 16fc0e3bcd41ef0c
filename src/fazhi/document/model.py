"""Shapes of the document stage.

Readers produce an :class:`Extracted` (lines with their source locations); the
rest of the stage turns it into a :class:`Document` (paragraphs with normalised
text, an outline of sections, metadata) that the checks read.

The two shapes that pass between stages, :class:`Extracted` and
:class:`Document`, are pydantic models. The records they hold by the
thousand (a :class:`Location` and a :class:`SourceLine` for every line, a
:class:`Paragraph`, :class:`Heading`, :class:`Section` or :class:`Lead` for
every paragraph in the worst case) are slotted dataclasses: a pydantic
instance carries a dict and a set of the fields it was given, about 0.5 to
1.2 KB each, and a 20 MB text file made millions of them. The models check
that each record is of its class (pydantic does not revalidate dataclass
instances), and the code that makes the records types them for mypy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from fazhi.document.normalize import IndexMap


@dataclass(frozen=True, slots=True)
class Location:
    """Where a line came from in the input file (1-based)."""

    line: int
    page: int | None = None
    paragraph: int | None = None

    @property
    def place(self) -> tuple[int, int]:
        """(page, line): places in reading order compare in this order (page 0 without pages)."""
        return self.page or 0, self.line


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of extracted text, as a reader saw it.

    ``wrapped``: the reader knows from the layout that the line was broken
    only because the page was full (it runs to the right margin and the next
    line continues the same paragraph), so the next line joins it.
    """

    text: str
    loc: Location
    wrapped: bool = False


class Extracted(BaseModel):
    """What a reader got out of a file, before any interpretation."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    format: str
    encoding: str | None = None
    lines: list[SourceLine]
    warnings: list[str] = Field(default_factory=list)
    # The lines were placed from the page layout, and the reader marked the
    # wrapped ones (PDF, OFD); other text may be hard-wrapped (document.rewrap).
    laid_out: bool = False


class DocumentError(Exception):
    """A file that cannot become a document; ``code`` is stable, ``message`` is for auditors."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


@dataclass(slots=True)
class Paragraph:
    """A paragraph: source lines joined, with a normalised copy for matching.

    ``norm_map[i]`` is the index in ``text`` of the character ``norm[i]`` came
    from; ``line_starts`` are offsets in ``text`` where each source line begins,
    parallel to ``locs``.
    """

    index: int
    text: str
    norm: str
    norm_map: IndexMap
    line_starts: list[int]
    locs: list[Location]


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered (or unnumbered) heading that opens a section.

    ``style`` is the marker family (cn_dun 一、, cn_paren （一）, ar_dun 1、,
    ar_dot 1., ar_paren （1）, circled ①, chapter 第一部分, plain for none);
    ``title`` is the normalised heading text without its marker, cut at the
    first full stop for a run-in heading; ``title_start``/``title_end`` are its
    offsets in the paragraph's ``norm``.
    """

    paragraph: int
    style: str
    ordinal: int | None
    level: int
    title: str
    title_start: int
    title_end: int
    run_in: bool


@dataclass(frozen=True, slots=True)
class Lead:
    """An enumerated lead inside a paragraph (一是…, 二是…), or a run-in heading without
    a number (paragraphs in a row that open 深学笃行习近平法治思想。…): an item, not a heading.
    ``continues``: a number that goes on from the one the paragraph opens with
    (the 2. and 3. of 1.加强……；2.完善……；3.健全……), an item at that number's level."""

    paragraph: int
    ordinal: int
    start: int
    end: int
    continues: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the paragraphs under it, [start, end) in paragraph indexes.

    ``kind`` is the classification (top-level sections, and sub-sections whose
    heading names a kind of their own, e.g. a 存在的不足 sub-section inside a
    work section); ``also`` lists further kinds a combined heading names
    (存在的问题及下一步打算), and ``parts`` the stretch of it each of those kinds
    covers, where its sub-headings or its paragraphs' openings tell them apart
    (see :func:`fazhi.document.outline.divide`). A part under that heading has
    ``named``: the stretch of the heading (offsets in its paragraph's ``norm``)
    that names the part's kind, up to where the heading names the next kind, so
    that 2024年 in 2024年存在的问题及2025年工作打算 is the shortcomings' year. A part
    led by a sub-heading has ``intro``: the paragraphs between the combined heading
    and that sub-heading ([start, end), none when empty), which are its text (虽然
    取得一定成效，但仍存在不足，主要原因是…) but not its items.
    """

    id: str
    heading: Heading | None
    start: int
    end: int
    kind: str | None = None
    also: list[str] = field(default_factory=list)
    classified_by: str | None = None
    children: list[Section] = field(default_factory=list)
    parts: list[Section] = field(default_factory=list)
    named: tuple[int, int] | None = None
    intro: tuple[int, int] | None = None


class Evidence(BaseModel):
    """A piece of text that decided something, with where it stands."""

    text: str
    match: str | None = None
    line: int | None = None
    page: int | None = None
    paragraph: int | None = None
    section: str | None = None


class Meta(BaseModel):
    """What the report says about itself."""

    title: str | None = None
    issuer: str | None = None
    place: str | None = None
    report_year: int | None = None
    date: str | None = None
    date_precision: str | None = None  # "day" | "figures" (2023.2.20) | "month" | None

    @property
    def full_date(self) -> bool:
        """Whether ``date`` names a day (年月日, or figures only), not just a month."""
        return self.date is not None and self.date_precision in ("day", "figures")


class Document(BaseModel):
    """A report, ready for the checks."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    path: str
    sha256: str
    format: str
    encoding: str | None
    paragraphs: list[Paragraph]
    sections: list[Section]
    leads: list[Lead]
    meta: Meta
    meta_evidence: dict[str, Evidence] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    # Runs of consecutive lines left out as not the report's own (a web page's
    # chrome, page numbers), for ``fazhi inspect`` and the scorecard's full text.
    removed: list[list[SourceLine]] = Field(default_factory=list)
