"""Shared fixtures: the repository's default rulebook and helpers to write variants."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
DEFAULT = RULES / "annual_report.yaml"
REPORTS = ROOT / "reports"
LABELS = ROOT / "tests" / "data" / "labels.yaml"


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the ``nth`` occurrence of ``needle`` in ``text``."""
    pos = -1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    return text.count("\n", 0, pos) + 1


@pytest.fixture
def mutated(tmp_path: Path):
    """Write the default rulebook with one replacement; return (path, text)."""

    def make(old: str, new: str, name: str = "book.yaml") -> tuple[Path, str]:
        text = DEFAULT.read_text(encoding="utf-8")
        assert old in text, old
        text = text.replace(old, new, 1)
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path, text

    return make
