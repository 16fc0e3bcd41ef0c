"""The rulebook's shape. Every level forbids unknown keys.

A rule's ``check`` is validated against the parameter model of its ``kind``;
those models live with the check kinds (:mod:`fazhi.checks`) and are handed
to the loader, so this module does not depend on them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from fazhi.document.config import POSITION_KINDS, OutlineConfig, Regex, check_pattern

__all__ = ["Basis", "Messages", "Profile", "Regex", "Rule", "RuleOverride", "Rulebook",
           "Scoring", "check_pattern"]

STATUSES = ("pass", "partial", "fail", "not_applicable")
Status = Literal["pass", "partial", "fail", "not_applicable"]
RULE_ID_RE = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$"
NAME_RE = r"^[a-z][a-z0-9_]*$"


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("不能为空白，请写明内容")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]
"""Text an auditor reads: must say something (not empty, not only spaces)."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Basis(Strict):
    """A legal basis: the document and, where it has one, the article."""

    document: Text
    article: str | None = None


class Messages(Strict):
    """What the auditor reads for each status; ``{name}`` placeholders take the check's facts."""

    pass_: Text = Field(alias="pass")
    partial: Text | None = None
    fail: Text
    not_applicable: Text | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def for_status(self, status: str) -> str | None:
        return {"pass": self.pass_, "partial": self.partial, "fail": self.fail,
                "not_applicable": self.not_applicable}[status]


class Rule(Strict):
    """One required element of a report."""

    id: str = Field(pattern=RULE_ID_RE)
    title: Text
    severity: str
    weight: float | None = Field(default=None, ge=0)
    basis: list[Basis] = Field(min_length=1)
    description: str | None = None
    requires: list[str] = Field(default_factory=list)
    messages: Messages
    suggestion: Text
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
    statuses: list[Status] = Field(default_factory=lambda: list[Status](["fail"]))
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


class MessagesPatch(Strict):
    """Messages to replace in an override; the others stay."""

    pass_: Text | None = Field(default=None, alias="pass")
    partial: Text | None = None
    fail: Text | None = None
    not_applicable: Text | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class RuleOverride(Strict):
    """Changes to an existing rule (in ``override:`` of an extending rulebook or a profile).

    ``enabled: false`` removes the rule; ``check`` replaces the named keys of
    the rule's check (e.g. a threshold) and keeps the others.
    """

    enabled: bool = True
    severity: str | None = None
    weight: float | None = Field(default=None, ge=0)
    title: Text | None = None
    description: str | None = None
    basis: list[Basis] | None = Field(default=None, min_length=1)
    messages: MessagesPatch | None = None
    suggestion: Text | None = None
    check: dict[str, Any] | None = None


class Profile(Strict):
    """A variant of the rulebook for one type of issuer (township, department, …)."""

    title: Text
    description: str | None = None
    override: dict[str, RuleOverride] = Field(default_factory=dict)


class Rulebook(Strict):
    """A whole rulebook (after ``extends`` has been resolved)."""

    schema_version: Literal[1] = 1
    id: str = Field(pattern=NAME_RE)
    version: str
    title: Text
    scoring: Scoring
    document: OutlineConfig
    scopes: dict[str, list[str]]
    not_evidence: list[Regex] = Field(default_factory=list)
    rules: list[Rule] = Field(min_length=1)
    profiles: dict[str, Profile] = Field(default_factory=dict)

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def section_kinds(self) -> list[str]:
        return [k.name for k in self.document.kinds] + list(POSITION_KINDS)


class KindPatch(Strict):
    """Additions to a section kind: wordings are appended to the base's."""

    label: Text | None = None
    headings: list[Regex] = Field(default_factory=list)
    subheadings: list[Regex] = Field(default_factory=list)
    content: list[Regex] = Field(default_factory=list)
    opens: list[Regex] = Field(default_factory=list)
    exclude: list[Regex] = Field(default_factory=list)
    not_after: list[str] = Field(default_factory=list)
    next_year: bool | None = None
    min_content_hits: int | None = Field(default=None, ge=1)


class MetaPatch(Strict):
    """Additions to ``document.meta``: wordings are appended, numbers replaced."""

    title: list[Regex] = Field(default_factory=list)
    issuer: list[Regex] = Field(default_factory=list)
    place: list[Regex] = Field(default_factory=list)
    closing: list[Regex] = Field(default_factory=list)
    title_search_lines: int | None = Field(default=None, ge=1)
    closing_max_chars: int | None = Field(default=None, ge=1)


class DocumentPatch(Strict):
    """Changes to the base rulebook's ``document`` block: wordings (the kinds', the
    meta's, ``combine_joiners``) are appended to the base's, numbers replaced."""

    kinds: dict[str, KindPatch] = Field(default_factory=dict)
    meta: MetaPatch | None = None
    default_kind: str | None = None
    unstructured_kind: str | None = None
    plain_heading_max_chars: int | None = Field(default=None, ge=1)
    join_min_chars: int | None = Field(default=None, ge=1)
    combine_joiners: list[Regex] = Field(default_factory=list)


class ProfilePatch(Strict):
    """A profile in an extending rulebook: new (``title`` needed) or added to the base's."""

    title: Text | None = None
    description: str | None = None
    override: dict[str, RuleOverride] = Field(default_factory=dict)


class Extension(Strict):
    """A rulebook that ``extends`` another: only what differs from its base."""

    schema_version: Literal[1] = 1
    extends: Text
    id: str | None = Field(default=None, pattern=NAME_RE)
    version: str | None = None
    title: Text | None = None
    scoring: dict[str, Any] | None = None
    document: DocumentPatch | None = None
    scopes: dict[str, list[str]] = Field(default_factory=dict)
    not_evidence: list[Regex] = Field(default_factory=list)
    override: dict[str, RuleOverride] = Field(default_factory=dict)
    rules: list[Any] = Field(default_factory=list)
    profiles: dict[str, ProfilePatch] = Field(default_factory=dict)
