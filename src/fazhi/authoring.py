"""Rulebook authoring: ``fazhi rules validate`` and what ``list``/``explain`` show.

Validation gathers, with their file positions: the loader's errors (schema,
duplicate ids, unknown ``requires``, patterns that do not compile, backtrack
catastrophically or cannot match), the errors of every profile, doubtful
messages (a status the rule can give without a message, a message for a
status it never gives), mistakes in the test case files, and rules without
enough test cases (warnings).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fazhi.checks import PARAM_MODELS, possible_statuses
from fazhi.rulebook.cases import RuleCase
from fazhi.rulebook.loader import Resolved, RulebookError, resolve
from fazhi.rulebook.locate import tests_dir
from fazhi.rulebook.source import Problem, close_match
from fazhi.ruletests import cases_for, missing_statuses

STATUS_LABELS = {"pass": "达标", "partial": "部分达标", "fail": "缺失", "not_applicable": "不适用"}


@dataclass
class Validation:
    """The outcome of validating one rulebook file."""

    path: Path
    problems: list[Problem]
    resolved: Resolved | None = None
    cases: list[RuleCase] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level != "error"]


def load(path: Path, profile: str | None = None) -> Resolved:
    """The resolved rulebook (raise :class:`RulebookError`)."""
    return resolve(path, PARAM_MODELS, profile)


def validate_rulebook(path: Path, profile: str | None = None) -> Validation:
    """Every error and warning of a rulebook, its profiles and its test cases."""
    try:
        res = load(path, profile)
    except RulebookError as exc:
        return Validation(path, _unique(exc.problems))
    problems: list[Problem] = list(res.warnings)
    if profile is None:
        for name in res.book.profiles:
            try:
                load(path, name)
            except RulebookError as exc:
                problems += exc.problems
    problems += message_problems(res)
    cases, others, case_problems = cases_for(res)
    problems += case_problems
    ids = [r.id for r in res.book.rules]
    for c in {c.file: c for c in others if c.rule not in res.disabled}.values():
        problems.append(Problem(c.file, c.rule_line, 1, (
            f"用例文件指向的规则「{c.rule}」不在本规则集中{close_match(c.rule, ids)}"), "warning"))
    tested = {c.rule for c in cases}
    where = tests_dir(res.files[0])
    missing = missing_statuses(res, cases)
    for i, rule in enumerate(res.book.rules):
        lacking = missing.get(rule.id)
        if not lacking:
            continue
        if rule.id not in tested:
            msg = f"规则「{rule.id}」没有测试用例；请在 {where / (rule.id + '.yaml')} 中为它写用例"
        else:
            names = "、".join(STATUS_LABELS[s] for s in lacking)
            msg = f"规则「{rule.id}」缺少期望为「{names}」的测试用例"
        problems.append(res.tree.problem(("rules", i, "id"), msg, level="warning"))
    return Validation(path, _unique(problems), res, cases)


def message_problems(res: Resolved) -> list[Problem]:
    """A status the rule can give without its message, or a message never used."""
    out: list[Problem] = []
    for i, (rule, params) in enumerate(zip(res.book.rules, res.checks, strict=True)):
        can = possible_statuses(rule, params, res.book)
        kind_can = set(possible_statuses(rule.model_copy(update={"requires": []}), params,
                                         res.book))
        loc = ("rules", i, "messages")
        if "partial" in can and rule.messages.partial is None and not _tier_messages(params):
            out.append(res.tree.problem(loc, (
                f"规则「{rule.id}」可能判定为部分达标，但 messages 中没有 partial 说明"
                "（将显示缺失时的说明）"), level="warning"))
        if "not_applicable" in kind_can and rule.messages.not_applicable is None:
            out.append(res.tree.problem(loc, (
                f"规则「{rule.id}」可能判定为不适用，但 messages 中没有 not_applicable 说明"),
                level="warning"))
        for status in ("partial", "not_applicable"):
            if rule.messages.for_status(status) is not None and status not in can:
                out.append(res.tree.problem((*loc, status), (
                    f"规则「{rule.id}」不会判定为{STATUS_LABELS[status]}，这条说明永远用不到"),
                    level="warning"))
    return out


def _tier_messages(params: object) -> bool:
    tiers = getattr(params, "tiers", None) or []
    partial = [t for t in tiers if t.status == "partial"]
    return bool(partial) and all(t.message for t in partial)


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    out = []
    for p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return sorted(out, key=lambda p: (p.level != "error", p.file, p.line, p.column))
