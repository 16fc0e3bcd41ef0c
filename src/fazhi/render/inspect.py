"""``fazhi inspect``: what fazhi read from one file and how it understood it.

Shows the format and encoding, the metadata with where each item was found,
the outline with each top-level section's kind and how that kind was decided
(by heading wording, by content, by default, by position), the sub-headings,
and the warnings, and the lines left out as a web page's chrome; optionally
every extracted paragraph with its location.
So an auditor can see why a rule decided what it did.
"""

from __future__ import annotations

from fazhi.document.model import Document, Evidence, Location, SourceLine
from fazhi.document.readers import FORMAT_LABELS
from fazhi.render.text import WARNING_TEXT, location_text
from fazhi.results import OutlineEntry

CLASSIFIED_BY = {
    "heading": "按标题措辞判定",
    "content": "标题未能判定，按正文内容判定",
    "default": "标题和正文都未能判定，按默认类型归类",
    "position": "按位置（正文标题之前为开头，正文之后为落款，落款之后的附件为附件部分）",
    "opening": "标题同时写了几类内容（如“存在的问题及下一步打算”），从以该类措辞开头的段落起归为此类",
    "unstructured": "报告没有章节标题，全文归为一类",
}
META_LABELS = [("title", "标题"), ("issuer", "发文机关"), ("report_year", "报告年度"),
               ("date", "成文日期")]
_HEADING_MAX = 48


def _where(loc: Location | Evidence | OutlineEntry | None) -> str:
    if loc is None or loc.line is None:
        return ""
    return location_text(Evidence(text="", line=loc.line, page=loc.page, paragraph=loc.paragraph))


def _short(text: str) -> str:
    return text if len(text) <= _HEADING_MAX else text[: _HEADING_MAX - 1] + "…"


def _meta_lines(doc: Document) -> list[str]:
    out = []
    for key, label in META_LABELS:
        value = getattr(doc.meta, key)
        if value is None:
            out.append(f"  {label}：未找到")
            continue
        shown = str(value)
        if key == "date" and doc.meta.date_precision == "month":
            shown += "（只写到月份）"
        elif key == "date" and doc.meta.date_precision == "figures":
            shown += "（只用数字写出）"
        ev = doc.meta_evidence.get(key)
        where = f"（{_where(ev)}）" if ev is not None and ev.line is not None else ""
        out.append(f"  {label}：{shown}{where}")
    return out


def _outline_lines(outline: list[OutlineEntry]) -> list[str]:
    out = []
    for e in outline:
        where = _where(e)
        where = f"  [{where}]" if where else ""
        if e.level == 1:
            how = CLASSIFIED_BY.get(e.classified_by or "", e.classified_by or "")
            kind = e.kind_label or e.kind or "未分类"
            out.append(f"  {_short(e.heading)}{where}")
            out.append(f"      → 类型：{kind}；判定方式：{how}")
        else:
            indent = "    " * (e.level - 1)
            out.append(f"  {indent}{_short(e.heading)}{where}")
            if e.kind:
                kind = e.kind_label or e.kind
                out.append(f"  {indent}    → 类型：{kind}（本小节单独归类，不计入上级章节）")
    return out


def inspect_text(path: str, doc: Document, outline: list[OutlineEntry],
                 show_text: bool = False) -> str:
    chars = sum(len(p.norm) for p in doc.paragraphs)
    if doc.encoding:
        encoding = doc.encoding
    else:
        encoding = "不适用（该格式的文字编码由文件自身确定）"
    lines = [
        f"文件：{path}",
        f"格式：{FORMAT_LABELS.get(doc.format, doc.format)}",
        f"编码：{encoding}",
        f"文字：{chars} 字（不计空白），{len(doc.paragraphs)} 段",
        "",
        "元数据：",
        *_meta_lines(doc),
        "",
        "提纲（一级章节的类型，以及类型是怎样判定的）：",
        *_outline_lines(outline),
        "",
    ]
    if doc.warnings:
        lines.append("提示：")
        lines.extend(f"  ⚠ {WARNING_TEXT.get(w, w)}" for w in doc.warnings)
    else:
        lines.append("提示：无")
    if doc.removed:
        lines += ["", f"略去的网页内容、页码、页眉页脚和目录（不参与判定）：{_spans(doc.removed)}"]
    if show_text:
        lines += ["", "提取出的段落："]
        for p in doc.paragraphs:
            lines.append(f"  [{_where(p.locs[0])}] {p.text}")
        if doc.removed:
            lines += ["", "略去的行："]
            lines.extend(f"  [{_where(r.loc)}] {r.text.strip()}" for run in doc.removed for r in run)
    return "\n".join(lines) + "\n"


def _spans(removed: list[list[SourceLine]]) -> str:
    """Each run as 第 1 页第 1–10 行 (or 第 1–10 行), joined by 、."""
    parts = []
    for run in removed:
        first, last = run[0].loc, run[-1].loc
        a, b = first.line or 0, last.line or 0
        if first.page is None:
            parts.append(f"第 {a}–{b} 行" if b > a else f"第 {a} 行")
        elif first.page == last.page:
            parts.append(f"第 {first.page} 页第 {a}–{b} 行" if b > a else f"第 {first.page} 页第 {a} 行")
        else:
            parts.append(f"第 {first.page} 页第 {a} 行至第 {last.page} 页第 {b} 行")
    return "、".join(parts)
