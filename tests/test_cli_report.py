"""CLI: the HTML output folder (scorecards, index, summary tables), `fazhi report`,
and the guards that keep outputs off the inputs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import REPORTS
from fazhi.cli import main

ONE = REPORTS / "zhengqi-2022.txt"


def invoke(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.output


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_html_run_writes_scorecards_index_and_tables(tmp_path: Path) -> None:
    out = tmp_path / "sc"
    code, text = invoke("check", str(REPORTS), "--out", str(out))
    assert code == 0 and "summary.csv" in text
    names = set(files(out))
    assert {"index.html", "summary.csv", "summary.xlsx"} <= names
    assert len([n for n in names if n.endswith(".html")]) == 6
    assert not [n for n in names if n.startswith(".")]  # no temporary files left


def test_same_names_in_different_folders_get_distinct_scorecards(tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        shutil.copy(ONE, tmp_path / d / "report.txt")
    out = tmp_path / "sc"
    assert invoke("check", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out))[0] == 0
    cards = sorted(n for n in files(out) if n.startswith("report"))
    assert len(cards) == 2 and cards[0] != cards[1]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{n}"' in index for n in cards)


def test_report_rerenders_byte_identical_from_json_file(tmp_path: Path) -> None:
    out1, out2, res = tmp_path / "one", tmp_path / "two", tmp_path / "results.json"
    code, _ = invoke("check", str(REPORTS), "--out", str(out1), "--json", str(res))
    assert code == 0
    data = json.loads(res.read_text(encoding="utf-8"))
    assert all(r["source"] for r in data["reports"])  # the file carries the full text
    code, text = invoke("report", str(res), "--out", str(out2))
    assert code == 0 and "评分卡已写入" in text
    assert files(out1) == files(out2)


def test_report_results_file_inside_out_is_fine(tmp_path: Path) -> None:
    out = tmp_path / "sc"
    res = out / "results.json"
    assert invoke("check", str(ONE), "--out", str(out), "--json", str(res))[0] == 0
    assert invoke("report", str(res), "--out", str(out))[0] == 0
    assert res.is_file() and json.loads(res.read_text(encoding="utf-8"))["reports"]


def test_report_bad_inputs_exit_2(tmp_path: Path) -> None:
    assert invoke("report", str(tmp_path / "missing.json"))[0] == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, text = invoke("report", str(bad), "--out", str(tmp_path / "o"))
    assert code == 2 and "fazhi.check/1" in text
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"schema": "x/9", "reports": []}), encoding="utf-8")
    assert invoke("report", str(other), "--out", str(tmp_path / "o"))[0] == 2
    assert not (tmp_path / "o").exists()


def test_report_refuses_to_write_over_its_input(tmp_path: Path) -> None:
    out = tmp_path / "sc"
    out.mkdir()
    res = out / "index.html"  # a results file that has an output's name
    res.write_text(invoke("check", str(ONE), "--format", "json", "--with-source")[1],
                   encoding="utf-8")
    before = res.read_bytes()
    code, text = invoke("report", str(res), "--out", str(out))
    assert code == 2 and "不能覆盖" in text
    assert res.read_bytes() == before


def test_check_refuses_out_that_holds_or_is_an_input(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(ONE, reports / "r.txt")
    before = files(reports)
    code, text = invoke("check", str(reports), "--out", str(reports))
    assert code == 2 and "包含输入文件" in text
    code, _ = invoke("check", str(reports / "r.txt"), "--out", str(tmp_path))
    assert code == 2
    code, text = invoke("check", str(reports / "r.txt"), "--out", str(reports / "r.txt"))
    assert code == 2
    code, text = invoke("check", str(reports / "r.txt"), "--format", "text",
                        "--json", str(reports / "r.txt"))
    assert code == 2 and "不能覆盖" in text
    assert files(reports) == before


def test_json_stdout_lean_unless_with_source() -> None:
    lean = json.loads(invoke("check", str(ONE), "--format", "json")[1])
    assert "source" not in lean["reports"][0]
    assert lean["reports"][0]["compliant"] is False
    full = json.loads(invoke("check", str(ONE), "--format", "json", "--with-source")[1])
    src = full["reports"][0]["source"]
    assert src and set(src[0]) == {"line", "page", "block", "text"}


# -- fazhi report reads the results file report by report -------------------------
def _results(tmp_path: Path) -> Path:
    results = tmp_path / "run.json"
    code, _ = invoke("check", str(REPORTS), "--format", "json", "--json", str(results))
    assert code == 0
    return results


def _many(results: Path, copies: int, target: Path) -> Path:
    """A results file with the sample's reports ``copies`` times over (distinct paths)."""
    from fazhi.render.json_out import JsonWriter, ResultsFile, report_json
    from fazhi.results import summarize

    stored = ResultsFile(results)
    reports = list(stored.reports())
    every = [r.model_copy(update={"path": f"c{i}/{r.path}"})
             for i in range(copies) for r in reports]
    with target.open("wb") as f:
        w = JsonWriter(f, stored.header)
        for r in every:
            w.add(report_json(r, True))
        w.close(summarize(every))
    return target


