"""Each check kind on small documents (through the default rulebook's rules)."""

from __future__ import annotations

import pytest

from conftest import status_of
from fazhi.engine import Engine
from fazhi.ruletests import extracted_from_text

HEAD = "张庄镇人民政府\n关于2023年度法治政府建设情况的报告\n"
MEASURES = "一、2023年主要举措和成效\n（一）加强组织领导。全年召开会议3次。\n"
SHORT = "二、存在的不足和原因\n一是执法力量不足。二是法治意识不强。\n"
PLAN = "三、2024年工作安排\n一是加强学习。二是规范执法。三是强化监督。\n"
CLOSE = "张庄镇人民政府\n2024年2月1日\n"


def test_section_pass_partial_fail(check_text) -> None:  # type: ignore[no-untyped-def]
    r = check_text(HEAD + MEASURES + SHORT + PLAN + CLOSE)
    assert status_of(r, "sec.next_year_plan") == "pass"
    r = check_text(HEAD + MEASURES + SHORT + "下一步，我们将继续加强法治建设。\n")
    assert status_of(r, "sec.next_year_plan") == "partial"
    r = check_text(HEAD + MEASURES + SHORT)
    assert status_of(r, "sec.next_year_plan") == "fail"
    assert status_of(r, "quality.plan_specific") == "not_applicable"


def test_headingless_report_measures_partial(check_text) -> None:  # type: ignore[no-untyped-def]
    r = check_text(HEAD + "今年以来，我镇开展普法活动12场，审查合同20件，调解纠纷30件，成效明显。\n")
    assert status_of(r, "sec.measures") == "partial"


def test_phrases_tiers(check_text) -> None:  # type: ignore[no-untyped-def]
    base = HEAD + MEASURES
    r = check_text(base + "（二）聘请法律顾问2名，审查合同30件。\n" + SHORT + PLAN)
    assert status_of(r, "content.legal_advisor") == "pass"
    r = check_text(base + SHORT + "三、2024年工作安排\n一是发挥法律顾问作用。\n")
    assert status_of(r, "content.legal_advisor") == "partial"
    r = check_text(base + SHORT + PLAN)
    assert status_of(r, "content.legal_advisor") == "fail"


def test_phrases_exclude(check_text) -> None:  # type: ignore[no-untyped-def]
    r = check_text(HEAD + MEASURES + "（二）开展检查，督办整改问题25项。\n" + SHORT + PLAN)
    assert status_of(r, "quality.rectification") == "fail"
    r = check_text(HEAD + MEASURES + "（二）对督察反馈问题逐项整改，整改情况良好。\n" + SHORT + PLAN)
    assert status_of(r, "quality.rectification") == "pass"


def test_causes(check_text) -> None:  # type: ignore[no-untyped-def]
    r = check_text(HEAD + MEASURES + SHORT + "究其原因，主要是学习不够。\n" + PLAN)
    assert status_of(r, "sec.shortcoming_causes") == "pass"
    r = check_text(HEAD + MEASURES + SHORT + PLAN)
    assert status_of(r, "sec.shortcoming_causes") == "partial"  # "原因" only in the heading
    r = check_text(HEAD + MEASURES + "二、存在的不足\n执法力量不足。\n" + PLAN)
    assert status_of(r, "sec.shortcoming_causes") == "fail"
    r = check_text(HEAD + MEASURES + PLAN)
    assert status_of(r, "sec.shortcoming_causes") == "not_applicable"


CAUSES = ["究其根源，主要是编制紧张、经费不足。", "深层原因在于编制紧张、经费不足。",
          "分析其原因，主要是编制紧张、经费不足。", "这主要是因为编制紧张、经费不足。",
          "以上问题主要是由于编制紧张、经费不足。", "出现这些问题，既有编制紧张的客观因素，也有重视不够的主观因素。",
          "产生问题的根本在于编制紧张、经费不足。", "归根结底在于编制紧张、经费不足。",
          "根子在于重视程度层层递减。", "这些问题的出现，主要是由于编制紧张、经费不足。"]


