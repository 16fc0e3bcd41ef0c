"""fazhi.yaml / --config: precedence, sources, mistakes; ``fazhi config``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPORTS
from fazhi.cli import main
from fazhi.rulebook.source import FileProblems
from fazhi.settings import resolve_settings


@pytest.fixture
def in_tmp(tmp_path: Path):  # type: ignore[no-untyped-def]
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


def test_defaults_without_config(in_tmp: Path) -> None:
    s = resolve_settings({})
    assert s.config_file is None
    assert (s.rules, s.profile, s.waivers, s.out, s.fail_on) == (None, None, None,
                                                                 Path("scorecards"), "never")
    assert {v.source for v in s.values.values()} == {"默认值"}


def test_cwd_config_and_cli_precedence(in_tmp: Path) -> None:
    (in_tmp / "fazhi.yaml").write_text("rules: rules/prov.yaml\nfail_on: required\nout: cards\n",
                                       encoding="utf-8")
    s = resolve_settings({"fail_on": "recommended", "profile": None})
    assert s.rules == Path("rules/prov.yaml")
    assert s.values["rules"].source == "fazhi.yaml 第 1 行"
    assert (s.fail_on, s.values["fail_on"].source) == ("recommended", "命令行 --fail-on")
    assert (s.out, s.values["out"].source) == (Path("cards"), "fazhi.yaml 第 3 行")
    assert s.values["profile"].source == "默认值"


def test_paths_relative_to_the_config_file(tmp_path: Path) -> None:
    (tmp_path / "conf").mkdir()
    cfg = tmp_path / "conf" / "my.yaml"
    cfg.write_text("waivers: w.yaml\n", encoding="utf-8")
    s = resolve_settings({}, cfg)
    assert s.waivers == tmp_path / "conf" / "w.yaml"


def test_config_mistakes_have_lines(tmp_path: Path) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text("rules: a.yaml\nfail-on: required\n", encoding="utf-8")
    with pytest.raises(FileProblems) as exc:
        resolve_settings({}, cfg)
    [p] = exc.value.problems
    assert (p.line, p.column) == (2, 1)
    assert "是否应为「fail_on」" in p.message
    cfg.write_text("fail_on: sometimes\n", encoding="utf-8")
    with pytest.raises(FileProblems) as exc:
        resolve_settings({}, cfg)
    assert exc.value.problems[0].line == 1


def test_cli_config_shows_sources(in_tmp: Path) -> None:
    (in_tmp / "fazhi.yaml").write_text("profile: township\nfail_on: required\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["config", "--out", "x"])
    assert r.exit_code == 0, r.output
    assert "配置文件：fazhi.yaml" in r.output
    lines = {ln.split()[0]: ln for ln in r.output.splitlines()[2:]}
    assert "township" in lines["profile"] and "来自：fazhi.yaml 第 1 行" in lines["profile"]
    assert "来自：命令行 --out" in lines["out"]
    assert "（内置）" in lines["rules"] and "来自：默认值" in lines["rules"]


def test_cli_missing_config_exit_2(in_tmp: Path) -> None:
    r = CliRunner().invoke(main, ["config", "--config", "nope.yaml"])
    assert r.exit_code == 2
    assert "找不到配置文件" in r.output


def test_check_uses_config(in_tmp: Path) -> None:
    (in_tmp / "fazhi.yaml").write_text("fail_on: required\nprofile: department_no_enforcement\n",
                                       encoding="utf-8")
    report = str(REPORTS / "jiangjia-2022.txt")
    r = CliRunner().invoke(main, ["check", report, "--format", "json"])
    # 三项制度 is only recommended under this profile: no required rule fails
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["rulebook"]["profile"] == "department_no_enforcement"
    r = CliRunner().invoke(main, ["check", report, "--format", "json", "--profile", "county"])
    assert r.exit_code == 1
    (in_tmp / "fazhi.yaml").write_text("fail_on: always\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["check", report, "--format", "json"])
    assert r.exit_code == 2
    assert "fazhi.yaml:1:" in r.stderr
