"""``elements``: how many of a set of named elements are reported (k of n).

Each element has a ``name`` and its wordings. An element counts as reported
when one of its wordings is found in ``scope``; found only in ``elsewhere``
(e.g. the shortcomings or the plan) it counts toward partial only.

* pass: at least ``pass_min`` elements reported (default: all of them);
* partial: at least ``partial_min`` reported, or any found elsewhere, or a
  ``bundle`` wording found (e.g. "三项制度" named only as a bundle);
* otherwise fail.

Used for the 行政执法"三项制度" (3 of 3), the five statutory procedures of a
major decision (5 of 5) and the kinds of first-responsible-person duties
(2 of 6). Facts: ``{found}``, ``{missing}``, ``{count}``, ``{total}``,
``{elsewhere}``, ``{bundle}``. ``bundle_message`` and ``elsewhere_message``
replace the rule's partial message when that is the only reason for partial.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from fazhi.checks.base import (
    CheckParams,
    Context,
    Outcome,
    Regex,
    Region,
    ScannedRegexes,
    Scope,
    any_of,
    distinct,
)
from fazhi.document.model import Evidence
from fazhi.rulebook.schema import Rulebook

SUMMARY = "一组要素中报告了几项（全部 / 部分 / 没有）"


class Element(CheckParams):
    name: str = Field(min_length=1)
    any: ScannedRegexes = Field(min_length=1)
    exclude: list[Regex] = Field(default_factory=list)


class Params(CheckParams):
    kind: Literal["elements"]
    elements: list[Element] = Field(min_length=1)
    scope: Scope = "work"
    elsewhere: Scope | None = None
    bundle: ScannedRegexes = Field(default_factory=list)
    pass_min: int | None = Field(default=None, ge=1)
    partial_min: int = Field(default=1, ge=1)
    bundle_message: str | None = None
    elsewhere_message: str | None = None

    @model_validator(mode="after")
    def _bounds(self) -> Params:
        if self.pass_min is not None and self.pass_min > len(self.elements):
            raise ValueError(f"pass_min（{self.pass_min}）不能大于要素个数（{len(self.elements)}）")
        return self


def evaluate(p: Params, ctx: Context) -> Outcome:
    found: list[str] = []
    elsewhere: list[str] = []
    evidence: list[Evidence] = []
    regions: list[Region] = []
    spans = ctx.spans(p.scope)
    other = ctx.spans(p.elsewhere) if p.elsewhere else []
    for el in p.elements:
        rx = any_of(el.any)
        assert rx is not None
        ex = any_of(el.exclude)
        hit = next(ctx.find(rx, spans, ex), None)
        if hit is not None:
            found.append(el.name)
            evidence.append(ctx.evidence(hit[0], hit[1].start(), hit[1].end()))
            regions.append(hit[0].region)
            continue
        hit = next(ctx.find(rx, other, ex), None) if other else None
        if hit is not None:
            elsewhere.append(el.name)
            evidence.append(ctx.evidence(hit[0], hit[1].start(), hit[1].end()))
    bundle_hit = None
    brx = any_of(p.bundle)
    if brx is not None:
        bundle_hit = next(ctx.find(brx, spans + other), None)
        if bundle_hit is not None:
            evidence.append(ctx.evidence(bundle_hit[0], bundle_hit[1].start(), bundle_hit[1].end()))
    need = p.pass_min or len(p.elements)
    if len(found) >= need:
        status = "pass"
    elif len(found) >= p.partial_min or elsewhere or bundle_hit is not None:
        status = "partial"
    else:
        status = "fail"
    missing = [e.name for e in p.elements if e.name not in found]
    facts: dict[str, object] = {
        "found": "、".join(found) or "无", "missing": "、".join(missing) or "无",
        "elsewhere": "、".join(elsewhere) or "无", "count": len(found), "total": len(p.elements),
        "bundle": bundle_hit[1].group(0) if bundle_hit else "",
    }
    message = None
    if status == "partial" and len(found) < p.partial_min:
        message = p.elsewhere_message if elsewhere else p.bundle_message
    return Outcome(status, evidence, facts, message=message, regions=distinct(regions))


def statuses(p: Params, book: Rulebook) -> set[str]:
    """The statuses this check can give with these parameters."""
    need = p.pass_min or len(p.elements)
    out = {"pass", "fail"}
    if p.partial_min < need or p.elsewhere or p.bundle:
        out.add("partial")
    return out
