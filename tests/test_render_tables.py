"""summary.csv and summary.xlsx."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from conftest import DATA
from fazhi.render.csv_out import FIXED_COLUMNS, to_csv
from fazhi.render.json_out import from_json
from fazhi.render.xlsx_out import to_xlsx
from fazhi.results import ReportMeta, RunResult


@pytest.fixture(scope="module")
def run() -> RunResult:
    r = from_json((DATA / "golden_run.json").read_text(encoding="utf-8"))
    # an issuer that a spreadsheet would take for a formula
    r.reports[1].meta = ReportMeta(issuer='=HYPERLINK("http://x","点我")', report_year=2022)
    return r


def test_csv_bom_crlf_one_row_per_report_one_column_per_rule(run: RunResult) -> None:
    text = to_csv(run)
    assert text.startswith("\ufeff文件,") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:])))
    n_rules = len(run.reports[0].results)
    assert len(rows) == 1 + len(run.reports)
    assert rows[0][:len(FIXED_COLUMNS)] == FIXED_COLUMNS
    assert len(rows[0]) == len(FIXED_COLUMNS) + n_rules
    assert rows[0][len(FIXED_COLUMNS)] == run.reports[0].results[0].title
    first = dict(zip(rows[0], rows[1], strict=True))
    r = run.reports[0]
    assert first["得分"] == str(r.score) and first["结论"] == r.verdict
    assert first["读取状态"] == "已检查"
    assert set(rows[1][len(FIXED_COLUMNS):]) <= {"达标", "部分达标", "缺失", "不适用"}
    err = dict(zip(rows[0], rows[-1], strict=True))
    assert err["读取状态"] == "无法读取" and err["错误代码"] == "unsupported_format"
    assert err["得分"] == ""
    # formula-looking report text is kept as text
    assert dict(zip(rows[0], rows[2], strict=True))["发文机关"].startswith("'=HYPERLINK")


def test_csv_deterministic(run: RunResult) -> None:
    assert to_csv(run) == to_csv(run)


def test_xlsx_sheets_values_and_text_never_formula(run: RunResult) -> None:
    data = to_xlsx(run)
    assert data == to_xlsx(run)  # same run, same bytes
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["总览", "问题明细", "规则"]
    ws = wb["总览"]
    head = [c.value for c in ws[1]]
    assert head[:len(FIXED_COLUMNS)] == FIXED_COLUMNS
    assert ws.max_row == 1 + len(run.reports)
    assert ws.cell(2, head.index("得分") + 1).value == run.reports[0].score
    issuer = ws.cell(3, head.index("发文机关") + 1)
    assert issuer.data_type == "s" and issuer.value == '=HYPERLINK("http://x","点我")'
    status = ws.cell(2, len(FIXED_COLUMNS) + 1).value
    assert status in {"✓ 达标", "◐ 部分达标", "✗ 缺失", "– 不适用"}
    gaps = wb["问题明细"]
    n_gaps = sum(x.status in ("fail", "partial") for r in run.reports for x in r.results)
    assert gaps.max_row == 1 + n_gaps
    rules = wb["规则"]
    assert rules.max_row == 1 + len(run.reports[0].results)
