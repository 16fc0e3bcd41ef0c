"""``date``: the report is dated (成文日期), in the closing or directly under the title.

pass: a full date (年月日, Arabic or Chinese numerals, 二〇二三年二月一日);
partial: year and month only; a full date written in figures only in the
signature (2023.2.20, 2023-02-20: 公文 format asks for 年月日标全) gets the status
``figures`` (default partial) and, if given, ``figures_message``; fail: no date.
Facts: ``{date}`` (ISO), ``{written}`` (the date as the report writes it).
"""

from __future__ import annotations

from typing import Literal

from fazhi.checks.base import CheckParams, Context, Outcome
from fazhi.rulebook.schema import Rulebook

SUMMARY = "是否注明成文日期（年月日）"


class Params(CheckParams):
    kind: Literal["date"]
    figures: Literal["pass", "partial"] = "partial"
    figures_message: str | None = None


def evaluate(p: Params, ctx: Context) -> Outcome:
    meta = ctx.doc.meta
    ev = ctx.doc.meta_evidence.get("date")
    evidence = [ev] if ev else []
    facts: dict[str, object] = {"date": meta.date or "", "written": ev.match if ev else ""}
    if meta.date and meta.date_precision == "day":
        return Outcome("pass", evidence, facts)
    if meta.date and meta.date_precision == "figures":
        return Outcome(p.figures, evidence, facts, message=p.figures_message)
    if meta.date:
        return Outcome("partial", evidence, facts)
    return Outcome("fail", facts=facts)


def statuses(p: Params, book: Rulebook) -> set[str]:
    """The statuses this check can give with these parameters."""
    return {"pass", "partial", "fail"}
