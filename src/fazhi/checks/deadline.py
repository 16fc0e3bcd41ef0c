"""``deadline``: the report is dated before a deadline in the year after the report year.

The deadline is ``month``-``day`` of report year + ``years_after`` (1 April of
the next year for the publication clause). pass: dated before it; fail: dated
on or after it; not_applicable: no date or no report year. A date with month
precision only passes when its month is before the deadline's month.
Facts: ``{date}``, ``{deadline}``.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from fazhi.checks.base import CheckParams, Context, Outcome
from fazhi.rulebook.schema import Rulebook

SUMMARY = "成文日期是否早于报告年度之后的期限"


class Params(CheckParams):
    kind: Literal["deadline"]
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    years_after: int = Field(default=1, ge=0)


def evaluate(p: Params, ctx: Context) -> Outcome:
    meta = ctx.doc.meta
    if not meta.date or meta.report_year is None:
        return Outcome("not_applicable", facts={"date": "", "deadline": ""})
    limit = date(meta.report_year + p.years_after, p.month, p.day)
    ev = ctx.doc.meta_evidence.get("date")
    facts: dict[str, object] = {"date": meta.date, "deadline": limit.isoformat()}
    if meta.full_date:
        ok = date.fromisoformat(meta.date) < limit
    else:
        y, m = (int(x) for x in meta.date.split("-")[:2])
        ok = (y, m) < (limit.year, limit.month)
    return Outcome("pass" if ok else "fail", [ev] if ev else [], facts)


def statuses(p: Params, book: Rulebook) -> set[str]:
    """The statuses this check can give with these parameters."""
    return {"pass", "fail", "not_applicable"}
