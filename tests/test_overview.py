"""The batch overview as a stream: the compact per-report row, the writer that keeps
nothing per report, the workbook rows written without openpyxl's cells, and the
main process of a run holding no ReportResult."""

from __future__ import annotations

import csv
import dataclasses
import io
import shutil
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell._writer import write_cell

from conftest import DATA, REPORTS
from fazhi.cli import main
from fazhi.engine import Engine, error_result
from fazhi.render.batch import BatchWriter
from fazhi.render.csv_out import FIXED_COLUMNS, CsvTable, summary_row, to_csv
from fazhi.render.html import render_index
from fazhi.render.json_out import from_json
from fazhi.render.outputs import INDEX, SUMMARY_CSV, SUMMARY_XLSX, OverviewWriter
from fazhi.render.text import ICONS, LABELS, SEVERITY_LABELS
from fazhi.render.views import (
    GAP_STATUSES,
    OverviewRow,
    RuleInfo,
    batch_rules,
    rulebook_rules,
    scorecard_names,
)
from fazhi.render.xlsx_out import _xml_cell, to_xlsx
from fazhi.results import ReportResult, ReportSummary, RunResult, Summary, Tally, summarize
from fazhi.runner import Checker, Outputs, Task, run_tasks


@pytest.fixture(scope="module")
def golden() -> RunResult:
    return from_json((DATA / "golden_run.json").read_text(encoding="utf-8"))


# -- the row ------------------------------------------------------------------
def test_reading_warnings_reach_the_tables_and_the_index(golden: RunResult) -> None:
    """A province's auditor finds the reports whose text was truncated or flattened
    from the overview, not by opening every scorecard."""
    r = golden.reports[0].model_copy(update={"warnings": ["flattened", "truncated"]})
    row = OverviewRow.of(r, "a.html")
    assert row.warnings == ("flattened", "truncated")
    assert FIXED_COLUMNS[-1] == "读取提示"
    assert summary_row(row, [])[len(FIXED_COLUMNS) - 1] == "正文无换行，已重新分段；可能被截断"
    assert summary_row(OverviewRow.of(golden.reports[1], "b.html"), [])[len(FIXED_COLUMNS) - 1] \
        is None
    run = golden.model_copy(update={"reports": [r, *golden.reports[1:]]})
    page = render_index(run, scorecard_names(run.reports))
    assert '<span class="warn" title="报告正文几乎没有换行' in page
    assert "⚠</span> 可能被截断</span>" in page


def test_row_of_a_checked_report(golden: RunResult) -> None:
    r = golden.reports[0]
    row = OverviewRow.of(r, "jiangjia-2022.html")
    assert (row.path, row.status, row.score, row.verdict, row.compliant) == \
        (r.path, "checked", r.score, r.verdict, r.compliant)
    assert row.issuer == r.meta.issuer if r.meta else row.issuer is None
    assert row.results == tuple((x.rule, x.status) for x in r.results)
    assert row.required_fail == sum(x.severity == "required" and x.status == "fail"
                                    for x in r.results)
    gaps = [x for x in r.results if x.status in GAP_STATUSES]
    assert len(row.gaps) == len(gaps) and {g.rule for g in row.gaps} == {x.rule for x in gaps}
    # fail before partial, required first within each
    order = [(g.status != "fail", next(x.severity for x in gaps if x.rule == g.rule) != "required")
             for g in row.gaps]
    assert order == sorted(order)
    g = row.gaps[0]
    x = next(x for x in gaps if x.rule == g.rule)
    assert (g.message, g.suggestion) == (x.message, x.suggestion)
    assert g.lines == tuple(sorted({e.line for e in x.evidence if e.line is not None}))
    assert (row.short, row.file_name, row.folder) == ("jiangjia-2022", "jiangjia-2022.txt",
                                                     "reports/")


def test_row_of_an_unreadable_file() -> None:
    row = OverviewRow.of(error_result("a\\b\\坏.docx", "corrupt", "文件损坏", None), "坏.html")
    assert not row.checked and row.results == () and row.gaps == ()
    assert (row.error_code, row.error_message, row.file_name, row.folder) == \
        ("corrupt", "文件损坏", "坏.docx", "a/b/")
    rules = [RuleInfo("x", "X", "required", [])]
    assert row.statuses(rules) == [None]
    assert summary_row(row, [None])[len(FIXED_COLUMNS) - 3:] == ["corrupt", "文件损坏", None, None]


