"""The batch runner: output independent of --jobs, isolation of bad documents,
streamed JSON equal to the whole-run JSON, progress only on a terminal."""

from __future__ import annotations

import io
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.cli import main
from fazhi.document.model import DocumentError, Evidence
from fazhi.document.readers import READERS, txt
from fazhi.engine import Engine
from fazhi.inputs import discover
from fazhi.progress import Progress
from fazhi.render.json_out import JsonWriter, report_json, to_json
from fazhi.results import ReportResult, RuleResult, summarize
from fazhi.rulebook.locate import default_rulebook
from fazhi.runner import Checker, Outputs, Task, run_tasks

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "reports"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_file(default_rulebook(), display_path="rules/annual_report.yaml")


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    """The sample reports three times over in two folders, plus a file that cannot be read."""
    root = tmp_path / "batch"
    for i, sub in enumerate(["a", "b", "c/d"]):
        shutil.copytree(REPORTS, root / sub)
        (root / sub / f"empty{i}.txt").write_bytes(b"")
    return root


def _check(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_jobs_2_output_is_byte_identical_to_jobs_1(batch: Path, fmt: str) -> None:
    code1, out1, _ = _check([str(batch), "--format", fmt, "--jobs", "1"])
    code2, out2, _ = _check([str(batch), "--format", fmt, "--jobs", "2"])
    assert code1 == code2 == 3  # the empty files are errors
    assert out1 == out2
    assert out1.count("reports/") or out1.count(str(batch))


def test_jobs_2_html_is_byte_identical_to_jobs_1(batch: Path, tmp_path: Path) -> None:
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"html{jobs}"
        code, stdout, _ = _check([str(batch), "--out", str(out), "--jobs", jobs,
                                  "--json", str(out / "run.json")])
        assert code == 3
        outs.append((stdout.replace(str(out), "OUT"),
                     {p.name: p.read_bytes() for p in sorted(out.iterdir())}))
    assert outs[0] == outs[1]
    assert len(outs[0][1]) == 15 + 4  # 15 scorecards, the index, the JSON, summary.csv/.xlsx


def test_streamed_json_equals_whole_run_json(engine: Engine, batch: Path) -> None:
    inputs = [(Path(p), shown) for p, shown in discover([str(batch)])]
    whole = to_json(engine.run(inputs))
    code, streamed, _ = _check([str(batch), "--format", "json", "--jobs", "2"])
    assert streamed == whole
    data = json.loads(streamed)
    assert data["summary"] == {"checked": 15, "errors": 3, "mean_score": data["summary"]["mean_score"]}
    assert [r["path"] for r in data["reports"]] == [shown for _, shown in inputs]


def test_json_file_is_written_whole(batch: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "run.json"
    code, stdout, _ = _check([str(batch), "--format", "json", "--with-source",
                              "--json", str(target)])
    assert target.read_text(encoding="utf-8") == stdout
    assert [p.name for p in target.parent.iterdir()] == ["run.json"]  # no temporary left


def test_writer_with_no_reports_matches_to_json(engine: Engine) -> None:
    run = engine.run([])
    buf = io.BytesIO()
    JsonWriter(buf, engine.header()).close(summarize([]))
    assert buf.getvalue().decode() == to_json(run)


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(_text, min_size=1, max_size=4), score=st.one_of(
    st.none(), st.floats(min_value=0, max_value=100).map(lambda x: round(x, 1))))
def test_report_json_matches_json_dumps(texts: list[str], score: float | None) -> None:
    """pydantic's serializer and json.dumps agree byte for byte, escapes and all."""
    ev = [Evidence(text=t, match=t[:3], line=1, section=t) for t in texts]
    report = ReportResult(path=texts[0], status="checked", score=score, warnings=texts,
                          results=[RuleResult(rule="a.b", status="pass", severity="required",
                                              title=texts[-1], message="\n".join(texts),
                                              evidence=ev, weight=2.5)])
    expected = json.dumps(report.model_dump(mode="json", exclude={"source"}), ensure_ascii=False,
                          indent=2)
    assert report_json(report).decode() == "    " + expected.replace("\n", "\n    ")
    full = json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2)
    assert report_json(report, include_source=True).decode() == \
        "    " + full.replace("\n", "\n    ")


# -- isolation ------------------------------------------------------------------

def _crash(data: bytes, path: str, limits: object = None) -> None:
    os._exit(7)


def _hang(data: bytes, path: str, limits: object = None) -> None:
    time.sleep(60)


def _bug(data: bytes, path: str, limits: object = None) -> None:
    raise RuntimeError("boom")


def _corrupt(data: bytes, path: str, limits: object = None) -> None:
    raise DocumentError("corrupt", "坏文件")


