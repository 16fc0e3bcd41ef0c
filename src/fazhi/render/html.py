"""HTML scorecards: one self-contained page per report and a batch index.

A page is a pure function of the run result: same result, same bytes. Style
sheets and scripts from ``static/`` are inlined, nothing is fetched (the pages
must work from a USB stick on an offline intranet), and a Content-Security-
Policy allows only those inlined pieces, so that even text that slipped past
escaping could not load or run anything. Pages read fully without JavaScript;
the scripts only add sorting and filtering, and open collapsed parts for print.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from fazhi.render.files import atomic_writer, write_atomic
from fazhi.render.text import ICONS, LABELS, SEVERITY_LABELS, WARNING_TEXT
from fazhi.render.views import (
    CLASSIFIED_LABELS,
    STATUSES,
    evidence_anchor,
    evidence_location,
    highlight,
    index_view,
    line_anchor,
    rule_anchor,
    scorecard_names,
    scorecard_view,
    severity_label,
    status_badge,
)
from fazhi.results import ReportResult, RunHeader, RunResult

__all__ = ["render_index", "render_scorecard", "scorecard_names", "write_html"]

_env = Environment(loader=PackageLoader("fazhi.render", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                   auto_reload=False)  # templates are package data: no stat per page
_env.globals.update(ICONS=ICONS, LABELS=LABELS, SEVERITY_LABELS=SEVERITY_LABELS,
                    WARNING_TEXT=WARNING_TEXT, STATUSES=STATUSES,
                    CLASSIFIED_LABELS=CLASSIFIED_LABELS, rule_anchor=rule_anchor,
                    evidence_anchor=evidence_anchor, severity_label=severity_label,
                    status_badge=status_badge, evidence_location=evidence_location,
                    line_anchor=line_anchor)
_env.filters.update(hl=highlight, href=lambda name: quote(name))

VERDICT_ICONS = {True: "✓", False: "✗", None: "•"}


@cache
def _static(name: str) -> str:
    text = (resources.files("fazhi.render") / "static" / name).read_text("utf-8")
    if "</" in text:
        raise ValueError(f"static/{name} must not contain '</' (it is inlined into a page)")
    return text.strip() + "\n"


def _assets(css: list[str], js: str) -> dict[str, object]:
    style = "".join(_static(n) for n in css)
    script = _static(js)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")
    return {"style": Markup(style), "script": Markup(script), "csp": csp,
            "VERDICT_ICONS": VERDICT_ICONS}


def render_scorecard(run: RunHeader | RunResult, report: ReportResult,
                     index_href: str = "index.html") -> str:
    view = scorecard_view(report)
    return _env.get_template("scorecard.html.j2").render(
        run=run, r=report, v=view, index_href=index_href,
        **_assets(["base.css", "scorecard.css"], "scorecard.js"))


def render_index(run: RunResult, names: list[str],
                 downloads: list[tuple[str, str]] | None = None) -> str:
    """The batch overview; ``downloads`` are (file name, description) of tables written beside it."""
    return "".join(_index_chunks(run, names, downloads))


def _index_chunks(run: RunResult, names: list[str],
                  downloads: list[tuple[str, str]] | None) -> Iterator[str]:
    view = index_view(run, names)
    return _env.get_template("index.html.j2").generate(
        run=run, v=view, downloads=downloads or [],
        **_assets(["base.css", "index.css"], "index.js"))


def write_scorecard(out: Path, name: str, run: RunHeader | RunResult, report: ReportResult
                    ) -> Path:
    """Write one report's scorecard as ``out/name`` (as soon as the report is checked)."""
    p = out / name
    write_atomic(p, render_scorecard(run, report))
    return p


def write_index(run: RunResult, out: Path, downloads: list[tuple[str, str]] | None = None
                ) -> Path:
    """Write the batch overview ``out/index.html``."""
    p = out / "index.html"
    # Written as the template renders: the page of a large batch is never whole in memory.
    with atomic_writer(p) as f:
        for chunk in _index_chunks(run, scorecard_names(run.reports), downloads):
            f.write(chunk)
    return p


def write_html(run: RunResult, out: Path,
               downloads: list[tuple[str, str]] | None = None) -> list[Path]:
    """Write every scorecard and the index into ``out``; return the paths written."""
    names = scorecard_names(run.reports)
    written = []
    for r, name in zip(run.reports, names, strict=True):
        if r.status != "checked":
            continue
        p = out / name
        write_atomic(p, render_scorecard(run, r))
        written.append(p)
    idx = out / "index.html"
    write_atomic(idx, render_index(run, names, downloads))
    written.append(idx)
    return written
