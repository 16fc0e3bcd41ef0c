"""``fazhi rules list|explain|test``: output and exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import DEFAULT, RULES
from fazhi.cli import main


def copy_rulebook(tmp_path: Path) -> Path:
    shutil.copy(DEFAULT, tmp_path / "book.yaml")
    shutil.copytree(RULES / "tests", tmp_path / "tests")
    return tmp_path / "book.yaml"


def test_help_is_chinese() -> None:
    r = CliRunner().invoke(main, ["--help"])
    assert "rules" in r.output and "eval" in r.output and "config" in r.output
    r = CliRunner().invoke(main, ["rules", "--help"])
    assert "校验" in r.output
    r = CliRunner().invoke(main, ["rules", "validate", "--help"])
    assert "退出码" in r.output


def test_list() -> None:
    r = CliRunner().invoke(main, ["rules", "list"])
    assert r.exit_code == 0
    assert "共 26 条规则。" in r.output
    row = next(ln for ln in r.output.splitlines() if ln.startswith("content.three_systems"))
    assert row.split() == ["content.three_systems", "行政执法“三项制度”", "必备", "3", "elements"]
    assert "department_no_enforcement" in r.output


def test_explain() -> None:
    r = CliRunner().invoke(main, ["rules", "explain", "sec.shortcoming_causes"])
    assert r.exit_code == 0
    out = r.output
    assert out.startswith("sec.shortcoming_causes　不足的原因分析")
    assert "《法治政府建设与责任落实督察工作规定》第二十五条第（二）项" in out
    assert "前提规则：sec.shortcomings（存在的不足）" in out
    assert "检查方式：phrases" in out
    assert "查找范围：shortcomings（存在的不足和原因）" in out
    assert "究其原因" in out
    for label in ("达标：", "部分达标：", "缺失：", "不适用："):
        assert label in out
    assert "示例（rules/tests/sec.shortcoming_causes.yaml）" in out
    assert "[部分达标] partial-implied-cause" in out


def test_explain_unknown_rule() -> None:
    r = CliRunner().invoke(main, ["rules", "explain", "content.three_system"])
    assert r.exit_code == 2
    assert "是否应为「content.three_systems」" in r.output


def test_rules_test_default_passes() -> None:
    r = CliRunner().invoke(main, ["rules", "test"])
    assert r.exit_code == 0, r.output
    assert "失败 0 个" in r.output
    r = CliRunner().invoke(main, ["rules", "test", "--rule", "form.date", "-v"])
    assert r.exit_code == 0
    assert "✓ form.date / pass-date-in-closing" in r.output
    assert "共 8 个用例" in r.output


def test_rules_test_failure_shows_evidence(tmp_path: Path) -> None:
    book = copy_rulebook(tmp_path)
    case = tmp_path / "tests" / "content.legal_advisor.yaml"
    text = case.read_text(encoding="utf-8").replace("expect: pass", "expect: partial", 1)
    case.write_text(text, encoding="utf-8")
    r = CliRunner().invoke(main, ["rules", "test", str(book)])
    assert r.exit_code == 1
    assert "✗ content.legal_advisor / pass-legal-counsel" in r.output
    assert "期望：部分达标　实际：达标" in r.output
    snippet_line = text.splitlines().index(
        next(ln for ln in text.splitlines() if "常年法律顾问" in ln)) + 1
    assert f"用例第 6 行（{case}:{snippet_line}）" in r.output
    assert "失败 1 个" in r.output


def test_rules_test_broken_case_file_exit_2(tmp_path: Path) -> None:
    book = copy_rulebook(tmp_path)
    (tmp_path / "tests" / "form.date.yaml").write_text("rule: form.date\ncases: []\n",
                                                       encoding="utf-8")
    r = CliRunner().invoke(main, ["rules", "test", str(book)])
    assert r.exit_code == 2
    assert "form.date.yaml:2:" in r.output


def test_rules_test_unknown_rule_option() -> None:
    r = CliRunner().invoke(main, ["rules", "test", "--rule", "form.dat"])
    assert r.exit_code == 2
    assert "是否应为「form.date」" in r.output


def test_every_check_parameter_has_a_chinese_label() -> None:
    """`fazhi rules explain` shows an auditor every parameter of a check by its label."""
    import typing

    from pydantic import BaseModel

    from fazhi.checks import KINDS
    from fazhi.render.authoring import FIELD_LABELS

    def unlabelled(model: type[BaseModel]) -> set[str]:
        out = set()
        for name, f in model.model_fields.items():
            key = f.alias or name
            if key != "kind" and key not in FIELD_LABELS:
                out.add(f"{model.__module__}.{key}")
            for a in (f.annotation, *typing.get_args(f.annotation)):
                if isinstance(a, type) and issubclass(a, BaseModel):
                    out |= unlabelled(a)
        return out

    assert set().union(*(unlabelled(mod.Params) for mod in KINDS.values())) == set()
    out = CliRunner().invoke(main, ["rules", "explain", "sec.next_year_plan"]).output
    assert "next_year_mentions" not in out and "紧跟在报告年度下一年" in out
    out = CliRunner().invoke(main, ["rules", "explain", "sec.first_responsible"]).output
    assert "书名号里引用的文件名中的措辞也算：是" in out and "True" not in out
