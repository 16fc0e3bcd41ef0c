"""``section``: a top-level section of one of the given kinds exists and has content.

* pass: a section of a listed kind, under its own heading, with at least
  ``min_chars`` characters of body;
* ``headingless`` (default partial): the kind exists only as a report with no
  headings at all (its whole body is one unheaded section);
* ``mentions``: wordings that, found in ``mentions_scope`` when there is no such
  section, make it partial (named only in passing); a match that overlaps one of
  ``mentions_exclude`` does not count (针对存在的问题 acts on problems, it names none);
* ``next_year_mentions``: the same, for wordings right after the year that
  follows the report year: in a report on 2023, ``,?我[镇乡]将`` finds
  2024年，我镇将… (and 二〇二四年，我镇将…), not 2023年，我镇将…;
* otherwise fail.

Facts: ``{section}`` (the heading found), ``{found}`` (a passing mention).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from pydantic import Field

from fazhi.checks.base import (
    CheckParams,
    Context,
    Outcome,
    Regex,
    Region,
    ScannedRegexes,
    Scope,
    any_of,
)
from fazhi.document.config import AfterYearRegex
from fazhi.document.dates import year_pattern
from fazhi.document.locate import heading_text
from fazhi.rulebook.schema import Rulebook

SUMMARY = "一个指定类型的一级章节是否存在并有内容"


class Params(CheckParams):
    kind: Literal["section"]
    kinds: list[Scope] = Field(min_length=1)
    min_chars: int = Field(default=10, ge=0)
    headingless: Literal["pass", "partial", "fail"] = "partial"
    mentions: ScannedRegexes = Field(default_factory=list)
    mentions_exclude: list[Regex] = Field(default_factory=list)
    next_year_mentions: list[AfterYearRegex] = Field(default_factory=list)
    mentions_scope: Scope = "all"
    empty_message: str | None = None


def evaluate(p: Params, ctx: Context) -> Outcome:
    doc = ctx.doc
    found = [s for k in p.kinds for s in ctx.sections(k)]
    found.sort(key=lambda s: s.start)
    headed = [s for s in found if s.heading is not None]
    for s in headed:
        assert s.heading is not None
        body = sum(len(doc.paragraphs[i].norm) for i in range(s.start, s.end)) - s.heading.title_end
        ev = ctx.evidence_at(s.heading.paragraph, s.heading.title_start, s.heading.title_end)
        if body >= p.min_chars:
            return Outcome("pass", [ev], {"section": heading_text(doc, s)},
                           regions=[Region(s.start, s.end)])
    if headed:
        s = headed[0]
        assert s.heading is not None
        ev = ctx.evidence_at(s.heading.paragraph, s.heading.title_start, s.heading.title_end)
        return Outcome("partial", [ev], {"section": heading_text(doc, s)}, message=p.empty_message,
                       regions=[Region(s.start, s.end)])
    if found:
        s = found[0]
        text = doc.paragraphs[s.start].norm
        ev = ctx.evidence_at(s.start, 0, min(len(text), 20))
        return Outcome(p.headingless, [ev], {"section": "（无标题）"}, regions=[Region(s.start, s.end)])
    exclude = any_of(p.mentions_exclude)
    for rx in _mention_patterns(p, ctx.doc.meta.report_year):
        hits = list(ctx.find(rx, ctx.spans(p.mentions_scope), exclude))
        if hits:
            sp, m = hits[0]
            ev = ctx.evidence(sp, m.start(), m.end())
            return Outcome("partial", [ev], {"found": ev.match, "section": ""}, regions=[sp.region])
    return Outcome("fail", facts={"section": "", "found": ""})


def _mention_patterns(p: Params, year: int | None) -> list[re.Pattern[str]]:
    """The passing mentions to look for, in order: ``mentions``, then
    ``next_year_mentions`` after the year that follows ``year``."""
    out = [rx] if (rx := any_of(p.mentions)) is not None else []
    if p.next_year_mentions and year is not None:
        out.append(_after_year(year + 1, tuple(p.next_year_mentions)))
    return out


@cache
def _after_year(year: int, patterns: tuple[str, ...]) -> re.Pattern[str]:
    """``year`` (2024年, 二〇二四年) followed directly by one of ``patterns``."""
    return re.compile(year_pattern(year) + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


def statuses(p: Params, book: Rulebook) -> set[str]:
    """The statuses this check can give with these parameters."""
    kinds = {k for s in p.kinds for k in book.scopes.get(s, [s])}
    out = {"pass", "fail"}
    if p.min_chars > 0 or p.mentions or p.next_year_mentions:
        out.add("partial")
    if book.document.unstructured_kind in kinds:
        out.add(p.headingless)
    return out
