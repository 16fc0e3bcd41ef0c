"""Waivers: applied (in every output), expired, unused; matching; file mistakes."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DEFAULT, REPORTS, line_of
from fazhi.cli import main
from fazhi.engine import Engine
from fazhi.rulebook.source import FileProblems
from fazhi.waivers import apply_waivers, load_waivers

JINGHAI = REPORTS / "jinghai-2024.txt"
JIANGJIA = REPORTS / "jiangjia-2022.txt"

WAIVERS = """\
waivers:
  - path: jinghai-*.txt
    rule: form.date
    reason: 落款页为扫描件，成文日期见原件
    approved_by: 县司法局 李明
    expires: 2025-12-31
  - issuer: 重庆市巴南区姜家镇人民政府
    year: 2022
    rule: content.three_systems
    reason: 该镇未承接行政处罚权
    approved_by: 区依法治区办
    expires: 2025-06-30
  - path: reports/zhengqi-*.txt
    rule: sec.measures
    reason: 示例：该规则已达标，这条豁免用不上
    approved_by: 区依法治区办
    expires: 2025-06-30
  - sha256: "{sha}"
    rule: form.title
    reason: 已过期的豁免
    approved_by: 区依法治区办
    expires: 2024-01-31
"""


@pytest.fixture
def waivers_file(tmp_path: Path) -> Path:
    sha = hashlib.sha256(JINGHAI.read_bytes()).hexdigest()
    p = tmp_path / "waivers.yaml"
    p.write_text(WAIVERS.replace("{sha}", sha), encoding="utf-8")
    return p


def run(paths: list[Path]):  # type: ignore[no-untyped-def]
    engine = Engine.from_file(DEFAULT)
    return engine, engine.run([(p, p.as_posix()) for p in paths])


def test_applied_expired_unused(waivers_file: Path) -> None:
    engine, before = run([JINGHAI, JIANGJIA, REPORTS / "zhengqi-2022.txt"])
    waivers = load_waivers(waivers_file, engine.book)
    after, notes = apply_waivers(before, waivers, date(2025, 3, 1), engine.book.scoring)
    by = {r.path.rsplit("/", 1)[-1]: {x.rule: x for x in r.results} for r in after.reports}
    d = by["jinghai-2024.txt"]["form.date"]
    assert d.status == "not_applicable"
    assert d.message == "已豁免：落款页为扫描件，成文日期见原件（批准：县司法局 李明，有效期至 2025-12-31）"
    assert d.suggestion is None and d.waiver == f"{waivers_file}:2"
    assert by["jiangjia-2022.txt"]["content.three_systems"].status == "not_applicable"
    # the expired sha256 waiver is not applied
    assert by["jinghai-2024.txt"]["form.title"].status == "pass"
    # scores, counts and verdict are recomputed
    old = {r.path: r for r in before.reports}
    for r in after.reports:
        assert r.counts["not_applicable"] >= old[r.path].counts["not_applicable"]
    jiang_old = next(r for r in before.reports if "jiangjia" in r.path)
    jiang_new = next(r for r in after.reports if "jiangjia" in r.path)
    assert (jiang_old.verdict, jiang_new.verdict) == ("不合规", "合规")
    assert jiang_new.score is not None and jiang_old.score is not None
    assert jiang_new.score > jiang_old.score
    assert after.summary.mean_score != before.summary.mean_score
    assert len(notes) == 2
    assert notes[0].startswith(f"{waivers_file}:{line_of(WAIVERS, '- sha256')}: 豁免已过期")
    assert notes[1].startswith(f"{waivers_file}:{line_of(WAIVERS, '- path: reports/zhengqi')}: 豁免未被使用")


def test_expired_on_the_day_after(waivers_file: Path) -> None:
    engine, before = run([JINGHAI])
    waivers = load_waivers(waivers_file, engine.book)
    on_day, _ = apply_waivers(before, waivers, date(2025, 12, 31), engine.book.scoring)
    after, notes = apply_waivers(before, waivers, date(2026, 1, 1), engine.book.scoring)
    status = {x.rule: x.status for x in on_day.reports[0].results}
    assert status["form.date"] == "not_applicable"
    status = {x.rule: x.status for x in after.reports[0].results}
    assert status["form.date"] == "fail"
    assert any("豁免已过期（有效期至 2025-12-31）" in n for n in notes)


def test_same_inputs_same_bytes(waivers_file: Path, tmp_path: Path) -> None:
    args = ["check", str(JINGHAI), "--format", "json", "--waivers", str(waivers_file),
            "--today", "2025-03-01"]
    a = CliRunner().invoke(main, args)
    b = CliRunner().invoke(main, args)
    assert a.exit_code == 0 and a.stdout == b.stdout


def test_every_output_shows_the_waiver(waivers_file: Path, tmp_path: Path) -> None:
    base = ["check", str(JINGHAI), "--waivers", str(waivers_file), "--today", "2025-03-01"]
    r = CliRunner().invoke(main, [*base, "--format", "json"])
    data = json.loads(r.stdout)
    date_rule = next(x for x in data["reports"][0]["results"] if x["rule"] == "form.date")
    assert date_rule["status"] == "not_applicable"
    assert date_rule["message"].startswith("已豁免：落款页为扫描件")
    assert "豁免未被使用" in r.stderr and "豁免已过期" in r.stderr
    r = CliRunner().invoke(main, [*base, "--format", "text"])
    assert "成文日期：已豁免：落款页为扫描件，成文日期见原件（批准：县司法局 李明，有效期至 2025-12-31）" \
        in r.stdout
    out = tmp_path / "cards"
    r = CliRunner().invoke(main, [*base, "--out", str(out)])
    assert r.exit_code == 0, r.output
    html = (out / "jinghai-2024.html").read_text(encoding="utf-8")
    assert "已豁免：落款页为扫描件，成文日期见原件" in html


def test_no_waivers_no_change() -> None:
    engine, before = run([JINGHAI])
    after, notes = apply_waivers(before, [], date(2025, 3, 1), engine.book.scoring)
    assert after == before and notes == []


@pytest.mark.parametrize("entry, needle, message", [
    ("  - path: a.txt\n    sha256: '" + "0" * 64 + "'\n    rule: form.date\n    reason: x\n"
     "    approved_by: y\n    expires: 2025-01-01\n", "- path", "只须用一种方式指明报告"),
    ("  - path: a.txt\n    rule: form.dat\n    reason: x\n    approved_by: y\n"
     "    expires: 2025-01-01\n", "form.dat", "是否应为「form.date」"),
    ("  - path: a.txt\n    rule: form.date\n    reason: x\n    approved_by: y\n"
     "    expires: 2025-13-01\n", "expires", "YYYY-MM-DD"),
    ("  - path: a.txt\n    rule: form.date\n    reason: x\n    aproved_by: y\n"
     "    expires: 2025-01-01\n", "aproved_by", "是否应为「approved_by」"),
    ("  - path: a.txt\n    rule: form.date\n    reason: x\n    expires: 2025-01-01\n",
     "- path", "approved_by"),
])
def test_mistakes_in_the_waivers_file(tmp_path: Path, entry: str, needle: str, message: str) -> None:
    text = "waivers:\n" + entry
    p = tmp_path / "w.yaml"
    p.write_text(text, encoding="utf-8")
    engine = Engine.from_file(DEFAULT)
    with pytest.raises(FileProblems) as exc:
        load_waivers(p, engine.book)
    problem = next(p for p in exc.value.problems if message in p.message)
    assert problem.line == line_of(text, needle)
    assert message in problem.message


def test_cli_bad_waivers_exit_2(tmp_path: Path) -> None:
    p = tmp_path / "w.yaml"
    p.write_text("waivers:\n  - path: a.txt\n    rule: nope.rule\n    reason: x\n"
                 "    approved_by: y\n    expires: 2025-01-01\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(JINGHAI), "--waivers", str(p), "--format", "json"])
    assert r.exit_code == 2
    assert f"{p}:3:" in r.stderr