@pytest.mark.parametrize("cause", CAUSES)
def test_cause_statements_are_causes_and_not_problems(check_text, cause: str) -> None:  # type: ignore[no-untyped-def]
    short = "二、存在的不足\n执法力量相对薄弱，难以满足日常执法需要。\n"
    r = check_text(HEAD + MEASURES + short + cause + "\n" + PLAN)
    assert status_of(r, "sec.shortcoming_causes") == "pass"
    assert status_of(r, "quality.shortcomings_specific") == "partial"


@pytest.mark.parametrize("after", ["主要原因：一是编制紧张；二是经费不足。",
                                   "下一步，我们将：一是充实执法力量；二是加强培训。",
                                   "下一步，我镇将充实执法力量，加强培训。",
                                   "2024年，我镇将充实执法力量，加强培训。"])
def test_causes_and_plans_after_the_problem_are_no_problems(check_text, after: str) -> None:  # type: ignore[no-untyped-def]
    short = "二、存在的不足\n执法力量相对薄弱，难以满足日常执法需要。\n"
    r = check_text(HEAD + MEASURES + short + after + "\n" + PLAN)
    assert status_of(r, "quality.shortcomings_specific") == "partial"


def test_a_plan_only_in_a_closing_sentence_is_partial(check_text) -> None:  # type: ignore[no-untyped-def]
    r = check_text(HEAD + MEASURES + SHORT + "今后，我们将继续加强法治建设。\n")
    assert status_of(r, "sec.next_year_plan") == "partial"


def test_because_in_a_problem_only_implies_a_cause(check_text) -> None:  # type: ignore[no-untyped-def]
    short = "二、存在的不足\n因为编制紧张，执法力量相对薄弱。\n普法形式单一。\n"
    r = check_text(HEAD + MEASURES + short + PLAN)
    assert status_of(r, "sec.shortcoming_causes") == "partial"
    assert status_of(r, "quality.shortcomings_specific") == "pass"


def test_first_responsible_at_any_level(check_text) -> None:  # type: ignore[no-untyped-def]
    run_in = MEASURES + "（二）切实履行推进法治建设第一责任人职责。主要负责人专题研究法治工作2次，带头学法。\n"
    r = check_text(HEAD + run_in + SHORT + PLAN)
    assert status_of(r, "sec.first_responsible") == "pass"
    assert status_of(r, "quality.first_responsible_concrete") == "pass"
    lead = MEASURES + "（二）强化领导。一是主要负责人认真履行第一责任人职责，主持召开专题会议。\n"
    r = check_text(HEAD + lead + SHORT + PLAN)
    assert status_of(r, "sec.first_responsible") == "pass"
    body = MEASURES + "（二）强化领导。镇党委高度重视，切实落实第一责任人职责。\n"
    r = check_text(HEAD + body + SHORT + PLAN)
    assert status_of(r, "sec.first_responsible") == "partial"
    r = check_text(HEAD + MEASURES + "（二）成立以党委书记为组长的领导小组。\n" + SHORT + PLAN)
    assert status_of(r, "sec.first_responsible") == "fail"
    assert status_of(r, "quality.first_responsible_concrete") == "not_applicable"


@pytest.mark.parametrize(("heading", "status"), [
    ("（二）落实党政主要负责人法治建设职责", "pass"),
    ("（二）抓好“一把手”履职", "pass"),
    ("（二）压实主要领导干部推进法治建设责任", "pass"),
    # a heading about something else: the secretary's own acts in the body are only partial
    ("（二）压实安全生产责任", "partial"),
])
def test_a_heading_names_the_duty_without_first_responsible(  # type: ignore[no-untyped-def]
        check_text, heading: str, status: str) -> None:
    r = check_text(HEAD + MEASURES + heading + "\n镇党委书记专题研究法治工作3次，带头学法。\n" + SHORT + PLAN)
    assert status_of(r, "sec.first_responsible") == status


