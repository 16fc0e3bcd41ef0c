"""``issuer``: the issuing body is named (in the header above the title or in
the signature), as found by the document stage (``document.meta.issuer``).

pass: a body is named; partial: only a place name opens the title
(``document.meta.place``, e.g. 静海镇…报告); otherwise fail. Facts: ``{issuer}``.
"""

from __future__ import annotations

from typing import Literal

from fazhi.checks.base import CheckParams, Context, Outcome
from fazhi.rulebook.schema import Rulebook

SUMMARY = "是否写明发文机关"


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


def statuses(p: Params, book: Rulebook) -> set[str]:
    """The statuses this check can give with these parameters."""
    return {"pass", "partial", "fail"} if book.document.meta.place else {"pass", "fail"}
