"""Terminal text for rulebook authors: problems, the rule list, one rule
explained, rule test results and the effective configuration."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from fazhi.checks import possible_statuses, summary
from fazhi.document.config import POSITION_KINDS
from fazhi.render.text import LABELS
from fazhi.rulebook.cases import RuleCase
from fazhi.rulebook.loader import Resolved
from fazhi.rulebook.source import Problem
from fazhi.ruletests import CaseResult
from fazhi.settings import Settings

FIELD_LABELS = {
    "scope": "查找范围", "part": "部位", "any": "措辞", "exclude": "排除的措辞",
    "tiers": "按顺序尝试的层级", "status": "判定", "elsewhere": "只在此处找到时计为部分达标",
    "bundle": "只写统称时计为部分达标", "elements": "要素", "name": "名称",
    "pass_min": "达标至少", "partial_min": "部分达标至少", "kinds": "章节类型",
    "min_chars": "正文至少字数", "mentions": "没有该章节时，顺带提及的措辞",
    "mentions_scope": "顺带提及的查找范围", "exclude_blocks": "不计入的小节（标题措辞）",
    "exclude_paragraphs": "不计入的段落（开头措辞）", "components": "组成部分",
    "expect": "期望", "offset": "与报告年度相差（年）", "month": "月", "day": "日",
    "years_after": "报告年度之后第几年", "message": "说明", "otherwise": "都未找到时判定",
    "headingless": "报告没有任何标题时判定", "max_evidence": "最多列出证据",
    "empty_message": "章节为空时的说明",
    "next_year_mentions": "没有该章节时，紧跟在报告年度下一年（如“2024年，”）之后的打算措辞",
    "figures": "日期只用数字写（如 2024.2.1）时判定", "figures_message": "日期只用数字写时的说明",
    "elsewhere_message": "只在此处找到时的说明", "bundle_message": "只写统称时的说明",
    "mentions_exclude": "不算顺带提及的措辞", "few_message": "找到标题但缺的部分太多时的说明",
    "cited": "书名号里引用的文件名中的措辞也算",
}
PART_LABELS = {"all": "全部", "body": "正文（不含本节标题）", "heading": "一级标题",
               "headings": "各级标题、段首小标题和“一是……”引领句"}


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


def pad(s: str, n: int) -> str:
    return s + " " * max(0, n - width(s))


def shown(path: Path | str) -> str:
    """A path relative to the working directory when it is inside it."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


# -- validate ---------------------------------------------------------------

def problems_text(path: Path, problems: list[Problem]) -> str:
    lines = [str(p) for p in problems]
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        lines.append(f"规则文件 {shown(path)} 检查通过：没有错误，没有警告。")
    else:
        lines.append(f"规则文件 {shown(path)}：{errors} 个错误，{warnings} 个警告。")
    return "\n".join(lines) + "\n"


# -- list ------------------------------------------------------------------

def rules_table(res: Resolved) -> str:
    book = res.book
    head = f"规则集 {book.id} {book.version}《{book.title}》"
    if res.profile:
        head += f"，适用情形：{res.profile}（{book.profiles[res.profile].title}）"
    rows = [("编号", "标题", "严重程度", "权重", "检查类型")]
    for rule in book.rules:
        sev = book.scoring.severities[rule.severity]
        weight = rule.weight if rule.weight is not None else sev.weight
        rows.append((rule.id, rule.title, sev.label, f"{weight:g}", rule.check["kind"]))
    widths = [max(width(r[i]) for r in rows) for i in range(4)]
    lines = [head, ""]
    for r in rows:
        lines.append("  ".join(pad(c, widths[i]) for i, c in enumerate(r[:4])) + "  " + r[4])
    lines.append("")
    lines.append(f"共 {len(book.rules)} 条规则。")
    if book.profiles and not res.profile:
        names = "、".join(f"{k}（{p.title}）" for k, p in book.profiles.items())
        lines.append(f"可用的适用情形（--profile）：{names}")
    return "\n".join(lines) + "\n"


# -- explain ------------------------------------------------------------------

def _scope_text(res: Resolved, scope: str) -> str:
    labels = {k.name: k.label for k in res.book.document.kinds}
    labels.update(POSITION_KINDS)
    if scope == "all":
        return "all（全文）"
    if scope.startswith("rule:"):
        return f"{scope}（规则 {scope[5:]} 找到证据的位置）"
    if scope in res.book.scopes:
        members = "、".join(labels.get(k, k) for k in res.book.scopes[scope])
        return f"{scope}（{members}）"
    return f"{scope}（{labels.get(scope, scope)}）"