def test_rulebook_rules_are_the_rules_every_report_carries(engine: Engine) -> None:
    """The check command takes the overview's rules from the rulebook, `fazhi report`
    from the reports: the two must agree (titles, severities, basis, order)."""
    run = engine.run([(p, p.name) for p in sorted(REPORTS.glob("*.txt"))[:2]])
    assert rulebook_rules(engine.book) == batch_rules(run)


# -- the writer -----------------------------------------------------------------
class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []

    def start(self, rules: list[RuleInfo]) -> None:
        self.calls.append(("start", [x.rule for x in rules]))

    def add(self, row: OverviewRow, number: int, statuses: list[str | None]) -> None:
        self.calls.append(("add", row.path, number, tuple(statuses)))

    def finish(self, rules: list[RuleInfo], totals: object, summary: Summary) -> None:
        self.calls.append(("finish", dataclasses.asdict(totals)))  # type: ignore[call-overload]


def test_unreadable_files_wait_for_the_rules_and_keep_their_place(golden: RunResult) -> None:
    rules = batch_rules(golden)
    ok = OverviewRow.of(golden.reports[0], "a.html")
    bad = OverviewRow.of(error_result("x.docx", "corrupt", "坏", None), "x.html")
    rec = Recorder()
    w = BatchWriter([rec], rules)
    w.add(bad)
    w.add(bad)
    assert rec.calls == []  # nothing is written until the columns are known
    w.add(ok)
    w.add(bad)
    assert len(rec.calls) == 5
    w.close(Summary(checked=1, errors=3, mean_score=None))
    assert rec.calls[0] == ("start", [x.rule for x in rules])
    assert [c[2] for c in rec.calls[1:5]] == [1, 2, 3, 4]
    assert [c[1] for c in rec.calls[1:5]] == ["x.docx", "x.docx", ok.path, "x.docx"]
    totals = rec.calls[-1][1]
    assert isinstance(totals, dict)
    assert (totals["reports"], totals["checked"]) == (4, 1)
    assert sum(totals["fail"]) == sum(s == "fail" for _, s in ok.results)


def test_a_batch_of_unreadable_files_has_no_rule_columns() -> None:
    rec = Recorder()
    w = BatchWriter([rec], [RuleInfo("x", "X", "required", [])])
    w.add(OverviewRow.of(error_result("x.docx", "corrupt", "坏", None), "x.html"))
    w.close(Summary(checked=0, errors=1, mean_score=None))
    assert rec.calls[0] == ("start", [])


def test_csv_rows_are_written_as_they_come(golden: RunResult) -> None:
    buf = io.StringIO(newline="")
    w = BatchWriter([CsvTable(buf)], batch_rules(golden))
    names = scorecard_names(golden.reports)
    w.add(OverviewRow.of(golden.reports[0], names[0]))
    assert len(list(csv.reader(io.StringIO(buf.getvalue()[1:])))) == 2  # header and the row
    for r, n in zip(golden.reports[1:], names[1:], strict=True):
        w.add(OverviewRow.of(r, n))
    w.close(golden.summary)
    assert buf.getvalue() == to_csv(golden)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_writer_is_atomic_and_leaves_nothing_behind_on_error(golden: RunResult,
                                                             tmp_path: Path) -> None:
    (tmp_path / INDEX).write_text("old", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), \
            OverviewWriter(tmp_path, golden, batch_rules(golden)) as w:
        w.add(OverviewRow.of(golden.reports[0], "a.html"))
        raise KeyboardInterrupt
    assert _files(tmp_path) == {INDEX: b"old"}
    with OverviewWriter(tmp_path, golden, batch_rules(golden)) as w:
        for r, n in zip(golden.reports, scorecard_names(golden.reports), strict=True):
            w.add(OverviewRow.of(r, n))
        shown = {k: v for k, v in _files(tmp_path).items() if not k.startswith(".")}
        assert shown == {INDEX: b"old"}  # nothing appears before close
        w.close(golden.summary)
    assert set(_files(tmp_path)) == {INDEX, SUMMARY_CSV, SUMMARY_XLSX}  # no temporary files
    assert _files(tmp_path)[SUMMARY_XLSX] == to_xlsx(golden)


