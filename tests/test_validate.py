"""``fazhi rules validate``: every kind of mistake, reported at its exact line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DEFAULT, line_of
from fazhi.authoring import validate_rulebook
from fazhi.cli import main


def errors_at(path: Path) -> list[tuple[int, str]]:
    v = validate_rulebook(path)
    return [(p.line, p.message) for p in v.errors]


def one_error(path: Path) -> tuple[int, str]:
    errs = errors_at(path)
    assert len(errs) == 1, errs
    return errs[0]


def test_default_rulebook_is_clean() -> None:
    v = validate_rulebook(DEFAULT)
    assert v.problems == []


def test_unknown_key_did_you_mean(mutated) -> None:
    path, text = mutated("    severity: info\n", "    sevrity: info\n")
    line, msg = next(e for e in errors_at(path) if "未知字段" in e[1])
    assert line == line_of(text, "sevrity")
    assert "未知字段「sevrity」" in msg and "是否应为「severity」" in msg


def test_unknown_key_in_check_did_you_mean(mutated) -> None:
    path, text = mutated("      min_chars: 50\n", "      min_char: 50\n")
    line, msg = one_error(path)
    assert line == line_of(text, "min_char:")
    assert "是否应为「min_chars」" in msg


def test_duplicate_yaml_key(mutated) -> None:
    path, text = mutated("    title: 存在的不足\n", "    title: 存在的不足\n    title: 不足\n")
    line, msg = one_error(path)
    assert line == line_of(text, "    title: 不足")
    assert "重复出现" in msg


def test_duplicate_rule_id(mutated) -> None:
    path, text = mutated("  - id: sec.next_year_plan\n", "  - id: sec.shortcomings\n")
    lines = [ln for ln, m in errors_at(path) if "重复" in m]
    assert lines == [line_of(text, "  - id: sec.shortcomings", nth=2)]


def test_requires_names_no_rule(mutated) -> None:
    path, text = mutated("    requires: [sec.shortcomings]\n", "    requires: [sec.shortcomigs]\n")
    line, msg = one_error(path)
    assert line == line_of(text, "sec.shortcomigs")
    assert "前提规则「sec.shortcomigs」不存在" in msg and "是否应为「sec.shortcomings」" in msg


def test_requires_a_later_rule(mutated) -> None:
    path, text = mutated("    requires: [sec.shortcomings]\n", "    requires: [form.date]\n")
    line, msg = one_error(path)
    assert line == line_of(text, "requires: [form.date]")
    assert "须写在本规则之前" in msg


def test_regex_that_does_not_compile(mutated) -> None:
    path, text = mutated("'主要原因'", "'主要(原因'")
    line, msg = one_error(path)
    assert line == line_of(text, "主要(原因")
    assert "无法编译" in msg and "第 3 个字符处" in msg


def test_full_width_pattern(mutated) -> None:
    path, text = mutated("'根源在于'", "'根源在于（'")
    line, msg = one_error(path)
    assert line == line_of(text, "根源在于（")
    assert "全角" in msg


@pytest.mark.parametrize("bad", ["(顾问)\\1", "(?P<x>律师)(?P=x)", "(公职)?(?(1)律师|顾问)"])
def test_pattern_referring_to_its_groups(mutated, bad: str) -> None:
    """A list's patterns are joined into one: a reference to a group by its place
    would point at another pattern's group and match something else."""
    path, text = mutated("'法律顾问', '公职律师'", f"'法律顾问', '{bad}'")
    line, msg = one_error(path)
    assert line == line_of(text, bad)
    assert "引用了前面的分组" in msg


@pytest.mark.parametrize("bad", [r"(\\d+\\.?)+件", "(.*,)*处", "(审查|审查)+"])
def test_catastrophic_backtracking(mutated, bad: str) -> None:
    path, text = mutated("'法律顾问', '公职律师'", f"'法律顾问', \"{bad}\"")
    line, msg = one_error(path)
    assert line == line_of(text, bad)
    assert "灾难性回溯" in msg


@pytest.mark.parametrize("bad, why", [
    (r"\\b法律顾问", "\\b"),
    ("法律^顾问", "^"),
    ("法律顾问$了", "$"),
    ("法律 顾问", "空白"),
    (r"法律\\s顾问", "空白"),
    (r"[^\\s\\S]", "字符类是空的"),
])
def test_pattern_that_cannot_match(mutated, bad: str, why: str) -> None:
    path, text = mutated("'法律顾问', '公职律师'", f"'公职律师', \"{bad}\"")
    line, msg = one_error(path)
    assert line == line_of(text, bad)
    assert "匹配不到" in msg and why in msg


def test_document_wordings_are_linted(mutated) -> None:
    path, text = mutated("'薄弱', '短板']", "'薄弱', '短板', '(短|板|短板)+']")
    line, msg = one_error(path)
    assert line == line_of(text, "(短|板|短板)+")
    assert "灾难性回溯" in msg


def test_rule_without_basis(mutated) -> None:
    old = ("    basis:\n      - {document: 《法治政府建设与责任落实督察工作规定》, "
           "article: 第二十五条第（五）项}\n")
    path, text = mutated(old, "")
    line, msg = one_error(path)
    assert line == line_of(text, "  - id: sec.other_matters")
    assert "缺少法律依据（basis" in msg


def test_rule_with_empty_basis(mutated) -> None:
    old = ("    basis:\n      - {document: 《法治政府建设与责任落实督察工作规定》, "
           "article: 第二十五条第（五）项}\n")
    path, text = mutated(old, "    basis: []\n")
    line, msg = one_error(path)
    assert line == line_of(text, "basis: []")
    assert "法律依据" in msg and "不能为空" in msg


