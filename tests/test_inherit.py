"""Rulebook inheritance (extends + overrides) and profiles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import DEFAULT, REPORTS, line_of
from fazhi.authoring import load, validate_rulebook
from fazhi.cli import main
from fazhi.document.load import build_document
from fazhi.rulebook.loader import ProfileNotFound, RulebookError
from fazhi.ruletests import case_dirs, extracted_from_text

PROVINCE = """\
extends: annual_report
id: henan_county
version: "2025.1-henan"
title: 某省县级法治政府建设年度报告检查
override:
  sec.other_matters: {severity: recommended, weight: 1.5}
  form.timeliness: {enabled: false}
  quality.quantitative_evidence:
    check: {pass_min: 10}
    messages: {partial: "工作部分只有 {count} 处量化数据，本省要求至少 10 处。"}
document:
  kinds:
    shortcomings:
      headings: ['提升空间']
rules:
  - id: local.work_safety
    title: 安全生产依法监管
    severity: recommended
    basis: [{document: 《中华人民共和国安全生产法》}]
    messages: {pass: "报告写明了安全生产依法监管（「{found}」）。", fail: 报告没有涉及安全生产依法监管。}
    suggestion: 写明安全生产执法检查和处罚情况。
    check:
      kind: phrases
      tiers: [{status: pass, scope: work, any: ['安全生产']}]
profiles:
  department_no_enforcement:
    override:
      local.work_safety: {severity: info}
