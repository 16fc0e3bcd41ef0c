from fazhi.engine import score_results
from fazhi.results import RuleResult
from fazhi.rulebook.schema import Grade, Scoring, Severity, Verdict

SCORING = Scoring(
    severities={"required": Severity(label="必备", weight=3),
                "recommended": Severity(label="建议", weight=2),
                "info": Severity(label="提示", weight=1)},
    credits={"pass": 1, "partial": 0.5, "fail": 0},
    grades=[Grade(min=90, label="优秀"), Grade(min=75, label="良好"),
            Grade(min=60, label="合格"), Grade(min=0, label="较差")],
    verdict=Verdict(severities=["required"]),
)


def rr(status: str, severity: str, weight: float) -> RuleResult:
    return RuleResult(rule="x.y", status=status, severity=severity, title="t", message="m",  # type: ignore[arg-type]
                      weight=weight)


def test_weighted_score_excludes_not_applicable() -> None:
    results = [rr("pass", "required", 3), rr("partial", "recommended", 2),
               rr("fail", "info", 1), rr("not_applicable", "required", 3)]
    score, grade, verdict = score_results(results, SCORING)
    assert score == round((3 + 1) / 6 * 100, 1) == 66.7
    assert grade == "合格"
    assert verdict == "合规"


def test_required_fail_makes_it_non_compliant_whatever_the_score() -> None:
    results = [rr("pass", "recommended", 2)] * 20 + [rr("fail", "required", 3)]
    score, grade, verdict = score_results(results, SCORING)
    assert score is not None and score > 90 and grade == "优秀"
    assert verdict == "不合规"


def test_grade_bands_and_half_up_rounding() -> None:
    assert score_results([rr("pass", "info", 3), rr("partial", "info", 1)], SCORING)[:2] == (87.5, "良好")
    # 0.5/8 = 6.25 → 6.3 (half up, not banker's rounding)
    assert score_results([rr("partial", "info", 1), rr("fail", "info", 7)], SCORING)[:2] == (6.3, "较差")
    assert score_results([rr("pass", "info", 3), rr("fail", "info", 1)], SCORING)[:2] == (75.0, "良好")


def test_nothing_applicable_has_no_score() -> None:
    assert score_results([rr("not_applicable", "info", 1)], SCORING) == (None, None, "合规")
