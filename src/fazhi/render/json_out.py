"""The JSON document of a run (schema ``fazhi.check/1``), byte-stable.

Each report's extracted text (``source``) is left out unless asked for: it
makes the document several times larger, and only re-rendering scorecards
(``fazhi report``) needs it.
"""

from __future__ import annotations

import json

from fazhi.results import RunResult


def to_json(run: RunResult, include_source: bool = False) -> str:
    exclude = None if include_source else {"reports": {"__all__": {"source"}}}
    data = run.model_dump(mode="json", by_alias=True, exclude=exclude)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def from_json(text: str) -> RunResult:
    return RunResult.model_validate_json(text)