@pytest.fixture()
def faulty_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Readers that crash the worker, hang, or raise: registered for this test only
    (worker processes are forked, so they see the same registry)."""
    for suffix, reader in ((".crash", _crash), (".hang", _hang), (".bug", _bug),
                           (".corrupt", _corrupt)):
        monkeypatch.setitem(READERS, suffix, reader)
    monkeypatch.setitem(READERS, ".txt", txt.read)


def _faulty_batch(root: Path) -> list[Task]:
    names = ["a.txt", "b.crash", "c.txt", "d.hang", "e.txt", "f.bug", "g.corrupt", "h.txt",
             "i.crash", "j.txt"]
    sample = sorted(REPORTS.glob("*.txt"))[0].read_bytes()
    tasks = []
    for i, name in enumerate(names):
        p = root / name
        p.write_bytes(sample)
        tasks.append(Task(i, p, name, name.replace(".", "-") + ".html"))
    return tasks


@pytest.mark.parametrize("jobs", [1, 2])
def test_crash_and_hang_become_error_entries(engine: Engine, tmp_path: Path, jobs: int,
                                              faulty_readers: None) -> None:
    tasks = _faulty_batch(tmp_path)
    checker = Checker(engine, Outputs(json=True, text=True), 20 << 20)
    start = time.monotonic()
    done = list(run_tasks(checker, tasks, jobs=jobs, timeout=1.5))
    assert time.monotonic() - start < 30
    assert [d.index for d in done] == list(range(len(tasks)))
    got = {t.display: (d.summary.status, d.summary.error.code if d.summary.error else None)
           for t, d in zip(tasks, done, strict=True)}
    assert got == {
        "a.txt": ("checked", None), "b.crash": ("error", "worker_crashed"),
        "c.txt": ("checked", None), "d.hang": ("error", "timeout"),
        "e.txt": ("checked", None), "f.bug": ("error", "internal_error"),
        "g.corrupt": ("error", "corrupt"), "h.txt": ("checked", None),
        "i.crash": ("error", "worker_crashed"), "j.txt": ("checked", None),
    }
    crashed = json.loads(done[1].json or "")
    assert crashed["status"] == "error" and "退出码 7" in crashed["error"]["message"]
    assert "无法检查 [timeout]" in (done[3].text or "")
    # the good reports are checked exactly as on their own
    alone = list(run_tasks(checker, [Task(0, tasks[0].path, "a.txt", "a-txt.html")]))
    assert done[0].json == alone[0].json


def test_cli_run_completes_past_a_hanging_document(tmp_path: Path, faulty_readers: None) -> None:
    tasks = _faulty_batch(tmp_path)
    code, out, err = _check([str(t.path) for t in tasks] + ["--format", "json", "--jobs", "2",
                                                            "--timeout", "1"])
    assert code == 3
    data = json.loads(out)
    assert [r["status"] for r in data["reports"]].count("checked") == 5
    assert data["summary"]["errors"] == 5


# -- progress -------------------------------------------------------------------

def test_no_progress_when_stderr_is_not_a_terminal(batch: Path) -> None:
    code, out, err = _check([str(batch), "--format", "json"])
    assert err == ""
    json.loads(out)


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_shows_count_rate_and_eta() -> None:
    stream = _Tty()
    p = Progress.on_terminal(4, stream, quiet=False)
    assert p.line(2.0).startswith("检查中 0/4 份")
    p.done = 2
    assert p.line(1.0) == "检查中 2/4 份（50%），2 份/秒，预计还需 0:01"
    p.advance()
    p.advance()
    assert "4/4" in stream.getvalue()
    p.close()
    assert stream.getvalue().endswith("\r")
    quiet = _Tty()
    q = Progress.on_terminal(4, quiet, quiet=True)
    q.advance()
    q.close()
    assert quiet.getvalue() == ""


def test_spawned_workers_give_the_same_results(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where fork is not used (macOS, Windows) the checker travels to the workers by pickle."""
    import multiprocessing

    from fazhi import runner

    inputs = discover([str(REPORTS)])[:2]
    tasks = [Task(i, Path(p), shown, f"{i}.html") for i, (p, shown) in enumerate(inputs)]
    checker = Checker(engine, Outputs(json=True), 20 << 20)
    forked = [d.json for d in run_tasks(checker, tasks, jobs=2)]
    monkeypatch.setattr(runner, "_context", lambda: multiprocessing.get_context("spawn"))
    spawned = [d.json for d in run_tasks(checker, tasks, jobs=2)]
    assert spawned == forked


def test_an_idle_worker_killed_from_outside_is_replaced(engine: Engine) -> None:
    from fazhi.runner import _Pool

    pool = _Pool(Checker(engine, Outputs(json=True), 20 << 20), 2)
    try:
        dead = pool.workers[0]
        dead.process.kill()
        dead.process.join()
        pool.revive()
        assert pool.workers[0] is not dead and pool.workers[0].process.is_alive()
        assert pool.workers[1].process.is_alive()
    finally:
        pool.close()