def test_first_responsibility_without_person_names_the_duty(check_text) -> None:  # type: ignore[no-untyped-def]
    run_in = MEASURES + "（二）压实法治建设第一责任。镇党委书记专题研究法治工作2次。\n"
    r = check_text(HEAD + run_in + SHORT + PLAN)
    assert status_of(r, "sec.first_responsible") == "pass"
    other = MEASURES + "（二）压实安全生产第一责任。开展检查3次。\n"
    r = check_text(HEAD + other + SHORT + PLAN)
    assert status_of(r, "sec.first_responsible") == "fail"


@pytest.mark.parametrize(("rule", "sentence", "status"), [
    ("content.law_study", "组织干部集中学习《行政处罚法》3次。", "pass"),
    ("content.law_study", "开展法律法规学习培训5次。", "pass"),
    ("content.law_study", "举办法治教育培训2期。", "pass"),
    ("content.law_study", "组织机关干部参加宪法学习。", "pass"),
    ("content.law_study", "学习贯彻党的二十大精神。", "fail"),
    ("content.litigation", "全年办理复议案件2件。", "pass"),
    ("content.litigation", "行政机关负责人出庭率100%。", "pass"),
    ("content.litigation", "妥善化解各类行政争议和纠纷。", "fail"),
    ("content.open_government", "推进决策公开、执行公开、管理公开、服务公开、结果公开。", "pass"),
    ("content.open_government", "通过镇政府门户网站发布政策文件35件。", "pass"),
    ("content.open_government", "重大决策公开征求意见。", "fail"),
    ("content.open_government", "详见县人民政府网站公开的目录。", "fail"),
    ("content.legal_advisor", "聘请律师事务所提供法律服务。", "pass"),
    ("content.dispute_resolution", "排查化解矛盾纠纷56件。", "pass"),
    ("content.dispute_resolution", "受理群众来信来访32件。", "pass"),
    ("content.dispute_resolution", "协调处理矛盾纠纷时善于运用法律手段。", "partial"),
    ("content.dispute_resolution", "建立诉调对接机制。", "pass"),
    ("content.dispute_resolution", "为方便群众来访办事，设立便民服务窗口。", "fail"),
    ("content.law_study", "组织领导干部旁听庭审2次。", "pass"),
    ("content.legality_review", "所有重大决策均经法律顾问审查。", "pass"),
    ("content.legality_review", "规范性文件经司法所审核后出台。", "pass"),
    ("content.three_systems", "在政府网站公示执法结果，执法全程留痕，重大执法决定法制审核。", "pass"),
    ("content.three_systems", "执法信息在网上公示，执法过程全程音像记录，重大执法决定经法制审核。", "pass"),
    ("content.three_systems", "执法主体、依据、程序在政务网公开，执法全过程记录，重大执法决定100%法制审核。", "pass"),
    ("content.three_systems", "落实执法公示制度，配备执法记录仪12台，重大行政处罚决定全部经过法制审核。", "pass"),
    ("content.three_systems", "执法检查实行“双随机、一公开”，配备执法记录仪，重大执法决定法制审核。", "partial"),
    ("content.power_supervision", "自觉接受人大及其常委会的监督。", "pass"),
    ("content.power_supervision", "自觉接受政协的民主监督。", "pass"),
    ("content.power_supervision", "支持人大依法履职。", "fail"),
    ("quality.rectification", "对督察反馈的3个问题已全部整改完毕。", "pass"),
    ("quality.rectification", "对审计发现的问题立行立改。", "pass"),
    ("quality.rectification", "上一年度报告所列问题均已整改销号。", "pass"),
    ("quality.rectification", "对照上年度报告指出的问题，逐条落实整改。", "pass"),
    ("quality.rectification", "对审计发现的问题及时整改。", "pass"),
    ("quality.rectification", "执法检查中发现的问题，下达整改通知书6份。", "fail"),
    ("quality.rectification", "督促企业对发现的问题及时整改。", "fail"),
    ("quality.rectification", "排查安全隐患56处，已全部整改销号。", "fail"),
    ("quality.rectification", "逐项督导推进、逐项对账销号，确保每项任务都落实。", "fail"),
    ("content.major_decision_procedures", "重大事项经领导班子会议研究决定。", "partial"),
    ("content.major_decision_procedures", "党委会议研究部署法治工作。", "fail"),
    ("quality.quantitative_evidence", "发放宣传单2000余张，培训12课时，24小时值守，出动车辆3辆，整治土地50亩。", "pass"),
])
def test_work_reported_in_other_words(check_text, rule: str, sentence: str, status: str) -> None:  # type: ignore[no-untyped-def]
    r = check_text(HEAD + MEASURES + "（二）" + sentence + "\n" + SHORT + PLAN)
    assert status_of(r, rule) == status


