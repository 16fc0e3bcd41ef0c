"""Rulebook × document → a scored result with evidence.

For each rule in rulebook order: a rule whose ``requires`` rule failed is
``not_applicable``; otherwise its check kind decides the status and the
evidence. The score is the weighted credit over the applicable rules
(pass 1, partial 0.5, fail 0 by default), the grade comes from the score's
band, and the verdict fails when a rule of a listed severity has a listed
status (a required rule that fails).
"""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from pydantic import BaseModel

from fazhi import __version__
from fazhi.checks import PARAM_MODELS, Context, evaluate
from fazhi.checks.base import compile_patterns
from fazhi.document.config import POSITION_KINDS, compile_any
from fazhi.document.load import build_document, load_document
from fazhi.document.locate import heading_text, opening_text
from fazhi.document.model import Document, DocumentError, Evidence, Extracted, Section
from fazhi.document.model import SourceLine as DocLine
from fazhi.document.readers import DEFAULT_MAX_BYTES
from fazhi.results import (
    ErrorInfo,
    OutlineEntry,
    ReportMeta,
    ReportResult,
    RulebookInfo,
    RuleResult,
    RunHeader,
    RunResult,
    SourceLine,
    ToolInfo,
    summarize,
)
from fazhi.rulebook.loader import load_rulebook, parse_checks
from fazhi.rulebook.schema import Rule, Rulebook, Scoring

STATUS_ORDER = ("pass", "partial", "fail", "not_applicable")


