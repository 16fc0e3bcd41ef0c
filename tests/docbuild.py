"""Build real .docx, .pdf, .html and .ofd files from the text of a report (tests only).

Each builder lays the report out the way such files are made in practice:
Word automatic numbering instead of typed heading numbers, a PDF page with
wrapped lines, indented paragraphs, a running header and page-number footers,
a government web page with site chrome in GB18030, an OFD package with one
text object per line and page numbers.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REPORTS = sorted((REPO / "reports").glob("*.txt"))

# Typed heading markers and the Word numbering that produces them.
# (regex on the stripped line, numFmt, how to write the level text from the match)
_CN = "一二三四五六七八九十"
MARKERS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^(第)([{_CN}]+)(部分)"), "chineseCounting"),
    (re.compile(rf"^()([{_CN}]+)([、．.])(?!\d)"), "chineseCounting"),
    (re.compile(rf"^([（(])([{_CN}]+)([）)][、.]?)"), "chineseCounting"),
    (re.compile(r"^()(\d{1,2})([、])"), "decimal"),
    (re.compile(r"^()(\d{1,2})([.．])(?!\d)"), "decimal"),
    (re.compile(r"^([（(])(\d{1,2})([）)])"), "decimal"),
]


def cn_value(s: str) -> int:
    if s.isdigit():
        return int(s)
    if "十" in s:
        head, _, tail = s.partition("十")
        return (_CN.index(head) + 1 if head else 1) * 10 + (_CN.index(tail) + 1 if tail else 0)
    return _CN.index(s) + 1


def split_marker(line: str) -> tuple[str, str, int, str] | None:
    """(numFmt, level text, value, rest) for a line that starts with a heading number."""
    for rx, fmt in MARKERS:
        m = rx.match(line)
        if m:
            return fmt, f"{m.group(1)}%1{m.group(3)}", cn_value(m.group(2)), line[m.end():].lstrip()
    return None


def report_lines(path: Path) -> list[str]:
    return path.read_text("utf-8").splitlines()


def marked(lines: list[str]) -> Iterator[tuple[str, tuple[str, str, int, str] | None]]:
    """Each non-blank line, stripped, with its heading number split off (see
    :func:`split_marker`) or None: what the word-processor builders lay out."""
    for raw in lines:
        line = raw.strip(" \u3000\t")
        if line:
            yield line, split_marker(line)


# -- docx ------------------------------------------------------------------------------
def make_docx(lines: list[str], out: Path, header: str = "法治政府建设年度报告（公开）") -> Path:
    """A Word document whose heading numbers are all automatic numbering.

    Each marker family gets an abstract numbering definition; a family whose
    typed numbers do not continue the running count gets a new numbering
    instance with a start override (Word's "restart at"). The "一、" family is
    numbered through a paragraph style (numPr on the style), the others on
    the paragraph. Header and footer carry text that must not be read.
    """
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    d = docx.Document()
    numbering = d.part.numbering_part.element
    styles = d.styles.element
    fams: dict[tuple[str, str], dict] = {}
    ids = {"abs": 900, "num": 900}

    def add_num(abs_id: int, override: int | None) -> int:
        nid = ids["num"]
        ids["num"] += 1
        ov = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>'
              if override is not None else "")
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{abs_id}"/>{ov}</w:num>'))
        return nid

    def family(fmt: str, text: str, value: int) -> dict:
        f = fams.get((fmt, text))
        if f is None:
            abs_id = ids["abs"]
            ids["abs"] += 1
            el = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abs_id}">'
                f'<w:multiLevelType w:val="singleLevel"/>'
                f'<w:lvl w:ilvl="0"><w:start w:val="{value}"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{html.escape(text)}"/><w:suff w:val="nothing"/>'
                f'<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
            first_num = numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(el)  # abstract definitions come before instances
            else:
                numbering.append(el)
            nid = add_num(abs_id, None)
            f = {"abs": abs_id, "num": nid, "first": nid, "next": value, "style": None}
            if (fmt, text) == ("chineseCounting", "%1、"):
                sid = f"FazhiHeading{abs_id}"
                styles.append(parse_xml(
                    f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="{sid}">'
                    f'<w:name w:val="{sid}"/><w:basedOn w:val="Normal"/>'
                    f'<w:pPr><w:numPr><w:numId w:val="{nid}"/></w:numPr></w:pPr></w:style>'))
                f["style"] = sid
            fams[(fmt, text)] = f
        if f["next"] != value:
            f["num"] = add_num(f["abs"], value)
        f["next"] = value + 1
        return f

    for line, marker in marked(lines):
        if marker is None:
            d.add_paragraph(line)
            continue
        fmt, text, value, rest = marker
        fam = family(fmt, text, value)
        p = d.add_paragraph(rest)
        if fam["style"] is not None and fam["num"] == fam["first"]:
            p.style = d.styles[fam["style"]]
        else:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{fam["num"]}"/></w:numPr>'))
    section = d.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = "第 1 页"
    d.save(str(out))
    return out


# -- pdf -------------------------------------------------------------------------------
CJK_TTF = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


def _pdf_font(font: str) -> str:
    from reportlab.pdfbase import pdfmetrics

    if font == "cid":
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        return "STSong-Light"
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("WenQuanYiZenHei", str(CJK_TTF), subfontIndex=0))
    return "WenQuanYiZenHei"


PAGE_MARKS: dict[str, Callable[[int], str]] = {
    "dash": lambda n: f"— {n} —",
    "hyphen": lambda n: f"-{n}-",
    "page": lambda n: f"第{n}页",
}


def make_pdf(lines: list[str], out: Path, font: str = "cid", size: float = 14,
             page_mark: str = "dash", header: str | tuple[str, str] = "法治政府建设年度报告（公开）",
             title_size: float | None = None) -> Path:
    """A4 pages: paragraphs indented two characters and wrapped at the right margin,
    a running header and a page number at the bottom of every page. ``header``: two
    of them alternate as in a printed book (odd pages, even pages; none on page one).
    ``title_size``: the title (the first line ending in 报告) centred in that size,
    each of its wrapped lines centred, as 公文 titles are set."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    name = _pdf_font(font)
    width, height = A4
    left, right, top, bottom = 72, width - 72, height - 72, 72
    lead = size * 1.6
    c = canvas.Canvas(str(out), pagesize=A4, invariant=True)
    page = [1]
    y = [top]

    def furniture() -> None:
        c.setFont(name, 9)
        if isinstance(header, str):
            c.drawCentredString(width / 2, height - 40, header)
        elif page[0] > 1:
            c.drawCentredString(width / 2, height - 40, header[page[0] % 2])
        c.drawCentredString(width / 2, 40, PAGE_MARKS[page_mark](page[0]))
        c.setFont(name, size)

    def emit(x: float, text: str) -> None:
        if y[0] < bottom:
            c.showPage()
            page[0] += 1
            y[0] = top
            furniture()
        c.drawString(x, y[0], text)
        y[0] -= lead

    furniture()
    title = next((i for i, ln in enumerate(lines[:5]) if ln.strip().endswith("报告")), None)
    for i, raw in enumerate(lines):
        text = raw.strip(" \u3000\t")
        if not text:
            continue
        if i == title and title_size is not None:
            c.setFont(name, title_size)
            cur = ""
            for ch in text:
                if stringWidth(cur + ch, name, title_size) > right - left:
                    c.drawCentredString(width / 2, y[0], cur)
                    y[0] -= title_size * 1.4
                    cur = ""
                cur += ch
            c.drawCentredString(width / 2, y[0], cur)
            y[0] -= title_size * 1.6
            c.setFont(name, size)
            continue
        x = left + 2 * size
        cur = ""
        for ch in text:
            if x + stringWidth(cur + ch, name, size) > right:
                emit(x, cur)
                x, cur = left, ""
            cur += ch
        emit(x, cur)
    c.showPage()
    c.save()
    return out


# -- html ------------------------------------------------------------------------------
SIDE_LINKS = ["行政执法公示", "法律顾问名单", "重大行政决策目录", "行政复议", "政府信息公开年报",
              "普法依法治理", "下一步工作计划", "存在的问题"]


def make_html(lines: list[str], out: Path, encoding: str = "gb18030",
              declared: str = "gb2312", title: str | None = None, side: str = "") -> Path:
    """A government article page: header, navigation, breadcrumb, title, info bar,
    the article in div.TRS_Editor, print/close links, related links, footer, scripts.
    ``title``: the page's title (default: the report's own, from its first lines).
    ``side``: "left" or "right" puts a column of forty links (their wordings those of
    the rulebook: 行政执法公示, 法律顾问…) beside the article, as printed pages show it."""
    if title is None:
        title = next((ln.strip() for ln in lines[:5] if ln.strip().endswith("报告")), "工作报告")
    body = "\n".join(f"<p style=\"text-indent:2em\">{html.escape(ln.strip())}</p>"
                     for ln in lines if ln.strip())
    css = links = ""
    if side:
        css = (f".left-side {{ float: {side}; width: 180px; }} .left-side li {{ margin: 8px 0; }} "
               f".article-box {{ margin-{side}: 200px; }} ")
        links = "".join(f"<li><a href=\"#\">{w}{i // len(SIDE_LINKS) or ''}</a></li>"
                        for i, w in enumerate(SIDE_LINKS * 5))
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset={declared}">
<meta name="ArticleTitle" content="{html.escape(title)}">
<title>{html.escape(title)}_政务公开_某某区人民政府网</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>{css}.TRS_Editor p {{ font-size: 16px; }}</style>
</head><body>
<div class="header"><div class="logo"><h1>某某区人民政府</h1></div>
<div class="search"><form action="/search"><input name="q" value="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/bsfw/">办事服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 法治政府建设</div>
<div class="main"><div class="left-side"><ul><li><a href="#">通知公告</a></li><li><a href="#">政策文件</a></li>{links}</ul></div>
<div class="article-box">
<h1 class="title">{html.escape(title)}</h1>
<div class="info">发布时间：2023-02-01 09:30　来源：司法所　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div id="zoom"><div class="TRS_Editor">
{body}
</div></div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/1.html">关于印发法治政府建设实施方案的通知</a></li>
<li><a href="/2.html">2021年法治政府建设情况的报告</a></li></ul></div>
</div></div>
<div class="footer"><p>主办单位：某某区人民政府办公室　版权所有</p><p>网站标识码：5001130001　备案号：渝ICP备00000000号</p></div>
<script type="text/javascript">document.getElementById("zoom").style.fontSize = "16px";</script>
</body></html>
"""
    out.write_bytes(page.encode(encoding))
    return out


def make_info_page(lines: list[str], out: Path, title: str | None = None) -> Path:
    """A county portal's 政府信息公开 page (UTF-8): site name and menu, a breadcrumb
    without a label, a table of 索引号/发布机构/主题分类/发文日期/名称 above the title, the
    article in #UCAP-CONTENT, a 政府网站找错 badge, share links and a footer."""
    if title is None:
        title = next((ln.strip() for ln in lines[:5] if ln.strip().endswith("报告")), "工作报告")
    body = "\n".join(f"<p>{html.escape(ln.strip())}</p>" for ln in lines if ln.strip())
    t = html.escape(title)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{t}-某某县人民政府</title></head><body>
<div class="top"><span>某某县人民政府</span> <span>2023年2月1日 星期三</span></div>
<ul class="menu"><li>首页</li><li>走进某某</li><li>政务公开</li><li>政务服务</li><li>政民互动</li></ul>
<div class="crumb">首页 &gt; 政府信息公开 &gt; 法定主动公开内容 &gt; 法治政府建设</div>
<table class="xxgk" border="1">
<tr><td>索引号：</td><td>11410423MB1234567X/2023-00012</td><td>主题分类：</td><td>其他</td></tr>
<tr><td>发布机构：</td><td>某某县司法局</td><td>发文日期：</td><td>2023-02-01</td></tr>
<tr><td>名称：</td><td colspan="3">{t}</td></tr>
</table>
<h2>{t}</h2>
<div id="UCAP-CONTENT">
{body}
</div>
<div class="share">分享到：微信 微博 QQ空间</div>
<div class="jiucuo">政府网站找错</div>
<div class="foot"><p>主办：某某县人民政府办公室 承办：某某县大数据中心</p>
<p>网站标识码：4104230001 豫ICP备00000000号-1 豫公网安备 41042302000001号</p></div>
</body></html>
"""
    out.write_bytes(page.encode("utf-8"))
    return out


def make_mht(lines: list[str], out: Path, charset: str = "gb2312", meta: str = "gb2312",
             transfer: str = "quoted-printable") -> Path:
    """The article page (:func:`make_html`) saved as Internet Explorer saves "网页，单个
    文件": a multipart/related MIME message with the page in ``charset`` and
    ``transfer`` encoding (its ``<meta charset>`` saying ``meta``), then a GIF."""
    import base64
    import quopri

    # IE labels GBK text with the charset the page declares, gb2312
    encoding = "gb18030" if charset == "gb2312" else charset
    page = make_html(lines, out.with_suffix(".page.html"), encoding=encoding, declared=meta)
    raw = page.read_bytes()
    page.unlink()
    body = quopri.encodestring(raw) if transfer == "quoted-printable" else base64.encodebytes(raw)
    gif = base64.encodebytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")
    head = (
        "From: <Saved by Windows Internet Explorer 8>\r\n"
        "Subject: =?gb2312?B??=\r\n"
        "Date: Wed, 1 Feb 2023 09:30:00 +0800\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: multipart/related;\r\n"
        '\ttype="text/html";\r\n'
        '\tboundary="----=_NextPart_000_0000_01D93600.00000000"\r\n'
        "X-MimeOLE: Produced By Microsoft MimeOLE V6.1.7601.17609\r\n"
        "\r\n"
        "This is a multi-part message in MIME format.\r\n"
        "\r\n"
        "------=_NextPart_000_0000_01D93600.00000000\r\n"
        f'Content-Type: text/html;\r\n\tcharset="{charset}"\r\n'
        f"Content-Transfer-Encoding: {transfer}\r\n"
        "Content-Location: http://www.example.gov.cn/zwgk/art/2023/2/1/art_1.html\r\n"
        "\r\n"
    ).encode("ascii")
    tail = (
        "\r\n------=_NextPart_000_0000_01D93600.00000000\r\n"
        "Content-Type: image/gif\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: http://www.example.gov.cn/images/logo.gif\r\n"
        "\r\n"
    ).encode("ascii")
    end = b"\r\n------=_NextPart_000_0000_01D93600.00000000--\r\n"
    out.write_bytes(head + body.replace(b"\n", b"\r\n") + tail + gif + end)
    return out


# -- ofd -------------------------------------------------------------------------------
_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def make_ofd(lines: list[str], out: Path, size: float = 4.2) -> Path:
    """An OFD package (GB/T 33190): one text object per line with per-glyph advances,
    paragraphs indented and wrapped at 160 mm, page numbers "- N -" at the bottom."""
    left, right, top, bottom = 25.0, 185.0, 30.0, 265.0
    lead = size * 1.6

    def w(ch: str) -> float:
        return size if ord(ch) > 0x2E7F else size / 2

    pages: list[list[tuple[float, float, str, float]]] = [[]]
    y = [top]

    def emit(x: float, text: str) -> None:
        if y[0] > bottom:
            pages.append([])
            y[0] = top
        pages[-1].append((x, y[0], text, size))
        y[0] += lead

    for raw in lines:
        text = raw.strip(" \u3000\t")
        if not text:
            continue
        x = left + 2 * size
        cur = ""
        for ch in text:
            if x + sum(w(c) for c in cur + ch) > right:
                emit(x, cur)
                x, cur = left, ""
            cur += ch
        emit(x, cur)
    uid = [10]

    def obj(x: float, yb: float, text: str, sz: float) -> str:
        uid[0] += 1
        deltas = " ".join(f"{w(ch):g}" for ch in text[:-1])
        width = sum(w(ch) for ch in text)
        return (f'<ofd:TextObject ID="{uid[0]}" Boundary="{x:g} {yb - sz:g} {width:g} {sz * 1.2:g}" '
                f'Font="3" Size="{sz:g}"><ofd:TextCode X="0" Y="{sz:g}" DeltaX="{deltas}">'
                f"{html.escape(text)}</ofd:TextCode></ofd:TextObject>")

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {_NS} Version="1.0" '
                   'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID>'
                   "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        page_refs = "".join(f'<ofd:Page ID="{i + 1}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                            for i in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {_NS}>'
                   "<ofd:CommonData><ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea>"
                   "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                   "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
                   f"<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>")
        z.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {_NS} '
                   'BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/>'
                   "</ofd:Fonts></ofd:Res>")
        for i, page in enumerate(pages):
            objs = "".join(obj(*item) for item in page)
            mark = f"- {i + 1} -"
            objs += obj(105 - len(mark) * size / 4, 285, mark, 3.5)
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {_NS}><ofd:Area>'
                       "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area><ofd:Content>"
                       f'<ofd:Layer ID="2">{objs}</ofd:Layer></ofd:Content></ofd:Page>')
    return out


# -- text ------------------------------------------------------------------------------
def make_text(lines: list[str], out: Path, encoding: str, newline: str = "\n",
              indent: str = "") -> Path:
    text = newline.join(indent + ln if ln.strip() else ln for ln in lines) + newline
    out.write_bytes(text.encode(encoding))
    return out


# -- fodt (for .doc fixtures) ------------------------------------------------------------
_ODF_FORMATS = {"chineseCounting": "一, 二, 三, ...", "decimal": "1"}
_FODT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xml="http://www.w3.org/XML/1998/namespace" '
    'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">\n')


def make_fodt(lines: list[str], out: Path, header: str = "法治政府建设年度报告（公开）") -> Path:
    """A flat OpenDocument text whose heading numbers are all automatic numbering
    (a list style per marker family, Chinese counting where the report types
    一 二 三), with a running header and a page-number footer: LibreOffice turns
    it into the .doc fixtures (tests/data/office/make.py). Each numbered paragraph
    is a list of its own that starts at the typed value, so that the numbers
    come out as typed whatever the list continuation rules of the converter."""
    styles: dict[tuple[str, str], str] = {}
    body: list[str] = []
    for line, marker in marked(lines):
        if marker is None:
            body.append(f"<text:p>{html.escape(line)}</text:p>")
            continue
        fmt, text, value, rest = marker
        name = styles.setdefault((fmt, text), f"L{len(styles) + 1}")
        body.append(f'<text:list text:style-name="{name}"><text:list-item text:start-value="{value}">'
                    f"<text:p>{html.escape(rest)}</text:p></text:list-item></text:list>")
    list_styles = []
    for (fmt, text), name in styles.items():
        prefix, _, suffix = text.partition("%1")
        list_styles.append(
            f'<text:list-style style:name="{name}"><text:list-level-style-number text:level="1" '
            f'style:num-format="{_ODF_FORMATS[fmt]}" style:num-prefix="{html.escape(prefix)}" '
            f'style:num-suffix="{html.escape(suffix)}"><style:list-level-properties '
            'text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment '
            'text:label-followed-by="nothing"/></style:list-level-properties>'
            "</text:list-level-style-number></text:list-style>")
    out.write_text(
        _FODT_HEAD
        + f'<office:automatic-styles>{"".join(list_styles)}</office:automatic-styles>\n'
        + '<office:master-styles><style:master-page style:name="Standard"><style:header>'
        + f"<text:p>{html.escape(header)}</text:p></style:header><style:footer><text:p>第 "
        + '<text:page-number text:select-page="current">1</text:page-number> 页</text:p>'
        + "</style:footer></style:master-page></office:master-styles>\n"
        + "<office:body><office:text>\n" + "\n".join(body)
        + "\n</office:text></office:body></office:document>\n", "utf-8")
    return out
