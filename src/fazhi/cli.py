"""Command line: ``fazhi check`` and friends. Commands only; the work is elsewhere."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path

import click

from fazhi import __version__
from fazhi.document.readers import DEFAULT_MAX_BYTES
from fazhi.engine import Engine
from fazhi.inputs import UsageError, discover
from fazhi.progress import Progress
from fazhi.render.files import atomic_writer
from fazhi.render.html import scorecard_names, write_index
from fazhi.render.json_out import JsonWriter
from fazhi.render.text import summary_text
from fazhi.results import Overview, ReportSummary, Summary, summarize
from fazhi.rulebook.loader import RulebookError
from fazhi.rulebook.locate import default_rulebook
from fazhi.runner import DEFAULT_TIMEOUT, Checker, Outputs, Task, run_tasks

EXIT_OK, EXIT_THRESHOLD, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3

CHECK_HELP = """检查法治政府建设年度报告，逐项判定达标 / 部分达标 / 缺失 / 不适用。

PATHS 为报告文件或文件夹（默认 reports/）。

\b
退出码：
  0  所有输入都已检查（未达到 --fail-on 门槛）
  1  达到了 --fail-on 门槛（有相应级别的规则判定为缺失）
  2  用法错误或规则文件有误（未检查任何报告）
  3  有输入无法读取（其余输入照常检查并输出）
"""


def load_engine(rules: Path | None) -> Engine:
    try:
        path = rules if rules is not None else default_rulebook()
        return Engine.from_file(path, display_path=str(rules) if rules else "rules/annual_report.yaml")
    except RulebookError as exc:
        click.echo("规则文件有误：", err=True)
        for p in exc.problems:
            click.echo(f"  {p}", err=True)
        sys.exit(EXIT_USAGE)
    except FileNotFoundError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)


def threshold_met(reports: Iterable[ReportSummary], engine: Engine, fail_on: str) -> bool:
    """Whether a rule of severity ``fail_on`` (or more severe) failed in any report."""
    if fail_on == "never":
        return False
    order = list(engine.book.scoring.severities)
    limit = order.index(fail_on) if fail_on in order else len(order)
    severe = set(order[: limit + 1])
    return any(n and sev in severe for r in reports for sev, n in r.fails)


def exit_code(reports: list[ReportSummary], summary: Summary, engine: Engine, fail_on: str) -> int:
    if summary.errors:
        return EXIT_UNREADABLE
    return EXIT_THRESHOLD if threshold_met(reports, engine, fail_on) else EXIT_OK


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fazhi")
def main() -> None:
    """fazhi：法治政府建设年度报告合规检查工具。"""


@main.command("check", help=CHECK_HELP)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rules", type=click.Path(path_type=Path), default=None,
              help="规则文件（默认：内置的 rules/annual_report.yaml）。")
@click.option("--format", "fmt", type=click.Choice(["html", "json", "text"]), default="html",
              show_default=True, help="输出格式：html 评分卡写入 --out 并在终端打印摘要；json、text 打印到标准输出。")
@click.option("--out", "out", type=click.Path(path_type=Path), default=Path("scorecards"),
              show_default=True, help="HTML 评分卡的输出文件夹。")
@click.option("--json", "json_file", type=click.Path(path_type=Path), default=None,
              help="另外把 JSON 结果写入此文件。")
@click.option("--fail-on", type=click.Choice(["never", "required", "recommended"]),
              default="never", show_default=True,
              help="有该级别（或更高级别）的规则缺失时以退出码 1 结束。")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES // 1048576,
              show_default=True, help="单个文件大小上限（MB）。")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="同时检查的进程数（默认：本机 CPU 核数）。结果与 --jobs 1 完全相同。")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT,
              show_default=True, help="单份报告的检查时限（秒）；超时的报告记为无法检查，其余照常检查。")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path), default=None,
              help="缓存文件夹：内容、规则文件和工具版本都未变的报告直接取用上次的结果。")
@click.option("--quiet", "-q", is_flag=True, help="不在终端显示进度。")
def check(paths: tuple[str, ...], rules: Path | None, fmt: str, out: Path,
          json_file: Path | None, fail_on: str, max_size: int, jobs: int | None,
          timeout: float, cache_dir: Path | None, quiet: bool) -> None:
    engine = load_engine(rules)
    try:
        inputs = discover(list(paths) or ["reports"])
    except UsageError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    names = scorecard_names([shown for _, shown in inputs])
    tasks = (Task(i, p, shown, name) for i, ((p, shown), name) in enumerate(zip(inputs, names,
                                                                               strict=True)))
    outputs = Outputs(json=fmt == "json" or json_file is not None, text=fmt != "json",
                      html=out if fmt == "html" else None)
    checker = Checker(engine, outputs, max_size * 1048576, cache_dir)
    jobs = min(jobs or os.cpu_count() or 1, len(inputs))
    stdout = sys.stdout
    progress = Progress.on_terminal(len(inputs), sys.stderr, quiet)
    reports: list[ReportSummary] = []
    with ExitStack() as stack:
        writers = []
        if json_file is not None:
            writers.append(JsonWriter(stack.enter_context(atomic_writer(json_file)),
                                      checker.header))
        if fmt == "json":
            writers.append(JsonWriter(stdout, checker.header))
        for done in run_tasks(checker, tasks, jobs, timeout):
            for w in writers:
                w.add(done.json or "")
            if fmt != "json":
                stdout.write(("\n" if done.index else "") + (done.text or ""))
            reports.append(done.summary)
            progress.advance()
        progress.close()
        summary = summarize(reports)
        for w in writers:
            w.close(summary)
    if fmt != "json":
        stdout.write("\n" + summary_text(summary))
    if fmt == "html":
        write_index(out, Overview(tool=checker.header.tool, rulebook=checker.header.rulebook,
                                  reports=reports, summary=summary))
        stdout.write(f"评分卡已写入 {out}/（总览：{out / 'index.html'}）\n")
    stdout.flush()
    sys.exit(exit_code(reports, summary, engine, fail_on))
