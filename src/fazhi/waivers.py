"""Waivers: an approved exemption of one report from one rule, until a date.

A waivers file (``--waivers waivers.yaml``)::

    waivers:
      - path: reports/jinghai-*.txt        # or issuer: 静海镇人民政府 (+ year: 2024), or sha256: …
        rule: form.example
        reason: 落款页为扫描件，成文日期见原件
        approved_by: 县司法局 李明
        expires: 2025-12-31

A waiver applies to a rule the report does not pass (fail or partial): the
rule becomes ``not_applicable`` with the message
"已豁免：<reason>（批准：<who>，有效期至 <date>）" and the score, grade and
verdict are computed again. A waiver past its expiry date is not applied;
expired and unused waivers are reported so that the list stays honest.
Today's date is given by the caller (the command line), never read here.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from pydantic import Field, model_validator

from fazhi.engine import STATUS_ORDER, make_run, score_results
from fazhi.results import ReportResult, RunResult
from fazhi.rulebook.schema import RULE_ID_RE, Rulebook, Scoring, Strict, Text
from fazhi.rulebook.source import FileProblems, close_match, load_model

WAIVABLE = ("fail", "partial")


class WaiverEntry(Strict):
    """One exemption: which report, which rule, why, who approved it, until when."""

    path: str | None = Field(default=None, min_length=1)
    issuer: str | None = Field(default=None, min_length=1)
    year: int | None = Field(default=None, ge=1949, le=2200)
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-fA-F]{64}$")
    rule: str = Field(pattern=RULE_ID_RE)
    reason: Text
    approved_by: Text
    expires: date

    @model_validator(mode="after")
    def _one_selector(self) -> WaiverEntry:
        given = [k for k in ("path", "issuer", "sha256") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("每条豁免须且只须用一种方式指明报告：path（文件路径通配）、"
                             "issuer（发文机关，可加 year）或 sha256")
        if self.year is not None and self.issuer is None:
            raise ValueError("year 只能与 issuer 一起使用")
        return self


class WaiverFile(Strict):
    waivers: list[WaiverEntry] = Field(default_factory=list)


@dataclass(frozen=True)
class Waiver:
    entry: WaiverEntry
    where: str  # file:line of the entry

    @property
    def message(self) -> str:
        e = self.entry
        return f"已豁免：{e.reason}（批准：{e.approved_by}，有效期至 {e.expires.isoformat()}）"


def load_waivers(path: Path, book: Rulebook | None = None) -> list[Waiver]:
    """Read a waivers file; unknown rule ids (when ``book`` is given) are errors."""
    data, tree = load_model(path, WaiverFile, "豁免文件")
    problems = []
    ids = [r.id for r in book.rules] if book is not None else []
    out = []
    for i, e in enumerate(data.waivers):
        if book is not None and e.rule not in ids:
            problems.append(tree.problem(("waivers", i, "rule"),
                                         f"规则「{e.rule}」不在所用的规则集中{close_match(e.rule, ids)}"))
        _, line, _ = tree.where(("waivers", i))
        out.append(Waiver(e, f"{path}:{line}"))
    if problems:
        raise FileProblems(problems)
    return out


def _norm(s: str) -> str:
    return "".join(s.split())


def matches(w: Waiver, report: ReportResult) -> bool:
    """Whether the waiver names this report."""
    e = w.entry
    if e.sha256 is not None:
        return report.sha256 is not None and report.sha256.lower() == e.sha256.lower()
    if e.path is not None:
        shown = PurePosixPath(report.path.replace("\\", "/"))
        if "/" in e.path:
            return fnmatch.fnmatchcase(shown.as_posix(), e.path)
        return fnmatch.fnmatchcase(shown.name, e.path)
    meta = report.meta
    if meta is None or meta.issuer is None or e.issuer is None:
        return False
    parts = {_norm(meta.issuer), *(_norm(x) for x in meta.issuer.split())}
    if _norm(e.issuer) not in parts:
        return False
    return e.year is None or meta.report_year == e.year


def live_waivers(waivers: list[Waiver], today: date) -> list[Waiver]:
    """The waivers not expired on ``today``."""
    return [w for w in waivers if w.entry.expires >= today]


def waive_report(rep: ReportResult, live: list[Waiver], scoring: Scoring
                 ) -> tuple[ReportResult, set[str]]:
    """One report with the live waivers that match it applied (score recomputed), and
    which waivers were used."""
    used: set[str] = set()
    if rep.status != "checked" or not live:
        return rep, used
    mine = [w for w in live if matches(w, rep)]
    results = []
    for r in rep.results:
        w = next((w for w in mine if w.entry.rule == r.rule), None)
        if w is not None and r.status in WAIVABLE:
            used.add(w.where)
            r = r.model_copy(update={"status": "not_applicable", "message": w.message,
                                     "suggestion": None, "waiver": w.where})
        results.append(r)
    if not used:
        return rep, used
    score, grade, verdict = score_results(results, scoring)
    counts = {s: sum(x.status == s for x in results) for s in STATUS_ORDER}
    return rep.model_copy(update={"results": results, "score": score, "grade": grade,
                                  "verdict": verdict, "counts": counts,
                                  "compliant": verdict == scoring.verdict.pass_label}), used


def waiver_notes(waivers: list[Waiver], today: date, used: set[str]) -> list[str]:
    """Warnings for the auditor: expired waivers, and live ones no report needed."""
    notes = [f"{w.where}: 豁免已过期（有效期至 {w.entry.expires.isoformat()}），未应用："
             f"规则 {w.entry.rule}，理由「{w.entry.reason}」。请续批或删除这条豁免。"
             for w in waivers if w.entry.expires < today]
    for w in live_waivers(waivers, today):
        if w.where not in used:
            notes.append(f"{w.where}: 豁免未被使用：没有报告的规则「{w.entry.rule}」需要豁免"
                         "（报告未匹配，或该规则已达标）。请核对报告和规则编号，或删除这条豁免。")
    return notes


def apply_waivers(run: RunResult, waivers: list[Waiver], today: date, scoring: Scoring
                  ) -> tuple[RunResult, list[str]]:
    """The run with waivers applied (scores recomputed) and warnings for the auditor."""
    live = live_waivers(waivers, today)
    used: set[str] = set()
    reports = []
    for rep in run.reports:
        rep, mine = waive_report(rep, live, scoring)
        used |= mine
        reports.append(rep)
    return make_run(run.rulebook, reports), waiver_notes(waivers, today, used)
