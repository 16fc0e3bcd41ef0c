"""Commands for rulebook authors: ``fazhi rules validate|list|explain|test``,
``fazhi eval`` and ``fazhi config``. Commands only; the work is elsewhere."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

import click

from fazhi.authoring import load, validate_rulebook
from fazhi.engine import Engine
from fazhi.evaluate import evaluate, load_labels, passed
from fazhi.inputs import UsageError, discover
from fazhi.render.authoring import (
    config_text,
    explain_text,
    problems_text,
    rules_table,
    shown,
    test_report,
)
from fazhi.render.evaluation import eval_json, eval_text
from fazhi.rulebook.loader import ProfileNotFound, Resolved, RulebookError
from fazhi.rulebook.locate import default_rulebook
from fazhi.rulebook.source import FileProblems, close_match
from fazhi.ruletests import cases_for, run_case
from fazhi.settings import Settings, resolve_settings
from fazhi.waivers import Waiver, load_waivers

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_UNREADABLE = 0, 1, 2, 3

config_option = click.option(
    "--config", "config", type=click.Path(path_type=Path), default=None,
    help="配置文件（默认：当前目录下的 fazhi.yaml，如有）。")
rules_option = click.option(
    "--rules", "rules", type=click.Path(path_type=Path), default=None,
    help="规则文件（默认：配置文件中的 rules，否则为内置的 rules/annual_report.yaml）。")
profile_option = click.option(
    "--profile", "profile", default=None,
    help="适用情形（规则集 profiles 中的名称，如 township、county、department）。")


def fail_with(title: str, problems: list[Any]) -> NoReturn:
    click.echo(title, err=True)
    for p in problems:
        click.echo(f"  {p}", err=True)
    sys.exit(EXIT_USAGE)


def settings_or_exit(config: Path | None, **cli: Any) -> Settings:
    """The effective settings; a broken config file ends the command (exit 2)."""
    try:
        return resolve_settings(cli, config)
    except FileProblems as exc:
        fail_with("配置文件有误：", exc.problems)


def rulebook_path(settings: Settings) -> Path:
    """The rulebook to use, as a path relative to the working directory where possible."""
    try:
        path = settings.rules if settings.rules is not None else default_rulebook()
    except FileNotFoundError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    return Path(shown(path))


def resolved_or_exit(path: Path, profile: str | None) -> Resolved:
    try:
        return load(path, profile)
    except ProfileNotFound as exc:
        click.echo(exc.message, err=True)
        sys.exit(EXIT_USAGE)
    except RulebookError as exc:
        fail_with("规则文件有误：", exc.problems)


def waivers_or_exit(path: Path | None, engine: Engine) -> list[Waiver]:
    if path is None:
        return []
    try:
        return load_waivers(path, engine.book)
    except FileProblems as exc:
        fail_with("豁免文件有误：", exc.problems)


def today_or_now(value: datetime | None) -> date:
    """The date waivers are judged against: ``--today`` in tests, the clock otherwise."""
    return value.date() if value is not None else date.today()


# -- fazhi rules ... ------------------------------------------------------------

@click.group("rules")
def rules_group() -> None:
    """编写和维护规则集：校验、列出、解释规则，运行规则测试用例。"""


VALIDATE_HELP = """校验规则文件（默认：配置中的规则集或内置规则集）。

\b
报告每个问题的 文件:行:列 和原因：字段拼写（并提示“是否应为……”）、
重复的规则编号、requires 指向不存在的规则、无法编译的正则表达式、
可能灾难性回溯或永远匹配不到的模式、缺少法律依据 / 说明 / 整改建议，
以及没有测试用例的规则（警告）。继承（extends）的规则集和各个适用情形一并校验。

\b
退出码：0 没有错误（警告只打印）；1 有警告且用了 --strict；2 有错误。
"""


@rules_group.command("validate", help=VALIDATE_HELP)
@click.argument("file", required=False, type=click.Path(path_type=Path))
@profile_option
@config_option
@click.option("--strict", is_flag=True, help="有警告时以退出码 1 结束。")
def validate_cmd(file: Path | None, profile: str | None, config: Path | None,
                 strict: bool) -> None:
    settings = settings_or_exit(config, rules=file, profile=profile)
    path = rulebook_path(settings)
    v = validate_rulebook(path, settings.profile)
    click.echo(problems_text(path, v.problems), nl=False)
    if v.errors:
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FAILED if strict and v.warnings else EXIT_OK)


@rules_group.command("list")
@rules_option
@profile_option
@config_option
def list_cmd(rules: Path | None, profile: str | None, config: Path | None) -> None:
    """列出规则集中的规则：编号、标题、严重程度、权重、检查类型。"""
    settings = settings_or_exit(config, rules=rules, profile=profile)
    res = resolved_or_exit(rulebook_path(settings), settings.profile)
    click.echo(rules_table(res), nl=False)


@rules_group.command("explain")
@click.argument("rule_id")
@rules_option
@profile_option
@config_option
def explain_cmd(rule_id: str, rules: Path | None, profile: str | None,
                config: Path | None) -> None:
    """解释一条规则：查找什么、在哪里找、法律依据、可能的判定和示例。"""
    settings = settings_or_exit(config, rules=rules, profile=profile)
    res = resolved_or_exit(rulebook_path(settings), settings.profile)
    ids = [r.id for r in res.book.rules]
    if rule_id not in ids:
        click.echo(f"规则集中没有规则「{rule_id}」{close_match(rule_id, ids)}"
                   "（用 fazhi rules list 查看全部规则）", err=True)
        sys.exit(EXIT_USAGE)
    cases, _, _ = cases_for(res)
    click.echo(explain_text(res, rule_id, cases), nl=False)


TEST_HELP = """运行规则测试用例（规则文件旁 tests/<规则编号>.yaml 中的报告片段）。

