"""Command line: ``fazhi check`` and friends. Commands only; the work is elsewhere."""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from datetime import datetime
from pathlib import Path

import click

from fazhi import __version__
from fazhi.batch import BatchOutputs, run_batch
from fazhi.cache import KEEP_CONTEXTS
from fazhi.cli_authoring import (
    COMMANDS,
    config_option,
    rulebook_path,
    settings_or_exit,
    today_or_now,
    waivers_or_exit,
)
from fazhi.document.model import DocumentError
from fazhi.document.readers import DEFAULT_MAX_BYTES
from fazhi.engine import Engine
from fazhi.inputs import UsageError, discover, shown_path, skipped_note
from fazhi.progress import Progress
from fazhi.render.html import scorecard_names
from fazhi.render.inspect import inspect_text
from fazhi.render.json_out import NotResults, ResultsFile
from fazhi.render.outputs import (
    Plan,
    out_problem,
    overwrite_problem,
    prepare_folder,
    write_reports,
)
from fazhi.render.text import summary_text
from fazhi.render.views import rulebook_rules
from fazhi.results import SCHEMA, Summary
from fazhi.rulebook.loader import ProfileNotFound, RulebookError
from fazhi.rulebook.locate import DEFAULT_NAME
from fazhi.runner import DEFAULT_TIMEOUT, Checker, Outputs, Task
from fazhi.waivers import live_waivers, waiver_notes

EXIT_OK, EXIT_THRESHOLD, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3
TERMINAL_REPORTS_MAX = 20  # with --format html, list each report on the terminal up to this many
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C
INTERRUPTED = ("\n已中断。已写出的评分卡保留；总览（index.html）、汇总表和 --json 结果文件没有写出，"
               "上次的版本（如有）保持不变。重新运行即可；使用 --cache 时，已检查过的报告不必重查。")

CHECK_HELP = """检查法治政府建设年度报告，逐项判定达标 / 部分达标 / 缺失 / 不适用。

PATHS 为报告文件或文件夹（默认 reports/）。

\b
退出码：
  0  所有输入都已检查（未达到 --fail-on 门槛）
  1  达到了 --fail-on 门槛（有相应级别的规则判定为缺失）
  2  用法错误或规则文件有误（未检查任何报告）
  3  有输入无法读取（其余输入照常检查并输出）
"""


def load_engine(rules: Path, profile: str | None = None, display: str | None = None) -> Engine:
    try:
        return Engine.from_file(rules, display_path=display or str(rules), profile=profile)
    except ProfileNotFound as exc:
        click.echo(exc.message, err=True)
        sys.exit(EXIT_USAGE)
    except RulebookError as exc:
        click.echo("规则文件有误：", err=True)
        for p in exc.problems:
            click.echo(f"  {p}", err=True)
        sys.exit(EXIT_USAGE)
    except FileNotFoundError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)


def threshold_met(failed: set[str], engine: Engine, fail_on: str) -> bool:
    """Whether a rule of severity ``fail_on`` (or more severe) failed in any report
    (``failed``: the severities of the rules that failed in some report)."""
    if fail_on == "never":
        return False
    order = list(engine.book.scoring.severities)
    limit = order.index(fail_on) if fail_on in order else len(order)
    return bool(failed & set(order[: limit + 1]))


def exit_code(failed: set[str], summary: Summary, engine: Engine, fail_on: str) -> int:
    if summary.errors:
        return EXIT_UNREADABLE
    return EXIT_THRESHOLD if threshold_met(failed, engine, fail_on) else EXIT_OK


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fazhi")
def main() -> None:
    """fazhi：法治政府建设年度报告合规检查工具。"""


@main.command("check", help=CHECK_HELP)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rules", "rules", type=click.Path(path_type=Path), default=None,
              help="规则文件（默认：配置文件中的 rules，否则为内置的 rules/annual_report.yaml）。")
@click.option("--profile", default=None,
              help="适用情形（规则集 profiles 中的名称，如 township、county、department）。")
@click.option("--waivers", type=click.Path(path_type=Path), default=None,
              help="豁免文件：被豁免的规则显示为“不适用（已豁免）”。")
@config_option
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, hidden=True,
              help="判断豁免是否过期所用的日期（测试用）。")
@click.option("--format", "fmt", type=click.Choice(["html", "json", "text"]), default="html",
              show_default=True, help="输出格式：html 评分卡写入 --out 并在终端打印摘要；json、text 打印到标准输出。")
@click.option("--out", "out", type=click.Path(path_type=Path), default=None,
              help="HTML 评分卡的输出文件夹（默认：scorecards）。")
@click.option("--json", "json_file", type=click.Path(path_type=Path), default=None,
              help="另外把 JSON 结果写入此文件（含每份报告的全文，可用 fazhi report 重新生成评分卡）。")
