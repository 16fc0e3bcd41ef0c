"""Readers, one behaviour at a time: docx numbering and structure, PDF page
furniture and wrapping, web pages, OFD packages, text encodings."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import docbuild
from conftest import REPORTS
from fazhi.document.model import DocumentError, Extracted
from fazhi.document.normalize import normalize_text
from fazhi.document.paragraphs import build_paragraphs
from fazhi.document.readers import Limits, extract, pdf
from fazhi.document.readers.layout import (
    PlacedLine,
    set_side_columns_apart,
    strip_furniture,
    to_source_lines,
)
from fazhi.document.readers.numbering import cn_counting, format_number
from fazhi.document.readers.txt import line_count
from fazhi.engine import Engine

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def read(path: Path) -> Extracted:
    return extract(path, path.read_bytes(), Limits())


def texts(ex: Extracted) -> list[str]:
    return [ln.text for ln in ex.lines]


# -- Word numbering ----------------------------------------------------------------------
@pytest.mark.parametrize(("n", "want"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"),
                                         (21, "二十一"), (100, "一百"), (101, "一百零一"),
                                         (110, "一百一十"), (1005, "一千零五")])
def test_chinese_counting(n: int, want: str) -> None:
    assert cn_counting(n) == want


@pytest.mark.parametrize(("fmt", "n", "want"), [
    ("decimal", 12, "12"), ("chineseCountingThousand", 12, "十二"),
    ("chineseLegalSimplified", 11, "壹拾壹"), ("ideographTraditional", 3, "丙"),
    ("decimalEnclosedCircle", 3, "③"), ("decimalEnclosedCircleChinese", 20, "⑳"),
    ("decimalEnclosedParen", 2, "⑵"), ("decimalFullWidth", 12, "１２"), ("decimalZero", 3, "03"),
    ("lowerLetter", 28, "bb"), ("upperRoman", 14, "XIV"), ("ideographDigital", 10, "一〇"),
    ("bullet", 1, ""),
])
def test_number_formats(fmt: str, n: int, want: str) -> None:
    assert format_number(n, fmt) == want


def write_docx(path: Path, body: str, numbering: str = "", styles: str = "",
               extra: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f"<w:document {W_NS}><w:body>{body}</w:body></w:document>")
        if numbering:
            z.writestr("word/numbering.xml", f"<w:numbering {W_NS}>{numbering}</w:numbering>")
        if styles:
            z.writestr("word/styles.xml", f"<w:styles {W_NS}>{styles}</w:styles>")
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def para(text: str, num: int | None = None, ilvl: int = 0, style: str | None = None) -> str:
    ppr = ""
    if style or num is not None:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


MULTI = ('<w:abstractNum w:abstractNumId="0">'
         + lvl(0, "chineseCounting", "%1、") + lvl(1, "chineseCounting", "（%2）")
         + lvl(2, "decimal", "%3.") + lvl(3, "decimal", "%1.%2.%4", extra='<w:isLgl/>')
         + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
         '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
         '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>')


def test_docx_multilevel_numbering_restarts_sublevels(tmp_path: Path) -> None:
    body = "".join([
        para("主要举措", 1, 0), para("加强领导", 1, 1), para("学习", 1, 2), para("培训", 1, 2),
        para("依法行政", 1, 1), para("审查", 1, 2), para("法律顾问", 1, 3),
        para("存在的不足", 1, 0), para("不足一", 1, 1),
        para("单独重新编号", 2, 0), para("接着", 2, 0),
    ])
    ex = read(write_docx(tmp_path / "n.docx", body, MULTI))
    assert texts(ex) == ["一、主要举措", "（一）加强领导", "1.学习", "2.培训",
                         "（二）依法行政", "1.审查", "1.2.1 法律顾问", "二、存在的不足", "（一）不足一",
                         "五、单独重新编号", "六、接着"]
    assert [ln.loc.paragraph for ln in ex.lines] == list(range(1, 12))


def test_docx_numbering_from_style_and_style_inheritance(tmp_path: Path) -> None:
    styles = ('<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/>'
              '</w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
              '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    body = para("甲", style="H1") + para("乙", style="H2") + para("丙", style="H1b") + \
        para("不编号", 0, 0, style="H1")
    ex = read(write_docx(tmp_path / "s.docx", body, MULTI, styles))
    assert texts(ex) == ["一、甲", "（一）乙", "二、丙", "不编号"]


def test_docx_structure_tables_and_what_is_left_out(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        "<w:del><w:r><w:delText>删除的</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>插入的</w:t></w:r></w:ins>"
        "<w:hyperlink><w:r><w:t>链接文字</w:t></w:r></w:hyperlink>"
        '<w:r><w:footnoteReference w:id="1"/></w:r>'
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>域结果</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        "<w:r><w:br/><w:t>换行后</w:t></w:r></w:p>"
        "<w:p/>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>数量</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>培训</w:t></w:r></w:p><w:p><w:r><w:t>场次</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>控件内</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>末段</w:t></w:r></w:p>"
        "<w:sectPr/>"
    )
    footnotes = f'<w:footnotes {W_NS}><w:footnote w:id="1"><w:p><w:r><w:t>脚注内容</w:t></w:r></w:p></w:footnote></w:footnotes>'
    header = f"<w:hdr {W_NS}><w:p><w:r><w:t>页眉内容</w:t></w:r></w:p></w:hdr>"
    ex = read(write_docx(tmp_path / "t.docx", body,
                         extra={"word/footnotes.xml": footnotes, "word/header1.xml": header}))
    assert texts(ex) == ["正文插入的链接文字域结果", "换行后", "指标 | 数量", "培训 场次 | 12",
                         "控件内", "末段"]
    assert [ln.loc.paragraph for ln in ex.lines] == [1, 1, 2, 3, 4, 5]
    assert [ln.loc.line for ln in ex.lines] == [1, 2, 3, 4, 5, 6]


def test_docx_built_with_python_docx_keeps_header_and_footer_out(tmp_path: Path) -> None:
    lines = docbuild.report_lines(REPORTS / "zhengqi-2022.txt")
    ex = read(docbuild.make_docx(lines, tmp_path / "z.docx", header="页眉不应出现"))
    joined = "".join(texts(ex))
    assert "页眉不应出现" not in joined and "第 1 页" not in joined
    assert ex.lines[0].text == next(ln.strip() for ln in lines if ln.strip())


def test_docx_without_document_part_is_corrupt(tmp_path: Path) -> None:
    p = tmp_path / "x.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "not a word document")
    with pytest.raises(DocumentError) as exc:
        read(p)
    assert exc.value.code == "corrupt"


def test_docx_with_broken_xml_is_corrupt(tmp_path: Path) -> None:
    p = tmp_path / "x.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(DocumentError) as exc:
        read(p)
    assert exc.value.code == "corrupt"


def test_docx_xml_entities_are_not_expanded(tmp_path: Path) -> None:
    doc = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "AAAAAAAAAA">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           f"<w:document {W_NS}><w:body><w:p><w:r><w:t>正文&b;</w:t></w:r></w:p></w:body></w:document>")
    p = tmp_path / "e.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("word/document.xml", doc)
    try:
        ex = read(p)
    except DocumentError as exc:
        assert exc.code == "corrupt"
    else:
        assert "AAAA" not in "".join(texts(ex))


# -- PDF / layout ------------------------------------------------------------------------
def placed(text: str, top: float, x0: float = 72, x1: float | None = None) -> PlacedLine:
    return PlacedLine(text=text, x0=x0, x1=x1 if x1 is not None else x0 + 12 * len(text),
                      top=top, bottom=top + 12)


@pytest.mark.parametrize("mark", ["— 3 —", "-3-", "- 3 -", "第3页", "第 3 页", "3", "3/10",
                                  "第3页 共10页", "Page 3 of 10", "－3－"])
def test_page_numbers_are_dropped(mark: str) -> None:
    body = ["正文第一行的内容比较长一些。", "另一页的正文，也比较长。", "第三页正文：继续写。"]
    pages = [[placed(body[i], 100), placed(mark.replace("3", str(i + 1)), 800)] for i in range(3)]
    kept = strip_furniture(pages)
    assert [[ln.text for ln in p] for p in kept] == [[b] for b in body]


def test_running_header_is_dropped_but_body_lines_are_not() -> None:
    body = [f"第{i}项工作：坚持依法行政，全面推进法治政府建设，取得明显成效。" for i in range(1, 5)]
    pages = [[placed("某某镇人民政府文件", 40), placed(body[i], 100),
              placed(f"（共4页，第{i + 1}页）", 800)] for i in range(4)]
    kept = strip_furniture(pages)
    assert [[ln.text for ln in p] for p in kept] == [[b] for b in body]


def test_a_line_at_another_place_than_the_running_line_stays() -> None:
    """The issuer above the title (top of page one) and in the signature (bottom of
    the last page) is not a running line; nor is a signature at the top of the last
    page under a header that reads the same."""
    body = [f"第{i}项工作：坚持依法行政，全面推进法治政府建设，取得明显成效。" for i in range(1, 5)]
    signer = "源泉镇人民政府"
    pages = [[placed(signer, 40), placed(body[0], 100), placed(body[1], 200)],
             [placed(body[2], 100), placed(body[3], 200)],
             [placed(body[0], 100), placed(signer, 700), placed("2023年2月1日", 760)]]
    assert strip_furniture(pages) == pages
    headed = [[placed(signer, 40), placed(body[i], 100), placed(f"- {i + 1} -", 800)] for i in range(3)]
    headed.append([placed(signer, 40), placed(signer, 100), placed("2023年2月1日", 160),
                   placed("- 4 -", 800)])
    kept = [[ln.text for ln in p] for p in strip_furniture(headed)]
    assert kept == [[b] for b in body[:3]] + [[signer, "2023年2月1日"]]


def test_headers_that_alternate_between_odd_and_even_pages_are_dropped() -> None:
    """A printed book's headers: none on page one, the issuing office atop even pages
    and the title atop odd ones; of five pages, each is on two, fewer than half."""
    body = [f"第{i}项工作：坚持依法行政，全面推进法治政府建设，取得明显成效。" for i in range(1, 6)]
    office, title = "某某乡人民政府办公室", "某某乡2023年法治政府建设情况报告"
    heads = [None, office, title, office, title]
    pages = [[*([placed(h, 40)] if h else []), placed(b, 100), placed(f"- {n} -", 800)]
             for n, (h, b) in enumerate(zip(heads, body, strict=True), 1)]
    assert [[ln.text for ln in p] for p in strip_furniture(pages)] == [[b] for b in body]


@pytest.mark.parametrize("footer", ["https://www.example.gov.cn/zwgk/art/2023/2/1/art_1.html {p}/3",
                                    "{p}/3 file:///C:/Users/admin/Desktop/报告.html",
                                    "某某县人民政府办公室印发 第{p}页",
                                    "https://www.example.gov.cn/art_1.html {p} of 3",
                                    "https://www.example.gov.cn/art_1.html 第{p}页，共3页",
                                    "https://www.example.gov.cn/art_1.html 共3页 第{p}页"])
def test_a_long_footer_with_a_page_number_is_dropped(footer: str) -> None:
    """A browser's print footer: the page's address, then the page number."""
    body = [f"第{i}项工作：坚持依法行政，全面推进法治政府建设，取得明显成效。" for i in range(1, 4)]
    pages = [[placed(body[i], 100), placed(footer.format(p=i + 1), 800)] for i in range(3)]
    kept = strip_furniture(pages)
    assert [[ln.text for ln in p] for p in kept] == [[b] for b in body]


def test_a_long_line_at_the_page_edges_stays_unless_it_repeats() -> None:
    """Page-ending lines that differ in more than a page number are text."""
    body = [f"第{i}项工作：坚持依法行政，全面推进法治政府建设，取得明显成效，共审查{i}" for i in range(1, 4)]
    tops = [f"第{i}页的正文，内容各不相同。" for i in "一二三"]
    pages = [[placed(tops[i], 100), placed(body[i], 800)] for i in range(3)]
    assert [[ln.text for ln in p] for p in strip_furniture(pages)] == [[t, b] for t, b in zip(tops, body, strict=True)]


def test_single_page_keeps_its_lines() -> None:
    page = [placed("关于2022年法治政府建设情况的报告", 40), placed("正文。", 100), placed("2023年2月1日", 800)]
    assert len(strip_furniture([page])[0]) == 3


def test_wrapped_lines_join_and_headings_keep_their_line() -> None:
    lines = [
        placed("一、主要举措", 100, x0=96),
        placed("（一）加强组织领导", 120, x0=96),
        placed("坚持把法治政府建设摆在全局工作的突出位置，成", 140, x0=96, x1=524),
        placed("立领导小组，定期研究部署。二是完善制度建设，健", 160, x0=72, x1=524),
        placed("全工作机制，把法治建设纳入年度工作计划和考核", 180, x0=72, x1=520),
        placed("内容。", 200, x0=72, x1=108),
        placed("（二）推进依法行政", 220, x0=96),
    ]
    src = to_source_lines([lines])
    assert [s.wrapped for s in src] == [False, False, True, True, True, False, False]
    paras = build_paragraphs(src)
    assert [p.norm for p in paras] == [
        "一、主要举措", "(一)加强组织领导",
        "坚持把法治政府建设摆在全局工作的突出位置,成立领导小组,定期研究部署。二是完善制度建设,"
        "健全工作机制,把法治建设纳入年度工作计划和考核内容。",
        "(二)推进依法行政"]
    assert [(loc.page, loc.line) for loc in paras[2].locs] == [(1, 3), (1, 4), (1, 5), (1, 6)]


def test_indented_menu_items_do_not_make_a_flush_left_page_indented() -> None:
    """A printed web page: the article is flush left, the site's menu items are indented
    (list bullets). A full line ending a sentence before 二、… still ends its paragraph."""
    menu = [placed(t, 20 + 16 * i, x0=112) for i, t in enumerate(["首页", "政务公开", "政务服务", "互动"])]
    text = [placed("一、主要举措和成效", 120, x0=72),
            *[placed("坚持把法治政府建设摆在全局工作的突出位置，定期研究部署。", 140 + 20 * i, x0=72, x1=524)
              for i in range(6)],
            placed("二、党政主要负责人履行第一责任人职责情况", 260, x0=72),
            placed("一是高度重视。", 280, x0=72, x1=160)]
    src = to_source_lines([menu + text])
    assert [s.wrapped for s in src[4:]] == [False, True, True, True, True, True, False, False, False]
    assert "二、党政主要负责人履行第一责任人职责情况" in [p.text for p in build_paragraphs(src)]


def big(text: str, top: float, x0: float, x1: float, h: float = 22) -> PlacedLine:
    return PlacedLine(text=text, x0=x0, x1=x1, top=top, bottom=top + h)


BODY = [placed("坚持把法治政府建设摆在全局工作的突出位置，定期研究部署各项工作。", 200 + 20 * i, x0=72,
               x1=524) for i in range(6)]


def test_a_centred_title_that_wraps_is_one_line_run() -> None:
    title = [big("中共某某县某某镇委员会某某县某某镇人民", 100, 74, 522),
             big("政府关于2022年度法治政府建设工作情况", 128, 76, 520),
             big("的报告", 156, 265, 331)]
    src = to_source_lines([title + BODY])
    assert [s.wrapped for s in src[:3]] == [True, True, False]


def test_a_centred_line_in_another_size_or_after_a_sentence_starts_anew() -> None:
    date = [big("关于2022年度法治政府建设工作情况的报告", 100, 74, 522),
            big("（2023年2月1日）", 128, 250, 346, h=16)]
    heading = [BODY[0], placed("第二部分 下一步工作安排", 230, x0=226, x1=370)]
    sentence = [big("关于2022年度法治政府建设工作情况的报告。", 100, 74, 522),
                big("的报告", 128, 265, 331)]
    for lines in (date, heading, sentence):
        assert not to_source_lines([lines + BODY])[0].wrapped


def test_wrap_continues_across_a_page_break() -> None:
    p1 = [placed("正文开头，这一段很长很长很长很长很长很长很长，", 100, x0=96, x1=524),
          placed("中间还有很多行字，每一行都写满了整个版心宽度，", 120, x0=72, x1=524),
          placed("一直写到页面底部也没有写完，还要继续写到下一", 700, x0=72, x1=524),
          placed("— 1 —", 800, x0=280, x1=320)]
    p2 = [placed("— 2 —", 20, x0=280, x1=320),
          placed("页才结束。", 100, x0=72, x1=132), placed("另起一段。", 120, x0=96, x1=156)]
    src = to_source_lines(strip_furniture([p1, p2]))
    assert [s.text for s in src] == [p1[0].text, p1[1].text, p1[2].text, "页才结束。", "另起一段。"]
    paras = build_paragraphs(src)
    assert len(paras) == 2 and paras[0].norm.endswith("下一页才结束。")
    assert [(loc.page, loc.line) for loc in paras[0].locs] == [(1, 1), (1, 2), (1, 3), (2, 1)]


def test_pdf_scan_without_text_layer(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p), pagesize=A4)
    c.rect(72, 72, 400, 600, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(DocumentError) as exc:
        read(p)
    assert exc.value.code == "no_text_layer" and "OCR" in exc.value.message


def _encrypted_pdf(path: Path, user: str) -> Path:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    font = docbuild._pdf_font("ttf")
    enc = pdfencrypt.StandardEncryption(user, ownerPassword="owner", canPrint=1)
    c = canvas.Canvas(str(path), encrypt=enc)
    c.setFont(font, 12)
    c.drawString(72, 700, "关于2022年法治政府建设情况的报告")
    c.drawString(72, 680, "正文第一段。")
    c.showPage()
    c.save()
    return path


def test_pdf_with_a_scanned_page_after_text_pages(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A signature page scanned as an image after the text: the text is read, the page
    is named in a warning, and either engine says the same."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    seal = tmp_path / "seal.png"
    Image.new("RGB", (200, 280), (200, 30, 30)).save(seal)
    p = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(p))
    c.setFont(docbuild._pdf_font("ttf"), 12)
    c.drawString(72, 750, "关于2022年法治政府建设情况的报告")
    c.drawString(72, 730, "正文第一段。")
    c.showPage()
    c.drawImage(str(seal), 72, 300, 400, 500)
    c.showPage()
    c.save()
    slow = pdf._pdfminer_pages(p.read_bytes())
    assert (slow.scanned, [len(page) for page in slow.lines]) == (1, [2, 0])
    monkeypatch.setattr(pdf.pdfplumber, "open", None)  # PDFium alone
    ex = read(p)
    assert ex.warnings == ["partial_text_layer"]
    assert texts(ex) == ["关于2022年法治政府建设情况的报告", "正文第一段。"]


def test_pdf_with_owner_password_only_is_read(tmp_path: Path) -> None:
    ex = read(_encrypted_pdf(tmp_path / "owner.pdf", ""))
    assert "正文第一段。" in texts(ex)


def test_pdf_with_user_password_is_encrypted(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as exc:
        read(_encrypted_pdf(tmp_path / "user.pdf", "secret"))
    assert exc.value.code == "encrypted"


def test_pdf_without_unicode_mapping_needs_ocr(tmp_path: Path) -> None:
    """A font without a ToUnicode map: PDFium gives control characters in place of the
    glyphs, pdfplumber (cid:N); either way the text cannot be read."""
    from reportlab.pdfgen import canvas

    p = tmp_path / "nomap.pdf"
    c = canvas.Canvas(str(p), pageCompression=0)
    c.setFont(docbuild._pdf_font("ttf"), 12)
    c.drawString(72, 700, "关于2022年法治政府建设情况的报告")
    c.showPage()
    c.save()
    data = p.read_bytes()
    assert read(p).lines  # with its map, the text is read
    p.write_bytes(re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group()), data))
    with pytest.raises(DocumentError) as exc:
        read(p)
    assert exc.value.code == "no_text_layer" and "乱码" in exc.value.message


def test_pdf_with_cid_text_under_an_owner_password_is_read(tmp_path: Path) -> None:
    """reportlab's encrypted CID text, which pdfminer could not map ((cid:N) only):
    PDFium reads it."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    p = tmp_path / "cid.pdf"
    c = canvas.Canvas(str(p), encrypt=pdfencrypt.StandardEncryption("", ownerPassword="o"))
    c.setFont(docbuild._pdf_font("cid"), 12)
    c.drawString(72, 700, "关于2022年法治政府建设情况的报告")
    c.showPage()
    c.save()
    assert texts(read(p)) == ["关于2022年法治政府建设情况的报告"]


