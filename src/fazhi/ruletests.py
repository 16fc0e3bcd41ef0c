"""Run rule test cases: each snippet is checked against the whole rulebook and
the one rule's status compared with the expected one.

``fazhi rules test`` and the project's pytest suite both use
:func:`run_case`, so a case means the same in both places.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from fazhi.checks import possible_statuses
from fazhi.document.model import DocumentError, Extracted, Location, SourceLine
from fazhi.engine import Engine
from fazhi.results import RuleResult
from fazhi.rulebook.cases import RuleCase, load_cases
from fazhi.rulebook.loader import Resolved
from fazhi.rulebook.locate import tests_dir
from fazhi.rulebook.source import Problem


@dataclass(frozen=True)
class CaseResult:
    """What the rule gave for one case."""

    case: RuleCase
    got: str | None
    result: RuleResult | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.got == self.case.expect


def extracted_from_text(text: str) -> Extracted:
    """A snippet as if read from a .txt file (one source line per text line)."""
    lines = text.splitlines()
    return Extracted(format="txt", encoding="utf-8",
                     lines=[SourceLine(text=t, loc=Location(line=i + 1))
                            for i, t in enumerate(lines)])


def run_case(engine: Engine, case: RuleCase) -> CaseResult:
    """Check the case's snippet with the whole rulebook; compare the case's rule."""
    sha = hashlib.sha256(case.text.encode("utf-8")).hexdigest()
    try:
        report = engine.check_extracted(extracted_from_text(case.text), case.id, sha)
    except DocumentError as exc:
        return CaseResult(case, None, None, f"用例文本无法作为报告读取：{exc.message}")
    result = next((r for r in report.results if r.rule == case.rule), None)
    if result is None:
        return CaseResult(case, None, None, f"规则集中没有规则「{case.rule}」")
    return CaseResult(case, result.status, result)


def case_dirs(resolved: Resolved) -> list[Path]:
    """Where a rulebook's cases are: ``tests/`` next to each file of its ``extends`` chain."""
    return [tests_dir(f) for f in resolved.files]


def cases_for(resolved: Resolved) -> tuple[list[RuleCase], list[RuleCase], list[Problem]]:
    """(cases of rules in the rulebook, cases naming other rules, problems in case files)."""
    cases, problems = load_cases(case_dirs(resolved))
    ids = {r.id for r in resolved.book.rules}
    return [c for c in cases if c.rule in ids], [c for c in cases if c.rule not in ids], problems


def missing_statuses(resolved: Resolved, cases: list[RuleCase]) -> dict[str, list[str]]:
    """Per rule, the statuses it can give that no case expects (pass and fail always count)."""
    have: dict[str, set[str]] = {}
    for c in cases:
        have.setdefault(c.rule, set()).add(c.expect)
    out: dict[str, list[str]] = {}
    for rule, params in zip(resolved.book.rules, resolved.checks, strict=True):
        want = ["pass", "fail", *[s for s in possible_statuses(rule, params, resolved.book)
                                  if s not in ("pass", "fail")]]
        lacking = [s for s in want if s not in have.get(rule.id, set())]
        if lacking:
            out[rule.id] = lacking
    return out