def test_streamed_html_equals_re_rendered_from_json(tmp_path: Path) -> None:
    """Scorecards written as each report finishes, and the overview written from each
    report's compact row, are the same files that `fazhi report` renders from the
    saved JSON."""
    from conftest import REPORTS

    a, b = tmp_path / "a", tmp_path / "b"
    code, _, _ = _check([str(REPORTS), "--out", str(a), "--json", str(tmp_path / "r.json"),
                         "--jobs", "2"])
    assert code == 0
    r = CliRunner().invoke(main, ["report", str(tmp_path / "r.json"), "--out", str(b)])
    assert r.exit_code == 0, r.output
    assert {p.name: p.read_bytes() for p in a.iterdir()} == \
        {p.name: p.read_bytes() for p in b.iterdir()}


def _copies(folder: Path, n: int) -> Path:
    """``n`` copies of a sample report in ``folder`` (r000.txt…), each a little different."""
    folder.mkdir()
    text = sorted(REPORTS.glob("*.txt"))[0].read_bytes()
    for i in range(n):
        (folder / f"r{i:03d}.txt").write_bytes(text + f"\n（第 {i} 份）\n".encode())
    return folder


# -- Ctrl-C -----------------------------------------------------------------------
def test_discard_removes_only_the_half_written_scorecard(engine: Engine, tmp_path: Path) -> None:
    checker = Checker(engine, Outputs(html=tmp_path), 20 << 20)
    for name in ("a.html", ".a.html.x1y2.tmp", ".b.html.x1y2.tmp", ".a.htmlx.z.tmp"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    checker.discard([Task(0, tmp_path / "a.txt", "a.txt", "a.html")])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".a.htmlx.z.tmp", ".b.html.x1y2.tmp", "a.html"]