def test_report_from_a_file_equals_report_from_the_whole_run(tmp_path: Path) -> None:
    """The streamed reading gives the bytes the whole-file reading gave."""
    from fazhi.render.json_out import from_json
    from fazhi.render.outputs import write_all

    results = _results(tmp_path)
    streamed, whole = tmp_path / "streamed", tmp_path / "whole"
    assert invoke("report", str(results), "--out", str(streamed))[0] == 0
    write_all(from_json(results.read_text("utf-8")), whole)
    assert files(streamed) == files(whole)


def test_report_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    results = _results(tmp_path)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + results.read_bytes())
    assert invoke("report", str(bom), "--out", str(tmp_path / "o"))[0] == 0


def test_a_damaged_results_file_is_a_message_and_writes_nothing(tmp_path: Path) -> None:
    results = _results(tmp_path)
    data = results.read_bytes()
    cut = tmp_path / "cut.json"
    cut.write_bytes(data[: len(data) * 2 // 3])
    out = tmp_path / "o"
    r = CliRunner().invoke(main, ["report", str(cut), "--out", str(out)])
    assert r.exit_code == 2 and "不是 fazhi check 的 JSON 结果" in r.stderr
    assert not out.exists() or not list(out.iterdir())


def test_report_keeps_nothing_per_report_but_its_plan(tmp_path: Path) -> None:
    """What Python still holds after re-rendering 60, 180 and 300 reports (the plan
    alive: a name, a status a report) differs by well under a kilobyte a report:
    the reports are read, written and let go one at a time. Of the two differences
    the smaller counts: a table of the interpreter's that grows once (the interned
    strings, which pathlib adds path parts to: 1.9 MB at a time after the browser
    tests) can fall into either, a leak shows in both."""
    import gc
    import tracemalloc

    from fazhi.render.json_out import ResultsFile
    from fazhi.render.outputs import Plan, write_reports

    results = _results(tmp_path)
    held = []
    for copies in (3, 12, 36, 60):  # the first warms up (templates compiled, caches filled)
        big = _many(results, copies, tmp_path / f"big{copies}.json")
        stored = ResultsFile(big)
        tracemalloc.start()
        plan = Plan.of_file(stored)
        write_reports(stored.header, stored.reports(), plan, tmp_path / f"out{copies}")
        gc.collect()
        held.append(tracemalloc.get_traced_memory()[0])
        tracemalloc.stop()
        assert len(plan.names) == 5 * copies
    per_report = min(held[2] - held[1], held[3] - held[2]) / (5 * 24)
    assert per_report < 1024, f"{per_report:.0f} bytes per report"