def test_pdf_furniture_in_a_built_report(tmp_path: Path) -> None:
    lines = docbuild.report_lines(REPORTS / "jiangjia-2022.txt")
    ex = read(docbuild.make_pdf(lines, tmp_path / "j.pdf", font="ttf", header="页眉文字"))
    joined = [normalize_text(t) for t in texts(ex)]
    assert not any(t.startswith("—") or t == "页眉文字" for t in joined)
    assert any(s.wrapped for s in ex.lines)



@pytest.mark.parametrize(("font", "size", "mark"), [("cid", 14, "dash"), ("ttf", 12, "page"),
                                                  ("ttf", 16, "hyphen")])
@pytest.mark.parametrize("name", ["jiangjia-2022", "zhangguanying-2024"])
def test_pdfium_gives_the_lines_pdfplumber_gives(tmp_path: Path, name: str, font: str,
                                                  size: int, mark: str) -> None:
    """The fast engine gives pdfplumber's lines: the same lines on the same pages, the
    same text, coordinates within 2.5 pt (pdfminer's boxes are the font size high,
    PDFium's loose boxes the font's ascent to descent; rows by baseline or by box top
    agree where a line has one font)."""
    lines = docbuild.report_lines(REPORTS / f"{name}.txt")
    data = docbuild.make_pdf(lines, tmp_path / "r.pdf", font=font, size=size,
                             page_mark=mark).read_bytes()
    fast, slow = pdf._pdfium_pages(data), pdf._pdfminer_pages(data)
    assert fast is not None
    assert [len(p) for p in fast.lines] == [len(p) for p in slow.lines]
    for a, b in zip([ln for p in fast.lines for ln in p], [ln for p in slow.lines for ln in p],
                    strict=True):
        # pdfminer drops the "·" of reportlab's CID font (12·4 → 124); PDFium keeps it
        assert a.text == b.text or (font == "cid" and a.text.replace("·", "") == b.text)
        if a.text == b.text:
            assert max(abs(a.x0 - b.x0), abs(a.x1 - b.x1), abs(a.top - b.top),
                       abs(a.bottom - b.bottom)) <= 2.5


