"""``fazhi eval``: agreement with gold labels, confusion tables, false passes, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conftest import DEFAULT, LABELS, REPORTS, line_of
from fazhi.authoring import load
from fazhi.cli import main
from fazhi.engine import Engine
from fazhi.evaluate import evaluate, load_labels, passed


def labels_with(tmp_path: Path, old: str, new: str) -> Path:
    text = LABELS.read_text(encoding="utf-8")
    assert old in text
    p = tmp_path / "labels.yaml"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")
    return p


def test_real_reports_agree_fully() -> None:
    book = load(DEFAULT).book
    gold, warnings = load_labels(LABELS, book)
    assert warnings == []
    engine = Engine(book, str(DEFAULT))
    run = engine.run([(p, p.as_posix()) for p in sorted(REPORTS.glob("*.txt"))])
    res = evaluate(gold, run, book)
    assert (res.agree, res.total, res.agreement) == (130, 130, 1.0)
    assert res.false_passes == [] and res.missing == [] and res.reports_found == 5
    causes = next(r for r in res.rules if r.rule == "sec.shortcoming_causes")
    assert causes.table == {"partial": {"partial": 3}, "pass": {"pass": 2}}
    assert passed(res, 1.0, 0)


def test_cli_eval_default_exit_0() -> None:
    r = CliRunner().invoke(main, ["eval", "--gold", str(LABELS), str(REPORTS),
                                  "--min-agreement", "1.0", "--max-false-pass", "0"])
    assert r.exit_code == 0, r.output
    assert "总一致率 1.000（130/130），必备规则误判达标 0 处，报告 5/5 份。" in r.output
    assert "混淆表（行：人工标注；列：工具判定）" in r.output


def test_disagreement_confusion_and_false_pass(tmp_path: Path) -> None:
    # the auditor now says zhengqi's 三项制度 is only partial: the tool's pass is a false pass
    gold = labels_with(tmp_path, "  content.three_systems: pass\n",
                       "  content.three_systems: partial\n")
    r = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(REPORTS)])
    assert r.exit_code == 0  # no threshold given
    assert "zhengqi-2022.txt  content.three_systems：人工 部分达标，工具 达标" in r.output
    assert "✗ zhengqi-2022.txt  content.three_systems：人工 部分达标" in r.output
    assert "总一致率 0.992（129/130），必备规则误判达标 1 处" in r.output
    r = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(REPORTS),
                                  "--min-agreement", "0.99"])
    assert r.exit_code == 0
    r = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(REPORTS),
                                  "--min-agreement", "0.995"])
    assert r.exit_code == 1
    r = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(REPORTS),
                                  "--max-false-pass", "0"])
    assert r.exit_code == 1
    data = json.loads(CliRunner().invoke(main, ["eval", "--gold", str(gold), str(REPORTS),
                                                "--format", "json"]).output)
    three = next(x for x in data["rules"] if x["rule"] == "content.three_systems")
    assert three["table"] == {"fail": {"fail": 3}, "partial": {"partial": 1, "pass": 1}}
    assert data["false_passes"] == [{"report": "zhengqi-2022.txt", "rule": "content.three_systems",
                                     "gold": "partial", "got": "pass", "severity": "required"}]


def test_list_of_acceptable_statuses(tmp_path: Path) -> None:
    gold = labels_with(tmp_path, "  content.three_systems: pass\n",
                       "  content.three_systems: [partial, pass]\n")
    r = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(REPORTS),
                                  "--min-agreement", "1"])
    assert r.exit_code == 0, r.output
    assert "部分达标或达标" in r.output


def test_missing_report_exit_1() -> None:
    r = CliRunner().invoke(main, ["eval", "--gold", str(LABELS), str(REPORTS / "jinghai-2024.txt")])
    assert r.exit_code == 1
    assert "已标注但未检查（未提供或无法读取）：yuanquan-2022.txt" in r.output
    r = CliRunner().invoke(main, ["eval", "--gold", str(LABELS), str(REPORTS / "jinghai-2024.txt"),
                                  "--only", "jinghai-*"])
    assert r.exit_code == 0


def test_bad_status_in_labels_exit_2(tmp_path: Path) -> None:
    gold = labels_with(tmp_path, "  content.three_systems: pass\n", "  content.three_systems: passed\n")
    text = gold.read_text(encoding="utf-8")
    r = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(REPORTS)])
    assert r.exit_code == 2
    assert f"{gold}:{line_of(text, 'content.three_systems: passed')}:" in r.stderr


def test_unknown_rule_in_labels_is_a_warning(tmp_path: Path) -> None:
    gold = labels_with(tmp_path, "  content.three_systems: pass\n",
                       "  content.three_systems: pass\n  content.three_sytems: pass\n")
    r = CliRunner().invoke(main, ["eval", "--gold", str(gold), str(REPORTS)])
    assert r.exit_code == 0
    assert "警告：规则「content.three_sytems」不在所用的规则集中，是否应为「content.three_systems」？" in r.stderr
    assert "content.three_sytems：人工 达标，工具 无结果" in r.stdout
