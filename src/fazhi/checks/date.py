"""``date``: the report is dated (成文日期), in the closing or directly under the title.

pass: a full date (年月日, Arabic or Chinese numerals, 二〇二三年二月一日);
partial: year and month only; fail: no date. Facts: ``{date}``.
"""

from __future__ import annotations

from typing import Literal

from fazhi.checks.base import CheckParams, Context, Outcome
from fazhi.rulebook.schema import Rulebook

SUMMARY = "是否注明成文日期（年月日）"


class Params(CheckParams):
    kind: Literal["date"]


def evaluate(p: Params, ctx: Context) -> Outcome:
    meta = ctx.doc.meta
    ev = ctx.doc.meta_evidence.get("date")
    if meta.date and meta.date_precision == "day":
        return Outcome("pass", [ev] if ev else [], {"date": meta.date})
    if meta.date:
        return Outcome("partial", [ev] if ev else [], {"date": meta.date})
    return Outcome("fail", facts={"date": ""})


def statuses(p: Params, book: Rulebook) -> set[str]:
    """The statuses this check can give with these parameters."""
    return {"pass", "partial", "fail"}