def test_pdfium_keeps_lines_whole_in_a_libreoffice_pdf() -> None:
    """A real producer's PDF (LibreOffice 7.4 from a .docx of a sample report, WenQuanYi
    embedded): PDFium's boxes of 、 and ： there are not the font's height, and
    grouping by their tops split 区委、区政府： into three lines (89 lines in all).
    By baseline it gives pdfplumber's 49."""
    data = (Path(__file__).parent / "data" / "libreoffice-yuanquan.pdf").read_bytes()
    fast, slow = pdf._pdfium_pages(data), pdf._pdfminer_pages(data)
    assert fast is not None
    assert [[ln.text for ln in p] for p in fast.lines] == [[ln.text for ln in p] for p in slow.lines]
    assert "区委、区政府：" in [ln.text for p in fast.lines for ln in p]
    for a, b in zip([ln for p in fast.lines for ln in p], [ln for p in slow.lines for ln in p],
                    strict=True):
        assert max(abs(a.x0 - b.x0), abs(a.x1 - b.x1), abs(a.top - b.top),
                   abs(a.bottom - b.bottom)) <= 2.5


def test_pdfium_keeps_a_title_whole_where_its_digits_change_font() -> None:
    """Chromium's print of a page whose heading is bold, with the digits in a Latin font
    (tests/data/chromium-title.pdf, from Chromium 156): pdfminer's boxes of the two
    fonts have different tops and it gives 关于 年…报告 and 2022 as two lines;
    PDFium's reading keeps the title one line, as the page shows it."""
    data = (Path(__file__).parent / "data" / "chromium-title.pdf").read_bytes()
    fast = pdf._pdfium_pages(data)
    assert fast is not None
    assert [ln.text for p in fast.lines for ln in p] == [
        "关于2022年法治政府建设情况的报告",
        "2022年，我镇坚持以习近平法治思想为指导，全面推进依法行政。"]