def _value_text(res: Resolved, key: str, value: Any) -> str:
    if key in ("scope", "elsewhere", "mentions_scope") and isinstance(value, str):
        return _scope_text(res, value)
    if key == "kinds" and isinstance(value, list):
        return "、".join(_scope_text(res, v) for v in value)
    if key == "part" and isinstance(value, str):
        return PART_LABELS.get(value, value)
    if key in ("status", "otherwise", "headingless") and isinstance(value, str):
        return LABELS.get(value, value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    return str(value)


def _params_lines(res: Resolved, model: BaseModel, indent: str) -> list[str]:
    out: list[str] = []
    for name, f in type(model).model_fields.items():
        if name == "kind":
            continue
        if name not in model.model_fields_set and name not in ("scope", "part"):
            continue
        key = f.alias or name
        value = getattr(model, name)
        label = FIELD_LABELS.get(key, key)
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            out.append(f"{indent}{label}：")
            for item in value:
                sub = _params_lines(res, item, indent + "    ")
                if sub:
                    out.append(indent + "  - " + sub[0].strip())
                    out += sub[1:]
        elif isinstance(value, BaseModel):
            out.append(f"{indent}{label}：")
            out += _params_lines(res, value, indent + "  ")
        else:
            out.append(f"{indent}{label}：{_value_text(res, key, value)}")
    return out


def explain_text(res: Resolved, rule_id: str, cases: list[RuleCase]) -> str:
    book = res.book
    i = next(n for n, r in enumerate(book.rules) if r.id == rule_id)
    rule, params = book.rules[i], res.checks[i]
    sev = book.scoring.severities[rule.severity]
    weight = rule.weight if rule.weight is not None else sev.weight
    kind = rule.check["kind"]
    lines = [f"{rule.id}　{rule.title}",
             f"严重程度：{sev.label}（{rule.severity}，权重 {weight:g}）"]
    if rule.description:
        lines.append(f"说明：{rule.description}")
    lines.append("法律依据：")
    lines += [f"  - {b.document}{b.article or ''}" for b in rule.basis]
    if rule.requires:
        titles = "、".join(f"{r}（{book.rule(r).title}）" for r in rule.requires)
        lines.append(f"前提规则：{titles}；前提规则缺失时本项不适用")
    lines.append(f"检查方式：{kind} —— {summary(kind)}")
    lines.append("查找什么、在哪里找：")
    lines += _params_lines(res, params, "  ")
    lines.append("可能的判定：")
    for status in possible_statuses(rule, params, book):
        msg = rule.messages.for_status(status)
        if msg is None and status == "not_applicable" and rule.requires:
            msg = "前提规则「{requires}」未达标，本项不适用。"
        lines.append(f"  {LABELS[status]}：{msg or rule.messages.fail}")
    lines.append(f"整改建议：{rule.suggestion}")
    mine = [c for c in cases if c.rule == rule_id]
    if mine:
        lines.append(f"示例（{shown(mine[0].file)}）：")
        for c in mine:
            first = next((ln.strip() for ln in c.text.splitlines() if ln.strip()), "")
            lines.append(f"  [{LABELS[c.expect]}] {c.name}：{c.note or first}")
    else:
        lines.append("示例：没有测试用例。")
    return "\n".join(lines) + "\n"


# -- test -------------------------------------------------------------------------

def _status(s: str | None) -> str:
    return LABELS.get(s or "", s or "无结果")


def case_result_text(r: CaseResult) -> str:
    c = r.case
    mark = "✓" if r.ok else "✗"
    lines = [f"{mark} {c.rule} / {c.name}（{shown(c.file)}:{c.line}）"]
    if r.ok:
        return lines[0] + "\n"
    if r.error:
        lines.append(f"    {r.error}")
        return "\n".join(lines) + "\n"
    lines.append(f"    期望：{_status(c.expect)}　实际：{_status(r.got)}")
    if c.note:
        lines.append(f"    用例说明：{c.note}")
    if r.result is not None:
        lines.append(f"    判定说明：{r.result.message}")
        for e in r.result.evidence:
            where = f"用例第 {e.line} 行（{shown(c.file)}:{c.file_line(e.line)}）" if e.line else "用例中"
            sec = f"〔{e.section}〕" if e.section else ""
            lines.append(f"    证据：{where}「{e.text}」{sec}")
        if not r.result.evidence:
            lines.append("    证据：无（没有找到任何相关措辞）")
    return "\n".join(lines) + "\n"


def test_report(results: list[CaseResult], verbose: bool = False,
                skipped: list[RuleCase] | None = None, disabled: set[str] | None = None) -> str:
    parts = [case_result_text(r) for r in results if verbose or not r.ok]
    for c in skipped or []:
        why = "规则在本规则集中已停用" if c.rule in (disabled or set()) else "规则不在本规则集中"
        parts.append(f"– 跳过 {c.rule} / {c.name}（{shown(c.file)}:{c.line}）：{why}\n")
    failed = sum(not r.ok for r in results)
    tail = f"共 {len(results)} 个用例：通过 {len(results) - failed} 个，失败 {failed} 个"
    if skipped:
        tail += f"，跳过 {len(skipped)} 个"
    parts.append(tail + "。\n")
    return "".join(parts)


# -- config ---------------------------------------------------------------------

def config_text(settings: Settings, default_rules: str) -> str:
    where = shown(settings.config_file) if settings.config_file else "无（当前目录没有 fazhi.yaml）"
    lines = [f"配置文件：{where}", "生效的设置（优先级：命令行 > 配置文件 > 默认值）："]
    rows = []
    for key, s in settings.values.items():
        if s.value is None:
            value = f"（内置）{default_rules}" if key == "rules" else "（无）"
        else:
            value = shown(s.value) if isinstance(s.value, Path) else str(s.value)
        rows.append((key, value, s.source))
    w0 = max(width(r[0]) for r in rows)
    w1 = max(width(r[1]) for r in rows)
    lines += [f"  {pad(k, w0)}  {pad(v, w1)}  来自：{src}" for k, v, src in rows]
    return "\n".join(lines) + "\n"
