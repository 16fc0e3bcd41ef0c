"""``year_consistency``: the years the report states agree with its report year.

Each entry of ``expect`` names a scope (and part) whose four-digit years
(2023年) must equal the report year plus ``offset``: the plan's heading
(offset 1: next year's plan), the measures' headings (offset 0).
A range's end (the 2025 of 2023年至2025年 or 2023—2025年) is not compared: a
plan for 2023 to 2025 starts next year. pass: every year found agrees, or
there is nothing to compare; fail: a contradiction. Facts: ``{report_year}``,
``{conflict}``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from fazhi.checks.base import CheckParams, Context, Outcome, Part, Scope
from fazhi.document.dates import YEAR_RE, ends_range
from fazhi.document.numerals import cn_to_int
from fazhi.rulebook.schema import Rulebook

SUMMARY = "各处年份是否与报告年度一致"

class Expect(CheckParams):
    scope: Scope
    part: Part = "heading"
    offset: int = 0


class Params(CheckParams):
    kind: Literal["year_consistency"]
    expect: list[Expect] = Field(min_length=1)


def evaluate(p: Params, ctx: Context) -> Outcome:
    year = ctx.doc.meta.report_year
    ev_year = ctx.doc.meta_evidence.get("report_year")
    if year is None:
        return Outcome("pass", facts={"report_year": "未知", "conflict": ""})
    for e in p.expect:
        for sp in ctx.spans(e.scope, e.part):
            norm = ctx.doc.paragraphs[sp.paragraph].norm
            for m in YEAR_RE.finditer(norm, sp.start, sp.end):
                y = cn_to_int(m.group(1))
                if ends_range(norm, m.start(), sp.start):
                    continue
                if y is not None and y != year + e.offset:
                    ev = ctx.evidence(sp, m.start(), m.end())
                    return Outcome("fail", [x for x in (ev_year, ev) if x is not None],
                                   {"report_year": year, "conflict": m.group(0),
                                    "expected": year + e.offset})
    return Outcome("pass", [ev_year] if ev_year else [], {"report_year": year, "conflict": ""})


def statuses(p: Params, book: Rulebook) -> set[str]:
    """The statuses this check can give with these parameters."""
    return {"pass", "fail"}
