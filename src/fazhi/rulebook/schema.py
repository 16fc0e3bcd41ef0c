"""The rulebook's shape. Every level forbids unknown keys.

A rule's ``check`` is validated against the parameter model of its ``kind``;
those models live with the check kinds (:mod:`fazhi.checks`) and are handed
to the loader, so this module does not depend on them.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from fazhi.document.config import OutlineConfig
from fazhi.document.normalize import changes_under_normalization

STATUSES = ("pass", "partial", "fail", "not_applicable")
Status = Literal["pass", "partial", "fail", "not_applicable"]
RULE_ID_RE = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"


def _check_regex(value: str) -> str:
    if not value:
        raise ValueError("模式不能为空")
    try:
        rx = re.compile(value)
    except re.error as exc:
        raise ValueError(f"正则表达式无法编译（第 {exc.pos} 个字符处）：{exc.msg}") from exc
    changed = changes_under_normalization(value)
    if changed:
        chars = "、".join(changed)
        raise ValueError(
            f"模式中含有全角或兼容字符「{chars}」。报告文本在匹配前已统一为半角（如（一）→(一)、"
            "：→:），这样的模式永远匹配不到；请改写为半角形式（括号写作 \\( \\)）"
        )
    if rx.match(""):
        raise ValueError("模式可以匹配空字符串，会在任何位置命中；请改写")
    return value


Regex = Annotated[str, AfterValidator(_check_regex)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Basis(Strict):
    """A legal basis: the document and, where it has one, the article."""

    document: str = Field(min_length=1)
    article: str | None = None


class Messages(Strict):
    """What the auditor reads for each status; ``{name}`` placeholders take the check's facts."""

    pass_: str = Field(alias="pass", min_length=1)
    partial: str | None = None
    fail: str = Field(min_length=1)
    not_applicable: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def for_status(self, status: str) -> str | None:
        return {"pass": self.pass_, "partial": self.partial, "fail": self.fail,
                "not_applicable": self.not_applicable}[status]


class Rule(Strict):
    """One required element of a report."""

    id: str = Field(pattern=RULE_ID_RE)
    title: str = Field(min_length=1)
    severity: str
    weight: float | None = Field(default=None, ge=0)
    basis: list[Basis] = Field(min_length=1)
    description: str | None = None
    requires: list[str] = Field(default_factory=list)
    messages: Messages
    suggestion: str = Field(min_length=1)
    check: Any


class Severity(Strict):
    label: str
    weight: float = Field(ge=0)


class Grade(Strict):
    min: float
    label: str


class Verdict(Strict):
    """The report is ``fail_label`` when a rule of a listed severity has a listed status."""

    severities: list[str]
    statuses: list[Status] = Field(default=["fail"])
    pass_label: str = "合规"
    fail_label: str = "不合规"


class Scoring(Strict):
    severities: dict[str, Severity]
    credits: dict[Literal["pass", "partial", "fail"], float]
    grades: list[Grade] = Field(min_length=1)
    verdict: Verdict

    @model_validator(mode="after")
    def _grades_sorted(self) -> Scoring:
        mins = [g.min for g in self.grades]
        if mins != sorted(mins, reverse=True):
            raise ValueError("grades 须按 min 从高到低排列")
        return self


class Rulebook(Strict):
    """A whole rulebook."""

    schema_version: Literal[1] = 1
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: str
    title: str
    scoring: Scoring
    document: OutlineConfig
    scopes: dict[str, list[str]]
    rules: list[Rule] = Field(min_length=1)

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def section_kinds(self) -> list[str]:
        return [k.name for k in self.document.kinds] + ["preamble", "closing"]
