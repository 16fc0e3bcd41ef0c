"""The terminal summary: one block per report, gaps first."""

from __future__ import annotations

from fazhi.document.model import Evidence
from fazhi.results import ReportResult, RunResult, Summary

ICONS = {"pass": "✓", "partial": "◐", "fail": "✗", "not_applicable": "–"}
LABELS = {"pass": "达标", "partial": "部分达标", "fail": "缺失", "not_applicable": "不适用"}
SEVERITY_LABELS = {"required": "必备", "recommended": "建议", "info": "提示"}


def report_text(r: ReportResult) -> str:
    if r.status == "error":
        assert r.error is not None
        return f"✗ {r.path}\n  无法检查 [{r.error.code}]：{r.error.message}\n"
    meta = r.meta
    who = " ".join(x for x in ((meta.issuer if meta else None),
                               (f"{meta.report_year}年度" if meta and meta.report_year else None))
                   if x)
    lines = [f"■ {r.path}  {who}".rstrip(),
             f"  得分 {r.score}  等级 {r.grade}  结论 {r.verdict}  "
             + "  ".join(f"{LABELS[s]} {r.counts.get(s, 0)}" for s in LABELS)]
    for w in r.warnings:
        lines.append(f"  ⚠ {WARNING_TEXT.get(w, w)}")
    order = {"fail": 0, "partial": 1}
    sev_order = {"required": 0, "recommended": 1, "info": 2}
    gaps = sorted((x for x in r.results if x.status in order),
                  key=lambda x: (order[x.status], sev_order.get(x.severity, 9)))
    for x in gaps:
        where = f"（{location_text(x.evidence[0])}）" if x.evidence and x.evidence[0].line else ""
        sev = SEVERITY_LABELS.get(x.severity, x.severity)
        lines.append(f"  {ICONS[x.status]} [{sev}] {x.title}：{x.message}{where}")
    for x in r.results:
        if x.waiver is not None:
            sev = SEVERITY_LABELS.get(x.severity, x.severity)
            lines.append(f"  {ICONS[x.status]} [{sev}] {x.title}：{x.message}")
    return "\n".join(lines) + "\n"


def location_text(ev: Evidence) -> str:
    """Where evidence stands, in the unit of its format: page and line, paragraph, or line."""
    if ev.page is not None:
        return f"第 {ev.page} 页第 {ev.line} 行"
    if ev.paragraph is not None:
        return f"第 {ev.paragraph} 段"
    return f"第 {ev.line} 行"


WARNING_TEXT = {
    "too_short": "提取到的文字远少于一份完整报告，缺项可能是文件本身不完整造成的。",
    "flattened": "报告正文几乎没有换行（可能是从网页或其他软件复制时丢失了分段），已按标题编号和空白重新分段；"
                 "与章节结构有关的判定请对照原文核实。",
    "hard_wrapped": "报告正文按固定宽度断行（可能是从 PDF 复制的），已把在行末断开的句子和标题接回成段后再判定；"
                    "证据的行号仍是原文件的行号。",
    "web_page": "报告是从网页打印或复制的：网站的导航、当前位置、发布信息栏，以及正文之后的打印/关闭、"
                "相关链接和网站页脚不属于报告，已略去，不参与判定（略去的行在评分卡全文中以灰色划线标出，也可用 fazhi inspect 查看）。",
    "truncated": "报告似乎在前几部分就结束了（文件可能被截断），缺项可能是文件不完整造成的。",
    "damaged_bytes": "文件中有少量字节无法按其编码解码（文件可能下载不完整或已损坏），这些字已显示为 �，"
                     "相关内容可能缺失。",
    "partial_text_layer": "PDF 中有些页只有图片、没有文字层（可能是扫描页），这些页的内容未被检查。",
    "damaged_pages": "文件中有些页已损坏、无法读取（文件可能下载不完整），这些页的内容未被检查；"
                     "缺项请对照原文核实，或重新下载、导出文件后再检查。",
}


# The same, as a few words for a table cell (the batch overview's 读取提示).
WARNING_SHORT = {
    "too_short": "文字过少",
    "flattened": "正文无换行，已重新分段",
    "hard_wrapped": "正文按固定宽度断行，已接回成段",
    "web_page": "网页打印件，已略去网站内容",
    "truncated": "可能被截断",
    "damaged_bytes": "有损坏字节",
    "partial_text_layer": "部分页无文字层",
    "damaged_pages": "部分页损坏",
}


def summary_text(s: Summary) -> str:
    """The closing line of the terminal summary."""
    mean = f"，平均得分 {s.mean_score}" if s.mean_score is not None else ""
    return f"共 {s.checked + s.errors} 份：已检查 {s.checked} 份，无法读取 {s.errors} 份{mean}。\n"


def run_text(run: RunResult) -> str:
    """The whole terminal summary: the report blocks and the closing line, a blank line apart."""
    return "\n".join([*(report_text(r) for r in run.reports), summary_text(run.summary)])
