"""The rulebook's knowledge about documents: section kinds and their wordings,
title, issuer and closing patterns. Defined here (the document stage reads it)
and embedded in the rulebook schema. Patterns are Python regular expressions
matched against normalised text (see :mod:`fazhi.document.normalize`).
"""

from __future__ import annotations

import re
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def compile_any(patterns: list[str]) -> re.Pattern[str] | None:
    """One alternation of all ``patterns`` (None if empty)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns))


class SectionKind(Strict):
    """A kind of top-level section and how to recognise it.

    ``headings``: patterns that classify a heading as this kind (the first kind
    in the list whose pattern matches wins). ``content``: patterns counted in
    the body of a section whose heading matched no kind; with at least
    ``min_content_hits`` hits, the kind with most hits is chosen.
    """

    name: str
    label: str
    headings: list[str] = Field(default_factory=list)
    content: list[str] = Field(default_factory=list)
    min_content_hits: int = 3

    @cached_property
    def heading_re(self) -> re.Pattern[str] | None:
        return compile_any(self.headings)

    @cached_property
    def content_res(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.content]


class MetaConfig(Strict):
    """Patterns for the report's metadata.

    ``title``: a line is the title if it matches one of these (searched in the
    first ``title_search_lines`` paragraphs). ``issuer``: patterns whose whole
    match is an issuing body (…人民政府, …委员会, …局), looked for in the
    lines before the title and in the closing. ``place``: a place name at the
    start of the title (…镇, …县). ``closing``: short lines that belong to the
    signature block (特此报告, a date, an issuer).
    """

    title: list[str]
    title_search_lines: int = 6
    issuer: list[str]
    place: list[str]
    closing: list[str]
    closing_max_chars: int = 40


class OutlineConfig(Strict):
    """How the document stage builds the outline and classifies sections."""

    kinds: list[SectionKind]
    default_kind: str
    unstructured_kind: str
    plain_heading_max_chars: int = 30
    join_min_chars: int = 15
    meta: MetaConfig

    def compile(self) -> None:
        """Compile every pattern now rather than on first use."""
        for kind in self.kinds:
            _ = kind.heading_re, kind.content_res
        _ = self.title_re, self.issuer_re, self.place_re, self.closing_re

    @cached_property
    def title_re(self) -> re.Pattern[str] | None:
        return compile_any(self.meta.title)

    @cached_property
    def issuer_re(self) -> re.Pattern[str] | None:
        return compile_any(self.meta.issuer)

    @cached_property
    def place_re(self) -> re.Pattern[str] | None:
        return compile_any(self.meta.place)

    @cached_property
    def closing_re(self) -> re.Pattern[str] | None:
        return compile_any(self.meta.closing)
