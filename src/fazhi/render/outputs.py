"""Everything an HTML run writes into its output folder, and the checks that
keep it from writing over an input."""

from __future__ import annotations

from pathlib import Path

from fazhi.render.csv_out import to_csv
from fazhi.render.files import input_inside, same_file, write_atomic
from fazhi.render.html import scorecard_names, write_html, write_index
from fazhi.render.xlsx_out import to_xlsx
from fazhi.results import ReportResult, RunHeader, RunResult, Summary

SUMMARY_CSV = "summary.csv"
SUMMARY_XLSX = "summary.xlsx"
INDEX = "index.html"
DOWNLOADS = [
    (SUMMARY_CSV, "每份报告一行、每条规则一列的汇总表（UTF-8，Excel 可直接打开）"),
    (SUMMARY_XLSX, "Excel 工作簿：总览、问题明细（每个问题的理由和整改建议）、规则"),
]


def output_paths(run: RunResult, out: Path) -> list[Path]:
    """Every file :func:`write_all` writes for ``run`` into ``out``."""
    names = [n for r, n in zip(run.reports, scorecard_names(run.reports), strict=True)
             if r.status == "checked"]
    return [out / n for n in [*names, INDEX, SUMMARY_CSV, SUMMARY_XLSX]]


def write_all(run: RunResult, out: Path) -> list[Path]:
    """Scorecards, the index, summary.csv and summary.xlsx; return the paths written."""
    written = write_html(run, out, DOWNLOADS)
    write_atomic(out / SUMMARY_CSV, to_csv(run))
    write_atomic(out / SUMMARY_XLSX, to_xlsx(run))
    return [*written, out / SUMMARY_CSV, out / SUMMARY_XLSX]


def write_overview(header: RunHeader, reports: list[ReportResult], summary: Summary, out: Path
                   ) -> list[Path]:
    """The index, summary.csv and summary.xlsx of a batch whose scorecards were written
    as each report was checked (``reports`` need not carry their text or outline)."""
    run = RunResult(tool=header.tool, rulebook=header.rulebook, reports=reports, summary=summary)
    idx = write_index(run, out, DOWNLOADS)
    write_atomic(out / SUMMARY_CSV, to_csv(run))
    write_atomic(out / SUMMARY_XLSX, to_xlsx(run))
    return [idx, out / SUMMARY_CSV, out / SUMMARY_XLSX]


def out_problem(out: Path, inputs: list[Path]) -> str | None:
    """Why ``out`` cannot take the output of a run over ``inputs`` (a message), or None."""
    if out.exists() and not out.is_dir():
        return f"--out {out} 是一个已有的文件，不是文件夹。请换一个输出文件夹。"
    hit = input_inside(out, inputs)
    if hit is not None:
        return (f"输出文件夹 {out} 包含输入文件 {hit}，写入评分卡可能覆盖或混入报告。"
                "请用 --out 指定另一个文件夹（例如 scorecards）。")
    return None


def overwrite_problem(targets: list[Path], inputs: list[Path]) -> str | None:
    """A message if one of ``targets`` would be written over an input, or None."""
    hit = same_file(targets, inputs)
    if hit is not None:
        return f"输出文件 {hit} 就是输入文件，不能覆盖。请换一个输出位置。"
    return None
