"""Headless Chromium (Debian's chromium + chromium-driver) driven by Selenium.

No Selenium Manager, no downloads: the driver and browser are the system
binaries. Used by the browser tests and by docs/screenshots.py.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("FAZHI_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("FAZHI_CHROMEDRIVER", "/usr/bin/chromedriver")


def available() -> str | None:
    """None when Chromium can be driven, else why not."""
    for p in (CHROMIUM, CHROMEDRIVER):
        if not (Path(p).is_file() and os.access(p, os.X_OK)):
            return f"{p} not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium not installed (pip install -e '.[test]')"
    return None


def require(what: str) -> None:
    """At a test module's top: under CI (CI=true) a missing Chromium fails the module's
    tests; elsewhere they are skipped with the reason."""
    import pytest

    why = available()
    if why is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} need Chromium under CI: {why}", pytrace=False)
    pytest.skip(f"{what} skipped: {why}", allow_module_level=True)


@contextmanager
def chromium(width: int = 1280, height: int = 900) -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="fazhi-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-extensions",
                 "--hide-scrollbars", "--force-device-scale-factor=1",
                 f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def network_requests(driver: Any) -> list[str]:
    """URLs of every request the page made since the last call (from the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def console_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def full_page_png(driver: Any, path: Path | None = None, max_height: int | None = None) -> bytes:
    """A screenshot of the whole page (or its top ``max_height`` CSS pixels)."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    height = size["height"] if max_height is None else min(size["height"], max_height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": height, "scale": 1}})
    data = base64.b64decode(shot["data"])
    if path is not None:
        path.write_bytes(data)
    return data


def print_pdf(driver: Any, header_footer: bool = False) -> bytes:
    """The page printed on A4. ``header_footer``: with the date, title, address and page
    numbers in the margins, as the browser's own print dialog does by default."""
    res = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True,
        "printBackground": True, "displayHeaderFooter": header_footer})
    return base64.b64decode(res["data"])