"""


def write(tmp_path: Path, text: str, name: str = "province.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def errors(path: Path) -> list[tuple[str, int, str]]:
    with pytest.raises(RulebookError) as exc:
        load(path)
    return [(p.file, p.line, p.message) for p in exc.value.problems]


def test_extends_by_name_with_overrides(tmp_path: Path) -> None:
    res = load(write(tmp_path, PROVINCE))
    book = res.book
    ids = [r.id for r in book.rules]
    assert book.id == "henan_county" and book.version == "2025.1-henan"
    assert len(ids) == 26 and "form.timeliness" not in ids and ids[-1] == "local.work_safety"
    other = book.rule("sec.other_matters")
    assert (other.severity, other.weight) == ("recommended", 1.5)
    q = book.rule("quality.quantitative_evidence")
    assert q.check["pass_min"] == 10 and q.check["partial_min"] == 1
    assert q.messages.partial is not None and "10 处" in q.messages.partial
    assert q.messages.fail.startswith("工作部分没有任何量化数据")  # kept from the base
    assert res.files == [tmp_path / "province.yaml", DEFAULT]


def test_added_wording_changes_classification(tmp_path: Path) -> None:
    text = "关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年审查合同18份。\n二、提升空间\n执法力量薄弱。\n"
    ex = extracted_from_text(text)
    base = build_document(ex, load(DEFAULT).book.document)
    mine = build_document(ex, load(write(tmp_path, PROVINCE)).book.document)
    assert [s.kind for s in base.sections if s.id == "2"] == ["measures"]
    assert [s.kind for s in mine.sections if s.id == "2"] == ["shortcomings"]


def test_added_opening_divides_a_combined_section(tmp_path: Path) -> None:
    text = ("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年审查合同18份。\n"
            "二、存在的问题及下一步打算\n执法力量薄弱。\n来年我镇将加强执法队伍建设。\n")
    ex = extracted_from_text(text)
    base = build_document(ex, load(DEFAULT).book.document)
    book = load(write(tmp_path, PROVINCE.replace("      headings: ['提升空间']\n", (
        "      headings: ['提升空间']\n    next_year_plan:\n      opens: ['来年(我|本)']\n")))).book
    mine = build_document(ex, book.document)
    assert [s.parts for s in base.sections if s.id == "2"] == [[]]
    assert [[p.kind for p in s.parts] for s in mine.sections if s.id == "2"] == [
        ["shortcomings", "next_year_plan"]]


def test_added_joiner_combines_a_heading(tmp_path: Path) -> None:
    text = ("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年审查合同18份。\n"
            "二、存在的问题兼下一步打算\n执法力量薄弱。\n下一步，我镇将加强执法队伍建设。\n")
    ex = extracted_from_text(text)
    base = build_document(ex, load(DEFAULT).book.document)
    book = load(write(tmp_path, PROVINCE.replace("document:\n", "document:\n  combine_joiners: ['兼']\n"))).book
    mine = build_document(ex, book.document)
    assert book.document.combine_joiners[-1] == "兼" and "及" in book.document.combine_joiners
    assert [s.also for s in base.sections if s.id == "2"] == [[]]
    assert [s.also for s in mine.sections if s.id == "2"] == [["next_year_plan"]]


def test_added_not_after_keeps_a_part_from_a_combined_heading(tmp_path: Path) -> None:
    text = ("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年审查合同18份。\n"
            "二、存在的问题及整改工作情况\n执法力量薄弱。\n")
    ex = extracted_from_text(text)
    base = build_document(ex, load(DEFAULT).book.document)
    book = load(write(tmp_path, PROVINCE.replace("      headings: ['提升空间']\n", (
        "      headings: ['提升空间']\n    measures:\n      not_after: [shortcomings]\n")))).book
    mine = build_document(ex, book.document)
    assert book.document.kinds[-1].not_after == ["next_year_plan", "shortcomings"]
    assert [s.also for s in base.sections if s.id == "2"] == [["measures"]]
    assert [s.also for s in mine.sections if s.id == "2"] == [[]]


def test_added_exclusion_keeps_a_heading_from_a_kind(tmp_path: Path) -> None:
    text = ("关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年审查合同18份。\n"
            "二、存在的问题\n执法力量薄弱。\n三、2024年工作计划（征求意见稿）\n加强执法队伍建设。\n")
    ex = extracted_from_text(text)
    base = build_document(ex, load(DEFAULT).book.document)
    book = load(write(tmp_path, PROVINCE.replace("      headings: ['提升空间']\n", (
        "      headings: ['提升空间']\n    next_year_plan:\n      exclude: ['征求意见稿']\n")))).book
    mine = build_document(ex, book.document)
    assert [s.kind for s in base.sections if s.id == "3"] == ["next_year_plan"]
    assert [s.kind for s in mine.sections if s.id == "3"] == ["measures"]


def test_extended_rulebook_checks_reports(tmp_path: Path) -> None:
    path = write(tmp_path, PROVINCE)
    r = CliRunner().invoke(main, ["check", str(REPORTS / "jinghai-2024.txt"), "--rules", str(path),
                                  "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["rulebook"]["id"] == "henan_county"
    results = {x["rule"]: x for x in data["reports"][0]["results"]}
    assert "form.timeliness" not in results
    assert results["local.work_safety"]["status"] in ("pass", "fail")
    assert results["sec.other_matters"]["weight"] == 1.5


def test_base_cases_run_for_the_extension(tmp_path: Path) -> None:
    res = load(write(tmp_path, PROVINCE))
    assert case_dirs(res) == [tmp_path / "tests", DEFAULT.parent / "tests"]


@pytest.mark.parametrize("old, new, needle, message", [
    ("override:\n", "overide:\n", "overide", "是否应为「override」"),
    ("  form.timeliness: {enabled: false}", "  form.timelines: {enabled: false}",
     "form.timelines", "是否应为「form.timeliness」"),
    ("{severity: recommended, weight: 1.5}", "{severity: important, weight: 1.5}", "important",
     "未在 scoring.severities 中定义"),
    ("check: {pass_min: 10}", "check: {pass_minn: 10}", "pass_minn", "是否应为「pass_min」"),
    ("  - id: local.work_safety", "  - id: form.date", "id: form.date", "写在 override: 下"),
    ("any: ['安全生产']", "any: ['安全(生产']", "安全(生产", "无法编译"),
    ("any: ['安全生产']", "any: ['(安全|生产|安全生产)+']", "(安全|生产|安全生产)+", "灾难性回溯"),
    ("    shortcomings:\n", "    shortcoming:\n", "shortcoming:", "是否应为「shortcomings」"),
    ("  form.timeliness: {enabled: false}", "  form.date: {enabled: false}", "form.date",
     "form.timeliness"),
    ("local.work_safety: {severity: info}", "local.work_safty: {severity: info}", "work_safty",
     "是否应为「local.work_safety」"),
    ("extends: annual_report", "extends: annual_reprot", "annual_reprot", "是否应为「annual_report」"),
])
def test_mistakes_point_into_the_extending_file(tmp_path: Path, old: str, new: str, needle: str,
                                                message: str) -> None:
    assert old in PROVINCE
    text = PROVINCE.replace(old, new, 1)
    path = write(tmp_path, text)
    found = errors(path)
    assert len(found) == 1, found
    file, line, msg = found[0]
    assert (file, line) == (str(path), line_of(text, needle))
    assert message in msg


def test_mistake_in_the_base_points_into_the_base(tmp_path: Path) -> None:
    base_text = DEFAULT.read_text(encoding="utf-8").replace("'根源在于'", "'根源(在于'")
    base = write(tmp_path, base_text, "base.yaml")
    child = write(tmp_path, "extends: base.yaml\nid: child\n", "child.yaml")
    [(file, line, msg)] = errors(child)
    assert (file, line) == (str(base), line_of(base_text, "根源(在于"))


def test_chain_and_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "prov").mkdir()
    write(tmp_path, PROVINCE, "prov/province.yaml")
    city = write(tmp_path, "extends: prov/province.yaml\nid: city\noverride:\n"
                           "  local.work_safety: {severity: required}\n", "city.yaml")
    res = load(city)
    assert res.book.id == "city"
    assert res.book.rule("local.work_safety").severity == "required"
    assert res.book.rule("sec.other_matters").weight == 1.5
    assert len(res.files) == 3


def test_cycle_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "extends: b.yaml\nid: a\n", "a.yaml")
    write(tmp_path, "extends: a.yaml\nid: b\n", "b.yaml")
    [(file, line, msg)] = errors(tmp_path / "a.yaml")
    assert "循环" in msg


def test_validate_checks_extension_and_profiles(tmp_path: Path) -> None:
    path = write(tmp_path, PROVINCE)
    v = validate_rulebook(path)
    assert v.errors == []
    # the added rule has no cases; the base rules have theirs (rules/tests)
    assert [p.message for p in v.warnings] == [
        f"规则「local.work_safety」没有测试用例；请在 {tmp_path / 'tests' / 'local.work_safety.yaml'} 中为它写用例"]


# -- profiles ------------------------------------------------------------------

def test_profiles_change_severity() -> None:
    assert load(DEFAULT).book.rule("content.major_decision_procedures").severity == "recommended"
    assert load(DEFAULT, "county").book.rule("content.major_decision_procedures").severity \
        == "required"
    book = load(DEFAULT, "department_no_enforcement").book
    assert book.rule("content.three_systems").severity == "recommended"
    assert book.rule("content.three_systems").title == "行政执法“三项制度”"


def test_profile_from_extension_merges_with_base_profile(tmp_path: Path) -> None:
    book = load(write(tmp_path, PROVINCE), "department_no_enforcement").book
    assert book.rule("content.three_systems").severity == "recommended"  # base profile
    assert book.rule("local.work_safety").severity == "info"  # extension's addition


def test_unknown_profile() -> None:
    with pytest.raises(ProfileNotFound) as exc:
        load(DEFAULT, "departmnt")
    assert "是否应为「department」" in exc.value.message


def test_profile_changes_the_verdict() -> None:
    """jiangjia-2022 misses the 三项制度: not compliant, unless the issuer has no
    enforcement powers."""
    report = str(REPORTS / "jiangjia-2022.txt")
    plain = json.loads(CliRunner().invoke(main, ["check", report, "--format", "json"]).output)
    r = CliRunner().invoke(main, ["check", report, "--format", "json",
                                  "--profile", "department_no_enforcement"])
    prof = json.loads(r.output)
    assert plain["reports"][0]["verdict"] == "不合规"
    assert prof["reports"][0]["verdict"] == "合规"
    assert prof["rulebook"]["profile"] == "department_no_enforcement"


def test_cli_list_with_profile() -> None:
    r = CliRunner().invoke(main, ["rules", "list", "--profile", "county"])
    assert r.exit_code == 0
    line = next(ln for ln in r.output.splitlines() if ln.startswith("content.major_decision"))
    assert "必备" in line and "3" in line
    r = CliRunner().invoke(main, ["rules", "list", "--profile", "nope"])
    assert r.exit_code == 2
    assert "没有名为「nope」的适用情形" in r.output


def test_extension_appends_not_evidence_and_its_mistakes_point_into_it(tmp_path: Path) -> None:
    text = PROVINCE + "not_evidence: ['“[^“”]{1,40}”活动']\n"
    book = load(write(tmp_path, text)).book
    assert book.not_evidence == [*load(DEFAULT).book.not_evidence, "“[^“”]{1,40}”活动"]
    bad = PROVINCE + "not_evidence: ['《(']\n"
    path = write(tmp_path, bad, "bad.yaml")
    found = errors(path)
    assert [(f, line) for f, line, _ in found] == [(str(path), line_of(bad, "《("))]
    assert "无法编译" in found[0][2]
