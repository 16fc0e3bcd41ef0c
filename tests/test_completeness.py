"""Warnings for documents that are not whole: too_short and truncated."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import ValidationError

from conftest import REPORTS
from fazhi.cli import main
from fazhi.document.config import OutlineConfig
from fazhi.engine import Engine
from fazhi.results import ReportResult

Check = Callable[[str], ReportResult]
JIANGJIA = (REPORTS / "jiangjia-2022.txt").read_text("utf-8")


def cut_after(text: str, marker: str, extra: int = 0) -> str:
    i = text.index(marker) + len(marker) + extra
    return text[:i]


@pytest.mark.parametrize("name", sorted(p.name for p in REPORTS.glob("*.txt")))
def test_whole_reports_have_no_warning(engine: Engine, name: str) -> None:
    assert engine.check_path(REPORTS / name).warnings == []


def test_cut_mid_sentence_in_the_first_section_is_truncated(check_text: Check) -> None:
    text = cut_after(JIANGJIA, "（二）", 25)
    r = check_text(text)
    assert "truncated" in r.warnings and "too_short" not in r.warnings


def test_cut_on_a_heading_is_truncated(check_text: Check) -> None:
    text = cut_after(JIANGJIA, "二、党政主要负责人履行推进法治建设第一责任人职责情况")
    assert "truncated" in check_text(text).warnings


def test_cut_mid_sentence_after_the_late_sections_is_not_truncated(check_text: Check) -> None:
    # All sections a complete report has at its end are there: nothing is missing.
    text = JIANGJIA.rstrip()[:-20]
    assert "truncated" not in check_text(text).warnings


def test_closing_block_means_not_truncated(check_text: Check) -> None:
    text = cut_after(JIANGJIA, "（二）", 25) + "\n\n姜家镇人民政府\n2023年1月10日\n"
    assert "truncated" not in check_text(text).warnings


def test_too_short(check_text: Check) -> None:
    r = check_text("关于2022年法治政府建设情况的报告\n一、主要举措和成效\n我镇依法行政。")
    assert "too_short" in r.warnings


def test_warnings_in_text_output(tmp_path: Path) -> None:
    p = tmp_path / "cut.txt"
    p.write_text(cut_after(JIANGJIA, "（二）", 25), encoding="utf-8")
    r = CliRunner().invoke(main, ["check", str(p), "--format", "text"])
    assert r.exit_code == 0
    assert "截断" in r.stdout


def test_completeness_thresholds_are_rulebook_data(engine: Engine) -> None:
    raw = engine.book.document.model_dump()
    assert raw["completeness"]["end_kinds"]
    raw["completeness"]["end_kinds"] = ["no_such_kind"]
    with pytest.raises(ValidationError):
        OutlineConfig.model_validate(raw)
    raw["completeness"] = {"min_chars": 10, "sentence_end": "("}
    with pytest.raises(ValidationError):
        OutlineConfig.model_validate(raw)
    del raw["completeness"]
    assert OutlineConfig.model_validate(raw).completeness.min_chars == 300
