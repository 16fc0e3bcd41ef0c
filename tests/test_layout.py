"""Guards on the code's shape: the rulebook is data, the pipeline goes one way."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPORTS, ROOT
from fazhi.checks import PARAM_MODELS
from fazhi.rulebook.loader import load_rulebook
from fazhi.rulebook.locate import default_rulebook

SRC = ROOT / "src" / "fazhi"


def python_sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_no_rule_id_or_report_name_in_python() -> None:
    book = load_rulebook(default_rulebook(), PARAM_MODELS)
    needles = [r.id for r in book.rules] + [p.stem for p in REPORTS.glob("*.txt")]
    offenders = [f"{p.relative_to(ROOT)}: {n}" for p in python_sources()
                 for n in needles if n in p.read_text(encoding="utf-8")]
    assert not offenders


# Which top-level parts of the package each part may import.
ALLOWED = {
    "document": {"document"},
    "rulebook": {"rulebook", "document"},
    "checks": {"checks", "document", "rulebook"},
    "results": {"document"},
}


def test_imports_go_one_way() -> None:
    bad = []
    for p in python_sources():
        part = p.relative_to(SRC).parts[0].removesuffix(".py")
        if part not in ALLOWED:
            continue
        tree = ast.parse(p.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("fazhi."):
                target = node.module.split(".")[1]
                if target not in ALLOWED[part]:
                    bad.append(f"{p.relative_to(ROOT)} imports {node.module}")
    assert not bad


def test_every_check_kind_is_documented() -> None:
    from fazhi.checks import KINDS

    for kind, module in KINDS.items():
        assert module.__doc__ and f"``{kind}``" in module.__doc__, kind
        assert kind in PARAM_MODELS


def test_every_reading_warning_has_a_sentence_and_a_short_label() -> None:
    """A warning the document stage gives (a string literal put into ``warnings``)
    is shown to the auditor in words on the scorecard and in the overview, never
    as its code."""
    import re

    from fazhi.render.text import WARNING_SHORT, WARNING_TEXT

    emitted: set[str] = set()
    for py in (ROOT / "src" / "fazhi" / "document").rglob("*.py"):
        text = py.read_text("utf-8")
        emitted |= set(re.findall(r'warnings\.append\("(\w+)"\)', text))
        emitted |= set(re.findall(r'warnings=\["(\w+)"\]', text))
    assert {"damaged_bytes", "too_short", "damaged_pages"} <= emitted  # the search finds them
    assert emitted <= WARNING_TEXT.keys()
    assert emitted <= WARNING_SHORT.keys()
