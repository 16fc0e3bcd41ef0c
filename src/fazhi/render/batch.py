"""The batch overview as a stream: one :class:`~fazhi.render.views.OverviewRow` per
report in, written out at once by each output (index.html, summary.csv,
summary.xlsx), nothing kept per report.

A :class:`BatchWriter` numbers the rows, keeps the running totals the outputs
show at the end (how many reports, checked, compliant; per rule how many fail
or partly meet it) and hands each row to every :class:`Part`. The columns are
the batch's rules, known once the first report with rule results arrives:
the reports before it (unreadable files, which have none) wait for it, and a
batch without any has no rule columns. So the same rows give the same bytes
whether they come from a run (``fazhi check``) or from its JSON (``fazhi
report``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from fazhi.render.views import OverviewRow, RuleInfo, batch_rules, scorecard_names
from fazhi.results import RunResult, Summary


@dataclass
class Totals:
    """What the batch's outputs show about all its reports together."""

    reports: int = 0
    checked: int = 0
    compliant: int = 0
    noncompliant: int = 0
    fail: list[int] = field(default_factory=list)  # per rule (column), among checked reports
    partial: list[int] = field(default_factory=list)


class Part(Protocol):
    """One output of the overview, written as rows come."""

    def start(self, rules: list[RuleInfo]) -> None:
        """The columns are known: ``rules``, in order. Called once, before any row."""

    def add(self, row: OverviewRow, number: int, statuses: list[str | None]) -> None:
        """One report: its place in the batch (from 1) and its status on each rule."""

    def finish(self, rules: list[RuleInfo], totals: Totals, summary: Summary) -> None:
        """Every report has been added: write what depends on all of them."""


class BatchWriter:
    """Feeds rows to ``parts`` in order; ``rules`` are every rule a report of the batch
    may carry, in rulebook order (see the module docstring)."""

    def __init__(self, parts: Sequence[Part], rules: Sequence[RuleInfo]) -> None:
        self.parts = list(parts)
        self.catalog = list(rules)
        self.rules: list[RuleInfo] | None = None
        self.pending: list[OverviewRow] = []  # unreadable files before the first checked one
        self.totals = Totals()

    def add(self, row: OverviewRow) -> None:
        if self.rules is None:
            if not row.results:
                self.pending.append(row)
                return
            self._start(self.catalog)
        self._write(row)

    def close(self, summary: Summary) -> None:
        if self.rules is None:
            self._start([])
        assert self.rules is not None
        for p in self.parts:
            p.finish(self.rules, self.totals, summary)

    def _start(self, rules: list[RuleInfo]) -> None:
        self.rules = rules
        self.totals.fail = [0] * len(rules)
        self.totals.partial = [0] * len(rules)
        for p in self.parts:
            p.start(rules)
        pending, self.pending = self.pending, []
        for row in pending:
            self._write(row)

    def _write(self, row: OverviewRow) -> None:
        assert self.rules is not None
        t = self.totals
        t.reports += 1
        statuses = row.statuses(self.rules)
        if row.checked:
            t.checked += 1
            t.compliant += row.compliant is True
            t.noncompliant += row.compliant is False
            for i, s in enumerate(statuses):
                if s == "fail":
                    t.fail[i] += 1
                elif s == "partial":
                    t.partial[i] += 1
        for p in self.parts:
            p.add(row, t.reports, statuses)


def overview_rows(run: RunResult, names: list[str] | None = None) -> Iterable[OverviewRow]:
    """The rows of a whole run (its reports' scorecards named as a batch names them)."""
    names = names if names is not None else scorecard_names(run.reports)
    return (OverviewRow.of(r, n) for r, n in zip(run.reports, names, strict=True))


def feed(run: RunResult, parts: Sequence[Part], names: list[str] | None = None) -> None:
    """Write a whole run through ``parts``."""
    w = BatchWriter(parts, batch_rules(run))
    for row in overview_rows(run, names):
        w.add(row)
    w.close(run.summary)
