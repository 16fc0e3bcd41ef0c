"""Check kinds: one module each, registered here by their ``kind`` name."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from pydantic import BaseModel

from fazhi.checks import (
    count_items,
    count_matches,
    date,
    deadline,
    elements,
    issuer,
    phrases,
    section,
    title,
    year_consistency,
)
from fazhi.checks.base import Context, Outcome
from fazhi.rulebook.schema import STATUSES, Rule, Rulebook

_MODULES: list[ModuleType] = [section, phrases, elements, count_items, count_matches, title,
                              issuer, date, deadline, year_consistency]


def _kind(module: ModuleType) -> str:
    return str(module.Params.model_fields["kind"].annotation.__args__[0])


KINDS: dict[str, ModuleType] = {_kind(m): m for m in _MODULES}
PARAM_MODELS: dict[str, type[BaseModel]] = {k: m.Params for k, m in KINDS.items()}
_BY_MODEL: dict[type[BaseModel], ModuleType] = {m.Params: m for m in _MODULES}


def evaluate(params: BaseModel, ctx: Context) -> Outcome:
    """Run the check kind that ``params`` belongs to."""
    fn: Callable[[Any, Context], Outcome] = _BY_MODEL[type(params)].evaluate
    return fn(params, ctx)


def possible_statuses(rule: Rule, params: BaseModel, book: Rulebook) -> list[str]:
    """The statuses a rule can get: its check kind's, plus not_applicable when it
    has a prerequisite rule."""
    kind: Any = getattr(params, "kind")  # noqa: B009
    found = set(KINDS[kind].statuses(params, book))
    if rule.requires:
        found.add("not_applicable")
    return [s for s in STATUSES if s in found]


def summary(kind: str) -> str:
    """What a check kind looks for, in a sentence for auditors."""
    module = KINDS.get(kind)
    return str(getattr(module, "SUMMARY", kind)) if module else kind


__all__ = ["KINDS", "PARAM_MODELS", "Context", "Outcome", "evaluate", "possible_statuses",
           "summary"]