@click.option("--with-source", is_flag=True, default=False,
              help="--format json 打印的结果也包含每份报告的全文（source 字段）。")
@click.option("--fail-on", type=click.Choice(["never", "required", "recommended"]),
              default=None, help="有该级别（或更高级别）的规则缺失时以退出码 1 结束（默认：never）。")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES // 1048576,
              show_default=True,
              help="单个文件大小上限（MB）；.docx/.ofd 解压后的总大小上限为其 10 倍，"
                   "提取出的文字每 MB 允许 2500 行，网页、.docx 等每个部分的排版标记每 MB 允许 5 万个。")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="同时检查的进程数（默认：本机 CPU 核数）。结果与 --jobs 1 完全相同。")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT,
              show_default=True, help="单份报告的检查时限（秒）；超时的报告记为无法检查，其余照常检查。")
@click.option("--cache", "cache_dir", type=click.Path(path_type=Path), default=None,
              help="缓存文件夹：内容、规则文件和工具版本都未变的报告直接取用上次的结果；"
                   f"只保留最近用过的 {KEEP_CONTEXTS} 组规则集和版本的结果。")
@click.option("--quiet", "-q", is_flag=True, help="不在终端显示进度。")
def check(paths: tuple[str, ...], rules: Path | None, profile: str | None,
          waivers: Path | None, config: Path | None, today: datetime | None, fmt: str,
          out: Path | None, json_file: Path | None, with_source: bool, fail_on: str | None,
          max_size: int, jobs: int | None, timeout: float, cache_dir: Path | None,
          quiet: bool) -> None:
    settings = settings_or_exit(config, rules=rules, profile=profile, waivers=waivers, out=out,
                                fail_on=fail_on)
    out, fail_on = settings.out, settings.fail_on
    # the built-in rulebook is shown by its repository path wherever fazhi is installed,
    # so that the JSON is the same on every machine
    engine = load_engine(rulebook_path(settings), settings.profile,
                         None if settings.rules is not None else f"rules/{DEFAULT_NAME}")
    waived = waivers_or_exit(settings.waivers, engine)
    day = today_or_now(today)
    # .zip inputs are unpacked into a folder of the run's own, removed when it ends
    unpacked = click.get_current_context().with_resource(
        tempfile.TemporaryDirectory(prefix="fazhi-unpacked-"))
    skipped: Counter[str] = Counter()
    try:
        inputs = discover(list(paths) or ["reports"], Path(unpacked), max_size * 1048576, skipped)
    except UsageError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    if skipped:
        click.echo(f"⚠ {skipped_note(skipped)}", err=True)
    files = [p for p, _ in inputs]  # strings: Path objects for 100,000 inputs are 50 MB
    problem = (out_problem(out, files) if fmt == "html" else None) or \
        (overwrite_problem([json_file], files) if json_file is not None else None) or \
        (prepare_folder(out, "输出文件夹") if fmt == "html" else None) or \
        (prepare_folder(json_file.parent, "结果文件（--json）所在的文件夹")
         if json_file is not None else None) or \
        (prepare_folder(cache_dir, "缓存文件夹") if cache_dir is not None else None)
    if problem:
        click.echo(problem, err=True)
        sys.exit(EXIT_USAGE)
    names = scorecard_names([shown for _, shown in inputs])
    del files
    tasks = (Task(i, Path(p), shown, name)
             for i, ((p, shown), name) in enumerate(zip(inputs, names, strict=True)))
    # each report's lines on the terminal: always for text; with scorecards only for a
    # small batch (a province's thousands are read in index.html, not scrolled past)
    each = fmt == "text" or (fmt == "html" and len(inputs) <= TERMINAL_REPORTS_MAX)
    outputs = Outputs(json=fmt == "json", json_source=with_source,
                      json_file=json_file is not None, text=each,
                      html=out if fmt == "html" else None)
    try:
        checker = Checker(engine, outputs, max_size * 1048576, cache_dir,
                          live_waivers(waived or [], day))
    except OSError as exc:  # the cache folder exists but cannot be written into
        click.echo(f"无法使用缓存文件夹 {cache_dir}（{exc.strerror or exc}）。"
                   "请换一个可以写入的位置，或去掉 --cache。", err=True)
        sys.exit(EXIT_USAGE)
    jobs = min(jobs or os.cpu_count() or 1, len(inputs))
    stdout = sys.stdout
    progress = Progress.on_terminal(len(inputs), sys.stderr, quiet)
    targets = BatchOutputs(stdout, json=fmt == "json", text=each, json_file=json_file,
                           overview=out if fmt == "html" else None,
                           rules=rulebook_rules(engine.book))
    try:
        result = run_batch(checker, tasks, jobs, timeout, targets, progress)
    except KeyboardInterrupt:
        # Ctrl-C: workers are stopped, the atomic writers drop their temporary files
        progress.close()
        click.echo(INTERRUPTED, err=True)
        sys.exit(EXIT_INTERRUPTED)
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):  # `fazhi check … | head`: the reader has gone
            raise
        progress.close()
        where = f"：{exc.filename}" if exc.filename else ""
        click.echo(f"\n写入输出时出错（{exc.strerror or exc}{where}）。已写出的评分卡保留；总览、"
                   "汇总表和 --json 结果文件没有写出，上次的版本（如有）保持不变。"
                   "请检查输出位置的剩余空间和权限后重试。", err=True)
        sys.exit(EXIT_USAGE)
    summary = result.summary
    for note in waiver_notes(waived or [], day, result.waivers_used):
        click.echo(f"⚠ {note}", err=True)
    if fmt != "json":
        stdout.write(("\n" if each else "") + summary_text(summary))
    if fmt == "html" and out is not None:
        stdout.write(f"评分卡已写入 {out}/（总览：{out / 'index.html'}；汇总表：summary.csv、summary.xlsx）\n")
        if not each:
            stdout.write(f"报告超过 {TERMINAL_REPORTS_MAX} 份，终端只显示汇总：逐份结果见总览和评分卡，"
                         "或用 --format text 在终端列出。\n")
    stdout.flush()
    sys.exit(exit_code(result.failed_severities, summary, engine, fail_on or "never"))


