"""Measure a rulebook against reports a human has judged (gold labels).

The labels file maps a report's file name to the status a careful auditor
gave each rule (one status, or a list of acceptable ones); a ``meta`` entry
is ignored here::

    some-township-2022.txt:
      meta: {issuer: …}
      sec.example: pass
      content.example: [fail, partial]

Agreement is the share of labelled (report, rule) pairs where the tool's
status is one of the gold ones. A *false pass* is the worst error: a rule of
a verdict severity (required) judged ``pass`` where the auditor did not.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, Field

from fazhi.results import RunResult
from fazhi.rulebook.schema import STATUSES, Rulebook
from fazhi.rulebook.source import FileProblems, Problem, close_match, read_yaml

Gold = dict[str, dict[str, list[str]]]
ABSENT = "absent"


class RuleAgreement(BaseModel):
    """One rule: how often the tool agreed, and the confusion table gold × got."""

    rule: str
    title: str | None = None
    n: int = 0
    agree: int = 0
    table: dict[str, dict[str, int]] = Field(default_factory=dict)


class Disagreement(BaseModel):
    report: str
    rule: str
    gold: str
    got: str
    severity: str | None = None


class EvalResult(BaseModel):
    """The whole comparison (``fazhi eval --format json`` prints it)."""

    labels: str
    reports_labelled: int
    reports_found: int
    missing: list[str] = Field(default_factory=list)
    total: int = 0
    agree: int = 0
    agreement: float = 0.0
    rules: list[RuleAgreement] = Field(default_factory=list)
    disagreements: list[Disagreement] = Field(default_factory=list)
    false_passes: list[Disagreement] = Field(default_factory=list)
    unknown_rules: list[str] = Field(default_factory=list)


def load_labels(path: Path, book: Rulebook | None = None) -> tuple[Gold, list[Problem]]:
    """Read gold labels; raise :class:`FileProblems` for a malformed file.

    Returns the labels and warnings (a rule id the rulebook does not have).
    """
    data, tree = read_yaml(path, "标注文件")
    if not isinstance(data, dict):
        raise FileProblems([tree.problem((), "标注文件的顶层应为“报告文件名: {规则编号: 判定}”的映射")])
    errors: list[Problem] = []
    warnings: list[Problem] = []
    ids = [r.id for r in book.rules] if book is not None else []
    gold: Gold = {}
    for name, labels in data.items():
        if not isinstance(labels, dict):
            errors.append(tree.problem((name,), f"报告「{name}」的标注应为“规则编号: 判定”的映射"))
            continue
        mine: dict[str, list[str]] = {}
        for rule, want in labels.items():
            if rule == "meta":
                continue
            wants = want if isinstance(want, list) else [want]
            bad = [w for w in wants if w not in STATUSES]
            if bad or not wants:
                errors.append(tree.problem(
                    (name, rule), f"「{rule}」的判定「{want}」无效，应为 {'、'.join(STATUSES)} 之一（或其列表）"))
                continue
            if book is not None and rule not in ids:
                warnings.append(tree.problem(
                    (name, rule), f"规则「{rule}」不在所用的规则集中{close_match(str(rule), ids)}",
                    key=True, level="warning"))
            mine[str(rule)] = [str(w) for w in wants]
        gold[str(name)] = mine
    if errors:
        raise FileProblems(errors)
    return gold, warnings


def evaluate(gold: Gold, run: RunResult, book: Rulebook, labels: str = "",
             only: str = "*") -> EvalResult:
    """Compare the run's statuses with the gold labels."""
    gold = {k: v for k, v in gold.items() if fnmatch.fnmatchcase(k, only)}
    by_name: dict[str, int] = {}
    for i, rep in enumerate(run.reports):
        by_name.setdefault(rep.path, i)
        by_name.setdefault(PurePosixPath(rep.path.replace("\\", "/")).name, i)
    titles = {r.id: r.title for r in book.rules}
    order = [r.id for r in book.rules]
    per_rule: dict[str, RuleAgreement] = {}
    res = EvalResult(labels=labels, reports_labelled=len(gold), reports_found=0)
    verdict_sev = set(book.scoring.verdict.severities)
    for name, labels_ in gold.items():
        idx = by_name.get(name)
        found = run.reports[idx] if idx is not None else None
        if found is None or found.status != "checked":
            res.missing.append(name)
            continue
        res.reports_found += 1
        got = {x.rule: x for x in found.results}
        for rule, wants in labels_.items():
            x = got.get(rule)
            have = x.status if x else ABSENT
            want = "|".join(wants)
            ra = per_rule.setdefault(rule, RuleAgreement(rule=rule, title=titles.get(rule)))
            ra.n += 1
            res.total += 1
            row = ra.table.setdefault(want, {})
            row[have] = row.get(have, 0) + 1
            if have in wants:
                ra.agree += 1
                res.agree += 1
                continue
            d = Disagreement(report=name, rule=rule, gold=want, got=have,
                             severity=x.severity if x else None)
            res.disagreements.append(d)
            if have == "pass" and x is not None and x.severity in verdict_sev:
                res.false_passes.append(d)
    res.agreement = res.agree / res.total if res.total else 0.0
    res.rules = [per_rule[r] for r in order if r in per_rule] + \
        [per_rule[r] for r in sorted(per_rule) if r not in titles]
    res.unknown_rules = sorted(r for r in per_rule if r not in titles)
    return res


def passed(res: EvalResult, min_agreement: float | None, max_false_pass: int | None) -> bool:
    """Whether the thresholds hold and every labelled report was checked."""
    if res.missing:
        return False
    if min_agreement is not None and res.agreement < min_agreement:
        return False
    return max_false_pass is None or len(res.false_passes) <= max_false_pass
