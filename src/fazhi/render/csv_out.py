"""The batch as a table: one row per report, one column per rule (summary.csv).

UTF-8 with a byte-order mark and CRLF line ends, so that Excel opens the
Chinese correctly by double-click. Cells that came from a report and start
like a formula are prefixed with an apostrophe, so that a spreadsheet shows
them instead of evaluating them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import TextIO

from fazhi.render.batch import Totals, feed
from fazhi.render.text import LABELS, WARNING_SHORT
from fazhi.render.views import OverviewRow, RuleInfo
from fazhi.results import RunResult, Summary

FIXED_COLUMNS = ["文件", "读取状态", "发文机关", "报告年度", "成文日期", "得分", "等级", "结论",
                 "必备缺失", "必备部分达标", "问题总数", "错误代码", "错误说明", "读取提示"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str | None) -> str:
    """A report-derived text as a spreadsheet shows it, never as a formula."""
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_START) else value


def rule_headers(rules: list[RuleInfo]) -> list[str]:
    """Column headers for the rules: the title, with the rule id where it would repeat a
    title or a fixed column (the rule 发文机关 next to the column 发文机关)."""
    titles = [x.title for x in rules] + FIXED_COLUMNS
    return [x.title if titles.count(x.title) == 1 else f"{x.title}（{x.rule}）" for x in rules]


def summary_row(row: OverviewRow, statuses: list[str | None],
                text: Callable[[str | None], str] = text_cell) -> list[str | float | int | None]:
    """One report's row: fixed columns, then its status label on each rule (``statuses``
    as :meth:`OverviewRow.statuses` gives them); ``text`` guards the cells that came
    from a report."""
    checked = row.checked
    fixed: list[str | float | int | None] = [
        text(row.path),
        "已检查" if checked else "无法读取",
        text(row.issuer),
        row.report_year,
        row.date,
        row.score,
        row.grade,
        row.verdict,
        row.required_fail if checked else None,
        row.required_partial if checked else None,
        len(row.gaps) if checked else None,
        row.error_code,
        None if row.error_message is None else text(row.error_message),
        "；".join(WARNING_SHORT.get(w, w) for w in row.warnings) or None,
    ]
    return fixed + [None if s is None else LABELS[s] for s in statuses]


class CsvTable:
    """summary.csv written row by row into ``out`` (a text file opened with newline="")."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.writer = csv.writer(out, lineterminator="\r\n")

    def start(self, rules: list[RuleInfo]) -> None:
        self.out.write("\ufeff")
        self.writer.writerow(FIXED_COLUMNS + rule_headers(rules))

    def add(self, row: OverviewRow, number: int, statuses: list[str | None]) -> None:
        self.writer.writerow(["" if v is None else v for v in summary_row(row, statuses)])

    def finish(self, rules: list[RuleInfo], totals: Totals, summary: Summary) -> None:
        pass


def to_csv(run: RunResult) -> str:
    buf = io.StringIO(newline="")
    feed(run, [CsvTable(buf)])
    return buf.getvalue()