@pytest.mark.parametrize(("plan", "status"), [
    ("三、2024年至2026年法治政府建设工作计划", "pass"),
    ("三、2024—2026年工作规划", "pass"),
    ("三、2025年至2026年工作计划", "fail"),
    ("三、2023年工作计划", "fail"),
])
def test_a_plan_for_years_starting_next_year_agrees(check_text, plan: str, status: str) -> None:  # type: ignore[no-untyped-def]
    r = check_text(HEAD + MEASURES + SHORT + plan + "\n一是加强学习。二是规范执法。三是强化监督。\n" + CLOSE)
    assert status_of(r, "sec.next_year_plan") == "pass"
    assert status_of(r, "form.year_consistency") == status


def test_elements_k_of_n(check_text) -> None:  # type: ignore[no-untyped-def]
    three = ("（二）落实行政执法公示制度，推行执法全过程记录，配备执法记录仪10台，"
             "重大执法决定法制审核率100%。\n")
    r = check_text(HEAD + MEASURES + three + SHORT + PLAN)
    assert status_of(r, "content.three_systems") == "pass"
    r = check_text(HEAD + MEASURES + "（二）全面落实行政执法“三项制度”。\n" + SHORT + PLAN)
    assert status_of(r, "content.three_systems") == "partial"
    r = check_text(HEAD + MEASURES + "（二）执法人员持证上岗，落实“双随机、一公开”。\n" + SHORT + PLAN)
    assert status_of(r, "content.three_systems") == "fail"


def test_count_matches_quantitative(check_text) -> None:  # type: ignore[no-untyped-def]
    none = ("一、主要举措和成效\n（一）印发《方案》（×政发〔2023〕12号），落实“八五”普法，"
            "结合“12·4”国家宪法日开展活动。2023年5月召开会议。\n")
    r = check_text(HEAD + none + SHORT + PLAN)
    assert status_of(r, "quality.quantitative_evidence") == "fail"
    five = "一、主要举措和成效\n开展学法12次，培训300人次，审查合同26件，调解纠纷1.5万余件，出庭率100%。\n"
    r = check_text(HEAD + five + SHORT + PLAN)
    assert status_of(r, "quality.quantitative_evidence") == "pass"


def test_count_items(check_text) -> None:  # type: ignore[no-untyped-def]
    one = "二、存在的问题和不足\n虽然取得一定成效，但还存在不足：普法覆盖面窄。\n主要原因是：宣传力度不够。\n"
    r = check_text(HEAD + MEASURES + one + PLAN)
    assert status_of(r, "quality.shortcomings_specific") == "partial"
    r = check_text(HEAD + MEASURES + SHORT + PLAN)
    assert status_of(r, "quality.shortcomings_specific") == "pass"
    r = check_text(HEAD + MEASURES + SHORT + "三、2024年工作安排\n（一）加强学习。\n（二）规范执法。\n")
    assert status_of(r, "quality.plan_specific") == "partial"


