"""``title``: the report's title has the parts a title must have.

The title is found by the document stage (``document.meta.title`` patterns).
Each ``component`` is a named set of wordings (the year, 法治政府建设, 报告).
pass: every component; partial: at least ``partial_min``; fail: fewer, or no
title at all. ``few_message``: the message of a title found with fewer parts
(the rule's ``fail`` message is for no title). Facts: ``{title}``,
``{found}``, ``{missing}``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from fazhi.checks.base import CheckParams, Context, Outcome, Regex, any_of
from fazhi.document.normalize import normalize_text
from fazhi.rulebook.schema import Rulebook

SUMMARY = "标题是否包含应有的组成部分"


class Component(CheckParams):
    name: str = Field(min_length=1)
    any: list[Regex] = Field(min_length=1)


class Params(CheckParams):
    kind: Literal["title"]
    components: list[Component] = Field(min_length=1)
    partial_min: int = Field(default=1, ge=1)
    few_message: str | None = None


def evaluate(p: Params, ctx: Context) -> Outcome:
    doc = ctx.doc
    ev = doc.meta_evidence.get("title")
    if doc.meta.title is None or ev is None:
        return Outcome("fail", facts={"title": "", "found": "无", "missing": "标题"})
    norm = normalize_text(doc.meta.title)
    found: list[str] = []
    missing: list[str] = []
    for c in p.components:
        rx = any_of(c.any)
        (found if rx is not None and rx.search(norm) else missing).append(c.name)
    n = len(found)
    status = "pass" if not missing else "partial" if n >= p.partial_min else "fail"
    return Outcome(status, [ev], {"title": doc.meta.title, "found": "、".join(found) or "无",
                                  "missing": "、".join(missing) or "无"},
                   message=p.few_message if status == "fail" else None)


def statuses(p: Params, book: Rulebook) -> set[str]:
    """The statuses this check can give with these parameters."""
    return {"pass", "partial", "fail"} if p.partial_min < len(p.components) else {"pass", "fail"}
