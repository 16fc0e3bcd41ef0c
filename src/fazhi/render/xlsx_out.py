"""The batch as an Excel workbook (summary.xlsx), via openpyxl.

Three sheets: 总览 (the summary.csv table, statuses coloured, with icon and
word so that print in black and white loses nothing), 问题明细 (one row per
gap: what is missing, why, what to add, where) and 规则 (each rule, its basis
and how many reports miss it). Text is always stored as text, never as a
formula. The bytes are reproducible: a fixed date in the document properties
and on the zip entries.

The workbook is written as reports come (:class:`XlsxBook`): openpyxl's
write-only mode streams each sheet's rows into a temporary file of its own, so
rows of 总览 and 问题明细 are appended report by report and the workbook is
never whole in memory; the sheets are zipped into ``out`` at the end.
"""

from __future__ import annotations

import datetime
import io
import os
import shutil
import zipfile
from typing import IO, Any, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.writer.excel import ExcelWriter

from fazhi.render.batch import Totals, feed
from fazhi.render.csv_out import FIXED_COLUMNS, rule_headers, summary_row
from fazhi.render.text import ICONS, LABELS
from fazhi.render.views import OverviewRow, RuleInfo, severity_label
from fazhi.results import RunHeader, RunResult, Summary

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


def _status_styles(status: str, alignment: Alignment) -> dict[str, object]:
    return {"fill": PatternFill("solid", fgColor=_FILLS[status]),
            "font": Font(color=_FONTS[status], bold=status == "fail"), "alignment": alignment}


# The styles of the cells, by name; every cell has a thin border too.
_STYLES: dict[str, dict[str, object]] = {
    "plain": {},
    "head": {"fill": _HEAD_FILL, "font": _HEAD_FONT,
             "alignment": Alignment(wrap_text=True, vertical="center")},
    "wrap": {"alignment": _WRAP},
    **{s: _status_styles(s, Alignment(horizontal="center")) for s in _FILLS},  # 总览
    **{f"wrap-{s}": _status_styles(s, _WRAP) for s in _FILLS},  # 问题明细
}

_OVERVIEW_WIDTHS: list[float] = [28, 9, 26, 9, 11, 7, 7, 8, 9, 11, 9, 12, 30]
_GAP_HEADS = ["文件", "发文机关", "状态", "级别", "规则", "判定理由", "整改建议", "依据", "原文位置"]
_GAP_WIDTHS: list[float] = [26, 24, 11, 7, 24, 48, 48, 40, 16]
_RULE_HEADS = ["规则编号", "规则", "级别", "依据", "缺失份数", "部分达标份数"]
_RULE_WIDTHS: list[float] = [30, 30, 7, 60, 10, 12]