def test_form_rules(check_text) -> None:  # type: ignore[no-untyped-def]
    r = check_text(HEAD + MEASURES + SHORT + PLAN + CLOSE)
    for rule in ("form.title", "form.issuer", "form.date", "form.timeliness", "form.year_consistency"):
        assert status_of(r, rule) == "pass", rule
    late = HEAD + MEASURES + SHORT + PLAN + "张庄镇人民政府\n2024年4月8日\n"
    assert status_of(check_text(late), "form.timeliness") == "fail"
    month = HEAD + MEASURES + SHORT + PLAN + "张庄镇人民政府\n2024年3月\n"
    assert status_of(check_text(month), "form.date") == "partial"
    wrong = HEAD + MEASURES + SHORT + "三、2025年工作安排\n一是加强学习。\n"
    assert status_of(check_text(wrong), "form.year_consistency") == "fail"
    r = check_text("张庄镇法治政府建设工作报告\n" + MEASURES + SHORT + PLAN)
    assert status_of(r, "form.title") == "partial"
    assert status_of(r, "form.issuer") == "partial"
    assert status_of(r, "form.timeliness") == "not_applicable"


def test_a_title_found_with_too_few_parts_says_what_it_lacks(check_text) -> None:  # type: ignore[no-untyped-def]
    """A department's 2022年法治工作情况 is found as the title (and names the issuer),
    but has only the year: fail, with a message that names the title, not 'no title'."""
    r = check_text("某某县财政局2022年法治工作情况\n" + MEASURES + SHORT + PLAN)
    res = next(x for x in r.results if x.rule == "form.title")
    assert res.status == "fail"
    assert res.message == "标题「某某县财政局2022年法治工作情况」缺少「法治政府建设、报告」。"
    assert res.evidence[0].text == "某某县财政局2022年法治工作情况"
    assert status_of(r, "form.issuer") == "pass"
    none = check_text(MEASURES + SHORT + PLAN)
    assert next(x for x in none.results if x.rule == "form.title").message == "没有找到报告标题。"


def test_a_list_of_topics_is_shown_after_the_work_it_names(check_text) -> None:  # type: ignore[no-untyped-def]
    """研究解决…信访维稳、普法宣传等问题 names the work among others; the sentence that
    reports it is shown first. Which hits count, and the status, do not change."""
    work = ("一、2023年主要举措和成效\n（一）加强组织领导。召开专题会议，研究解决行政执法、信访维稳、"
            "普法宣传等工作中的问题。\n（二）化解矛盾纠纷。全年人民调解矛盾纠纷136件。\n")
    r = check_text(HEAD + work + SHORT + PLAN)
    res = next(x for x in r.results if x.rule == "content.dispute_resolution")
    assert res.status == "pass"
    assert [e.match for e in res.evidence] == ["人民调解", "信访"]
    assert res.evidence[0].text == "全年人民调解矛盾纠纷136件。"


def test_evidence_has_line_and_section(check_text) -> None:  # type: ignore[no-untyped-def]
    r = check_text(HEAD + MEASURES + "（二）聘请法律顾问2名。\n" + SHORT + PLAN)
    res = next(x for x in r.results if x.rule == "content.legal_advisor")
    ev = res.evidence[0]
    assert ev.line == 5 and ev.match == "法律顾问"
    assert ev.section == "一、2023年主要举措和成效"
    fail = next(x for x in r.results if x.status == "fail")
    assert fail.suggestion


def test_shortcomings_as_a_sub_section(check_text) -> None:  # type: ignore[no-untyped-def]
    text = (HEAD + "一、2023年工作开展情况\n（一）加强组织领导。召开会议3次。\n"
            "（二）存在的不足\n一是执法力量不足。二是普法方式单一。究其原因，主要是重视不够。\n"
            "二、2024年工作计划\n一是加强学习。二是规范执法。三是聘请法律顾问。\n" + CLOSE)
    r = check_text(text)
    assert status_of(r, "sec.shortcomings") == "pass"
    assert status_of(r, "sec.shortcoming_causes") == "pass"
    assert status_of(r, "quality.shortcomings_specific") == "pass"
    # the plan's 法律顾问 is a promise, not work done
    assert status_of(r, "content.legal_advisor") == "partial"


