"""Terminal text and JSON for ``fazhi eval`` (agreement with gold labels)."""

from __future__ import annotations

import json

from fazhi.evaluate import ABSENT, EvalResult
from fazhi.render.authoring import pad, width
from fazhi.render.text import LABELS

COLUMNS = ("pass", "partial", "fail", "not_applicable", ABSENT)
COLUMN_LABELS = {**LABELS, ABSENT: "无结果"}


def _gold_label(gold: str) -> str:
    return "或".join(COLUMN_LABELS.get(g, g) for g in gold.split("|"))


def eval_json(res: EvalResult) -> str:
    return json.dumps(res.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def eval_text(res: EvalResult) -> str:
    lines = [f"与人工标注（{res.labels}）比较：{res.reports_found}/{res.reports_labelled} 份报告", "",
             "逐条规则的一致率："]
    w = max([width(r.rule) for r in res.rules] + [4])
    for r in res.rules:
        rate = f"{r.agree / r.n:.0%}" if r.n else "—"
        lines.append(f"  {pad(r.rule, w)}  {r.agree}/{r.n}  {pad(rate, 4)}  {r.title or '（规则集中没有此规则）'}")
    lines += ["", "混淆表（行：人工标注；列：工具判定）："]
    head = "".join(pad(COLUMN_LABELS[c], 10) for c in COLUMNS)
    for r in res.rules:
        lines.append(f"  {r.rule}　{r.title or ''}")
        gw = max([width(_gold_label(g)) for g in r.table] + [width("标注＼判定")]) + 2
        lines.append(("    " + pad("标注＼判定", gw) + head).rstrip())
        for gold in sorted(r.table, key=lambda g: [COLUMNS.index(x) if x in COLUMNS else 9
                                                    for x in g.split("|")]):
            row = r.table[gold]
            lines.append(("    " + pad(_gold_label(gold), gw)
                          + "".join(pad(str(row.get(c, 0)), 10) for c in COLUMNS)).rstrip())
    if res.disagreements:
        lines += ["", "不一致的判定："]
        for d in res.disagreements:
            lines.append(f"  {d.report}  {d.rule}：人工 {_gold_label(d.gold)}，工具 {COLUMN_LABELS.get(d.got, d.got)}")
    lines += ["", "必备规则误判为达标（人工判定未达标，工具判为达标）："]
    if res.false_passes:
        lines += [f"  ✗ {d.report}  {d.rule}：人工 {_gold_label(d.gold)}" for d in res.false_passes]
    else:
        lines.append("  无")
    for m in res.missing:
        lines.append(f"  ⚠ 已标注但未检查（未提供或无法读取）：{m}")
    lines += ["", f"总一致率 {res.agreement:.3f}（{res.agree}/{res.total}），"
                  f"必备规则误判达标 {len(res.false_passes)} 处，报告 {res.reports_found}/{res.reports_labelled} 份。"]
    return "\n".join(lines) + "\n"