def test_rule_without_message(mutated) -> None:
    path, text = mutated("      fail: 报告没有“其他需要报告的情况”一节（无其他情况时可写明“无”）。\n", "")
    line, msg = one_error(path)
    # the messages block of sec.other_matters, the 6th rule
    assert line == line_of(text, "    messages:", nth=6)
    assert "缺少缺失时的说明（fail）" in msg


def test_rule_without_suggestion(mutated) -> None:
    path, text = mutated("    suggestion: 增设“其他需要报告的情况”一节；没有需要报告的情况时写明“无”。\n", "")
    line, msg = one_error(path)
    assert line == line_of(text, "  - id: sec.other_matters")
    assert "整改建议（suggestion）" in msg


def test_blank_suggestion(mutated) -> None:
    path, text = mutated("    suggestion: 增设“其他需要报告的情况”一节；没有需要报告的情况时写明“无”。\n",
                         "    suggestion: '  '\n")
    line, msg = one_error(path)
    assert line == line_of(text, "suggestion: '  '")
    assert "空白" in msg


def test_unknown_check_kind(mutated) -> None:
    path, text = mutated("      kind: count_items\n", "      kind: count_item\n")
    line, msg = one_error(path)
    assert line == line_of(text, "kind: count_item\n")
    assert "是否应为「count_items」" in msg


def test_unknown_scope(mutated) -> None:
    path, text = mutated("      scope: shortcomings\n      exclude_blocks",
                         "      scope: shortcoming\n      exclude_blocks")
    line, msg = one_error(path)
    assert line == line_of(text, "scope: shortcoming\n")
    assert "范围「shortcoming」不存在" in msg


def test_undefined_severity(mutated) -> None:
    path, text = mutated("    severity: info\n", "    severity: optional\n")
    line, msg = one_error(path)
    assert line == line_of(text, "severity: optional")
    assert "未在 scoring.severities 中定义" in msg


def test_profile_naming_unknown_rule(mutated) -> None:
    path, text = mutated("      content.three_systems: {severity: recommended}",
                         "      content.three_sytems: {severity: recommended}")
    line, msg = one_error(path)
    assert line == line_of(text, "content.three_sytems")
    assert "是否应为「content.three_systems」" in msg


def test_rules_without_test_cases_are_warnings(tmp_path: Path) -> None:
    path = tmp_path / "book.yaml"
    path.write_text(DEFAULT.read_text(encoding="utf-8"), encoding="utf-8")
    v = validate_rulebook(path)
    assert v.errors == []
    text = path.read_text(encoding="utf-8")
    no_cases = [p for p in v.warnings if "没有测试用例" in p.message]
    assert len(no_cases) == 26
    assert no_cases[0].line == line_of(text, "  - id: sec.measures")


def test_missing_partial_case_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    book = tmp_path / "book.yaml"
    book.write_text(DEFAULT.read_text(encoding="utf-8"), encoding="utf-8")
    src = DEFAULT.parent / "tests" / "content.legal_advisor.yaml"
    text = src.read_text(encoding="utf-8").replace("expect: partial", "expect: fail")
    (tmp_path / "tests" / "content.legal_advisor.yaml").write_text(text, encoding="utf-8")
    v = validate_rulebook(book)
    mine = [p.message for p in v.warnings if "content.legal_advisor" in p.message]
    assert mine == ["规则「content.legal_advisor」缺少期望为「部分达标」的测试用例"]


def test_partial_status_without_message_is_a_warning(mutated) -> None:
    path, text = mutated("      partial: 法律顾问只出现在不足或下一年度安排中（「{found}」）。\n", "")
    v = validate_rulebook(path)
    msgs = [p for p in v.warnings if "partial 说明" in p.message]
    assert len(msgs) == 1
    assert msgs[0].line == line_of(text, "messages:", nth=10)


def test_broken_case_file_reported_with_line(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    book = tmp_path / "book.yaml"
    book.write_text(DEFAULT.read_text(encoding="utf-8"), encoding="utf-8")
    case = tmp_path / "tests" / "content.legal_advisor.yaml"
    case.write_text("rule: content.legal_advisor\ncases:\n  - name: a\n    expect: passs\n"
                    "    text: 关于2023年度法治政府建设情况的报告\n", encoding="utf-8")
    v = validate_rulebook(book)
    errs = [(p.file, p.line) for p in v.errors]
    assert errs == [(str(case), 4)]


# -- the command ----------------------------------------------------------------

def test_cli_validate_default_exit_0() -> None:
    r = CliRunner().invoke(main, ["rules", "validate", "--strict"])
    assert r.exit_code == 0, r.output
    assert "没有错误，没有警告" in r.output


def test_cli_validate_errors_exit_2(mutated) -> None:
    path, text = mutated("    requires: [sec.shortcomings]\n", "    requires: [sec.shortcomigs]\n")
    r = CliRunner().invoke(main, ["rules", "validate", str(path)])
    assert r.exit_code == 2
    assert f"{path}:{line_of(text, 'sec.shortcomigs')}:" in r.output


def test_cli_validate_warnings_exit_0_or_1_with_strict(tmp_path: Path) -> None:
    path = tmp_path / "book.yaml"
    path.write_text(DEFAULT.read_text(encoding="utf-8"), encoding="utf-8")
    r = CliRunner().invoke(main, ["rules", "validate", str(path)])
    assert r.exit_code == 0
    assert "警告：规则「sec.measures」没有测试用例" in r.output
    r = CliRunner().invoke(main, ["rules", "validate", str(path), "--strict"])
    assert r.exit_code == 1
