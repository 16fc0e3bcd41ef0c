"""The batch as an Excel workbook (summary.xlsx), via openpyxl.

Three sheets: 总览 (the summary.csv table, statuses coloured, with icon and
word so that print in black and white loses nothing), 问题明细 (one row per
gap: what is missing, why, what to add, where) and 规则 (each rule, its basis
and how many reports miss it). Text is always stored as text, never as a
formula. The bytes are reproducible: a fixed date in the document properties
and on the zip entries.

The workbook is written as reports come (:class:`XlsxBook`) and is never
whole in memory. openpyxl (write-only mode) writes the workbook: styles, the
sheets' columns, frozen header, filter, header rows and the 规则 sheet. The
rows of 总览 and 问题明细, one or more per report, are written here as the
sheet XML openpyxl would write for the same cells (:func:`_xml_cell`; the tests
hold the two to the same XML), each sheet's into a temporary file, and copied
into the sheet when the workbook is zipped. Through openpyxl a cell costs about
20 µs, several times what checking a report leaves the main process of a batch.
"""

from __future__ import annotations

import datetime
import io
import math
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
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

_OVERVIEW_WIDTHS: list[float] = [28, 9, 26, 9, 11, 7, 7, 8, 9, 11, 9, 12, 30, 18]
_GAP_HEADS = ["文件", "发文机关", "状态", "级别", "规则", "判定理由", "整改建议", "依据", "原文位置"]
_GAP_WIDTHS: list[float] = [26, 24, 11, 7, 24, 48, 48, 40, 16]
_RULE_HEADS = ["规则编号", "规则", "级别", "依据", "缺失份数", "部分达标份数"]
_RULE_WIDTHS: list[float] = [30, 30, 7, 60, 10, 12]


# Where openpyxl puts the n-th sheet in the archive (sheet1.xml, sheet2.xml, …).
_SHEET_PATH = "xl/worksheets/sheet{}.xml"


def _xml_text(value: str) -> str:
    """``value`` as XML character data; characters XML cannot hold become U+FFFD."""
    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace("\r", "&#13;")


@lru_cache(maxsize=4096)  # a rule's title, basis and advice, the status labels: on every row
def _inline_text(value: str) -> str:
    """A non-empty text cell's content after its ``t="inlineStr"`` attribute."""
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f"><is><t{space}>{_xml_text(value)}</t></is></c>"


def _xml_cell(ref: str, value: object, style: int) -> str:
    """A cell as openpyxl writes it in a sheet (text inline, as ``t="inlineStr"``)."""
    if value is None:
        return f'<c r="{ref}" s="{style}" t="n"></c>'
    if isinstance(value, str):
        if not value:
            return f'<c r="{ref}" s="{style}" t="inlineStr"></c>'
        return f'<c r="{ref}" s="{style}" t="inlineStr"{_inline_text(value)}'
    if not isinstance(value, int | float):
        raise TypeError(f"no cell for {type(value).__name__}")
    number = f"{value:.16g}" if math.isfinite(value) else ""
    return f'<c r="{ref}" s="{style}" t="n"><v>{number}</v></c>'


class _Rows:
    """The data rows of a sheet, as its XML, in a temporary file (from row 2 on)."""

    def __init__(self, columns: int, folder: Path | None) -> None:
        self.file = tempfile.TemporaryFile(dir=folder)
        self.letters = [get_column_letter(i) for i in range(1, columns + 1)]
        self.next = 2

    def add(self, cells: Iterable[tuple[object, int]]) -> None:
        """One row: each cell's value and style id."""
        r = self.next
        self.next += 1
        xml = "".join(_xml_cell(f"{col}{r}", value, style)
                      for col, (value, style) in zip(self.letters, cells, strict=True))
        self.file.write(f'<row r="{r}">{xml}</row>'.encode())