def test_duty_named_deep_inside_a_long_run_in_sentence_is_body_text(check_text) -> None:  # type: ignore[no-untyped-def]
    body = ("（二）坚持党的领导，镇党委、政府高度重视法治建设工作，把法治建设纳入全镇发展总体规划，"
            "主要负责人切实履行第一责任人职责，推动各项工作落实。\n")
    r = check_text(HEAD + MEASURES + body + SHORT + PLAN)
    assert status_of(r, "sec.first_responsible") == "partial"


def test_closing_notes_after_the_date(check_text) -> None:  # type: ignore[no-untyped-def]
    r = check_text(HEAD + MEASURES + SHORT + PLAN + "张庄镇人民政府\n2024年2月1日\n（此件公开发布）\n")
    assert status_of(r, "form.date") == "pass"


def test_traditional_report_is_judged_like_a_simplified_one(check_text) -> None:  # type: ignore[no-untyped-def]
    simp = HEAD + MEASURES + "（二）聘请法律顾问2名，审查合同30件。\n" + SHORT + PLAN + CLOSE
    trad = simp.translate(str.maketrans("镇关于建设报告举措问题强执顾审查规织组领导议为营", "鎮關於建設報告舉措問題強執顧審查規織組領導議為營"))
    a, b = check_text(simp), check_text(trad)
    assert [x.status for x in a.results] == [x.status for x in b.results]


def test_a_cited_document_title_is_not_evidence_in_a_sentence(check_text) -> None:  # type: ignore[no-untyped-def]
    cite = "《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》"
    r = check_text(HEAD + MEASURES + f"（二）组织学习{cite}等文件6次。\n" + SHORT + PLAN)
    assert status_of(r, "content.three_systems") == "fail"
    # wording only partly inside the quotation marks still counts
    r = check_text(HEAD + MEASURES + "（二）执法人员执法时主动出示《行政执法证》。\n" + SHORT + PLAN)
    assert status_of(r, "content.three_systems") == "partial"
    # a heading that cites the regulation announces the section's subject: it counts
    duty = "《党政主要负责人履行推进法治建设第一责任人职责规定》"
    r = check_text(HEAD + MEASURES + f"（二）认真贯彻落实{duty}。镇长主持专题会议4次。\n" + SHORT + PLAN)
    assert status_of(r, "sec.first_responsible") == "pass"
    r = check_text(HEAD + f"2023年，我镇认真贯彻落实{duty}。\n" + MEASURES + SHORT + PLAN)
    assert status_of(r, "sec.first_responsible") == "fail"


def test_a_tier_may_count_cited_titles(check_text, mutated) -> None:  # type: ignore[no-untyped-def]
    """``cited: true``: a tier counts wordings inside a cited document's title. The
    rulebook uses it for the duty named in the body (严格落实《…第一责任人职责规定》):
    partial, where the preamble's same slogan stays fail."""
    duty = "《党政主要负责人履行推进法治建设第一责任人职责规定》"
    text = HEAD + MEASURES + f"（二）强化组织保障。严格落实{duty}，将法治建设纳入年度重点工作。\n" + SHORT + PLAN
    assert status_of(check_text(text), "sec.first_responsible") == "partial"
    path, _ = mutated("          cited: true\n", "")
    r = Engine.from_file(path).check_extracted(extracted_from_text(text), "t.txt", "0")
    assert status_of(r, "sec.first_responsible") == "fail"


