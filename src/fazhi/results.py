"""The result of a run: the shapes ``fazhi check --format json`` writes
(schema ``fazhi.check/1``, see OUTPUT.md) and every renderer reads."""

from __future__ import annotations

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
    and joined, are the paragraph the checks matched in).
    """

    line: int
    page: int | None = None
    block: int
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