INSPECT_HELP = """查看 fazhi 从一个报告文件中读到了什么、是怎样理解的。

列出文件格式、文字编码、标题/发文机关/年度/日期（及所在位置）、章节提纲
（每个一级章节判定为哪一类，以及是按标题措辞、按正文内容还是按默认归类判定的）、
各级小标题和提示，便于核对某条规则为什么这样判定。

\b
退出码：0 已读取；2 用法错误或规则文件有误；3 文件无法读取。
"""


@main.command("inspect", help=INSPECT_HELP)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--rules", "rules", type=click.Path(path_type=Path), default=None,
              help="规则文件（默认：内置的 rules/annual_report.yaml）。")
@click.option("--text", "show_text", is_flag=True, help="同时列出提取出的全部段落及其位置。")
@click.option("--max-size", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES // 1048576,
              show_default=True, help="文件大小上限（MB）；提取出的文字每 MB 允许 2500 行，排版标记每 MB 允许 5 万个。")
def inspect(file: Path, rules: Path | None, show_text: bool, max_size: int) -> None:
    settings = settings_or_exit(None, rules=rules)
    engine = load_engine(rulebook_path(settings), settings.profile)
    shown = shown_path(file)
    if file.is_dir():
        click.echo(f"{shown} 是文件夹；inspect 一次查看一个文件。", err=True)
        sys.exit(EXIT_USAGE)
    if not file.exists() and not file.is_symlink():
        click.echo(f"路径不存在：{shown}", err=True)
        sys.exit(EXIT_USAGE)
    try:
        doc = engine.load(file, max_size * 1048576)
    except DocumentError as exc:
        click.echo(f"无法读取 {shown} [{exc.code}]：{exc.message}", err=True)
        sys.exit(EXIT_UNREADABLE)
    click.echo(inspect_text(shown, doc, engine.outline(doc), show_text), nl=False)


REPORT_HELP = """由保存的 JSON 结果重新生成评分卡、总览和汇总表，不重新读取报告。

RESULTS 为 fazhi check --json 写出的结果文件（含报告全文）；--format json
打印的结果不含全文时，评分卡中没有“报告全文”部分。

\b
退出码：
  0  已生成
  2  结果文件无法读取或格式不对，或输出位置有误
"""


@main.command("report", help=REPORT_HELP)
@click.argument("results", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--out", "out", type=click.Path(path_type=Path), default=Path("scorecards"),
              show_default=True, help="评分卡的输出文件夹。")
def report(results: Path, out: Path) -> None:
    try:
        stored = ResultsFile(results)
        plan = Plan.of_file(stored)
    except (OSError, NotResults):
        click.echo(f"{results} 不是 fazhi check 的 JSON 结果（格式 {SCHEMA}），或无法读取、已损坏。"
                   "请用 fazhi check … --json 结果文件 生成。", err=True)
        sys.exit(EXIT_USAGE)
    problem = out_problem(out, []) or overwrite_problem(plan.paths(out), [results]) or \
        prepare_folder(out, "输出文件夹")
    if problem:
        click.echo(problem, err=True)
        sys.exit(EXIT_USAGE)
    try:
        write_reports(stored.header, stored.reports(), plan, out)
    except NotResults:
        click.echo(f"{results} 在读取中途出错（文件可能在此期间被改动）。总览和汇总表没有写出。", err=True)
        sys.exit(EXIT_USAGE)
    click.echo(f"评分卡已写入 {out}/（总览：{out / 'index.html'}；汇总表：summary.csv、summary.xlsx）")


for _command in COMMANDS:
    main.add_command(_command)
