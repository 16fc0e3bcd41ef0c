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
import io
import re
import secrets
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import IO
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from fazhi.document.readers import FORMAT_LABELS
from fazhi.fingerprint import code_fingerprint
from fazhi.render.batch import Totals, feed
from fazhi.render.files import write_atomic
from fazhi.render.text import ICONS, LABELS, SEVERITY_LABELS, WARNING_SHORT, WARNING_TEXT
from fazhi.render.views import (
    CLASSIFIED_LABELS,
    GAP_STATUSES,
    SEVERITY_RANK,
    STATUSES,
    OverviewRow,
    RuleInfo,
    line_anchor,
    rule_anchor,
    scorecard_names,
    scorecard_view,
    severity_label,
)
from fazhi.results import ReportResult, RunHeader, RunResult, Summary

__all__ = ["IndexPage", "page_key", "render_index", "render_scorecard", "scorecard_names",
           "write_scorecard"]

VERDICT_ICONS = {True: "✓", False: "✗", None: "•"}

_env = Environment(loader=PackageLoader("fazhi.render", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                   auto_reload=False)  # templates are package data: no stat per page
_env.globals.update(FORMAT_LABELS=FORMAT_LABELS, ICONS=ICONS, LABELS=LABELS,
                    SEVERITY_LABELS=SEVERITY_LABELS,
                    WARNING_TEXT=WARNING_TEXT, WARNING_SHORT=WARNING_SHORT, STATUSES=STATUSES,
                    CLASSIFIED_LABELS=CLASSIFIED_LABELS, rule_anchor=rule_anchor,
                    severity_label=severity_label, line_anchor=line_anchor,
                    VERDICT_ICONS=VERDICT_ICONS)
_env.filters.update(href=lambda name: quote(name))


@cache
def _static(name: str) -> str:
    text = (resources.files("fazhi.render") / "static" / name).read_text("utf-8")
    if "</" in text:
        raise ValueError(f"static/{name} must not contain '</' (it is inlined into a page)")
    return text.strip() + "\n"


@cache  # the same on every page of a run
def _assets(css: tuple[str, ...], js: str) -> Mapping[str, object]:
    style = "".join(_static(n) for n in css)
    script = _static(js)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")
    return MappingProxyType({"style": Markup(style), "script": Markup(script), "csp": csp})


def render_scorecard(run: RunHeader | RunResult, report: ReportResult,
                     index_href: str = "index.html", key: str | None = None) -> str:
    """One report's page; ``key``: its :func:`page_key`, when the caller has it already."""
    view = scorecard_view(report)
    return _env.get_template("scorecard.html.j2").render(
        run=run, r=report, v=view, index_href=index_href,
        page_mark=Markup(_KEY_MARK.format(key or page_key(run, report))),
        **_assets(("base.css", "scorecard.css"), "scorecard.js"))


# -- unchanged pages ------------------------------------------------------------
# A scorecard names, in its head, the hash of everything it is made from; a re-run
# into the same folder leaves a page alone when the hash is the same (rendering
# is most of the cost of a cached re-run).
_KEY_MARK = '<meta name="fazhi-page" content="{}">'
_PAGE_END = b"</html>\n"
_HEAD_BYTES = 4096  # the mark is in the first few hundred bytes


def page_key(run: RunHeader | RunResult, report: ReportResult) -> str:
    """The hash of everything a report's scorecard is made from: the renderer (the code,
    templates and styles of this package), the tool and rulebook named in the run's
    header, and the report (its text included)."""
    h = hashlib.sha256(code_fingerprint("fazhi.render").encode("ascii"))
    for part in (run.tool, run.rulebook, report):  # their JSON, as the serializer's bytes
        h.update(part.__pydantic_serializer__.to_json(part))
        h.update(b"\0")
    return h.hexdigest()


def _holds_page(path: Path, key: str) -> bool:
    """Whether ``path`` is already the whole page with ``key``."""
    try:
        with open(path, "rb") as f:
            head = f.read(_HEAD_BYTES)
            f.seek(-len(_PAGE_END), io.SEEK_END)
            tail = f.read()
    except OSError:  # missing, unreadable, or shorter than its end
        return False
    return tail == _PAGE_END and _KEY_MARK.format(key).encode("ascii") in head


def render_index(run: RunResult, names: list[str],
                 downloads: list[tuple[str, str]] | None = None) -> str:
    """The batch overview; ``downloads`` are (file name, description) of tables written beside it."""
    buf = io.BytesIO()
    feed(run, [IndexPage(buf, run, downloads)], names)
    return buf.getvalue().decode("utf-8")


@dataclass(frozen=True)
class _CommonGap:
    rule: RuleInfo
    fail: int
    partial: int
    fail_key: str
    partial_key: str


@dataclass(frozen=True)
class _MatrixRow:
    rule: RuleInfo
    fail: int
    partial: int
    key: str


class _Spools:
    """Text kept aside in anonymous temporary files, by key, to be copied into a page."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.files: dict[str, IO[bytes]] = {}

    def write(self, key: str, text: str) -> None:
        f = self.files.get(key)
        if f is None:
            f = self.files[key] = tempfile.TemporaryFile(dir=self.folder)
        f.write(text.encode("utf-8"))

    def copy(self, key: str, out: IO[bytes]) -> None:
        f = self.files.get(key)
        if f is not None:
            f.seek(0)
            shutil.copyfileobj(f, out, 1 << 20)

    def close(self) -> None:
        for f in self.files.values():
            f.close()
        self.files.clear()


# A province's batch has thousands of reports: a matrix column and a link under
# each common gap for every one of them would make a page of tens of megabytes
# that no browser opens comfortably. The page shows the first ones; the report
# list above it and summary.xlsx hold every report.
MATRIX_MAX_REPORTS = 200
COMMON_MAX_LINKS = 30
# The report list keeps every report, but a browser takes seconds to lay out ten
# thousand rows, on every sort too: with scripts on it shows this many at a time
# (static/index.js), and hides the rest from the start; without, every row.
REPORT_LIST_PAGE = 500


class IndexPage:
    """The batch overview page written into ``out`` (a binary file) as rows come.

    The pieces with one entry per report (its row of the report list, its
    column of the rule × report matrix, its links under the common gaps) are
    rendered as each report comes (templates/index_parts.html.j2) and kept aside
    in temporary files (in ``spool_dir``; the system's by default), one per place
    they go; at the end the page is rendered around them and they are copied in.
    The matrix takes the first :data:`MATRIX_MAX_REPORTS` checked reports, each
    common gap links the first :data:`COMMON_MAX_LINKS` reports that have it.
    """

    def __init__(self, out: IO[bytes], header: RunHeader | RunResult,
                 downloads: list[tuple[str, str]] | None = None,
                 spool_dir: Path | None = None) -> None:
        self.out = out
        self.header = header
        self.downloads = downloads or []
        self.spools = _Spools(spool_dir)
        self.parts = _env.get_template("index_parts.html.j2").module
        self.rules: list[RuleInfo] = []
        self.in_matrix = 0
        self.links: dict[str, int] = {}  # spool key → links written to it
        # where a spool goes in the page: a mark no page text can hold
        self.token = secrets.token_hex(8)
        self.marks = re.compile(f"\x00{self.token}:([^\x00]*)\x00")

    def start(self, rules: list[RuleInfo]) -> None:
        self.rules = rules

    def add(self, row: OverviewRow, number: int, statuses: list[str | None]) -> None:
        parts, spools = self.parts, self.spools
        later = number > REPORT_LIST_PAGE  # after the first page of the report list
        spools.write("table", parts.report_row(row, number, later))  # type: ignore[attr-defined]
        if not row.checked:
            return
        in_matrix = self.in_matrix < MATRIX_MAX_REPORTS
        if in_matrix:
            self.in_matrix += 1
            spools.write("head", parts.matrix_head(row, number))  # type: ignore[attr-defined]
            spools.write("foot", parts.matrix_foot(row))  # type: ignore[attr-defined]
        for i, (info, status) in enumerate(zip(self.rules, statuses, strict=True)):
            if in_matrix:
                spools.write(f"row-{i}", parts.matrix_cell(row, info, status))  # type: ignore[attr-defined]
            if status in GAP_STATUSES:
                key = f"{status}-{i}"
                n = self.links.get(key, 0)
                if n < COMMON_MAX_LINKS:
                    spools.write(key, ("、" if n else "") + parts.common_link(row, info))  # type: ignore[attr-defined]
                self.links[key] = n + 1

    def _mark(self, key: str) -> Markup:
        return Markup(f"\x00{self.token}:{key}\x00")

    def finish(self, rules: list[RuleInfo], totals: Totals, summary: Summary) -> None:
        matrix = [_MatrixRow(info, totals.fail[i], totals.partial[i], f"row-{i}")
                  for i, info in enumerate(rules)]
        common = [_CommonGap(info, totals.fail[i], totals.partial[i], f"fail-{i}", f"partial-{i}")
                  for i, info in enumerate(rules) if totals.fail[i] or totals.partial[i]]
        order = {info.rule: i for i, info in enumerate(rules)}
        common.sort(key=lambda g: (-(g.fail + g.partial), -g.fail,
                                   SEVERITY_RANK.get(g.rule.severity, 9), order[g.rule.rule]))
        page = _env.get_template("index.html.j2").generate(
            run=self.header, t=totals, summary=summary, common=common, matrix=matrix,
            downloads=self.downloads, spool=self._mark, in_matrix=self.in_matrix,
            max_links=COMMON_MAX_LINKS, list_page=REPORT_LIST_PAGE,
            **_assets(("base.css", "index.css"), "index.js"))
        try:
            for chunk in page:
                pieces = self.marks.split(chunk)
                for k, piece in enumerate(pieces):
                    if k % 2:
                        self.spools.copy(piece, self.out)
                    else:
                        self.out.write(piece.encode("utf-8"))
        finally:
            self.spools.close()


def write_scorecard(out: Path, name: str, run: RunHeader | RunResult, report: ReportResult
                    ) -> Path:
    """Write one report's scorecard as ``out/name`` (as soon as the report is checked);
    a page that is there already, made from the same inputs, is left as it is."""
    p = out / name
    key = page_key(run, report)
    if not _holds_page(p, key):
        write_atomic(p, render_scorecard(run, report, key=key))
    return p