def test_not_evidence_is_data(check_text, mutated) -> None:  # type: ignore[no-untyped-def]
    text = HEAD + MEASURES + "（二）组织学习《关于推行法律顾问制度和公职律师公司律师制度的意见》。\n" + SHORT + PLAN
    assert status_of(check_text(text), "content.legal_advisor") == "fail"
    path, _ = mutated("not_evidence: ['《[^《》]{1,80}》',", "not_evidence: [")
    engine = Engine.from_file(path)
    r = engine.check_extracted(extracted_from_text(text), "t.txt", "0")
    assert status_of(r, "content.legal_advisor") == "pass"


@pytest.mark.parametrize("sub", ["（二）下一步打算", "（二）履行第一责任人职责情况"])
def test_a_scope_lists_each_section_once(make_doc, engine, sub: str) -> None:  # type: ignore[no-untyped-def]
    """A section whose heading names two kinds, with a sub-section of a kind the scope
    holds: the sub-section is in the scope once (it was listed twice, and its items
    were counted twice)."""
    from fazhi.checks.base import Context

    doc = make_doc(HEAD + "一、主要举措和成效\n（一）加强组织领导。召开会议3次。\n"
                   "二、存在的问题及下一步打算\n（一）存在的问题\n执法力量不足。\n"
                   f"{sub}\n加强学习，规范执法。\n" + CLOSE)
    ctx = Context(doc=doc, scopes=engine.book.scopes)
    for scope in ["next_year_plan", "first_responsible", "shortcomings", "gaps", "work"]:
        found = [(s.start, s.end) for s in ctx.sections(scope)]
        assert len(found) == len(set(found)), scope


@pytest.mark.parametrize(("duty", "status"), [
    ("镇党委书记主持召开党委会专题研究法治建设3次，带头讲法治课1次。", "pass"),
    ("主要负责人带头学习习近平法治思想，定期听取法治工作汇报。", "pass"),
    ("党政主要负责人带头讲授法治课2次，主持召开法治政府建设推进会2次。", "pass"),
    ("镇长亲自抓法治政府建设，召开常务会议研究法治工作4次。", "pass"),
    ("把法治建设与经济社会发展同部署、同推进、同督促、同考核。", "partial"),
    ("认真履行第一责任人职责，高度重视法治建设。", "fail"),
])
def test_first_responsible_duties_in_other_words(check_text, duty: str, status: str) -> None:  # type: ignore[no-untyped-def]
    fr = "二、党政主要负责人履行推进法治建设第一责任人职责情况\n" + duty + "\n"
    r = check_text(HEAD + MEASURES + fr + SHORT.replace("二、", "三、") + PLAN.replace("三、", "四、") + CLOSE)
    assert status_of(r, "sec.first_responsible") == "pass"
    assert status_of(r, "quality.first_responsible_concrete") == status


def test_a_lead_speaks_for_its_item_not_for_the_items_beside_it(make_doc, engine) -> None:  # type: ignore[no-untyped-def]
    """The region a lead gives a later rule (``rule:<id>``) is its item: from the lead
    to the next lead of its paragraph, the last lead's to the paragraph's end."""
    from fazhi.checks.base import Context, Region

    para = ("加强领导。一是成立领导小组。二是切实履行第一责任人职责。镇长主持专题会议3次。"
            "三是组织会前学法10次。")
    doc = make_doc(HEAD + "一、主要举措和成效\n" + para + "\n" + CLOSE)
    ctx = Context(doc=doc, scopes=engine.book.scopes)
    i = next(p.index for p in doc.paragraphs if p.norm.startswith("加强领导"))
    norm = doc.paragraphs[i].norm
    one, two, three = (norm.index(w) for w in ("一是", "二是", "三是"))
    leads = [sp for sp in ctx.spans("all", "headings") if sp.paragraph == i]
    assert [sp.region for sp in leads] == [Region(i, i + 1, one, two), Region(i, i + 1, two, three),
                                           Region(i, i + 1, three, -1)]
    ctx.regions["r"] = [Region(i, i + 1, two, three)]
    [span] = ctx.spans("rule:r")
    assert norm[span.start:span.end] == "二是切实履行第一责任人职责。镇长主持专题会议3次。"
