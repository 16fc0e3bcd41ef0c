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

from fazhi.render.text import LABELS
from fazhi.render.views import GAP_STATUSES, RuleInfo, batch_rules
from fazhi.results import ReportResult, RunResult

FIXED_COLUMNS = ["文件", "读取状态", "发文机关", "报告年度", "成文日期", "得分", "等级", "结论",
                 "必备缺失", "必备部分达标", "问题总数", "错误代码", "错误说明"]
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


def summary_row(r: ReportResult, rules: list[RuleInfo],
                text: Callable[[str | None], str] = text_cell) -> list[str | float | int | None]:
    """One report's row: fixed columns, then each rule's status label; ``text``
    guards the cells that came from a report."""
    checked = r.status == "checked"
    m = r.meta
    status = {x.rule: x.status for x in r.results}
    fixed: list[str | float | int | None] = [
        text(r.path),
        "已检查" if checked else "无法读取",
        text(m.issuer if m else None),
        m.report_year if m else None,
        m.date if m else None,
        r.score,
        r.grade,
        r.verdict,
        sum(x.severity == "required" and x.status == "fail" for x in r.results) if checked else None,
        sum(x.severity == "required" and x.status == "partial" for x in r.results)
        if checked else None,
        sum(x.status in GAP_STATUSES for x in r.results) if checked else None,
        r.error.code if r.error else None,
        text(r.error.message) if r.error else None,
    ]
    return fixed + [LABELS[status[x.rule]] if x.rule in status else None for x in rules]


def to_csv(run: RunResult) -> str:
    rules = batch_rules(run)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(FIXED_COLUMNS + rule_headers(rules))
    for r in run.reports:
        w.writerow(["" if v is None else v for v in summary_row(r, rules)])
    return "\ufeff" + buf.getvalue()
