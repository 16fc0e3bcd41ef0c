"""Take the README's screenshots with headless Chromium from the real sample reports.

    .venv/bin/python docs/screenshots.py

Needs Debian's chromium, chromium-driver and fonts-noto-cjk (.ci/apt-packages.txt).
Writes docs/scorecard.png, docs/scorecard-fulltext.png, docs/index.png and
docs/index-matrix.png.
"""

from __future__ import annotations

import base64
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from click.testing import CliRunner  # noqa: E402

import chromium  # noqa: E402
from fazhi.cli import main  # noqa: E402

SHOTS = [  # (page, CSS selector the shot starts at, height in CSS pixels, output)
    ("jiangjia-2022.html", "body", 1500, "scorecard.png"),
    ("jiangjia-2022.html", "#fulltext", 1000, "scorecard-fulltext.png"),
    ("index.html", "body", 1250, "index.png"),
    ("index.html", "#matrix", 1050, "index-matrix.png"),
]


def shot(driver: Any, selector: str, height: int) -> bytes:
    y = driver.execute_script(
        "return document.querySelector(arguments[0]).getBoundingClientRect().top"
        " + window.scrollY", selector)
    width = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]["width"]
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": y, "width": width, "height": height, "scale": 1}})
    return base64.b64decode(data["data"])


def main_() -> None:
    why = chromium.available()
    if why:
        sys.exit(why)
    out = Path(tempfile.mkdtemp(prefix="fazhi-shots-")) / "scorecards"
    os.chdir(ROOT)  # so that the pages show the inputs as reports/…
    res = CliRunner().invoke(main, ["check", "reports", "--out", str(out)])
    if res.exit_code not in (0, 1):
        sys.exit(res.output)
    with chromium.chromium(1280, 900) as driver:
        for page, selector, height, name in SHOTS:
            driver.get((out / page).as_uri())
            (ROOT / "docs" / name).write_bytes(shot(driver, selector, height))
            print(f"docs/{name}")


if __name__ == "__main__":
    main_()