def test_ctrl_c_exits_130_and_keeps_the_previous_overview(
        batch: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fazhi.batch

    real = fazhi.batch.run_tasks

    def interrupted(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for k, done in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if k == 2:
                raise KeyboardInterrupt
            yield done

    monkeypatch.setattr(fazhi.batch, "run_tasks", interrupted)
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("old", encoding="utf-8")
    code, _, err = _check([str(batch), "--out", str(out), "--json", str(tmp_path / "r.json")])
    assert code == 130
    assert "已中断" in err and "Aborted" not in err
    assert (out / "index.html").read_text(encoding="utf-8") == "old"
    assert not (tmp_path / "r.json").exists()
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_ctrl_c_that_python_drops_still_stops_the_run(
        batch: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Python raises KeyboardInterrupt wherever the main thread is; raised inside a
    finalizer (a generator or an object being collected) it is printed and dropped.
    The run remembers the signal and stops at the next report all the same."""
    import signal

    import fazhi.batch

    real = fazhi.batch.run_tasks

    def dropped(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for k, done in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if k == 2:
                try:
                    signal.raise_signal(signal.SIGINT)
                except KeyboardInterrupt:
                    pass  # as a finalizer would drop it
            yield done

    monkeypatch.setattr(fazhi.batch, "run_tasks", dropped)
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("old", encoding="utf-8")
    # as in a terminal: a test runner started in the background inherits SIGINT ignored
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        code, _, err = _check([str(batch), "--out", str(out), "--json", str(tmp_path / "r.json")])
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)
    assert code == 130
    assert "已中断" in err
    assert (out / "index.html").read_text(encoding="utf-8") == "old"
    assert not (tmp_path / "r.json").exists()


def test_ctrl_c_on_a_real_run_leaves_no_temporary_files(tmp_path: Path) -> None:
    """SIGINT to the whole process group, as a terminal sends it, in the middle of a run."""
    import signal
    import subprocess
    import sys

    folder = _copies(tmp_path / "many", 400)
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("old", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "fazhi", "check", str(folder), "--out", str(out),
                             "--jobs", "2", "--quiet"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True,
                            # as in a terminal: a test runner started in the background
                            # (`cmd &`) passes SIGINT on ignored, and Python keeps it so
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while len(list(out.glob("r*.html"))) < 20 and time.monotonic() < deadline \
            and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode("utf-8", "replace")
    assert "已中断" in err.decode("utf-8")
    assert (out / "index.html").read_text(encoding="utf-8") == "old"
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def _hang_writing(out: Path, name: str, *args: object) -> Path:
    """A scorecard writer that begins its file and then hangs."""
    from fazhi.render.files import atomic_writer

    with atomic_writer(out / name) as f:
        f.write("<!DOCTYPE html>")
        f.flush()
        time.sleep(60)
    return out / name


def test_a_worker_killed_while_writing_leaves_no_temporary_file(
        engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A scorecard whose writing hangs: the worker is killed at the time limit, the
    report becomes a timeout entry, and its half-written file is removed."""
    import fazhi.runner

    monkeypatch.setattr(fazhi.runner, "write_scorecard", _hang_writing)
    out = tmp_path / "out"
    out.mkdir()
    checker = Checker(engine, Outputs(html=out), 20 << 20)
    src = sorted(REPORTS.glob("*.txt"))[0]
    [done] = list(run_tasks(checker, [Task(0, src, "a.txt", "a.html")], jobs=1, timeout=2))
    assert done.summary.error is not None and done.summary.error.code == "timeout"
    assert list(out.iterdir()) == []


def test_stopping_the_pool_removes_what_a_worker_half_wrote_ahead(
        engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker has finished its first document (the answer still in the pipe) and is
    writing the next one it was handed ahead when the run is stopped (Ctrl-C): the
    worker is killed, and the half-written scorecard of that next one goes too."""
    import fazhi.runner
    from fazhi.runner import _Pool

    real = fazhi.runner.write_scorecard

    def hang_on_b(out: Path, name: str, *args: object) -> Path:
        if name != "b.html":
            return real(out, name, *args)  # type: ignore[arg-type]
        return _hang_writing(out, name)

    monkeypatch.setattr(fazhi.runner, "write_scorecard", hang_on_b)
    out = tmp_path / "out"
    out.mkdir()
    checker = Checker(engine, Outputs(html=out), 20 << 20)
    src = sorted(REPORTS.glob("*.txt"))[0]
    pool = _Pool(checker, 1)
    [w] = pool.workers
    w.send(Task(0, src, "a.txt", "a.html"))
    w.send(Task(1, src, "b.txt", "b.html"))
    deadline = time.monotonic() + 30
    while not list(out.glob(".b.html.*")) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert list(out.glob(".b.html.*")), "the worker never began the second document"
    pool.close()
    assert sorted(p.name for p in out.iterdir()) == ["a.html"]


def test_a_scorecard_that_cannot_be_written_is_an_error_entry(
        engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Disk full (or any OSError) while writing one scorecard: that report's entry
    says so, the worker lives on and checks the next one."""
    import errno

    import fazhi.runner

    real = fazhi.runner.write_scorecard

    def full(out: Path, name: str, *args: object) -> Path:
        if name == "a.html":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(out, name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(fazhi.runner, "write_scorecard", full)
    checker = Checker(engine, Outputs(html=tmp_path), 20 << 20)
    src = sorted(REPORTS.glob("*.txt"))[0]
    tasks = [Task(0, src, "a.txt", "a.html"), Task(1, src, "b.txt", "b.html")]
    first, second = list(run_tasks(checker, tasks, jobs=1))
    assert first.summary.error is not None and first.summary.error.code == "output_error"
    assert "No space left on device" in first.summary.error.message
    assert second.summary.status == "checked" and (tmp_path / "b.html").exists()


def test_a_full_disk_during_the_run_is_a_message_not_a_traceback(
        batch: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from fazhi.render.outputs import OverviewWriter

    def full(self: object, row: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "index.html")

    monkeypatch.setattr(OverviewWriter, "add", full)
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("old", encoding="utf-8")
    code, _, err = _check([str(batch), "--out", str(out)])
    assert code == 2
    assert "写入输出时出错（No space left on device：index.html）" in err
    assert (out / "index.html").read_text(encoding="utf-8") == "old"
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_large_html_batch_prints_the_summary_not_every_report(tmp_path: Path) -> None:
    folder = _copies(tmp_path / "many", 21)
    out = tmp_path / "out"
    code, stdout, _ = _check([str(folder), "--out", str(out)])
    assert code == 0
    assert "■" not in stdout
    assert stdout.startswith("共 21 份：已检查 21 份")
    assert "终端只显示汇总" in stdout and "--format text" in stdout
    _, listed, _ = _check([str(folder), "--format", "text"])
    assert listed.count("■") == 21


def test_input_inside_the_output_folder(tmp_path: Path) -> None:
    """The folder itself, a file below it, or a link into it are inside; a sibling
    whose name merely starts the same ("reports2" beside "reports") is not."""
    from fazhi.render.files import input_inside

    out = tmp_path / "reports"
    (out / "sub").mkdir(parents=True)
    below = out / "sub" / "a.txt"
    below.write_text("x", encoding="utf-8")
    sibling = tmp_path / "reports2" / "b.txt"
    sibling.parent.mkdir()
    sibling.write_text("x", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(below)
    assert input_inside(out, [sibling]) is None
    assert input_inside(out, [sibling, below]) == below
    assert input_inside(out, [link]) == link
    assert input_inside(out, [out]) == out
    assert input_inside(out / "sub", [tmp_path / "reports2"]) is None
