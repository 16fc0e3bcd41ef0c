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

_MODULES: list[ModuleType] = [section, phrases, elements, count_items, count_matches, title,
                              issuer, date, deadline, year_consistency]


def _kind(module: ModuleType) -> str:
    return str(module.Params.model_fields["kind"].annotation.__args__[0])


KINDS: dict[str, ModuleType] = {_kind(m): m for m in _MODULES}
PARAM_MODELS: dict[str, type[BaseModel]] = {k: m.Params for k, m in KINDS.items()}


def evaluate(params: BaseModel, ctx: Context) -> Outcome:
    """Run the check kind that ``params`` belongs to."""
    kind: Any = params.kind  # type: ignore[attr-defined]
    fn: Callable[[Any, Context], Outcome] = KINDS[kind].evaluate
    return fn(params, ctx)


__all__ = ["KINDS", "PARAM_MODELS", "Context", "Outcome", "evaluate"]
