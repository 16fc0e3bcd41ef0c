"""Everything an HTML run writes into its output folder, and the checks that
keep it from writing over an input."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from fazhi.render.batch import BatchWriter
from fazhi.render.csv_out import CsvTable
from fazhi.render.files import atomic_binary_writer, atomic_writer, input_inside, same_file
from fazhi.render.html import IndexPage, scorecard_names, write_scorecard
from fazhi.render.json_out import ResultsFile
from fazhi.render.views import OverviewRow, RuleInfo, batch_rules, note_rules
from fazhi.results import ReportResult, ReportSummary, RunHeader, RunResult, Summary, Tally

SUMMARY_CSV = "summary.csv"
SUMMARY_XLSX = "summary.xlsx"
INDEX = "index.html"
DOWNLOADS = [
    (SUMMARY_CSV, "每份报告一行、每条规则一列的汇总表（UTF-8，Excel 可直接打开）"),
    (SUMMARY_XLSX, "Excel 工作簿：总览、问题明细（每个问题的理由和整改建议）、规则"),
]


@dataclass
class Plan:
    """What the outputs of a batch need before its first report is written: each
    report's scorecard name (and whether it was checked, i.e. gets one), the rule
    columns, the totals."""

    names: list[str]
    checked: list[bool]
    rules: list[RuleInfo]
    summary: Summary

    @classmethod
    def of_run(cls, run: RunResult) -> Plan:
        return cls(scorecard_names(run.reports), [r.status == "checked" for r in run.reports],
                   batch_rules(run), run.summary)

    @classmethod
    def of_file(cls, stored: ResultsFile) -> Plan:
        """One pass over a results file, keeping a path, a status and a score a report."""
        paths: list[str] = []
        checked: list[bool] = []
        rules: dict[str, RuleInfo] = {}
        tally = Tally()
        for r in stored.reports():
            paths.append(r.path)
            checked.append(r.status == "checked")
            tally.add(ReportSummary.of(r))
            note_rules(rules, r)
        return cls(scorecard_names(paths), checked, list(rules.values()), tally.summary())

    def paths(self, out: Path) -> list[Path]:
        """Every file :func:`write_reports` writes into ``out``."""
        names = [n for n, c in zip(self.names, self.checked, strict=True) if c]
        return [out / n for n in [*names, INDEX, SUMMARY_CSV, SUMMARY_XLSX]]


def output_paths(run: RunResult, out: Path) -> list[Path]:
    """Every file :func:`write_all` writes for ``run`` into ``out``."""
    return Plan.of_run(run).paths(out)


class OverviewWriter:
    """The index, summary.csv and summary.xlsx of a batch, written as its reports are
    checked: :meth:`add` each report's row in input order, then :meth:`close`. Nothing
    is kept per report. The three files appear when closed (each replaces the old one
    at once); leaving the ``with`` block by an error leaves them as they were.

    ``rules`` are the rules a report of the batch carries, in rulebook order
    (:func:`~fazhi.render.views.rulebook_rules` of the run's rulebook, or
    :func:`~fazhi.render.views.batch_rules` of a whole run)."""

    def __init__(self, out: Path, header: RunHeader | RunResult, rules: Sequence[RuleInfo]
                 ) -> None:
        with ExitStack() as stack:
            csv_file = stack.enter_context(atomic_writer(out / SUMMARY_CSV))
            xlsx_file = stack.enter_context(atomic_binary_writer(out / SUMMARY_XLSX))
            index_file = stack.enter_context(atomic_binary_writer(out / INDEX))
            index = IndexPage(index_file, header, DOWNLOADS, spool_dir=out)
            stack.callback(index.spools.close)
            # openpyxl takes a tenth of a second to import; only HTML runs need it
            from fazhi.render.xlsx_out import XlsxBook

            book = XlsxBook(xlsx_file, header, spool_dir=out)
            stack.callback(book.close)
            self.batch = BatchWriter([index, CsvTable(csv_file), book], rules)
            self._files = stack.pop_all()
        self.paths = [out / INDEX, out / SUMMARY_CSV, out / SUMMARY_XLSX]

    def add(self, row: OverviewRow) -> None:
        self.batch.add(row)

    def close(self, summary: Summary) -> list[Path]:
        """Finish the three files (``summary``: the run's totals); return their paths."""
        self.batch.close(summary)
        self._files.close()
        return self.paths

    def __enter__(self) -> OverviewWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._files.__exit__(kind, exc, tb)


def write_all(run: RunResult, out: Path) -> list[Path]:
    """Scorecards, the index, summary.csv and summary.xlsx; return the paths written."""
    return write_reports(run, run.reports, Plan.of_run(run), out)


def write_reports(header: RunHeader | RunResult, reports: Iterable[ReportResult], plan: Plan,
                  out: Path) -> list[Path]:
    """Write the scorecards and the overview of ``reports`` (in ``plan``'s order, one
    at a time) into ``out``; return the paths written."""
    written = []
    with OverviewWriter(out, header, plan.rules) as overview:
        for r, name in zip(reports, plan.names, strict=True):
            if r.status == "checked":
                written.append(write_scorecard(out, name, header, r))
            overview.add(OverviewRow.of(r, name))
        written += overview.close(plan.summary)
    return written


def prepare_folder(folder: Path, what: str) -> str | None:
    """Create ``folder`` if need be; a message if it cannot be created or written
    into, else None."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"无法创建{what} {folder}（{exc.strerror or exc}）。请换一个可以写入的位置。"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"没有在{what} {folder} 中写入的权限。请换一个可以写入的位置。"
    return None


def out_problem(out: Path, inputs: Sequence[str | Path]) -> str | None:
    """Why ``out`` cannot take the output of a run over ``inputs`` (a message), or None."""
    if out.exists() and not out.is_dir():
        return f"--out {out} 是一个已有的文件，不是文件夹。请换一个输出文件夹。"
    hit = input_inside(out, inputs)
    if hit is not None:
        return (f"输出文件夹 {out} 包含输入文件 {hit}，写入评分卡可能覆盖或混入报告。"
                "请用 --out 指定另一个文件夹（例如 scorecards）。")
    return None


def overwrite_problem(targets: list[Path], inputs: Sequence[str | Path]) -> str | None:
    """A message if one of ``targets`` would be written over an input, or None."""
    hit = same_file(targets, inputs)
    if hit is not None:
        return f"输出文件 {hit} 就是输入文件，不能覆盖。请换一个输出位置。"
    return None
