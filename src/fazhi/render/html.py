"""HTML scorecards: one self-contained page per report and a batch index."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path, PurePath

from jinja2 import Environment, PackageLoader, select_autoescape

from fazhi.render.files import write_atomic
from fazhi.render.text import ICONS, LABELS, SEVERITY_LABELS, WARNING_TEXT
from fazhi.results import Overview, ReportResult, ReportSummary, RunHeader, RunResult

_env = Environment(loader=PackageLoader("fazhi.render", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True),
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
_env.globals.update(ICONS=ICONS, LABELS=LABELS, SEVERITY_LABELS=SEVERITY_LABELS,
                    WARNING_TEXT=WARNING_TEXT)

STATUS_RANK = {"fail": 0, "partial": 1, "pass": 2, "not_applicable": 3}
SEVERITY_RANK = {"required": 0, "recommended": 1, "info": 2}


def scorecard_names(paths: Sequence[str]) -> list[str]:
    """A distinct file name per report path: its stem, plus a short hash where stems collide.

    Depends only on the paths, so a batch can name every scorecard before any is written."""
    stems = [PurePath(p).stem or "report" for p in paths]
    counts: dict[str, int] = {}
    for s in stems:
        counts[s] = counts.get(s, 0) + 1
    out = []
    for p, s in zip(paths, stems, strict=True):
        if counts[s] > 1:
            s = f"{s}-{hashlib.sha256(p.encode('utf-8')).hexdigest()[:8]}"
        out.append(f"{s}.html")
    return out


def render_scorecard(run: RunHeader | RunResult, report: ReportResult) -> str:
    gaps = sorted((x for x in report.results if x.status in ("fail", "partial")),
                  key=lambda x: (STATUS_RANK[x.status], SEVERITY_RANK.get(x.severity, 9)))
    passes = [x for x in report.results if x.status == "pass"]
    na = [x for x in report.results if x.status == "not_applicable"]
    return _env.get_template("scorecard.html.j2").render(
        run=run, r=report, gaps=gaps, passes=passes, na=na)


def render_index(run: Overview) -> str:
    return _env.get_template("index.html.j2").render(
        run=run, rows=[(r, r.scorecard) for r in run.reports])


def write_scorecard(out: Path, name: str, run: RunHeader | RunResult, report: ReportResult) -> Path:
    p = out / name
    write_atomic(p, render_scorecard(run, report))
    return p


def write_index(out: Path, run: Overview) -> Path:
    p = out / "index.html"
    write_atomic(p, render_index(run))
    return p


def write_html(run: RunResult, out: Path) -> list[Path]:
    """Write every scorecard and the index into ``out``; return the paths written."""
    names = scorecard_names([r.path for r in run.reports])
    written = [write_scorecard(out, name, run, r)
               for r, name in zip(run.reports, names, strict=True) if r.status == "checked"]
    overview = Overview(tool=run.tool, rulebook=run.rulebook, summary=run.summary,
                        reports=[ReportSummary.of(r, n) for r, n in zip(run.reports, names,
                                                                         strict=True)])
    written.append(write_index(out, overview))
    return written