def test_a_large_batch_keeps_the_overview_page_small(golden: RunResult, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the limits the matrix shows the first reports (and says so) and each
    common gap links the first reports that have it, with the count of all."""
    from fazhi.render import html

    monkeypatch.setattr(html, "MATRIX_MAX_REPORTS", 2)
    monkeypatch.setattr(html, "COMMON_MAX_LINKS", 1)
    reports = [r for r in golden.reports if r.status == "checked"]
    assert len(reports) == 3
    with OverviewWriter(tmp_path, golden, batch_rules(golden)) as w:
        for i, r in enumerate(reports):
            w.add(OverviewRow.of(r, f"r{i}.html"))
        w.close(golden.summary)
    page = (tmp_path / INDEX).read_text(encoding="utf-8")
    assert page.count('<th scope="col" class="rep"') == 2
    assert f"矩阵只列出前 2 份（共检查 {len(reports)} 份）" in page
    assert all(f'<tr data-number="{i + 1}"' in page for i in range(len(reports)))  # the list
    fails = [sum(r.results[k].status == "fail" for r in reports)
             for k in range(len(reports[0].results))]
    assert max(fails) >= 2
    assert f"等 {max(fails)} 份" in page
    common = page.split('<ol class="common">')[1].split("</ol>")[0]
    for item in common.split("<li>")[1:]:
        assert item.count("<a href=") <= 2  # one report under 缺失, one under 部分达标


def test_memory_does_not_grow_with_the_batch(golden: RunResult, tmp_path: Path) -> None:
    """The writer keeps nothing per report: what Python holds after 1,500 rows is what
    it held after 500 (give or take a few bytes a row)."""
    reports = [r for r in golden.reports if r.status == "checked"]
    rows = [OverviewRow.of(r, f"r{i}.html") for i, r in enumerate(reports)]
    tracemalloc.start()
    try:
        with OverviewWriter(tmp_path, golden, batch_rules(golden)) as w:
            for i in range(1500):
                w.add(rows[i % len(rows)])
                if i == 499:
                    before = tracemalloc.get_traced_memory()[0]
            after = tracemalloc.get_traced_memory()[0]
            w.close(golden.summary)
    finally:
        tracemalloc.stop()
    assert (after - before) / 1000 < 256, f"{(after - before) / 1000:.0f} bytes per report"


# -- the workbook's rows ----------------------------------------------------------
def _openpyxl_xml(value: object, style: int) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    cell = WriteOnlyCell(ws, value)  # type: ignore[arg-type]
    if isinstance(value, str):
        cell.data_type = "s"
    cell.row, cell.column = 7, 28
    cell.style_id  # noqa: B018 - registers the default style
    buf = io.BytesIO()
    with etree.xmlfile(buf) as xf:
        write_cell(xf, ws, cell, False)
    return buf.getvalue().replace(b"<c ", f'<c s="{style}" '.encode(), 1)


@pytest.mark.parametrize("value", [
    "reports/a&b<c>.txt", "已检查", "  前后有空白 ", "", "=HYPERLINK(\"x\")", "一\r\n二\t三",
    None, 2022, 70.5, 100.0, 0.1 + 0.2, -3,
])
def test_cells_are_written_as_openpyxl_writes_them(value: object) -> None:
    ours = _xml_cell("AB7", value, 5).encode()
    canon = [etree.tostring(etree.fromstring(x), method="c14n") for x in
             (ours, _openpyxl_xml(value, 5))]
    assert canon[0] == canon[1]


def test_characters_xml_cannot_hold_do_not_cost_the_workbook(golden: RunResult) -> None:
    run = golden.model_copy(deep=True)
    run.reports[0].path = "reports/bad\x01name.txt"
    wb = load_workbook(io.BytesIO(to_xlsx(run)))
    assert wb["总览"].cell(2, 1).value == "reports/bad\ufffdname.txt"


def test_workbook_reads_back_every_row(golden: RunResult) -> None:
    wb = load_workbook(io.BytesIO(to_xlsx(golden)))
    rules = batch_rules(golden)
    names = scorecard_names(golden.reports)
    overview = [[c.value for c in row] for row in wb["总览"].iter_rows(min_row=2)]
    for r, name, got in zip(golden.reports, names, overview, strict=True):
        row = OverviewRow.of(r, name)
        want = summary_row(row, [], lambda t: t or "") + [
            None if s is None else f"{ICONS[s]} {LABELS[s]}" for s in row.statuses(rules)]
        assert got == [None if v == "" else v for v in want]
    gaps = [[c.value for c in row] for row in wb["问题明细"].iter_rows(min_row=2)]
    row = OverviewRow.of(golden.reports[0], names[0])
    first = row.gaps[0]
    info = next(x for x in rules if x.rule == first.rule)
    assert gaps[0] == [row.path, row.issuer, f"{ICONS[first.status]} {LABELS[first.status]}",
                       SEVERITY_LABELS[info.severity], info.title, first.message,
                       first.suggestion, "；".join(info.basis),
                       "、".join(f"第 {n} 行" for n in first.lines) or None]
    assert len(gaps) == sum(len(OverviewRow.of(r, "x").gaps) for r in golden.reports)
    assert wb["总览"].freeze_panes == "B2" and wb["总览"].auto_filter.ref.startswith("A1:")
    assert wb["总览"].column_dimensions["A"].width == 28
    assert wb["总览"].row_dimensions[1].height == 48


# -- the run ------------------------------------------------------------------
def _no_report_results(value: object) -> bool:
    if isinstance(value, ReportResult):
        return False
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return all(_no_report_results(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, (list, tuple, set, frozenset)):
        return all(_no_report_results(v) for v in value)
    return True


def test_the_main_process_gets_a_compact_row_not_the_report(engine: Engine,
                                                            tmp_path: Path) -> None:
    paths = sorted(REPORTS.glob("*.txt"))[:2]
    checker = Checker(engine, Outputs(html=tmp_path, text=True), 20 << 20)
    tasks = [Task(i, p, p.name, f"{p.stem}.html") for i, p in enumerate(paths)]
    done = list(run_tasks(checker, tasks, jobs=2))
    assert all(isinstance(d.overview, OverviewRow) for d in done)
    assert all(_no_report_results(d) for d in done)


def test_streamed_overview_with_unreadable_files_first_equals_report_from_json(
        tmp_path: Path) -> None:
    batch = tmp_path / "in"
    shutil.copytree(REPORTS, batch / "b")
    (batch / "a").mkdir()
    (batch / "a" / "empty.txt").write_bytes(b"")
    (batch / "a" / "x.docx").write_bytes(b"not a docx")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        r = CliRunner().invoke(main, ["check", str(batch), "--out", str(out), "--jobs", jobs,
                                      "--json", str(tmp_path / f"r{jobs}.json"), "--quiet"])
        assert r.exit_code == 3, r.output
        outs.append(_files(out))
    assert outs[0] == outs[1]
    again = tmp_path / "again"
    r = CliRunner().invoke(main, ["report", str(tmp_path / "r2.json"), "--out", str(again)])
    assert r.exit_code == 0, r.output
    assert _files(again) == outs[0]
    rows = list(csv.reader(io.StringIO(outs[0][SUMMARY_CSV].decode("utf-8-sig"))))
    assert [x[1] for x in rows[1:3]] == ["无法读取", "无法读取"]
    assert len(rows[0]) > len(FIXED_COLUMNS)


def test_a_run_of_unreadable_files_only(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["check", str(tmp_path / "in"), "--out", str(out), "--quiet"])
    assert r.exit_code == 3
    header = out.joinpath(SUMMARY_CSV).read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(",") == FIXED_COLUMNS
    assert 'id="matrix"' not in out.joinpath(INDEX).read_text(encoding="utf-8")


def test_tally_counts_what_summarize_computes(golden: RunResult) -> None:
    reports = [*golden.reports, *golden.reports[:2]]
    tally = Tally()
    for r in reports:
        tally.add(ReportSummary.of(r))
    assert tally.summary() == summarize(reports)
    assert tally.failed == {x.severity for r in reports for x in r.results if x.status == "fail"}
    assert Tally().summary() == summarize([])
