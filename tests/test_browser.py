"""The scorecards in a real headless Chromium (Debian's chromium + chromium-driver).

Every page loads from file:// with no console error and no request other than
the page itself, paints something, prints to PDF; the escaping probe shows as
text and runs nothing; sorting and filtering work; the pages read without
JavaScript and print with everything expanded.

Under CI (CI=true) a missing Chromium fails these tests; elsewhere they are
skipped with the reason.
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import chromium
from conftest import REPORTS
from fazhi.cli import main
from probe import PROBE_NAME, SCRIPT, write_probe

chromium.require("browser tests")

from selenium.webdriver.common.by import By  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """scorecards/ for the five sample reports, the escaping probe and an unreadable file."""
    root = tmp_path_factory.mktemp("site")
    inputs = root / "inputs"
    shutil.copytree(REPORTS, inputs / "reports")
    (inputs / "probe").mkdir()
    write_probe(inputs / "probe", PROBE_NAME)
    (inputs / "broken").mkdir()
    (inputs / "broken" / "empty.txt").write_bytes(b"")
    out = root / "scorecards"
    res = CliRunner().invoke(main, ["check", str(inputs), "--out", str(out)])
    assert res.exit_code == 3, res.output  # the unreadable input
    return out


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory, site: Path) -> Path:
    """The same batch with a report list page of 2 rows (a province's batch has
    thousands of reports and pages of 500): its 7 inputs make 4 pages."""
    from fazhi.render import html

    out = tmp_path_factory.mktemp("paged") / "scorecards"
    inputs = site.parent / "inputs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(html, "REPORT_LIST_PAGE", 2)
        res = CliRunner().invoke(main, ["check", str(inputs), "--out", str(out)])
    assert res.exit_code == 3, res.output
    return out


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with chromium.chromium() as d:
        yield d


def load(driver: Any, page: Path, js: bool = True) -> list[str]:
    """Open ``page``; return the URLs of every request it made."""
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not js})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    driver.get("about:blank")
    chromium.network_requests(driver)
    chromium.console_errors(driver)
    driver.get(page.as_uri())
    driver.execute_script("return document.readyState")  # settle
    return chromium.network_requests(driver)


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def non_white_share(png: bytes) -> float:
    from PIL import Image

    im = Image.open(io.BytesIO(png)).convert("L")
    hist = im.histogram()
    return 1 - sum(hist[245:]) / (im.width * im.height)


def test_every_page_offline_clean_painted_and_printable(driver: Any, site: Path) -> None:
    found = pages(site)
    assert len(found) == 7  # five reports, the probe, the index
    for page in found:
        requests = load(driver, page)
        others = [u for u in requests if u != page.as_uri() and not u.startswith("data:")]
        assert others == [], (page.name, others)
        assert chromium.console_errors(driver) == [], page.name
        share = non_white_share(chromium.full_page_png(driver, max_height=1600))
        assert share > 0.05, (page.name, share)
        pdf = chromium.print_pdf(driver)
        assert pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-64:], page.name
        n_pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert n_pages >= (2 if page.name != "index.html" else 1), (page.name, n_pages)
        assert chromium.console_errors(driver) == [], page.name


def test_escaping_probe_shows_as_text_and_runs_nothing(driver: Any, site: Path) -> None:
    probe = next(p for p in pages(site) if "probe" not in p.name and "img" in p.name)
    for page in (probe, site / "index.html"):
        load(driver, page)
        assert driver.execute_script("return window.__fazhi_pwned === undefined")
        assert driver.execute_script("return document.images.length") == 0
        assert driver.execute_script("return document.scripts.length") == 1
        text = driver.execute_script("return document.body.innerText")
        assert PROBE_NAME in text
    load(driver, probe)
    text = driver.execute_script("return document.body.innerText")
    assert SCRIPT in text
    assert chromium.console_errors(driver) == []


def visible_rows(driver: Any) -> list[Any]:
    return [r for r in driver.find_elements(By.CSS_SELECTOR, "table.reports tbody tr")
            if r.is_displayed()]


def test_index_sorts_and_filters(driver: Any, site: Path) -> None:
    load(driver, site / "index.html")
    button = driver.find_element(By.CSS_SELECTOR, 'th[data-key="score"] button.sort')
    button.click()
    scores = [r.get_attribute("data-score") for r in visible_rows(driver)]
    numbers = [float(s) for s in scores if s]
    assert numbers == sorted(numbers) and scores[-1] == ""  # unreadable input last
    button.click()
    scores = [r.get_attribute("data-score") for r in visible_rows(driver)]
    numbers = [float(s) for s in scores if s]
    assert numbers == sorted(numbers, reverse=True) and scores[-1] == ""
    th = driver.find_element(By.CSS_SELECTOR, 'th[data-key="score"]')
    assert th.get_attribute("aria-sort") == "descending"
    driver.find_element(By.CSS_SELECTOR, 'th[data-key="file"] button.sort').click()
    files = [r.get_attribute("data-file") for r in visible_rows(driver)]
    assert files == sorted(files)
    box = driver.find_element(By.CSS_SELECTOR, ".filters input")
    box.send_keys("jiangjia")
    rows = visible_rows(driver)
    assert len(rows) == 1 and "jiangjia" in rows[0].text
    box.clear()
    box.send_keys("empty")
    rows = visible_rows(driver)
    assert len(rows) == 1 and "无法读取" in rows[0].text
    assert chromium.console_errors(driver) == []


def test_index_without_javascript_lists_everything(driver: Any, site: Path) -> None:
    load(driver, site / "index.html", js=False)
    assert len(visible_rows(driver)) == 7
    assert not driver.find_elements(By.CSS_SELECTOR, ".filters, button.sort")
    assert driver.find_elements(By.CSS_SELECTOR, "table.matrix td.cell.st-fail")
    load(driver, site / "index.html")


def test_index_pages_a_long_list(driver: Any, paged_site: Path) -> None:
    """Sorting and filtering work on the whole list, a page is shown at a time; the
    rows after the first page are hidden from the start, not after the script ran."""
    page = paged_site / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count('class="later"') + html.count('class="error later"') == 5
    load(driver, page)
    numbers = [r.get_attribute("data-number") for r in visible_rows(driver)]
    assert numbers == ["1", "2"]
    status = driver.find_element(By.CSS_SELECTOR, ".filters output")
    assert status.text == "显示 7 / 7 份，本页第 1–2 份"
    back, more = driver.find_elements(By.CSS_SELECTOR, ".pager button")
    assert not back.is_enabled() and more.is_enabled()
    more.click()
    assert [r.get_attribute("data-number") for r in visible_rows(driver)] == ["3", "4"]
    more.click()
    more.click()
    assert [r.get_attribute("data-number") for r in visible_rows(driver)] == ["7"]
    assert not more.is_enabled() and status.text == "显示 7 / 7 份，本页第 7–7 份"
    # sorting takes in every report and starts again at the first page
    driver.find_element(By.CSS_SELECTOR, 'th[data-key="score"] button.sort').click()
    scores = [float(r.get_attribute("data-score")) for r in visible_rows(driver)]
    every = sorted(float(x) for x in re.findall(r'data-score="([\d.]+)"', html))
    assert scores == every[:2]
    box = driver.find_element(By.CSS_SELECTOR, ".filters input")
    box.send_keys("2022")
    expected = driver.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll('table.reports tbody tr'),"
        " function (r) { return r.textContent.indexOf('2022') >= 0; }).length")
    assert expected > 2
    rows = visible_rows(driver)
    assert len(rows) == 2 and all("2022" in r.text for r in rows)
    assert status.text == f"显示 {expected} / 7 份，本页第 1–2 份"
    box.clear()
    box.send_keys("jiangjia")
    assert len(visible_rows(driver)) == 1 and status.text == "显示 1 / 7 份"
    assert not driver.find_element(By.CSS_SELECTOR, ".pager").is_displayed()
    assert chromium.console_errors(driver) == []
    load(driver, page, js=False)
    assert len(visible_rows(driver)) == 7
    assert not driver.find_elements(By.CSS_SELECTOR, ".pager, .filters")
    load(driver, page)


def test_index_shows_every_row_when_its_script_fails(driver: Any, paged_site: Path) -> None:
    """The rows after the first page are hidden while the script is expected to take
    over; a script that fails (an old browser without Intl) must not leave them hidden."""
    added = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                                   {"source": "window.Intl = undefined;"})
    try:
        load(driver, paged_site / "index.html")
        assert len(visible_rows(driver)) == 7
        assert any("Collator" in e or "Intl" in e for e in chromium.console_errors(driver))
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument",
                               {"identifier": added["identifier"]})
    load(driver, paged_site / "index.html")
    assert len(visible_rows(driver)) == 2


def test_scorecard_filter_links_print_and_no_js(driver: Any, site: Path) -> None:
    page = site / "jiangjia-2022.html"
    load(driver, page)
    cards = driver.find_elements(By.CSS_SELECTOR, "#gaps .rule")
    assert any(c.get_attribute("data-severity") == "recommended" for c in cards)
    driver.find_element(By.CSS_SELECTOR, '.filters input[value="recommended"]').click()
    shown = [c for c in cards if c.is_displayed()]
    assert shown and all(c.get_attribute("data-severity") != "recommended" for c in shown)
    assert "显示" in driver.find_element(By.CSS_SELECTOR, ".filters output").text

    # evidence → its line in the full text, and the line's chip → back to the evidence
    link = driver.find_element(By.CSS_SELECTOR, '#gaps .loc a[href^="#L"]')
    target = link.get_attribute("href").rsplit("#", 1)[1]
    link.click()
    assert driver.execute_script("return location.hash") == f"#{target}"
    row = driver.find_element(By.ID, target)
    assert row.find_elements(By.CSS_SELECTOR, "mark")
    chip = row.find_element(By.CSS_SELECTOR, ".backs a")
    back = chip.get_attribute("href").rsplit("#", 1)[1]
    chip.click()
    assert driver.find_element(By.ID, back).is_displayed()

    # a chip that points into the collapsed passes opens them
    load(driver, page)
    pass_chip = driver.find_element(By.CSS_SELECTOR, ".backs a.st-pass")
    anchor = pass_chip.get_attribute("href").rsplit("#", 1)[1]
    assert not driver.find_element(By.ID, anchor).is_displayed()
    pass_chip.click()
    assert driver.find_element(By.ID, anchor).is_displayed()

    # print: everything expanded, no navigation chrome
    load(driver, page)
    hidden_pass = driver.find_element(By.CSS_SELECTOR, "#passes .rule")
    seen = "return arguments[0].checkVisibility()"
    assert driver.execute_script(seen, hidden_pass) is False
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    assert driver.execute_script(seen, hidden_pass) is True
    assert not driver.find_element(By.CSS_SELECTOR, "nav.toc").is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, ".filters").is_displayed()
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    # without JavaScript: every card and the full text are there, no filter bar
    load(driver, page, js=False)
    assert not driver.find_elements(By.CSS_SELECTOR, ".filters")
    gaps = driver.find_elements(By.CSS_SELECTOR, "#gaps .rule")
    assert gaps and all(c.is_displayed() for c in gaps)
    assert driver.find_elements(By.CSS_SELECTOR, ".fulltext mark")
    load(driver, page)
    assert chromium.console_errors(driver) == []