def test_a_plain_pdf_is_read_without_pdfplumber(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    lines = docbuild.report_lines(REPORTS / "jiangjia-2022.txt")
    path = docbuild.make_pdf(lines, tmp_path / "j.pdf", font="ttf")
    want = texts(read(path))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("pdfplumber was used")

    monkeypatch.setattr(pdf.pdfplumber, "open", refuse)
    assert texts(read(path)) == want


def test_fake_bold_is_read_once_by_either_engine(tmp_path: Path) -> None:
    """A heading printed twice 0.4 pt apart (fake bold): one 一、党政…, not 一一、、党党政政…"""
    from reportlab.pdfgen import canvas

    p = tmp_path / "bold.pdf"
    c = canvas.Canvas(str(p))
    c.setFont(docbuild._pdf_font("ttf"), 14)
    for x in (72, 72.4):
        c.drawString(x, 750, "一、党政主要负责人履行第一责任人职责情况")
    c.drawString(72, 720, "正文内容。")
    c.showPage()
    c.save()
    want = [["一、党政主要负责人履行第一责任人职责情况", "正文内容。"]]
    fast = pdf._pdfium_pages(p.read_bytes())
    assert fast is not None
    assert [[ln.text for ln in page] for page in fast.lines] == want
    assert [[ln.text for ln in page] for page in pdf._pdfminer_pages(p.read_bytes()).lines] == want


def test_pdfium_leaves_rotated_pages_to_pdfplumber(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    p = tmp_path / "rotated.pdf"
    c = canvas.Canvas(str(p))
    c.setPageRotation(90)
    c.setFont(docbuild._pdf_font("ttf"), 12)
    c.drawString(72, 700, "关于2022年法治政府建设情况的报告")
    c.showPage()
    c.save()
    assert pdf._pdfium_pages(p.read_bytes()) is None
    assert texts(read(p)) == ["关于2022年法治政府建设情况的报告"]


def _damage_page_streams(pdf: Path, pages: set[int], offset: int = 40) -> Path:
    """Break the content stream of each page in ``pages`` (0-based), ``offset`` bytes
    in, with bytes that its ASCII85 filter cannot read, as a damaged download would."""
    import re

    data = bytearray(pdf.read_bytes())
    streams = [m.end() for m in re.finditer(rb"/Filter \[ /ASCII85Decode /FlateDecode \] "
                                              rb"/Length \d+\s*>>\s*stream\r?\n", data)]
    for i in pages:
        at = streams[i] + offset
        data[at:at + 8] = b"\xc7" * 8
    pdf.write_bytes(bytes(data))
    return pdf


def test_pdf_with_a_damaged_page_keeps_the_other_pages(tmp_path: Path) -> None:
    """One page that cannot be read costs that page, with a warning, not the report."""
    lines = docbuild.report_lines(REPORTS / "jiangjia-2022.txt")
    whole = read(docbuild.make_pdf(lines, tmp_path / "whole.pdf"))
    pages = sorted({s.loc.page for s in whole.lines if s.loc.page is not None})
    assert len(pages) >= 3
    ex = read(_damage_page_streams(docbuild.make_pdf(lines, tmp_path / "j.pdf"), {1}))
    assert ex.warnings == ["damaged_pages"]
    assert {s.loc.page for s in ex.lines} == set(pages) - {2}
    assert texts(ex) == [s.text for s in whole.lines if s.loc.page != 2]


def test_pdf_page_damaged_after_some_text_is_still_reported(tmp_path: Path) -> None:
    """PDFium reads the text before the break and says nothing; the page must still
    count as damaged, not pass as a short page."""
    lines = docbuild.report_lines(REPORTS / "jiangjia-2022.txt")
    pdf_path = _damage_page_streams(docbuild.make_pdf(lines, tmp_path / "j.pdf"), {1}, 1000)
    ex = read(pdf_path)
    assert ex.warnings == ["damaged_pages"]
    assert 2 not in {s.loc.page for s in ex.lines}


def test_pdf_page_with_a_damaged_form_is_reported(tmp_path: Path) -> None:
    """Text drawn by a form XObject whose stream breaks part-way: the page counts as
    damaged (PDFium alone would give the lines before the break)."""
    from reportlab.pdfgen import canvas

    p = tmp_path / "form.pdf"
    c = canvas.Canvas(str(p))
    c.setFont(docbuild._pdf_font("ttf"), 12)
    c.drawString(72, 750, "关于2022年法治政府建设情况的报告")
    c.showPage()
    c.beginForm("body")
    c.setFont(docbuild._pdf_font("ttf"), 12)
    for i in range(30):
        c.drawString(72, 750 - 20 * i, f"第{i}行正文，依法行政工作的段落文字。")
    c.endForm()
    c.doForm("body")
    c.showPage()
    c.save()
    data = bytearray(p.read_bytes())
    assert len(texts(read(p))) == 31
    at = data.index(b"stream", data.index(b"/Subtype /Form")) + len(b"stream\n") + 200
    data[at:at + 8] = b"\xc7" * 8
    p.write_bytes(bytes(data))
    ex = read(p)
    assert ex.warnings == ["damaged_pages"]
    assert texts(ex) == ["关于2022年法治政府建设情况的报告"]


def test_pdf_whose_every_page_is_damaged_is_corrupt(tmp_path: Path) -> None:
    lines = docbuild.report_lines(REPORTS / "jiangjia-2022.txt")
    pdf = docbuild.make_pdf(lines, tmp_path / "j.pdf")
    n = len({s.loc.page for s in read(pdf).lines})
    with pytest.raises(DocumentError) as exc:
        read(_damage_page_streams(pdf, set(range(n))))
    assert exc.value.code == "corrupt"


def test_pdf_whose_readable_pages_have_no_text_is_corrupt_not_a_scan(tmp_path: Path) -> None:
    """The text page is damaged and the page left is a drawing: the damage is the
    reason for no text, so the message must not send the auditor to OCR."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    p = tmp_path / "mixed.pdf"
    c = canvas.Canvas(str(p), pagesize=A4, pageCompression=1)
    c.setFont(docbuild._pdf_font("cid"), 14)
    c.drawString(72, 700, "关于2022年法治政府建设情况的报告" * 2)
    c.showPage()
    c.rect(72, 72, 400, 600, fill=1)
    c.showPage()
    c.save()
    assert read(p).lines  # whole, its text is read
    with pytest.raises(DocumentError) as exc:
        read(_damage_page_streams(p, {0}))
    assert exc.value.code == "corrupt" and "OCR" not in exc.value.message

# -- HTML --------------------------------------------------------------------------------
PAGE = """<html><head><meta charset="{cs}"><title>关于2022年法治政府建设情况的报告_某某县人民政府</title></head>
<body><div class="nav"><a href="/">首页</a><a href="/x">政务公开</a></div>
<div class="crumb">当前位置：首页 &gt; 政务公开</div>
<h1>关于2022年法治政府建设情况的报告</h1>
<div class="{cls}"><p>　　2022年，我县坚持依法行政，全面推进法治政府建设，现报告如下。</p>
<p>一、主要举措和成效<br>（一）加强组织领导。成立领导小组，定期研究部署工作。</p>
<table><tr><td>培训场次</td><td>12</td></tr></table>
<div style="display:none">隐藏的统计代码文字</div>
<div class="share">分享到：微信 微博</div>
<p>二、存在的不足和原因</p></div>
<p>【打印本页】【关闭窗口】</p>
<div class="footer">版权所有：某某县人民政府办公室 地址：某某路1号</div>
<script>var x = "脚本里的文字";</script></body></html>"""


@pytest.mark.parametrize(("cs", "enc", "want"), [("gb2312", "gb18030", "gb18030"),
                                                ("GBK", "gbk", "gb18030"),
                                                ("utf-8", "utf-8", "utf-8")])
@pytest.mark.parametrize("cls", ["TRS_Editor", "article-body-unknown"])
def test_html_article_body(tmp_path: Path, cs: str, enc: str, want: str, cls: str) -> None:
    p = tmp_path / "a.htm"
    p.write_bytes(PAGE.format(cs=cs, cls=cls).encode(enc))
    ex = read(p)
    assert ex.encoding == want
    assert [normalize_text(t) for t in texts(ex)] == [
        "关于2022年法治政府建设情况的报告",
        "2022年,我县坚持依法行政,全面推进法治政府建设,现报告如下。",
        "一、主要举措和成效", "(一)加强组织领导。成立领导小组,定期研究部署工作。",
        "培训场次|12", "二、存在的不足和原因"]


_LINES = [ln for ln in (REPORTS / "jiangjia-2022.txt").read_text("utf-8").splitlines() if ln.strip()]


@pytest.mark.parametrize("shape", [
    '<font size="3"><span>{}</span></font><br>',  # each paragraph in a <font> of its own
    '<div style="text-indent:2em">{}</div>',      # each in a <div> of its own
    '<font size="3"><span>{}<br>',                # a <font> left open in every paragraph:
])                                                 # nested 264 deep, past libxml2's 256
def test_html_paragraphs_each_in_an_element_of_their_own(tmp_path: Path, shape: str) -> None:
    """Old pages set every paragraph in its own <font> or <div> under the page, and
    some never close them: the article is all of them, not the longest one, and not
    what stands above the parser's default depth."""
    p = tmp_path / "a.html"
    lines = _LINES * 6
    p.write_text("<html><body><div class=\"nav\"><a href=\"/\">首页</a></div>"
                 + "".join(shape.format(ln) for ln in lines) + "</body></html>", encoding="utf-8")
    assert [" ".join(t.split()) for t in texts(read(p))] == [" ".join(ln.split()) for ln in lines]


def test_html_nested_past_what_can_be_read_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text("<html><body>" + "<div>" * 3000 + "<p>一、主要举措和成效</p>" + "</div>" * 3000
                 + "</body></html>", encoding="utf-8")
    with pytest.raises(DocumentError) as exc:
        read(p)
    assert exc.value.code == "corrupt" and "嵌套过深" in exc.value.message


def test_html_meta_charset_that_lies_falls_back(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_bytes(PAGE.format(cs="gb2312", cls="TRS_Editor").encode("utf-8"))
    ex = read(p)
    assert ex.encoding == "utf-8"
    assert "一、主要举措和成效" in texts(ex)


def test_html_without_meta_is_detected(tmp_path: Path) -> None:
    p = tmp_path / "a.shtml"
    page = PAGE.format(cs="x", cls="content").replace('<meta charset="x">', "")
    p.write_bytes(page.encode("gb18030"))
    ex = read(p)
    assert ex.encoding == "gb18030"
    assert "二、存在的不足和原因" in texts(ex)


def test_xhtml_with_xml_declaration(tmp_path: Path) -> None:
    p = tmp_path / "x.html"
    p.write_bytes(('<?xml version="1.0" encoding="gbk"?>\n' + PAGE.format(cs="gbk", cls="TRS_Editor"))
                  .encode("gbk"))
    assert "二、存在的不足和原因" in texts(read(p))


def test_html_built_page_drops_chrome(tmp_path: Path) -> None:
    lines = docbuild.report_lines(REPORTS / "zhengqi-2022.txt")
    ex = read(docbuild.make_html(lines, tmp_path / "z.html"))
    joined = "".join(texts(ex))
    for chrome in ("首页", "当前位置", "打印本页", "相关链接", "版权所有", "统计代码", "发布时间"):
        assert chrome not in joined, chrome


@pytest.mark.parametrize("suffix", [".html", ".mht"])
def test_html_with_control_characters(tmp_path: Path, suffix: str) -> None:
    """Word's Shift+Enter (a vertical tab) kept in a page made from Word, one after an
    element the reader drops, a form feed and other control characters, as characters
    and as references: lxml refuses them in text it is given, so they must not reach
    it. Whitespace aside, the page reads as it does without them."""
    lines = docbuild.report_lines(REPORTS / "zhengqi-2022.txt")
    page = docbuild.make_html(lines, tmp_path / "z.html").read_bytes()
    page = page.replace(b"</script>\n", b"</script>\x0b", 1)
    page = page.replace("一、".encode("gb18030"), "\x0c一、\x01".encode("gb18030"), 1)
    page = page.replace("。".encode("gb18030"), "。\x0b".encode("gb18030"), 3)
    # and as character references, which the parser turns into the characters
    page = page.replace(b"</script>", b"</script>&#11;&#1;", 2)
    page = page.replace("二、".encode("gb18030"), "&#12;二&#2;、".encode("gb18030"), 1)
    if suffix == ".mht":
        page = (b"MIME-Version: 1.0\r\nContent-Type: text/html; charset=\"gb18030\"\r\n"
                b"Content-Transfer-Encoding: 8bit\r\n\r\n" + page)
    p = tmp_path / f"z{suffix}"
    p.write_bytes(page)
    got = texts(read(p))
    clean = texts(read(docbuild.make_html(lines, tmp_path / "clean.html")))
    assert [t.replace(" ", "") for t in got] == [t.replace(" ", "") for t in clean]
    assert "强化组织领导。 根据" in "".join(got)  # a vertical tab is whitespace
    assert not [t for t in got if any(ord(c) < 32 for c in t)]


# -- OFD ---------------------------------------------------------------------------------
def write_ofd(path: Path, content: str, doc_root: str = "Doc_0/Document.xml",
              base_loc: str = "Pages/Page_0/Content.xml") -> Path:
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("OFD.xml", f"<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>{doc_root}</ofd:DocRoot>"
                   "</ofd:DocBody></ofd:OFD>")
        z.writestr("Doc_0/Document.xml", f'<ofd:Document {ns}><ofd:Pages><ofd:Page ID="1" '
                   f'BaseLoc="{base_loc}"/></ofd:Pages></ofd:Document>')
        z.writestr("Doc_0/Pages/Page_0/Content.xml",
                   f'<ofd:Page {ns}><ofd:Content><ofd:Layer ID="1">{content}</ofd:Layer>'
                   "</ofd:Content></ofd:Page>")
    return path


def _replace_member(package: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(package) as z:
        members = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as z:
        for info, body in members:
            z.writestr(info, data if info.filename == name else body)
    return package


def test_ofd_with_a_damaged_page_keeps_the_other_pages(tmp_path: Path) -> None:
    lines = docbuild.report_lines(REPORTS / "jiangjia-2022.txt")
    whole = read(docbuild.make_ofd(lines, tmp_path / "whole.ofd"))
    assert len({s.loc.page for s in whole.lines}) >= 3
    ofd = _replace_member(docbuild.make_ofd(lines, tmp_path / "j.ofd"),
                          "Doc_0/Pages/Page_1/Content.xml", b"<ofd:Page><broken")
    ex = read(ofd)
    assert ex.warnings == ["damaged_pages"]
    assert texts(ex) == [s.text for s in whole.lines if s.loc.page != 2]

def test_ofd_glyph_objects_are_grouped_into_lines_in_reading_order(tmp_path: Path) -> None:
    # One object per character, written out of order; a second line above in the file.
    chars = "报告如下"
    objs = "".join(
        f'<ofd:TextObject ID="{i}" Boundary="{30 + 4 * i} 50 4 5" Size="4">'
        f'<ofd:TextCode X="0" Y="4">{ch}</ofd:TextCode></ofd:TextObject>'
        for i, ch in reversed(list(enumerate(chars))))
    objs += ('<ofd:PageBlock><ofd:TextObject ID="9" Boundary="30 40 100 5" Size="4">'
             '<ofd:TextCode X="0" Y="4" DeltaX="g 3 4">关于报告</ofd:TextCode></ofd:TextObject>'
             "</ofd:PageBlock>")
    objs += ('<ofd:TextObject ID="10" Boundary="0 0 100 100" Size="4" CTM="1 0 0 1 30 56">'
             '<ofd:TextCode X="0" Y="4">第三行</ofd:TextCode></ofd:TextObject>')
    ex = read(write_ofd(tmp_path / "g.ofd", objs))
    assert texts(ex) == ["关于报告", "报告如下", "第三行"]
    assert [(ln.loc.page, ln.loc.line) for ln in ex.lines] == [(1, 1), (1, 2), (1, 3)]


def test_ofd_absolute_base_loc(tmp_path: Path) -> None:
    obj = ('<ofd:TextObject ID="1" Boundary="30 40 100 5" Size="4"><ofd:TextCode X="0" Y="4">'
           "正文</ofd:TextCode></ofd:TextObject>")
    ex = read(write_ofd(tmp_path / "a.ofd", obj, "/Doc_0/Document.xml", "/Doc_0/Pages/Page_0/Content.xml"))
    assert texts(ex) == ["正文"]


def test_ofd_missing_page_is_corrupt(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as exc:
        read(write_ofd(tmp_path / "m.ofd", "", base_loc="Pages/Page_9/Content.xml"))
    assert exc.value.code == "corrupt"


def test_ofd_without_text_needs_ocr(tmp_path: Path) -> None:
    img = '<ofd:ImageObject ID="1" Boundary="0 0 210 297" ResourceID="5"/>'
    with pytest.raises(DocumentError) as exc:
        read(write_ofd(tmp_path / "s.ofd", img))
    assert exc.value.code == "no_text_layer"


def test_ofd_without_ofd_xml_is_corrupt(tmp_path: Path) -> None:
    p = tmp_path / "x.ofd"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("word/document.xml", "<x/>")
    with pytest.raises(DocumentError) as exc:
        read(p)
    assert exc.value.code == "corrupt"


# -- plain text --------------------------------------------------------------------------
@pytest.mark.parametrize(("codec", "want"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8 (BOM)"), ("gb18030", "gb18030"), ("gbk", "gb18030"),
    ("utf-16", "utf-16 (BOM)"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be"),
])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_text_encodings_of_a_report(tmp_path: Path, engine: Engine, codec: str, want: str,
                                    newline: str) -> None:
    src = REPORTS / "jinghai-2024.txt"  # also encodable in GB2312
    text = src.read_text("utf-8")
    p = tmp_path / "r.txt"
    p.write_bytes(newline.join("\u3000\u3000" + ln for ln in text.splitlines()).encode(codec))
    result = engine.check_path(p)
    assert result.status == "checked" and result.encoding == want
    base = engine.check_path(src)
    assert {r.rule: r.status for r in result.results} == {r.rule: r.status for r in base.results}


def test_gb2312_and_big5_text(tmp_path: Path) -> None:
    text = (REPORTS / "jinghai-2024.txt").read_text("utf-8")
    p = tmp_path / "g.txt"
    p.write_bytes(text.encode("gb2312"))
    assert read(p).encoding == "gb18030"
    trad = "關於二零二二年法治政府建設情況的報告\n一、主要舉措和成效\n（一）加強組織領導，推進依法行政。\n" * 3
    p.write_bytes(trad.encode("big5"))
    ex = read(p)
    assert ex.encoding.startswith("big5") and texts(ex)[0] == "關於二零二二年法治政府建設情況的報告"


def test_short_items_are_not_wrapped() -> None:
    items = ["1、健全依法决策机制", "2、推进严格规范公正文明执法工作", "3、强化行政权力制约",
             "4、加强普法宣传", "5、依法化解矛盾纠纷"]
    src = to_source_lines([[placed(t, 100 + 20 * i) for i, t in enumerate(items)]])
    assert not any(s.wrapped for s in src)


def _row(top: float, *stretches: tuple[str, float]) -> PlacedLine:
    """A row of stretches (text, x0), as the PDF reader gives one with parts."""
    parts = tuple(placed(t, top, x0) for t, x0 in stretches)
    if len(parts) == 1:
        return parts[0]
    return PlacedLine(text=" ".join(q.text for q in parts), x0=parts[0].x0,
                      x1=parts[-1].x1, top=top, bottom=top + 12, parts=parts)


def test_a_side_column_beside_the_text_goes_before_it() -> None:
    """Links on rows of their own between the text's, and one on a row with it."""
    body = [f"第{i}行正文，依法全面履行政府职能，严格规范公正文明执法工作。" for i in range(6)]
    page = [_row(100, ("栏目0", 10), (body[0], 120))]
    for i in range(1, 6):
        page += [_row(100 + 20 * i - 10, (f"栏目{i}", 10)), _row(100 + 20 * i, (body[i], 120))]
    second = [_row(100, (f"第二页正文第{i}行，法治政府建设各项工作取得成效。", 120)) for i in range(3)]
    [first, other] = set_side_columns_apart([page, second])
    assert [ln.text for ln in first] == [f"栏目{i}" for i in range(6)] + body
    assert [ln.side for ln in first] == [True] * 6 + [False] * 6
    assert other == second
    lines = to_source_lines([first, other])
    assert [ln.text for ln in lines][:7] == [f"栏目{i}" for i in range(6)] + [body[0]]


def test_side_columns_of_later_pages_come_after_the_text() -> None:
    text = [[_row(100 + 20 * i, (f"第{p}页第{i}行正文，依法全面履行政府职能，推进法治建设。", 120))
             for i in range(5)] for p in range(2)]
    side = [_row(100 + 20 * i, (f"链接{i}", 10)) for i in range(4)]
    pages = set_side_columns_apart([text[0], side + text[1]])
    lines = [ln.text for ln in to_source_lines(pages)]
    assert lines == [ln.text for ln in text[0] + text[1]] + [f"链接{i}" for i in range(4)]


def test_side_lines_are_numbered_on_their_own_page() -> None:
    """After the text they come, but an auditor who looks for one finds it on its page."""
    text = [[_row(100 + 20 * i, (f"第{p}页第{i}行正文，依法全面履行政府职能，推进法治建设。", 120))
             for i in range(5)] for p in range(3)]
    side = [_row(100 + 20 * i, (f"链接{i}", 10)) for i in range(4)]
    pages = set_side_columns_apart([side + text[0], side + text[1], text[2]])
    places = [(ln.text, ln.loc.page, ln.loc.line) for ln in to_source_lines(pages)]
    assert places[:5] == [(f"链接{i}", 1, i + 1) for i in range(4)] + [(text[0][0].text, 1, 5)]
    assert places[-4:] == [(f"链接{i}", 2, 6 + i) for i in range(4)]
    assert [p for _, p, _ in places[4:-4]] == [1] * 5 + [2] * 5 + [3] * 5


@pytest.mark.parametrize("cells", [2, 3])
def test_a_table_or_a_few_stray_stretches_are_no_side_column(cells: int) -> None:
    body = [_row(100 + 20 * i, (f"第{i}行正文，依法全面履行政府职能，严格规范公正文明执法工作。", 120))
            for i in range(8)]
    table = [_row(300 + 20 * i, *[(f"单元格{i}{j}", 120 + 150 * j) for j in range(cells)])
             for i in range(5)]
    stray = [_row(420, ("附注", 10), ("短行正文内容说明，依法行政工作。", 120)),
             _row(440, ("附注二", 10))]
    pages = [body + table + stray]
    assert set_side_columns_apart(pages) == pages


def test_a_table_wider_than_the_text_keeps_its_outer_cells() -> None:
    body = [_row(100 + 20 * i, (f"第{i}行正文，依法全面履行政府职能，严格规范公正文明执法工作。", 120))
            for i in range(8)]
    table = [_row(300 + 20 * i, (f"{i + 1}", 60), (f"行政复议案件{i}件", 130),
                  (f"办结率百分之{90 + i}", 400), (f"备注{i}", 700)) for i in range(6)]
    pages = [body + table]
    assert set_side_columns_apart(pages) == pages


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029 a法\x00", max_size=40))
def test_line_count_is_the_number_of_lines_splitlines_makes(text: str) -> None:
    assert line_count(text) == len(text.splitlines())
