"""`fazhi inspect FILE`: format, encoding, metadata, outline with classification, warnings."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import docbuild
from conftest import REPORTS
from fazhi.cli import main


def inspect(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, ["inspect", *args])
    return r.exit_code, r.stdout, r.stderr


def test_inspect_text_report() -> None:
    code, out, _ = inspect(str(REPORTS / "zhengqi-2022.txt"))
    assert code == 0
    for label in ("格式：纯文本", "编码：utf-8", "元数据：", "标题：", "发文机关：郑旗乡人民政府",
                  "报告年度：2022", "成文日期：2023-02-20", "提纲", "提示：无"):
        assert label in out, label
    assert "一、法治政府建设情况" in out
    assert "类型：主要举措和成效；判定方式：按标题措辞判定" in out
    assert "      (一) 强化组织领导  [第 9 行]" in out  # a sub-heading, indented under its section
    assert "[第 7 行]" in out


def test_inspect_shows_where_a_combined_section_turns_to_the_plan(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text("××镇关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n开展普法活动12场。\n"
                 "二、存在的问题及下一步打算\n执法力量不足，普法形式单一。\n"
                 "下一步，我镇将重点做好以下工作：\n（一）加强学习\n组织学法。\n（二）完善制度\n修订制度。\n",
                 encoding="utf-8")
    code, out, _ = inspect(str(p))
    assert code == 0
    lines = out.splitlines()
    at = lines.index("      下一步，我镇将重点做好以下工作：  [第 6 行]")
    assert lines[at + 1].strip() == "→ 类型：下一年度主要安排（本小节单独归类，不计入上级章节）"
    assert lines[at + 2] == "      （一）加强学习  [第 7 行]"


def test_inspect_shows_content_and_default_classification(tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text("关于2022年法治政府建设情况的报告\n"
                 "一、回顾\n我镇坚持依法行政，推进各项工作。\n"
                 "二、反思\n工作中存在的问题：一是学法不够深入，二是执法有待进一步规范，"
                 "三是监督不够有力，四是宣传薄弱，存在一些短板。\n", encoding="gb18030")
    code, out, _ = inspect(str(p))
    assert code == 0
    assert "编码：gb18030" in out
    assert "标题和正文都未能判定，按默认类型归类" in out
    assert "标题未能判定，按正文内容判定" in out
    assert "提示：" in out and "⚠" in out  # too short, truncated


def test_inspect_pdf_and_docx_locations(tmp_path: Path) -> None:
    lines = docbuild.report_lines(REPORTS / "jiangjia-2022.txt")
    code, out, _ = inspect(str(docbuild.make_pdf(lines, tmp_path / "j.pdf")), "--text")
    assert code == 0
    assert "格式：PDF" in out and "第 1 页第 1 行" in out and "提取出的段落：" in out
    code, out, _ = inspect(str(docbuild.make_docx(lines, tmp_path / "j.docx")))
    assert code == 0 and "格式：Word 文档" in out and "[第 4 段]" in out
    assert "一、主要举措和成效" in out


def test_inspect_unreadable_and_usage(tmp_path: Path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    code, _, err = inspect(str(empty))
    assert code == 3 and "[empty]" in err
    assert inspect(str(tmp_path))[0] == 2
    assert inspect(str(tmp_path / "missing.txt"))[0] == 2


def test_inspect_shows_what_a_web_page_lost(tmp_path: Path) -> None:
    """The lines left out as a web page's chrome, as runs (blank lines between them do
    not split a run) and, with --text, one by one; a kept line splits the runs."""
    p = tmp_path / "copied.txt"
    p.write_text("某某县人民政府\n\n首页\n当前位置：首页 > 政务公开\n关于2022年法治政府建设情况的报告\n"
                 "发布时间：2023-02-01\n一、主要举措\n正文。\n特此报告\n\n【打印本页】【关闭窗口】\n\n"
                 "网站标识码：4100000001\n", encoding="utf-8")
    code, out, _ = inspect(str(p))
    assert code == 0
    assert "略去的网页内容、页码、页眉页脚和目录（不参与判定）：第 1–4 行、第 6 行、第 11–13 行" in out
    assert "[第 13 行] 网站标识码：4100000001" not in out
    code, out, _ = inspect(str(p), "--text")
    assert "略去的行：\n  [第 1 行] 某某县人民政府\n  [第 3 行] 首页\n" in out
    assert "  [第 13 行] 网站标识码：4100000001\n" in out


def test_inspect_of_a_report_shows_nothing_left_out() -> None:
    code, out, _ = inspect(str(REPORTS / "jiangjia-2022.txt"), "--text")
    assert code == 0 and "略去" not in out
