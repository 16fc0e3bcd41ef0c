"""``issuer``: the issuing body is named (in the header above the title or in
the signature), as found by the document stage (``document.meta.issuer``).

pass: a body is named; partial: only a place name opens the title
(``document.meta.place``, e.g. 静海镇…报告); otherwise fail. Facts: ``{issuer}``.
"""

from __future__ import annotations

from typing import Literal

from fazhi.checks.base import CheckParams, Context, Outcome


class Params(CheckParams):
    kind: Literal["issuer"]


def evaluate(p: Params, ctx: Context) -> Outcome:
    doc = ctx.doc
    if doc.meta.issuer:
        ev = doc.meta_evidence.get("issuer")
        return Outcome("pass", [ev] if ev else [], {"issuer": doc.meta.issuer})
    if doc.meta.place:
        ev = doc.meta_evidence.get("place")
        return Outcome("partial", [ev] if ev else [], {"issuer": doc.meta.place})
    return Outcome("fail", facts={"issuer": ""})
