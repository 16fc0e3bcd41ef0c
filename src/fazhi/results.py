"""The result of a run: the shapes ``fazhi check --format json`` writes
(schema ``fazhi.check/1``, see OUTPUT.md) and every renderer reads."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from fazhi.document.model import Evidence

SCHEMA = "fazhi.check/1"


class ToolInfo(BaseModel):
    name: str = "fazhi"
    version: str


class RulebookInfo(BaseModel):
    id: str
    version: str
    path: str
    title: str | None = None
    profile: str | None = None


class ErrorInfo(BaseModel):
    code: str
    message: str


class ReportMeta(BaseModel):
    title: str | None = None
    issuer: str | None = None
    report_year: int | None = None
    date: str | None = None


class RuleResult(BaseModel):
    rule: str
    status: Literal["pass", "partial", "fail", "not_applicable"]
    severity: str
    title: str
    message: str
    evidence: list[Evidence] = Field(default_factory=list)
    suggestion: str | None = None
    basis: list[str] = Field(default_factory=list)
    weight: float = 0.0
    waiver: str | None = None  # where the waiver that applied is written (file:line)


class OutlineEntry(BaseModel):
    """One section of the detected outline, for the scorecard and ``inspect``."""

    id: str
    level: int
    heading: str
    kind: str | None = None
    kind_label: str | None = None
    classified_by: str | None = None
    line: int | None = None
    page: int | None = None
    paragraph: int | None = None


class SourceLine(BaseModel):
    """One non-blank line of the report's extracted text, for the scorecard's full text.

    ``line``/``page`` are where it stands in the input (as in evidence); lines
    with the same ``block`` were read as one paragraph (their texts, stripped
    and joined, are the paragraph the checks matched in). ``block`` is None for
    a line the checks left out: a web page's site header, information bar or
    footer (the report's ``web_page`` warning).
    """

    line: int
    page: int | None = None
    block: int | None
    text: str


class ReportResult(BaseModel):
    path: str
    sha256: str | None = None
    status: Literal["checked", "error"]
    error: ErrorInfo | None = None
    meta: ReportMeta | None = None
    score: float | None = None
    grade: str | None = None
    verdict: str | None = None
    results: list[RuleResult] = Field(default_factory=list)
    format: str | None = None
    encoding: str | None = None
    warnings: list[str] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)
    outline: list[OutlineEntry] = Field(default_factory=list)
    # Added fields (optional, so older result files still load):
    # ``compliant`` says whether ``verdict`` is the rulebook's passing verdict;
    # ``source`` is the report's text. ``--format json`` leaves ``source`` out
    # unless asked (--with-source); ``--json FILE`` always carries it so that
    # ``fazhi report FILE`` can re-render full scorecards.
    compliant: bool | None = None
    source: list[SourceLine] | None = None


class Summary(BaseModel):
    checked: int
    errors: int
    mean_score: float | None


class RunResult(BaseModel):
    schema_: str = Field(default=SCHEMA, alias="schema")
    tool: ToolInfo
    rulebook: RulebookInfo
    reports: list[ReportResult]
    summary: Summary

    model_config = {"populate_by_name": True}


class RunHeader(BaseModel):
    """What a run says about itself before any report: the top of its JSON and
    of every scorecard."""

    schema_: str = Field(default=SCHEMA, alias="schema")
    tool: ToolInfo
    rulebook: RulebookInfo

    model_config = {"populate_by_name": True}


@dataclass(frozen=True)
class ReportSummary:
    """A finished report in a few plain values, as the main process of a batch gets it
    (for the run's totals and exit code, see :class:`Tally`, and for callers of the
    runner). ``fails`` counts the failed rules per severity; ``scorecard`` is the
    scorecard's file name (None for a report that could not be checked)."""

    path: str
    status: str
    error: ErrorInfo | None = None
    issuer: str | None = None
    report_year: int | None = None
    score: float | None = None
    grade: str | None = None
    verdict: str | None = None
    fails: tuple[tuple[str, int], ...] = ()
    scorecard: str | None = None

    @classmethod
    def of(cls, r: ReportResult, scorecard: str | None = None) -> ReportSummary:
        fails: dict[str, int] = {}
        for x in r.results:
            if x.status == "fail":
                fails[x.severity] = fails.get(x.severity, 0) + 1
        meta = r.meta or ReportMeta()
        return cls(path=r.path, status=r.status, error=r.error, issuer=meta.issuer,
                   report_year=meta.report_year, score=r.score, grade=r.grade, verdict=r.verdict,
                   fails=tuple(fails.items()),
                   scorecard=scorecard if r.status == "checked" else None)

    def failed(self, severity: str) -> int:
        """How many rules of ``severity`` failed."""
        return dict(self.fails).get(severity, 0)


def _summary(reports: int, checked: int, scores: Iterable[float]) -> Summary:
    values = list(scores)
    return Summary(checked=checked, errors=reports - checked,
                   mean_score=round(sum(values) / len(values), 1) if values else None)


def summarize(reports: Sequence[ReportResult | ReportSummary]) -> Summary:
    """The run's totals: how many were checked, how many failed, the mean score."""
    return _summary(len(reports), sum(r.status == "checked" for r in reports),
                    [r.score for r in reports if r.score is not None])


class Tally:
    """A run's totals counted as its reports finish, so that a batch keeps no list of
    them (8 bytes a report, for the scores): :meth:`summary` is :func:`summarize`
    of the reports added, ``failed`` the severities of the rules that failed anywhere."""

    def __init__(self) -> None:
        self.reports = 0
        self.checked = 0
        self.scores = array("d")
        self.failed: set[str] = set()

    def add(self, r: ReportSummary) -> None:
        self.reports += 1
        self.checked += r.status == "checked"
        if r.score is not None:
            self.scores.append(r.score)
        self.failed.update(sev for sev, n in r.fails if n)

    def summary(self) -> Summary:
        return _summary(self.reports, self.checked, self.scores)
