"""Golden files: the pages rendered from a fixed result (tests/data/golden_run.json)
must equal the stored HTML in tests/golden/, so that every template or style
change shows up as a reviewed diff.

After an intended change, regenerate and review the diff:

    FAZHI_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
    git diff tests/golden/

A scorecard's ``fazhi-page`` key hashes the renderer's own files, so it changes
with any edit to the render package; it is stored as zeros here (test_page_key
in test_render_html.py covers it).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import DATA
from fazhi.render.csv_out import to_csv
from fazhi.render.html import render_index, render_scorecard, scorecard_names
from fazhi.render.json_out import from_json
from fazhi.render.outputs import DOWNLOADS

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("FAZHI_UPDATE_GOLDEN") == "1"
_PAGE_KEY = re.compile(r'(<meta name="fazhi-page" content=")[0-9a-f]{64}(">)')


def _masked(page: str) -> str:
    return _PAGE_KEY.sub(lambda m: m.group(1) + "0" * 64 + m.group(2), page)


def rendered() -> dict[str, str]:
    run = from_json((DATA / "golden_run.json").read_text(encoding="utf-8"))
    names = scorecard_names(run.reports)
    pages = {name: _masked(render_scorecard(run, r))
             for r, name in zip(run.reports, names, strict=True) if r.status == "checked"}
    pages["index.html"] = render_index(run, names, DOWNLOADS)
    pages["summary.csv"] = to_csv(run)
    return pages


PAGES = rendered()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_golden(name: str) -> None:
    path = GOLDEN / name
    got = PAGES[name]
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(got.encode("utf-8"))
    assert path.is_file(), f"missing golden {path.name}; run with FAZHI_UPDATE_GOLDEN=1"
    want = path.read_bytes().decode("utf-8")
    assert got == want, f"{name} differs from tests/golden/; if intended, regenerate " \
                        "with FAZHI_UPDATE_GOLDEN=1 and review the diff"


def test_no_stray_golden_files() -> None:
    assert {p.name for p in GOLDEN.iterdir() if p.suffix in (".html", ".csv")} == set(PAGES)
