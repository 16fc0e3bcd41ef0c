"""The batch as an Excel workbook (summary.xlsx), via openpyxl.

Three sheets: 总览 (the summary.csv table, statuses coloured, with icon and
word so that print in black and white loses nothing), 问题明细 (one row per
gap: what is missing, why, what to add, where) and 规则 (each rule, its basis
and how many reports miss it). Text is always stored as text, never as a
formula. The bytes are reproducible: a fixed date in the document properties
and on the zip entries.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from copy import copy

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from fazhi.render.csv_out import FIXED_COLUMNS, rule_headers, summary_row
from fazhi.render.text import ICONS, LABELS
from fazhi.render.views import GAP_STATUSES, batch_rules, gap_order, severity_label
from fazhi.results import RunResult

_FILLS = {"fail": "F8D0CC", "partial": "FCE3B0", "pass": "DDF1E4", "not_applicable": "ECEEF1"}
_FONTS = {"fail": "9B1C12", "partial": "7A3A00", "pass": "0A6B3D", "not_applicable": "4B5563"}
_HEAD_FILL = PatternFill("solid", fgColor="16325C")
_HEAD_FONT = Font(bold=True, color="FFFFFF")
_THIN = Side(style="thin", color="C8CED6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# A fixed date for the document properties (openpyxl would put the time of writing).
_FIXED_DATE = datetime.datetime(*_ZIP_DATE)


# Setting a style object on a cell makes openpyxl hash it against the workbook's
# style table, which costs more than everything else put together on a large
# batch; each combination is therefore set once and its style array copied.
# The cache belongs to one workbook: to_xlsx empties it before and after.
_STYLE_CACHE: dict[str, object] = {}


def _styled(cell: Cell, key: str, **styles: object) -> Cell:
    """Give ``cell`` the border plus ``styles``; ``key`` names the combination."""
    arr = _STYLE_CACHE.get(key)
    if arr is None:
        cell.border = _BORDER
        for name, value in styles.items():
            setattr(cell, name, value)
        _STYLE_CACHE[key] = copy(cell._style)  # type: ignore[attr-defined]
    else:
        cell._style = copy(arr)  # type: ignore[attr-defined]
    return cell


def _put(ws: Worksheet, row: int, col: int, value: object, key: str = "plain",
         **styles: object) -> Cell:
    cell = ws.cell(row=row, column=col)
    assert isinstance(cell, Cell)
    cell.value = value  # type: ignore[assignment]
    if isinstance(value, str):
        cell.data_type = "s"  # text that looks like a formula stays text
    return _styled(cell, key, **styles)


def _header(ws: Worksheet, titles: list[str], widths: list[float]) -> None:
    for i, (t, w) in enumerate(zip(titles, widths, strict=True), start=1):
        _put(ws, 1, i, t, "head", fill=_HEAD_FILL, font=_HEAD_FONT,
             alignment=Alignment(wrap_text=True, vertical="center"))
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(titles))}1"


def _overview(ws: Worksheet, run: RunResult) -> None:
    rules = batch_rules(run)
    heads = FIXED_COLUMNS + rule_headers(rules)
    widths = [28, 9, 26, 9, 11, 7, 7, 8, 9, 11, 9, 12, 30] + [12.0] * len(rules)
    _header(ws, heads, widths)
    ws.row_dimensions[1].height = 48
    by_label = {v: k for k, v in LABELS.items()}
    for i, r in enumerate(run.reports, start=2):
        for j, value in enumerate(summary_row(r, rules, lambda t: t or ""), start=1):
            status = by_label.get(value) if isinstance(value, str) and j > len(FIXED_COLUMNS) \
                else None
            if status is None:
                _put(ws, i, j, value)
                continue
            _put(ws, i, j, f"{ICONS[status]} {value}", f"status-{status}",
                 fill=PatternFill("solid", fgColor=_FILLS[status]),
                 font=Font(color=_FONTS[status], bold=status == "fail"),
                 alignment=Alignment(horizontal="center"))


def _gaps(ws: Worksheet, run: RunResult) -> None:
    heads = ["文件", "发文机关", "状态", "级别", "规则", "判定理由", "整改建议", "依据", "原文位置"]
    _header(ws, heads, [26, 24, 11, 7, 24, 48, 48, 40, 16])
    row = 2
    for r in run.reports:
        issuer = r.meta.issuer if r.meta else None
        for x in sorted((x for x in r.results if x.status in GAP_STATUSES), key=gap_order):
            lines = sorted({e.line for e in x.evidence if e.line is not None})
            values = [r.path, issuer or "", f"{ICONS[x.status]} {LABELS[x.status]}",
                      severity_label(x.severity), x.title, x.message, x.suggestion or "",
                      "；".join(x.basis), "、".join(f"第 {n} 行" for n in lines)]
            for j, value in enumerate(values, start=1):
                if j == 3:
                    _put(ws, row, j, value, f"wrap-{x.status}", alignment=_WRAP,
                         fill=PatternFill("solid", fgColor=_FILLS[x.status]),
                         font=Font(color=_FONTS[x.status], bold=x.status == "fail"))
                else:
                    _put(ws, row, j, value, "wrap", alignment=_WRAP)
            row += 1


def _rules(ws: Worksheet, run: RunResult) -> None:
    heads = ["规则编号", "规则", "级别", "依据", "缺失份数", "部分达标份数"]
    _header(ws, heads, [30, 30, 7, 60, 10, 12])
    checked = [r for r in run.reports if r.status == "checked"]
    for i, info in enumerate(batch_rules(run), start=2):
        statuses = [x.status for r in checked for x in r.results if x.rule == info.rule]
        values: list[object] = [info.rule, info.title, severity_label(info.severity),
                                "；".join(info.basis), statuses.count("fail"),
                                statuses.count("partial")]
        for j, value in enumerate(values, start=1):
            _put(ws, i, j, value, "wrap", alignment=_WRAP)


def to_xlsx(run: RunResult) -> bytes:
    _STYLE_CACHE.clear()
    try:
        return _workbook_bytes(run)
    finally:
        _STYLE_CACHE.clear()


def _workbook_bytes(run: RunResult) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "总览"
    _overview(ws, run)
    _gaps(wb.create_sheet("问题明细"), run)
    _rules(wb.create_sheet("规则"), run)
    wb.properties.creator = f"{run.tool.name} {run.tool.version}"
    wb.properties.created = _FIXED_DATE
    wb.properties.modified = _FIXED_DATE
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return _reproducible_zip(buf.getvalue())


def _reproducible_zip(data: bytes) -> bytes:
    """The same archive with fixed entry dates, so the same run gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