每个用例用整套规则检查一段报告，比较该规则的判定与期望；失败时打印实际判定、
说明和找到的证据（含用例文件中的行号）。

\b
退出码：0 全部通过；1 有用例失败；2 规则文件或用例文件有误。
"""


@rules_group.command("test", help=TEST_HELP)
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--rule", "only", multiple=True, help="只运行这条规则的用例（可多次使用）。")
@click.option("-v", "--verbose", is_flag=True, help="也列出通过的用例。")
@config_option
def test_cmd(file: Path | None, only: tuple[str, ...], verbose: bool,
             config: Path | None) -> None:
    settings = settings_or_exit(config, rules=file)
    path = rulebook_path(settings)
    res = resolved_or_exit(path, None)
    cases, others, problems = cases_for(res)
    errors = [p for p in problems if p.level == "error"]
    if errors:
        fail_with("用例文件有误：", errors)
    ids = [r.id for r in res.book.rules]
    for rid in only:
        if rid not in ids:
            click.echo(f"规则集中没有规则「{rid}」{close_match(rid, ids)}", err=True)
            sys.exit(EXIT_USAGE)
    if only:
        cases = [c for c in cases if c.rule in only]
    engine = Engine(res.book, str(path))
    results = [run_case(engine, c) for c in cases]
    click.echo(test_report(results, verbose, others, res.disabled), nl=False)
    sys.exit(EXIT_FAILED if any(not r.ok for r in results) else EXIT_OK)


# -- fazhi eval ----------------------------------------------------------------------

EVAL_HELP = """用人工标注衡量规则集：逐条规则的一致率、混淆表和必备规则的误判达标。

PATHS 为报告文件或文件夹（默认 reports/）；--gold 为标注文件（报告文件名 → 规则编号 → 判定）。

\b
退出码：0 达到门槛；1 低于 --min-agreement、误判达标多于 --max-false-pass，
或有已标注的报告未检查；2 用法、规则文件或标注文件有误。
"""


@click.command("eval", help=EVAL_HELP)
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--gold", "gold", type=click.Path(path_type=Path), required=True,
              help="人工标注文件（YAML）。")
@click.option("--min-agreement", type=click.FloatRange(0, 1), default=None,
              help="总一致率低于此值（0–1）时以退出码 1 结束。")
@click.option("--max-false-pass", type=click.IntRange(min=0), default=None,
              help="必备规则误判达标超过此数时以退出码 1 结束。")
@click.option("--only", default="*", show_default=True, help="只比较文件名匹配此通配的已标注报告。")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="输出格式。")
@rules_option
@profile_option
@config_option
def eval_cmd(paths: tuple[str, ...], gold: Path, min_agreement: float | None,
             max_false_pass: int | None, only: str, fmt: str, rules: Path | None,
             profile: str | None, config: Path | None) -> None:
    settings = settings_or_exit(config, rules=rules, profile=profile)
    path = rulebook_path(settings)
    res = resolved_or_exit(path, settings.profile)
    try:
        labels, warnings = load_labels(gold, res.book)
    except FileProblems as exc:
        fail_with("标注文件有误：", exc.problems)
    for w in warnings:
        click.echo(str(w), err=True)
    try:
        inputs = discover(list(paths) or ["reports"])
    except UsageError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_USAGE)
    engine = Engine(res.book, str(path), settings.profile)
    run = engine.run([(Path(p), shown) for p, shown in inputs])
    result = evaluate(labels, run, res.book, labels=str(gold), only=only)
    click.echo(eval_json(result) if fmt == "json" else eval_text(result), nl=False)
    sys.exit(EXIT_OK if passed(result, min_agreement, max_false_pass) else EXIT_FAILED)


# -- fazhi config ----------------------------------------------------------------------

@click.command("config")
@rules_option
@profile_option
@click.option("--waivers", type=click.Path(path_type=Path), default=None, help="豁免文件。")
@click.option("--out", type=click.Path(path_type=Path), default=None, help="HTML 评分卡的输出文件夹。")
@click.option("--fail-on", type=click.Choice(["never", "required", "recommended"]), default=None,
              help="有该级别（或更高级别）的规则缺失时以退出码 1 结束。")
@config_option
def config_cmd(rules: Path | None, profile: str | None, waivers: Path | None,
               out: Path | None, fail_on: str | None, config: Path | None) -> None:
    """显示生效的设置及每项的来源（命令行 > 配置文件 > 默认值）。"""
    settings = settings_or_exit(config, rules=rules, profile=profile, waivers=waivers, out=out,
                                fail_on=fail_on)
    try:
        default = shown(default_rulebook())
    except FileNotFoundError:
        default = "（未找到）"
    click.echo(config_text(settings, default), nl=False)


COMMANDS = [rules_group, eval_cmd, config_cmd]
