"""A rulebook with a mistake is rejected with the file, the line and a plain sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fazhi.checks import PARAM_MODELS
from fazhi.cli import main
from fazhi.rulebook.loader import RulebookError, load_rulebook
from fazhi.rulebook.locate import default_rulebook

DEFAULT = default_rulebook().read_text(encoding="utf-8")


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "book.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def line_of(text: str, needle: str, nth: int = 1) -> int:
    count = 0
    for i, line in enumerate(text.splitlines(), 1):
        if needle in line:
            count += 1
            if count == nth:
                return i
    raise AssertionError(needle)


def problems(path: Path) -> list[str]:
    with pytest.raises(RulebookError) as exc:
        load_rulebook(path, PARAM_MODELS)
    return [str(p) for p in exc.value.problems]


def test_default_rulebook_loads() -> None:
    book = load_rulebook(default_rulebook(), PARAM_MODELS)
    assert len(book.rules) == 26


def test_unknown_key_with_did_you_mean(tmp_path: Path) -> None:
    text = DEFAULT.replace("    suggestion: 增设“其他需要报告的情况”", "    sugestion: 增设“其他需要报告的情况”")
    p = write(tmp_path, text)
    errs = problems(p)
    line = line_of(text, "sugestion:")
    assert any(f"book.yaml:{line}:" in e and "sugestion" in e and "suggestion" in e for e in errs), errs


def test_missing_field(tmp_path: Path) -> None:
    text = DEFAULT.replace("    severity: info\n", "")
    errs = problems(write(tmp_path, text))
    assert any("缺少" in e and "severity" in e for e in errs), errs
    line = line_of(text, "- id: sec.other_matters")
    assert any(f":{line}:" in e for e in errs), errs


def test_bad_regex_reports_its_line(tmp_path: Path) -> None:
    text = DEFAULT.replace("any: ['三项制度']", "any: ['三项(制度']").replace(
        "bundle: ['三项制度(?<!决策三项制度)']", "bundle: ['三项(制度']")
    assert text != DEFAULT
    errs = problems(write(tmp_path, text))
    line = line_of(text, "bundle: ['三项(制度']")
    assert any(f"book.yaml:{line}:" in e and "无法编译" in e for e in errs), errs


def test_full_width_pattern_rejected(tmp_path: Path) -> None:
    text = DEFAULT.replace("any: &advisor ['法律顾问',", "any: &advisor ['法律顾问（常年）',")
    assert text != DEFAULT
    errs = problems(write(tmp_path, text))
    assert any("全角" in e and f":{line_of(text, '法律顾问（常年）')}:" in e for e in errs), errs


def test_unknown_check_kind(tmp_path: Path) -> None:
    text = DEFAULT.replace("kind: issuer", "kind: isuer")
    errs = problems(write(tmp_path, text))
    assert any("isuer" in e and "issuer" in e and f":{line_of(text, 'kind: isuer')}:" in e
               for e in errs), errs


def test_requires_unknown_rule(tmp_path: Path) -> None:
    text = DEFAULT.replace("requires: [form.date]", "requires: [form.dates]")
    errs = problems(write(tmp_path, text))
    assert any("form.dates" in e and "form.date" in e for e in errs), errs


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    text = DEFAULT.replace("    severity: info\n", "    severity: info\n    severity: required\n")
    errs = problems(write(tmp_path, text))
    assert any("重复" in e for e in errs), errs


def test_duplicate_rule_id(tmp_path: Path) -> None:
    text = DEFAULT.replace("- id: sec.other_matters", "- id: sec.measures")
    errs = problems(write(tmp_path, text))
    assert any("重复" in e and "sec.measures" in e for e in errs), errs


def test_unknown_scope(tmp_path: Path) -> None:
    text = DEFAULT.replace("kind: count_matches\n      scope: work", "kind: count_matches\n      scope: wrok")
    errs = problems(write(tmp_path, text))
    assert any("wrok" in e for e in errs), errs


def test_yaml_syntax_error(tmp_path: Path) -> None:
    errs = problems(write(tmp_path, "id: x\nrules: [\n"))
    assert errs and "YAML" in errs[0]


def test_cli_exits_2_on_a_bad_rulebook(tmp_path: Path) -> None:
    text = DEFAULT.replace("    severity: info\n", "    severty: info\n")
    p = write(tmp_path, text)
    r = CliRunner().invoke(main, ["check", "--rules", str(p), "--format", "json",
                                  str(Path(__file__).parent.parent / "reports")])
    assert r.exit_code == 2
    assert "book.yaml:" in r.output and "severty" in r.output


def test_unknown_kind_in_not_after(tmp_path: Path) -> None:
    text = DEFAULT.replace("not_after: [next_year_plan]", "not_after: [next_yaer_plan]")
    assert text != DEFAULT
    errs = problems(write(tmp_path, text))
    line = line_of(text, "not_after: [next_yaer_plan]")
    assert any(f"book.yaml:{line}:" in e and "next_yaer_plan" in e and "next_year_plan" in e
               for e in errs), errs
