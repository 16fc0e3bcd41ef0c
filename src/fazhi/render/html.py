"""HTML scorecards: one self-contained page per report and a batch index."""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePath

from jinja2 import Environment, PackageLoader, select_autoescape

from fazhi.render.files import write_atomic
from fazhi.render.text import ICONS, LABELS, SEVERITY_LABELS, WARNING_TEXT
from fazhi.results import ReportResult, RunResult

_env = Environment(loader=PackageLoader("fazhi.render", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
_env.globals.update(ICONS=ICONS, LABELS=LABELS, SEVERITY_LABELS=SEVERITY_LABELS,
                    WARNING_TEXT=WARNING_TEXT)

STATUS_RANK = {"fail": 0, "partial": 1, "pass": 2, "not_applicable": 3}
SEVERITY_RANK = {"required": 0, "recommended": 1, "info": 2}


def scorecard_names(reports: list[ReportResult]) -> list[str]:
    """A distinct file name per report: its stem, plus a short hash where stems collide."""
    stems = [PurePath(r.path).stem or "report" for r in reports]
    counts: dict[str, int] = {}
    for s in stems:
        counts[s] = counts.get(s, 0) + 1
    out = []
    for r, s in zip(reports, stems, strict=True):
        if counts[s] > 1:
            s = f"{s}-{hashlib.sha256(r.path.encode('utf-8')).hexdigest()[:8]}"
        out.append(f"{s}.html")
    return out


def render_scorecard(run: RunResult, report: ReportResult) -> str:
    gaps = sorted((x for x in report.results if x.status in ("fail", "partial")),
                  key=lambda x: (STATUS_RANK[x.status], SEVERITY_RANK.get(x.severity, 9)))
    passes = [x for x in report.results if x.status == "pass"]
    na = [x for x in report.results if x.status == "not_applicable"]
    return _env.get_template("scorecard.html.j2").render(
        run=run, r=report, gaps=gaps, passes=passes, na=na)


def render_index(run: RunResult, names: list[str]) -> str:
    return _env.get_template("index.html.j2").render(run=run, rows=list(zip(run.reports, names,
                                                                            strict=True)))


def write_html(run: RunResult, out: Path) -> list[Path]:
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
    write_atomic(idx, render_index(run, names))
    written.append(idx)
    return written