class _Facts(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(template: str, facts: Mapping[str, object]) -> str:
    return template.format_map(_Facts(facts))


class Engine:
    """A loaded rulebook, ready to check documents."""

    def __init__(self, book: Rulebook, path: str, profile: str | None = None) -> None:
        self.book = book
        self.path = path
        self.profile = profile
        self.checks: list[BaseModel] = parse_checks(book, PARAM_MODELS)
        # Compile every pattern now, once per run (and before worker processes fork).
        self.patterns = compile_patterns(self.checks)
        book.document.compile()
        self.not_evidence = compile_any(book.not_evidence)
        self.kind_labels = {k.name: k.label for k in book.document.kinds}
        self.kind_labels.update(POSITION_KINDS)
        # The rulebook as loaded (parents merged, profile applied) names the cache's
        # results: an edit to any file of an extends chain, or another profile,
        # checks every report again; a comment or a display path does not.
        self.rulebook_hash = hashlib.sha256(
            f"{profile}\n{book.model_dump_json()}".encode()).hexdigest()

    @classmethod
    def from_file(cls, path: Path, display_path: str | None = None,
                  profile: str | None = None) -> Engine:
        return cls(load_rulebook(path, PARAM_MODELS, profile), display_path or str(path), profile)

    def info(self) -> RulebookInfo:
        return RulebookInfo(id=self.book.id, version=self.book.version, path=self.path,
                            title=self.book.title, profile=self.profile)

    def header(self) -> RunHeader:
        return RunHeader(tool=ToolInfo(version=__version__), rulebook=self.info())

    # -- one document -------------------------------------------------------
    def check_document(self, doc: Document, source: bool = True) -> ReportResult:
        """Check a document; ``source``: keep its text in the result (for scorecards,
        ``--with-source`` and the cache; plain JSON leaves it out)."""
        ctx = Context(doc=doc, scopes=self.book.scopes, not_evidence=self.not_evidence)
        statuses: dict[str, str] = {}
        results: list[RuleResult] = []
        for rule, params in zip(self.book.rules, self.checks, strict=True):
            failed = [r for r in rule.requires if statuses.get(r) == "fail"]
            if failed:
                title = self.book.rule(failed[0]).title
                msg = rule.messages.not_applicable or "前提规则「{requires}」未达标，本项不适用。"
                rr = self._result(rule, "not_applicable", render_message(
                    msg, {"requires": title}), [])
                statuses[rule.id] = rr.status
                results.append(rr)
                continue
            out = evaluate(params, ctx)
            ctx.regions[rule.id] = out.regions
            template = out.message or rule.messages.for_status(out.status) or rule.messages.fail
            rr = self._result(rule, out.status, render_message(template, out.facts), out.evidence)
            statuses[rule.id] = rr.status
            results.append(rr)
        score, grade, verdict = score_results(results, self.book.scoring)
        counts = {s: sum(r.status == s for r in results) for s in STATUS_ORDER}
        return ReportResult(
            path=doc.path, sha256=doc.sha256, status="checked",
            meta=ReportMeta(title=doc.meta.title, issuer=doc.meta.issuer,
                            report_year=doc.meta.report_year,
                            date=doc.meta.date if doc.meta.full_date else None),
            score=score, grade=grade, verdict=verdict, results=results, format=doc.format,
            encoding=doc.encoding, warnings=doc.warnings, counts=counts,
            outline=self.outline(doc),
            compliant=verdict == self.book.scoring.verdict.pass_label,
            source=source_lines(doc) if source else None)

    def _result(self, rule: Rule, status: str, message: str,
                evidence: list[Evidence]) -> RuleResult:
        sev = self.book.scoring.severities[rule.severity]
        return RuleResult(
            rule=rule.id, status=status, severity=rule.severity,
            title=rule.title, message=message, evidence=evidence,
            suggestion=None if status in ("pass", "not_applicable") else rule.suggestion,
            basis=[b.document + (b.article or "") for b in rule.basis],
            weight=rule.weight if rule.weight is not None else sev.weight)

    def outline(self, doc: Document) -> list[OutlineEntry]:
        out: list[OutlineEntry] = []

        def walk(s: Section, level: int, kind: str | None) -> None:
            loc = doc.paragraphs[s.start].locs[0] if s.start < len(doc.paragraphs) else None
            heading = (opening_text(doc, s) if s.classified_by == "opening"
                       else heading_text(doc, s))
            out.append(OutlineEntry(id=s.id, level=level, heading=heading, kind=kind,
                                    kind_label=self.kind_labels.get(kind or ""),
                                    classified_by=s.classified_by if kind else None,
                                    line=loc.line if loc else None,
                                    page=loc.page if loc else None,
                                    paragraph=loc.paragraph if loc else None))
            if s.classified_by == "opening":
                return  # its sub-sections are listed under the section it is part of
            # where a paragraph's opening starts a part of a combined section, the
            # outline shows it among the sub-sections
            opened = [p for p in s.parts if p.classified_by == "opening" and p.start > s.start]
            for c in sorted(s.children + opened, key=lambda x: x.start):
                walk(c, level + 1, c.kind)

        for s in doc.sections:
            walk(s, 1, s.kind)
        return out

    # -- files --------------------------------------------------------------
    def load(self, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
        """Read one file into a document (raises :class:`DocumentError`)."""
        return load_document(path, self.book.document, max_bytes)

    def check_extracted(self, ex: Extracted, path: str, sha256: str) -> ReportResult:
        return self.check_document(build_document(ex, self.book.document, path, sha256))

    def check_path(self, path: Path, display: str | None = None,
                   max_bytes: int = DEFAULT_MAX_BYTES, source: bool = True) -> ReportResult:
        """Check one file; a file that cannot be read becomes an error entry."""
        shown = display or str(path)
        try:
            doc = load_document(path, self.book.document, max_bytes)
            doc.path = shown
            return self.check_document(doc, source)
        except DocumentError as exc:
            return error_result(shown, exc.code, exc.message, file_sha256(path))
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
            return error_result(
                shown, "internal_error",
                f"读取或检查该文件时发生内部错误（{type(exc).__name__}）。其余文件不受影响；"
                "请把该文件和本提示反馈给维护者，或将文件另存为 .docx / .txt 后重试。",
                file_sha256(path))

    def run(self, paths: list[tuple[Path, str]], max_bytes: int = DEFAULT_MAX_BYTES) -> RunResult:
        reports = [self.check_path(p, shown, max_bytes) for p, shown in paths]
        return make_run(self.info(), reports)


def source_lines(doc: Document) -> list[SourceLine]:
    """The report's non-blank lines as the paragraphs hold them (stripped), with their
    places; the lines left out (a web page's chrome, page numbers) stand where they
    were, with no block."""
    out: list[SourceLine] = []
    left_out = sorted(doc.removed, key=lambda run: run[0].loc.place)
    for p in doc.paragraphs:
        while left_out and left_out[0][0].loc.place < p.locs[0].place:
            out.extend(_left_out(left_out.pop(0)))
        ends = [*p.line_starts[1:], len(p.text)]
        for start, end, loc in zip(p.line_starts, ends, p.locs, strict=True):
            out.append(SourceLine(line=loc.line, page=loc.page, block=p.index,
                                  text=p.text[start:end]))
    for run in left_out:
        out.extend(_left_out(run))
    return out


def _left_out(run: list[DocLine]) -> list[SourceLine]:
    return [SourceLine(line=s.loc.line, page=s.loc.page, block=None, text=s.text.strip())
            for s in run]


def make_run(info: RulebookInfo, reports: list[ReportResult]) -> RunResult:
    return RunResult(tool=ToolInfo(version=__version__), rulebook=info, reports=reports,
                     summary=summarize(reports))


def error_result(path: str, code: str, message: str, sha256: str | None) -> ReportResult:
    return ReportResult(path=path, sha256=sha256, status="error",
                        error=ErrorInfo(code=code, message=message))


def file_sha256(path: Path) -> str | None:
    """The sha256 of a file's bytes; None when it cannot be read (or is no regular
    file: opening a pipe would block)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        h = hashlib.sha256()
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def score_results(results: list[RuleResult], scoring: Scoring) -> tuple[float | None, str | None, str]:
    """Weighted credit over applicable rules (×100, one decimal), its grade, the verdict."""
    total = got = 0.0
    for r in results:
        if r.status == "not_applicable":
            continue
        total += r.weight
        got += r.weight * scoring.credits[r.status]
    score = None
    if total:
        exact = Decimal(repr(got)) / Decimal(repr(total)) * 100
        score = float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
    grade = None
    if score is not None:
        grade = next((g.label for g in scoring.grades if score >= g.min), scoring.grades[-1].label)
    v = scoring.verdict
    bad = any(r.severity in v.severities and r.status in v.statuses for r in results)
    return score, grade, v.fail_label if bad else v.pass_label
