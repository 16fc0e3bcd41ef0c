"""The JSON document of a run (schema ``fazhi.check/1``), byte-stable."""

from __future__ import annotations

import json

from fazhi.results import RunResult


def to_json(run: RunResult) -> str:
    data = run.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def from_json(text: str) -> RunResult:
    return RunResult.model_validate_json(text)