class XlsxBook:
    """summary.xlsx, written into ``out`` (a binary file) as rows come; the rows wait in
    temporary files in ``spool_dir`` (the system's by default)."""

    def __init__(self, out: IO[bytes], header: RunHeader | RunResult,
                 spool_dir: Path | None = None) -> None:
        self.out = out
        self.header = header
        self.spool_dir = spool_dir
        self.wb = Workbook(write_only=True)
        # Setting a style object on a cell makes openpyxl hash it against the
        # workbook's style table, which costs more than everything else put
        # together on a large batch; each combination is therefore set once and
        # its style array shared by the cells that have it.
        self.styles: dict[str, Any] = {}
        self.style_ids: dict[str, int] = {}
        self.by_rule: dict[str, tuple[RuleInfo, str, str]] = {}
        self.rows: dict[str, _Rows] = {}  # by the sheet's place in the archive

    def _cell(self, ws: WriteOnlyWorksheet, value: Any, key: str = "plain") -> Cell:
        """An openpyxl cell holding ``value`` with the border and the styles ``_STYLES[key]``."""
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

    def _style(self, key: str) -> int:
        """The workbook's style id of ``_STYLES[key]`` (added to the workbook when first used)."""
        sid = self.style_ids.get(key)
        if sid is None:
            sid = self.style_ids[key] = self._cell(self.overview, None, key).style_id
        return sid

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
        heads = FIXED_COLUMNS + rule_headers(rules)
        self.overview = self._sheet("总览", heads, _OVERVIEW_WIDTHS + [12.0] * len(rules),
                                    head_height=48)
        self.gaps = self._sheet("问题明细", _GAP_HEADS, _GAP_WIDTHS)
        self.rule_sheet = self._sheet("规则", _RULE_HEADS, _RULE_WIDTHS)
        self.overview_rows = self.rows[_SHEET_PATH.format(1)] = _Rows(len(heads), self.spool_dir)
        self.gap_rows = self.rows[_SHEET_PATH.format(2)] = _Rows(len(_GAP_HEADS), self.spool_dir)

    def add(self, row: OverviewRow, number: int, statuses: list[str | None]) -> None:
        plain = self._style("plain")
        cells = [(v, plain) for v in summary_row(row, [], lambda t: t or "")]
        for status in statuses:
            cells.append((None, plain) if status is None
                         else (f"{ICONS[status]} {LABELS[status]}", self._style(status)))
        self.overview_rows.add(cells)
        for g in row.gaps:
            info, severity, basis = self.by_rule[g.rule]
            wrap = self._style("wrap")
            self.gap_rows.add([
                (row.path, wrap), (row.issuer or "", wrap),
                (f"{ICONS[g.status]} {LABELS[g.status]}", self._style(f"wrap-{g.status}")),
                (severity, wrap), (info.title, wrap), (g.message, wrap),
                (g.suggestion or "", wrap), (basis, wrap),
                ("、".join(f"第 {n} 行" for n in g.lines), wrap)])

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
        try:
            with _FixedDateZip(self.out, {k: v.file for k, v in self.rows.items()}) as archive:
                ExcelWriter(self.wb, archive).save()
        finally:
            self.close()

    def close(self) -> None:
        """Remove the temporary files of the rows (and end the sheets openpyxl is
        still writing, when the workbook is not saved)."""
        for rows in self.rows.values():
            rows.file.close()
        self.rows.clear()
        for ws in self.wb.worksheets:
            if isinstance(ws, WriteOnlyWorksheet) and not ws.closed:
                ws.close()


class _FixedDateZip(zipfile.ZipFile):
    """A zip archive whose entries all carry the same date and permissions, so the
    same workbook gives the same bytes (openpyxl adds entries with the time of
    writing, and the sheets with their temporary file's)."""

    def __init__(self, file: IO[bytes], rows: dict[str, IO[bytes]]) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self.rows = rows  # the data rows of a sheet, by its name in the archive

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
        """Add a file (openpyxl adds each sheet so); a sheet whose rows are kept in
        :attr:`rows` gets them before the end of its ``<sheetData>``."""
        name = os.fspath(arcname if arcname is not None else filename)
        rows = self.rows.get(name)
        entry = self._entry(name)
        entry.file_size = os.path.getsize(filename)  # as ZipFile.write: zip64 if large
        if rows is None:
            with open(filename, "rb") as src, self.open(entry, "w") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
            return
        entry.file_size += rows.seek(0, io.SEEK_END)
        with open(filename, "rb") as src:
            sheet = src.read()  # all but the rows: a few kilobytes
        head, end, tail = sheet.rpartition(b"</sheetData>")
        if not end:
            raise ValueError(f"{name}: no </sheetData> to put the rows before")
        with self.open(entry, "w") as dst:
            dst.write(head)
            rows.seek(0)
            shutil.copyfileobj(rows, dst, 1 << 20)
            dst.write(end + tail)


def to_xlsx(run: RunResult) -> bytes:
    buf = io.BytesIO()
    feed(run, [XlsxBook(buf, run)])
    return buf.getvalue()
