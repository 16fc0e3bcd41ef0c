"""``count_matches``: how often a pattern occurs in a scope (e.g. quantitative facts).

* pass: at least ``pass_min`` matches; partial: at least ``partial_min``;
  otherwise fail.
* ``exclude``: a match overlapping one of these does not count.

Used for 数据支撑: an Arabic number with a counting unit (26次, 1700人次, 100%)
in the work sections; years, dates and document numbers (〔2019〕26号) are not
quantities and the pattern leaves them out. Facts: ``{count}``, ``{examples}``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from fazhi.checks.base import (
    CheckParams,
    Context,
    Outcome,
    Part,
    Regex,
    ScannedRegexes,
    Scope,
    any_of,
)
from fazhi.rulebook.schema import Rulebook

SUMMARY = "某种措辞（如数据）出现了几次"


class Params(CheckParams):
    kind: Literal["count_matches"]
    scope: Scope = "work"
    part: Part = "all"
    any: ScannedRegexes = Field(min_length=1)
    exclude: list[Regex] = Field(default_factory=list)
    pass_min: int = Field(ge=1)
    partial_min: int = Field(default=1, ge=1)
    max_evidence: int = Field(default=5, ge=1)


def evaluate(p: Params, ctx: Context) -> Outcome:
    rx = any_of(p.any)
    assert rx is not None
    hits = list(ctx.find(rx, ctx.spans(p.scope, p.part), any_of(p.exclude)))
    n = len(hits)
    status = "pass" if n >= p.pass_min else "partial" if n >= p.partial_min else "fail"
    shown = hits[: p.max_evidence]
    return Outcome(status, [ctx.evidence(sp, m.start(), m.end()) for sp, m in shown],
                   {"count": n, "examples": "、".join(m.group(0) for _, m in shown) or "无"})


def statuses(p: Params, book: Rulebook) -> set[str]:
    """The statuses this check can give with these parameters."""
    return {"pass", "partial", "fail"} if p.partial_min < p.pass_min else {"pass", "fail"}
