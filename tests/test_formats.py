"""The same report in every format gives the same judgements as its plain text.

Real files are built from the five dev reports (tests/docbuild.py): Word with
automatic numbering, PDFs with a CID and an embedded TrueType CJK font,
wrapped lines, running headers and page-number footers, a government web
page with site chrome in GB18030 (and saved as a web archive, .mht, as IE
saves it, or re-encoded in UTF-8 under its old charset declaration), an OFD package, and the text itself in
GBK, UTF-16 and UTF-8 with BOM, CRLF and full-width indentation.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import docbuild
from conftest import REPORTS, statuses
from fazhi.document.model import Document
from fazhi.document.normalize import normalize_text
from fazhi.engine import Engine
from fazhi.results import ReportResult

NAMES = [p.stem for p in sorted(REPORTS.glob("*.txt"))]

# format id → (suffix, builder, expected format, expected encoding or None)
Builder = Callable[[list[str], Path], Path]
FORMATS: dict[str, tuple[str, Builder, str, str | None]] = {
    "docx": (".docx", docbuild.make_docx, "docx", None),
    "pdf-cid": (".pdf", lambda ls, p: docbuild.make_pdf(ls, p, font="cid", page_mark="dash"),
                "pdf", None),
    "pdf-ttf": (".pdf", lambda ls, p: docbuild.make_pdf(ls, p, font="ttf", page_mark="page",
                                                        size=12), "pdf", None),
    "pdf-hyphen": (".pdf", lambda ls, p: docbuild.make_pdf(ls, p, font="ttf", page_mark="hyphen",
                                                           size=16), "pdf", None),
    # a book's headers, the office atop even pages, the mark atop odd ones, none on page
    # one; at size 20 the reports fill 5 to 8 pages, so each header is on fewer than half
    "pdf-alternating-heads": (".pdf", lambda ls, p: docbuild.make_pdf(
        ls, p, font="ttf", size=20, header=("某某县人民政府办公室", "法治政府建设年度报告（公开）")),
        "pdf", None),
    "html-gb18030": (".html", docbuild.make_html, "html", "gb18030"),
    "shtml-utf8": (".shtml", lambda ls, p: docbuild.make_html(ls, p, "utf-8", "utf-8"), "html",
                   "utf-8"),
    "mht-gb2312-qp": (".mht", docbuild.make_mht, "mhtml", "gb18030"),
    "mhtml-utf8-base64-meta-gb2312": (
        ".mhtml", lambda ls, p: docbuild.make_mht(ls, p, "utf-8", "gb2312", "base64"), "mhtml",
        "utf-8"),
    "ofd": (".ofd", docbuild.make_ofd, "ofd", None),
    "txt-gbk": (".txt", lambda ls, p: docbuild.make_text(ls, p, "gbk"), "txt", "gb18030"),
    "txt-utf16": (".txt", lambda ls, p: docbuild.make_text(ls, p, "utf-16", "\r\n"), "txt",
                  "utf-16 (BOM)"),
    "txt-utf8-bom-crlf-indent": (
        ".txt", lambda ls, p: docbuild.make_text(ls, p, "utf-8-sig", "\r\n", "\u3000\u3000"),
        "txt", "utf-8 (BOM)"),
}


@pytest.fixture(scope="module")
def originals(engine: Engine) -> dict[str, tuple[ReportResult, Document]]:
    out = {}
    for name in NAMES:
        path = REPORTS / f"{name}.txt"
        out[name] = (engine.check_path(path), engine.load(path))
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("formats")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", NAMES)
def test_same_statuses_as_plain_text(fmt: str, name: str, engine: Engine, built: Path,
                                     originals: dict[str, tuple[ReportResult, Document]]) -> None:
    suffix, build, fmt_name, encoding = FORMATS[fmt]
    path = build(docbuild.report_lines(REPORTS / f"{name}.txt"), built / f"{name}-{fmt}{suffix}")
    result = engine.check_path(path)
    assert result.status == "checked", result.error
    base, base_doc = originals[name]
    assert statuses(result) == statuses(base)
    assert result.meta == base.meta
    assert result.format == fmt_name and result.encoding == encoding
    assert result.warnings == []
    # Not by luck: the reader rebuilt the same paragraphs and the same outline.
    doc = engine.load(path)
    norms = [p.norm for p in doc.paragraphs]
    assert norms == [p.norm for p in base_doc.paragraphs]
    assert [(normalize_text(e.heading), e.kind, e.classified_by) for e in result.outline] == \
        [(normalize_text(e.heading), e.kind, e.classified_by) for e in base.outline]


def test_locations_follow_the_format(engine: Engine, built: Path) -> None:
    lines = docbuild.report_lines(REPORTS / f"{NAMES[0]}.txt")
    pdf = engine.load(docbuild.make_pdf(lines, built / "loc.pdf", font="ttf"))
    locs = [loc for p in pdf.paragraphs for loc in p.locs]
    assert all(loc.page is not None for loc in locs)
    assert max(loc.page or 0 for loc in locs) >= 2
    assert locs[0].page == 1 and locs[0].line == 1  # the running header is not counted
    docx = engine.load(docbuild.make_docx(lines, built / "loc.docx"))
    assert [p.locs[0].paragraph for p in docx.paragraphs][:3] == [1, 2, 3]
    result = engine.check_path(built / "loc.pdf")
    assert any(ev.page for r in result.results for ev in r.evidence)


def test_docx_numbering_comes_out_as_typed(engine: Engine, built: Path) -> None:
    # The builder removes every typed heading number and numbers the paragraph
    # automatically; the reader must give back the numbers a reader sees.
    for name in NAMES:
        lines = docbuild.report_lines(REPORTS / f"{name}.txt")
        doc = engine.load(docbuild.make_docx(lines, built / f"num-{name}.docx"))
        typed = [normalize_text(ln) for ln in lines if docbuild.split_marker(ln.strip(" \u3000"))]
        starts = {p.norm[:12] for p in doc.paragraphs}
        assert typed and all(t[:12] in starts for t in typed)


def test_scorecard_links_evidence_to_page_and_line(engine: Engine, built: Path) -> None:
    # Lines are numbered per page in a PDF: the scorecard's full text must tell
    # line 5 of page 1 from line 5 of page 2.
    import re

    from fazhi.engine import make_run
    from fazhi.render.html import render_scorecard

    lines = docbuild.report_lines(REPORTS / f"{NAMES[0]}.txt")
    result = engine.check_path(docbuild.make_pdf(lines, built / "card.pdf", font="ttf"))
    html = render_scorecard(make_run(engine.info(), [result]), result)
    ids = re.findall(r' id="(P\d+L\d+)"', html)
    assert ids and len(ids) == len(set(ids))
    targets = set(re.findall(r'href="#(P\d+L\d+)"', html))
    assert targets and targets <= set(ids)
    ev = next(e for r in result.results for e in r.evidence if e.page and e.page > 1)
    assert f'href="#P{ev.page}L{ev.line}"' in html


JOINT_TITLE = "中共淄博市淄川区源泉镇委员会 淄川区源泉镇人民政府关于2022年度法治政府建设工作情况的报告"


@pytest.mark.parametrize("font", ["cid", "ttf"])
def test_a_centred_title_over_three_lines_is_one_title(font: str, engine: Engine,
                                                       tmp_path: Path) -> None:
    """A 公文 title in 22 pt, centred, wraps to three lines; its last line is centred,
    not an indented paragraph. It reads as one title, and its joint issuers as the
    issuer, with the judgements of the same text as .txt."""
    lines = docbuild.report_lines(REPORTS / "yuanquan-2022.txt")
    at = next(i for i, ln in enumerate(lines[:5]) if ln.strip().endswith("报告"))
    signer = next(ln for ln in lines[:at] if ln.strip()).strip()  # above the title, and signs it
    # without that line, the title's joint issuers are the issuer
    lines = [JOINT_TITLE, *(ln for ln in lines[at + 1:] if ln.strip() != signer)]
    txt = tmp_path / "joint.txt"
    txt.write_text("\n".join(lines) + "\n", "utf-8")
    pdf = docbuild.make_pdf(lines, tmp_path / "joint.pdf", font=font, size=16, title_size=22)
    doc = engine.load(pdf)
    title = next(p for p in doc.paragraphs if p.norm == normalize_text(JOINT_TITLE))
    assert len(title.locs) == 3  # three printed lines, one paragraph
    assert normalize_text(doc.meta.title or "") == normalize_text(JOINT_TITLE)
    assert normalize_text(doc.meta.issuer or "") == normalize_text("中共淄博市淄川区源泉镇委员会淄川区源泉镇人民政府")
    assert statuses(engine.check_path(pdf)) == statuses(engine.check_path(txt))


def test_a_title_broken_over_two_word_paragraphs_is_one_title(engine: Engine, tmp_path: Path) -> None:
    """Authors press Enter inside a long title: the .docx has it in two paragraphs."""
    lines = docbuild.report_lines(REPORTS / "yuanquan-2022.txt")
    at = next(i for i, ln in enumerate(lines[:5]) if ln.strip().endswith("报告"))
    whole = lines[at].strip()
    cut = whole.index("建设") + 2
    split = [*lines[:at], whole[:cut], whole[cut:], *lines[at + 1:]]
    docx = engine.check_path(docbuild.make_docx(split, tmp_path / "split.docx"))
    assert docx.meta == engine.check_path(REPORTS / "yuanquan-2022.txt").meta
    assert statuses(docx) == statuses(engine.check_path(REPORTS / "yuanquan-2022.txt"))
