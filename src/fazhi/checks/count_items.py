"""``count_items``: how many distinct items a section lists.

An item is an entry at the first enumeration level inside the section: its
numbered sub-headings ((一)…, 1、…); where there are none, its enumerated
leads (一是…二是…, and a following 三… without 是; 首先…其次…; items numbered
inside a paragraph after a lead-in: …以下工作：1.…；2.…); where there are none,
its separate paragraphs, not counting a lead-in that ends with a colon.

* ``exclude_blocks``: sub-parts whose heading matches are left out (e.g. the
  原因剖析: and 整改情况: blocks inside a shortcomings section);
* ``exclude_paragraphs``: paragraphs that start with these are not items, nor
  are the leads in them (e.g. 主要原因是：一是…二是…, a cause statement, not a
  shortcoming).

pass: at least ``pass_min`` items; partial: at least ``partial_min``;
otherwise fail. Facts: ``{count}``, ``{items}``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from fazhi.checks.base import CheckParams, Context, Outcome, Regex, Scope, any_of
from fazhi.document.model import Evidence, Section
from fazhi.rulebook.schema import Rulebook

SUMMARY = "章节中列出了几项（小标题、一是二是……或段落）"


class Params(CheckParams):
    kind: Literal["count_items"]
    scope: Scope
    exclude_blocks: list[Regex] = Field(default_factory=list)
    exclude_paragraphs: list[Regex] = Field(default_factory=list)
    pass_min: int = Field(ge=1)
    partial_min: int = Field(default=1, ge=1)


def _items(p: Params, ctx: Context, s: Section) -> list[tuple[int, int, int]]:
    """Items of one section as (paragraph, norm start, norm end) of their first words."""
    doc = ctx.doc
    block_rx = any_of(p.exclude_blocks)
    para_rx = any_of(p.exclude_paragraphs)
    excluded: set[int] = set()
    kept_children = []
    for c in s.children:
        if c.heading is not None and block_rx is not None and block_rx.search(c.heading.title):
            excluded.update(range(c.start, c.end))
        elif c.heading is not None and c.heading.style != "plain":
            kept_children.append(c)
    if kept_children:
        # numbers that go on inside a sub-heading's paragraph (1.…；2.…；3.…) are its siblings
        heads = {c.heading.paragraph: c.heading for c in kept_children if c.heading is not None}
        items = [(h.paragraph, h.title_start, h.title_end) for h in heads.values()]
        items += [(ld.paragraph, ld.start, ld.end) for ld in doc.leads
                  if ld.continues and ld.paragraph in heads]
        return sorted(items)
    plain_heads = {c.start for c in s.children}
    first = s.heading.paragraph if s.heading else None
    bodies: list[tuple[int, int]] = []  # (paragraph, where its text starts) of the others
    for i in range(s.start, s.end):
        if i in excluded or i in plain_heads:
            continue
        start = s.heading.title_end + 1 if i == first and s.heading is not None else 0
        text = doc.paragraphs[i].norm[start:]
        if para_rx is None or not para_rx.match(text):
            bodies.append((i, start))
    # leads in a left-out paragraph (主要原因：一是…二是…) are not items either
    kept = {i for i, _ in bodies}
    leads = [ld for ld in doc.leads if ld.paragraph in kept]
    if leads:
        return [(ld.paragraph, ld.start, ld.end) for ld in leads]
    out = []
    for i, start in bodies:
        norm = doc.paragraphs[i].norm
        if start >= len(norm) or norm.endswith(":"):
            continue
        out.append((i, start, min(len(norm), start + 30)))
    return out


def evaluate(p: Params, ctx: Context) -> Outcome:
    evidence: list[Evidence] = []
    count = 0
    for s in ctx.sections(p.scope):
        for par, a, b in _items(p, ctx, s):
            count += 1
            if len(evidence) < 8:
                evidence.append(ctx.evidence_at(par, a, b))
    status = "pass" if count >= p.pass_min else "partial" if count >= p.partial_min else "fail"
    return Outcome(status, evidence, {"count": count,
                                      "items": "；".join(e.match or "" for e in evidence) or "无"})


def statuses(p: Params, book: Rulebook) -> set[str]:
    """The statuses this check can give with these parameters."""
    return {"pass", "partial", "fail"} if p.partial_min < p.pass_min else {"pass", "fail"}
