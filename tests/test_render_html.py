"""Scorecard and index HTML: content, order, escaping, self-containment, determinism."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import DATA, REPORTS
from fazhi.engine import Engine, make_run
from fazhi.render.html import page_key, render_index, render_scorecard, write_scorecard
from fazhi.render.json_out import from_json, to_json
from fazhi.render.views import full_text, highlight, scorecard_names
from fazhi.results import ReportResult, RunResult
from probe import IMG, SCRIPT

GOLDEN_RUN = DATA / "golden_run.json"


@pytest.fixture(scope="module")
def run(engine: Engine) -> RunResult:
    paths = [REPORTS / "jiangjia-2022.txt", REPORTS / "zhengqi-2022.txt"]
    return engine.run([(p, f"reports/{p.name}") for p in paths])


@pytest.fixture(scope="module")
def golden() -> RunResult:
    return from_json(GOLDEN_RUN.read_text(encoding="utf-8"))


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(html: str) -> Tags:
    t = Tags()
    t.feed(html)
    return t


# -- highlighting and names ---------------------------------------------------
def test_highlight_escapes_before_marking() -> None:
    out = str(highlight('a<b>合法性审查"&', "合法性审查"))
    assert out == 'a&lt;b&gt;<mark>合法性审查</mark>&#34;&amp;'
    assert str(highlight("<i>x</i>", "<i>")) == "<mark>&lt;i&gt;</mark>x&lt;/i&gt;"
    assert str(highlight("<x>", None)) == "&lt;x&gt;"


def _report(path: str) -> ReportResult:
    return ReportResult(path=path, status="checked")


def test_scorecard_names_distinct_and_portable() -> None:
    paths = ["a/jiangjia-2022.txt", "b/jiangjia-2022.txt", "c/Report.txt", "d/report.docx",
             "index.txt", 'x/"><img src=1>.txt', "CON.txt", "e/only.txt"]
    names = scorecard_names([_report(p) for p in paths])
    assert len({n.casefold() for n in names}) == len(names)
    assert names[0].startswith("jiangjia-2022-") and names[1].startswith("jiangjia-2022-")
    assert names[4] != "index.html" and names[4].startswith("index-")
    assert not re.search(r'[<>:"/\\|?*]', "".join(names))
    assert names[6] == "CON_.html"
    assert names[7] == "only.html"
    assert scorecard_names([_report(p) for p in paths]) == names  # stable


def test_long_names_fit_the_file_system_while_being_written() -> None:
    """A name of 255 bytes is the limit, and the temporary name used while the
    scorecard is written is 14 bytes longer; names cut to fit stay distinct."""
    long = "重庆市巴南区姜家镇人民政府关于二〇二二年度法治政府建设情况的报告" * 3
    names = scorecard_names([f"a/{long}甲.txt", f"a/{long}乙.txt", f"b/{long[:20]}.txt"])
    assert all(len(n.encode("utf-8")) + 14 <= 255 for n in names)
    assert len(set(names)) == 3
    assert names[2] == f"{long[:20]}.html"


# -- the full text ------------------------------------------------------------
def test_source_lines_rebuild_the_paragraphs(run: RunResult) -> None:
    r = run.reports[0]
    assert r.source is not None and r.compliant is False
    lines = (REPORTS / "jiangjia-2022.txt").read_text(encoding="utf-8").splitlines()
    for s in r.source:
        assert s.text == lines[s.line - 1].strip() and s.text


def test_evidence_is_marked_on_its_line(check_text) -> None:  # type: ignore[no-untyped-def]
    r = check_text("某镇人民政府\n关于2022年度法治政府建设情况的报告\n一、主要举措和成效\n"
                   "我镇开展合法性审查。另外，重大决策经合法性审查和集体讨论决定。\n")
    rows = full_text(r)
    row = next(x for x in rows if "另外" in x.html)
    ev = [e for x in r.results for e in x.evidence if e.match == "合法性审查"]
    assert ev
    # every line with evidence is marked and links back to its rules
    assert "<mark" in str(row.html) and row.refs
    heading = next(x for x in rows if "主要举措" in x.html)
    assert '<mark class="hl st-' in str(heading.html) and heading.refs


def test_evidence_is_marked_in_the_quoted_sentence_not_the_first_occurrence() -> None:
    from fazhi.document.model import Evidence
    from fazhi.results import RuleResult, SourceLine

    r = ReportResult(path="t.txt", status="checked", source=[
        SourceLine(line=1, block=0, text="甲审查。乙合法性审查。丙合法性"),
        SourceLine(line=2, block=0, text="审查完毕。"),
    ], results=[
        RuleResult(rule="r1", status="pass", severity="required", title="T", message="m",
                   evidence=[Evidence(text="乙合法性审查。", match="合法性审查", line=1)]),
        RuleResult(rule="r2", status="fail", severity="required", title="U", message="m",
                   evidence=[Evidence(text="丙合法性审查完毕。", match="合法性审查", line=1)]),
    ])
    rows = full_text(r)
    first, second = (str(x.html) for x in rows)
    assert first == ('甲审查。乙<mark class="hl st-pass" title="达标：T">合法性审查</mark>。丙'
                     '<mark class="hl st-fail" title="缺失：U">合法性</mark>')
    assert second == '<mark class="hl st-fail" title="缺失：U">审查</mark>完毕。'
    assert [ref.rule for ref in rows[0].refs] == ["r1", "r2"] and rows[1].refs == []


# -- the scorecard ------------------------------------------------------------
def test_scorecard_header_and_verdict(run: RunResult) -> None:
    r = run.reports[0]
    html = render_scorecard(run, r)
    assert '<html lang="zh-CN">' in html
    for needle in [r.sha256, r.path, "重庆市巴南区姜家镇人民政府", "2022 年度", "未注明",
                   run.rulebook.id, run.rulebook.version, run.tool.version,
                   f'<span class="num">{r.score}</span>', r.grade, "不合规"]:
        assert needle and needle in html, needle
    for label in ("缺失", "部分达标", "达标", "不适用"):
        assert label in html


def test_gaps_first_fail_then_partial_required_first(run: RunResult) -> None:
    html = render_scorecard(run, run.reports[0])
    gaps = html[html.index('id="gaps"'):html.index('id="passes"')]
    cards = re.findall(r'data-status="(\w+)" data-severity="(\w+)"', gaps)
    assert cards and {s for s, _ in cards} <= {"fail", "partial"}
    rank = {"fail": 0, "partial": 1}, {"required": 0, "recommended": 1, "info": 2}
    keys = [(rank[0][s], rank[1][v]) for s, v in cards]
    assert keys == sorted(keys)
    # each gap card carries its basis and its suggestion
    assert gaps.count('class="basis"') == len(cards)
    assert gaps.count('class="suggest"') == len(cards)


def test_passes_collapsed_and_not_applicable_with_reason(run: RunResult) -> None:
    r = run.reports[0]
    html = render_scorecard(run, r)
    passes = html[html.index('id="passes"'):html.index('id="outline"')]
    assert "<details" in passes and "<details open" not in passes
    na = [x for x in r.results if x.status == "not_applicable"]
    assert na and all(x.message in passes for x in na)
    assert "不适用原因" in passes


def test_every_evidence_links_to_a_line_that_exists_and_back(run: RunResult) -> None:
    html = render_scorecard(run, run.reports[0])
    tags = parse(html).tags
    ids = {a["id"] for _, a in tags if a.get("id")}
    hrefs = [a["href"] for t, a in tags if t == "a" and (a.get("href") or "").startswith("#")]
    assert all(h[1:] in ids for h in hrefs), [h for h in hrefs if h[1:] not in ids]
    assert any(h.startswith("#L") for h in hrefs) and any(h.startswith("#ev-") for h in hrefs)
    n_ev = sum(len(x.evidence) for x in run.reports[0].results)
    assert sum(1 for i in ids if i.startswith("ev-")) == n_ev


def test_self_contained_and_csp_allows_only_the_inline_script(run: RunResult) -> None:
    for html in (render_scorecard(run, run.reports[0]), render_index(run, ["a.html", "b.html"])):
        tags = parse(html)
        for tag, attrs in tags.tags:
            assert "src" not in attrs, tag
            if tag == "link":
                assert attrs.get("href") == "data:,"
        assert "@import" not in html and "url(" not in html
        assert not re.search(r'(href|src)="(https?:)?//', html)
        assert len(tags.scripts) == 1
        digest = base64.b64encode(hashlib.sha256(tags.scripts[0].encode()).digest()).decode()
        csp = next(a["content"] for t, a in tags.tags if a.get("http-equiv") ==
                   "Content-Security-Policy")
        assert csp and f"'sha256-{digest}'" in csp and "default-src 'none'" in csp


def test_report_text_is_escaped_everywhere(golden: RunResult) -> None:
    probe = next(r for r in golden.reports if r.path.endswith("probe.txt"))
    html = render_scorecard(golden, probe)
    index = render_index(golden, scorecard_names(golden.reports))
    for page in (html, index):
        tags = parse(page)
        assert not [t for t, _ in tags.tags if t == "img"]
        assert len(tags.scripts) == 1 and "__fazhi_pwned" not in tags.scripts[0]
        assert not any(k.startswith("on") for _, a in tags.tags for k in a)
    assert SCRIPT not in html and IMG not in html
    assert "&lt;script&gt;window.__fazhi_pwned=1&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=" in html
    assert "probe/&#34;&gt;&lt;i&gt;probe.txt" in html and "<i>" not in html


def test_no_source_renders_with_a_note(run: RunResult) -> None:
    lean = from_json(to_json(run))
    assert lean.reports[0].source is None
    html = render_scorecard(lean, lean.reports[0])
    assert "结果文件中没有报告全文" in html and 'id="L' not in html


def test_same_result_same_bytes_and_json_round_trip(run: RunResult) -> None:
    again = from_json(to_json(run, include_source=True))
    for a, b in zip(run.reports, again.reports, strict=True):
        assert render_scorecard(run, a) == render_scorecard(again, b)
    names = scorecard_names(run.reports)
    assert render_index(run, names) == render_index(again, names)


def test_json_stdout_is_lean_unless_asked(run: RunResult) -> None:
    assert '"source"' not in to_json(run)
    assert '"source"' in to_json(run, include_source=True)
    assert '"compliant": false' in to_json(run)


# -- the index ----------------------------------------------------------------
def test_index_rows_matrix_common_gaps_and_errors(golden: RunResult) -> None:
    names = scorecard_names(golden.reports)
    html = render_index(golden, names, [("summary.csv", "表")])
    body = html[html.index('<table class="reports'):html.index("</table>")]
    assert body.count("<tr data-number=") == 3 and body.count('<tr class="error"') == 1
    assert "unsupported_format" in body and "无法读取" in body
    assert "&lt;script&gt;x&lt;/script&gt;" in body
    for name in names[:3]:
        assert f'href="{quote(name)}"' in html
    matrix = html[html.index('<table class="matrix"'):]
    n_rules = len(golden.reports[0].results)
    assert matrix.count('<td class="cell st-') == 3 * n_rules
    assert 'id="common"' in html and 'href="summary.csv"' in html


def test_index_links_are_url_encoded(engine: Engine, tmp_path: Path) -> None:
    r = ReportResult(path="a/报告 #1%.txt", status="checked")
    run = make_run(engine.info(), [r])
    html = render_index(run, scorecard_names(run.reports))
    assert 'href="%E6%8A%A5%E5%91%8A%20%231%25.html"' in html


def test_index_with_only_unreadable_inputs(engine: Engine) -> None:
    from fazhi.engine import error_result

    run = make_run(engine.info(), [error_result("a.docx", "unreadable", "坏了", None)])
    html = render_index(run, scorecard_names(run.reports))
    assert 'id="matrix"' not in html and 'id="common"' not in html
    assert "unreadable" in html and "坏了" in html
    assert parse(html).scripts


def test_scorecard_of_a_report_without_meta_or_score(engine: Engine) -> None:
    r = ReportResult(path="x/无题.txt", status="checked", verdict="合规")
    run = make_run(engine.info(), [r])
    html = render_scorecard(run, r)
    assert "<h1>无题.txt</h1>" in html and "未写明" in html and "—" in html


# -- unchanged pages are left alone ------------------------------------------------
def test_page_key_covers_the_report_and_the_header(run: RunResult) -> None:
    r = run.reports[0]
    key = page_key(run, r)
    assert key == page_key(from_json(to_json(run, include_source=True)), r)
    changed = r.model_copy(update={"score": (r.score or 0) + 1})
    assert page_key(run, changed) != key
    moved = r.model_copy(update={"path": "elsewhere/" + r.path})
    assert page_key(run, moved) != key
    newer = run.model_copy(update={"tool": run.tool.model_copy(update={"version": "99"})})
    assert page_key(newer, r) != key
    other_book = run.model_copy(
        update={"rulebook": run.rulebook.model_copy(update={"profile": "township"})})
    assert page_key(other_book, r) != key
    assert f'<meta name="fazhi-page" content="{key}">' in render_scorecard(run, r)


def test_write_scorecard_leaves_an_unchanged_page_alone(run: RunResult, tmp_path: Path) -> None:
    r = run.reports[0]
    page = write_scorecard(tmp_path, "a.html", run, r)
    os.utime(page, ns=(1, 1))  # written long ago: a rewrite would show in the time
    write_scorecard(tmp_path, "a.html", run, r)
    assert page.stat().st_mtime_ns == 1

    changed = r.model_copy(update={"score": (r.score or 0) + 1})
    write_scorecard(tmp_path, "a.html", run, changed)
    assert page.read_text(encoding="utf-8") == render_scorecard(run, changed)


@pytest.mark.parametrize("damage", ["cut", "emptied", "edited_key"])
def test_write_scorecard_rewrites_a_damaged_page(run: RunResult, tmp_path: Path,
                                                 damage: str) -> None:
    r = run.reports[0]
    page = write_scorecard(tmp_path, "a.html", run, r)
    good = page.read_bytes()
    if damage == "cut":  # e.g. copied from a stick that was pulled out
        page.write_bytes(good[: len(good) // 2])
    elif damage == "emptied":
        page.write_bytes(b"")
    else:
        page.write_bytes(re.sub(rb'content="[0-9a-f]{64}"', b'content="' + b"0" * 64 + b'"',
                                good))
    write_scorecard(tmp_path, "a.html", run, r)
    assert page.read_bytes() == good


def test_evidence_in_a_line_cut_into_pieces_is_marked_where_it_stands(engine: Engine) -> None:
    """A report whose line breaks were lost is one line of the file shown as many rows:
    each piece of evidence is marked in, and linked to, the row that holds its words."""
    report = engine.check_path(DATA / "flattened" / "pingtan-junshan-pianqu-2022.txt")
    html = render_scorecard(make_run(engine.info(), [report]), report)
    rows = dict(re.findall(r'<div class="ln[^"]*" id="(L3(?:-\d+)?)">(.*?)</div>', html, re.S))
    assert len(rows) > 20  # the one line, in its recovered pieces
    linked = re.findall(r'<li id="ev-([^"]+)"><blockquote>.*?<a href="#(L3(?:-\d+)?)">', html,
                        re.S)
    assert {target for _, target in linked} - {"L3"}  # not every link goes to the first row
    matches = {f"{r.rule}-{k}": e.match for r in report.results
               for k, e in enumerate(r.evidence) if e.match}
    for ev, target in linked:
        if ev in matches:
            assert target in rows
            assert '<mark class="hl' in rows[target], (ev, target)