class XlsxBook:
    """summary.xlsx, written into ``out`` (a binary file) as rows come."""

    def __init__(self, out: IO[bytes], header: RunHeader | RunResult) -> None:
        self.out = out
        self.header = header
        self.wb = Workbook(write_only=True)
        # Setting a style object on a cell makes openpyxl hash it against the
        # workbook's style table, which costs more than everything else put
        # together on a large batch; each combination is therefore set once and
        # its style array shared by the cells that have it.
        self.styles: dict[str, Any] = {}
        self.by_rule: dict[str, tuple[RuleInfo, str, str]] = {}

    def _cell(self, ws: WriteOnlyWorksheet, value: Any, key: str = "plain") -> Cell:
        """A cell holding ``value`` with the border and the styles ``_STYLES[key]``."""
        cell = WriteOnlyCell(ws, value)
        if isinstance(value, str):
            cell.data_type = "s"  # text that looks like a formula stays text
        arr = self.styles.get(key)
        if arr is None:
            cell.border = _BORDER
            for name, v in _STYLES[key].items():
                setattr(cell, name, v)
            self.styles[key] = cell._style  # type: ignore[attr-defined]
        else:
            cell._style = arr  # type: ignore[attr-defined]
        return cell

    def _sheet(self, title: str, heads: list[str], widths: list[float],
               head_height: float | None = None) -> WriteOnlyWorksheet:
        """A sheet with its header row; widths, frozen header and filter are set
        before any row (write-only mode writes them first)."""
        # (the stubs lack the dimensions and filter a write-only sheet has too)
        ws: Any = self.wb.create_sheet(title)
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(heads))}1"
        if head_height is not None:
            ws.row_dimensions[1].height = head_height
        ws.append([self._cell(ws, t, "head") for t in heads])
        return cast(WriteOnlyWorksheet, ws)

    def start(self, rules: list[RuleInfo]) -> None:
        self.by_rule = {x.rule: (x, severity_label(x.severity), "；".join(x.basis))
                        for x in rules}
        self.overview = self._sheet("总览", FIXED_COLUMNS + rule_headers(rules),
                                    _OVERVIEW_WIDTHS + [12.0] * len(rules), head_height=48)
        self.gaps = self._sheet("问题明细", _GAP_HEADS, _GAP_WIDTHS)
        self.rule_sheet = self._sheet("规则", _RULE_HEADS, _RULE_WIDTHS)

    def add(self, row: OverviewRow, number: int, statuses: list[str | None]) -> None:
        ws = self.overview
        cells = [self._cell(ws, v) for v in summary_row(row, [], lambda t: t or "")]
        for status in statuses:
            cells.append(self._cell(ws, None) if status is None
                         else self._cell(ws, f"{ICONS[status]} {LABELS[status]}", status))
        ws.append(cells)
        ws = self.gaps
        for g in row.gaps:
            info, severity, basis = self.by_rule[g.rule]
            values = [row.path, row.issuer or "", f"{ICONS[g.status]} {LABELS[g.status]}",
                      severity, info.title, g.message, g.suggestion or "", basis,
                      "、".join(f"第 {n} 行" for n in g.lines)]
            ws.append([self._cell(ws, v, f"wrap-{g.status}" if j == 2 else "wrap")
                       for j, v in enumerate(values)])

    def finish(self, rules: list[RuleInfo], totals: Totals, summary: Summary) -> None:
        ws = self.rule_sheet
        for i, info in enumerate(rules):
            values: list[object] = [info.rule, info.title, severity_label(info.severity),
                                    "；".join(info.basis), totals.fail[i], totals.partial[i]]
            ws.append([self._cell(ws, v, "wrap") for v in values])
        props = self.wb.properties
        props.creator = f"{self.header.tool.name} {self.header.tool.version}"
        props.created = _FIXED_DATE
        props.modified = _FIXED_DATE
        with _FixedDateZip(self.out, "w", zipfile.ZIP_DEFLATED) as archive:
            ExcelWriter(self.wb, archive).save()


class _FixedDateZip(zipfile.ZipFile):
    """A zip archive whose entries all carry the same date and permissions, so the
    same workbook gives the same bytes (openpyxl adds entries with the time of
    writing, and the sheets with their temporary file's)."""

    def _entry(self, name: str) -> zipfile.ZipInfo:
        entry = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
        entry.compress_type = zipfile.ZIP_DEFLATED
        entry.external_attr = 0o644 << 16
        return entry

    def writestr(self, zinfo_or_arcname: str | zipfile.ZipInfo, data: Any,
                 compress_type: int | None = None, compresslevel: int | None = None) -> None:
        name = zinfo_or_arcname.filename if isinstance(zinfo_or_arcname, zipfile.ZipInfo) \
            else zinfo_or_arcname
        super().writestr(self._entry(name), data)

    def write(self, filename: str | os.PathLike[str], arcname: str | os.PathLike[str] | None = None,
              compress_type: int | None = None, compresslevel: int | None = None) -> None:
        entry = self._entry(os.fspath(arcname if arcname is not None else filename))
        entry.file_size = os.path.getsize(filename)
        with open(filename, "rb") as src, self.open(entry, "w") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)


def to_xlsx(run: RunResult) -> bytes:
    buf = io.BytesIO()
    feed(run, [XlsxBook(buf, run)])
    return buf.getvalue()
