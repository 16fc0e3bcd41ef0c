"""``phrases``: tiers of wordings, tried in order; the first tier found decides.

Each tier names a ``status``, a ``scope`` and ``part`` to look in, the
wordings (``any``) and wordings to ignore (``exclude``: a match that overlaps
one of them does not count, e.g. 公开征求意见 is not 政务公开). A wording
inside a cited document's title (the rulebook's ``not_evidence``) does not
count unless the tier says ``cited: true`` (落实《…第一责任人职责规定》 does
name the duty, if only in passing). When no tier is found the status is
``otherwise`` (normally ``fail``).

Typical use: pass when the element is reported in the work sections, partial
when it is only named in the shortcomings or the plan::

    kind: phrases
    tiers:
      - {status: pass, scope: work, any: [法律顾问, 公职律师]}
      - {status: partial, scope: gaps, any: [法律顾问, 公职律师]}

Evidence: the first ``max_evidence`` hits in text order, where a hit that is
one item of a list of topics (…、信访维稳、普法宣传等问题) comes after the
others. Facts for messages: ``{found}`` (the words found), ``{section}``
(where the first evidence stands).
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
    distinct,
)
from fazhi.rulebook.schema import Rulebook

SUMMARY = "按层级查找措辞，第一个找到的层级决定结果"


class Tier(CheckParams):
    status: Literal["pass", "partial", "fail"]
    scope: Scope = "work"
    part: Part = "all"
    any: ScannedRegexes = Field(min_length=1)
    exclude: list[Regex] = Field(default_factory=list)
    cited: bool = False
    message: str | None = None


class Params(CheckParams):
    kind: Literal["phrases"]
    tiers: list[Tier] = Field(min_length=1)
    otherwise: Literal["pass", "partial", "fail"] = "fail"
    max_evidence: int = Field(default=3, ge=1)


def evaluate(p: Params, ctx: Context) -> Outcome:
    for tier in p.tiers:
        rx = any_of(tier.any)
        assert rx is not None
        ex = any_of(tier.exclude)
        hits = list(ctx.find(rx, ctx.spans(tier.scope, tier.part), ex, cited=tier.cited))
        if not hits:
            continue
        # the first hits in text order, those in a list of topics after the others
        shown = sorted(hits, key=lambda hit: ctx.listed(*hit))[: p.max_evidence]
        evidence = [ctx.evidence(sp, m.start(), m.end()) for sp, m in shown]
        return Outcome(
            status=tier.status,
            evidence=evidence,
            facts={"found": "、".join(distinct([m.group(0) for _, m in hits])),
                   "section": evidence[0].section or ""},
            message=tier.message,
            regions=distinct([sp.region for sp, _ in hits]),
        )
    return Outcome(status=p.otherwise, facts={"found": "", "section": ""})


def statuses(p: Params, book: Rulebook) -> set[str]:
    """The statuses this check can give with these parameters."""
    return {t.status for t in p.tiers} | {p.otherwise}
