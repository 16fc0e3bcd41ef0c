"""The default rulebook's own test cases (rules/tests/<rule-id>.yaml), one pytest
test per case: ``pytest -k content.three_systems`` runs one rule's cases."""

from __future__ import annotations

import pytest

from conftest import DEFAULT
from fazhi.authoring import load
from fazhi.checks import possible_statuses
from fazhi.engine import Engine
from fazhi.render.authoring import case_result_text
from fazhi.ruletests import cases_for, missing_statuses, run_case

RESOLVED = load(DEFAULT)
CASES, OTHERS, PROBLEMS = cases_for(RESOLVED)
ENGINE = Engine(RESOLVED.book, str(DEFAULT))


def test_case_files_are_clean() -> None:
    assert PROBLEMS == []
    assert OTHERS == []


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case) -> None:  # type: ignore[no-untyped-def]
    result = run_case(ENGINE, case)
    assert result.ok, case_result_text(result)


def test_every_rule_has_pass_fail_and_possible_partial_cases() -> None:
    """Meta-test: each rule has a pass and a fail case, and a partial (and a
    not_applicable) case wherever the rule can give that status."""
    assert missing_statuses(RESOLVED, CASES) == {}
    have: dict[str, set[str]] = {}
    for c in CASES:
        have.setdefault(c.rule, set()).add(c.expect)
    for rule, params in zip(RESOLVED.book.rules, RESOLVED.checks, strict=True):
        can = set(possible_statuses(rule, params, RESOLVED.book))
        assert {"pass", "fail"} <= have[rule.id], rule.id
        assert can <= have[rule.id], rule.id
        # and no case expects a status the rule cannot give
        assert have[rule.id] <= can, rule.id


def test_statuses_that_rules_md_allows() -> None:
    """The rules that RULES.md says cannot be partial are not partial here either."""
    no_partial = {"sec.other_matters", "quality.rectification", "form.timeliness",
                  "form.year_consistency"}
    for rule, params in zip(RESOLVED.book.rules, RESOLVED.checks, strict=True):
        can = possible_statuses(rule, params, RESOLVED.book)
        assert ("partial" in can) == (rule.id not in no_partial), rule.id
