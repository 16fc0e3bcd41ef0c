"""Checking a batch: worker processes, results in input order, nothing kept.

Each worker process holds the loaded rulebook (a :class:`Checker`) and checks
one document at a time: it reads the file (or takes it from the cache),
checks it and renders what the run writes (the report's JSON, its terminal
text, its HTML scorecard, its :class:`~fazhi.render.views.OverviewRow` for the
batch overview), so the main process only writes text out and counts the
run's totals.

Every document is isolated. A document that takes longer than the time limit
gets its worker killed; a worker that dies (a crash in a library, running out
of memory) loses only the document it was on. Either becomes an error entry
(``timeout``, ``worker_crashed``), a new worker takes the dead one's place and
the batch goes on. Results come out in input order, whatever the number of
workers, so the output does not depend on ``--jobs``; at most a bounded number
of finished results wait for a slow one, so memory does not grow with the batch.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path

from fazhi.cache import Cache
from fazhi.engine import Engine, error_result, file_sha256
from fazhi.render.files import discard_partial
from fazhi.render.html import write_scorecard
from fazhi.render.json_out import report_json
from fazhi.render.text import report_text
from fazhi.render.views import OverviewRow
from fazhi.results import ReportResult, ReportSummary
from fazhi.waivers import Waiver, waive_report

DEFAULT_TIMEOUT = 60.0
PREFETCH = 2  # documents handed to a worker ahead, so it never waits for the next one
WINDOW_PER_JOB = 16  # finished results that may wait for a slower earlier document, per worker


@dataclass(frozen=True)
class Task:
    """One input of the batch: its place in the input order, file, shown path, scorecard name."""

    index: int
    path: Path
    display: str
    scorecard: str = ""


@dataclass(frozen=True)
class Outputs:
    """What the run writes for each report: its JSON (``json``: as printed, with the
    report's text only when ``json_source``; ``json_file``: always with it, for
    ``fazhi report``), its terminal text, its HTML scorecard (into ``html``)."""

    json: bool = False
    json_source: bool = False
    json_file: bool = False
    text: bool = False
    html: Path | None = None


@dataclass(frozen=True)
class Done:
    """A finished report, rendered for the run's outputs."""

    index: int
    summary: ReportSummary
    json: bytes | None = None  # UTF-8, see report_json
    json_file: bytes | None = None
    text: str | None = None
    cached: bool = False
    overview: OverviewRow | None = None  # what the batch overview and tables show
    waived: frozenset[str] = frozenset()


class Checker:
    """A rulebook and what to render; one lives in every worker."""

    def __init__(self, engine: Engine, outputs: Outputs, max_bytes: int,
                 cache_dir: Path | None = None, waivers: list[Waiver] | None = None) -> None:
        self.engine = engine
        self.outputs = outputs
        self.max_bytes = max_bytes
        self.waivers = waivers or []
        self.header = engine.header()
        info = engine.info()
        self.cache = Cache(cache_dir, engine.rulebook_hash, max_bytes,
                           {"rulebook": info.id, "version": info.version, "profile": info.profile,
                            "path": info.path}) if cache_dir else None
        if self.cache is not None:
            self.cache.open()  # once, in the main process: workers only read and add entries
        # the report's text is shown in scorecards, --with-source and --json FILE, and
        # cached for later runs that may show it; plain JSON and text leave it out
        self._needs_source = outputs.html is not None or outputs.json_source or \
            outputs.json_file or self.cache is not None

    def check(self, task: Task) -> Done:
        report, cached = self._report(task)
        try:
            return self.render(task, report, cached)
        except OSError as exc:  # the scorecard could not be written: this report's entry says so
            return self.failed(task, "output_error",
                               f"评分卡无法写入（{exc.strerror or exc}）。"
                               "请检查输出文件夹的剩余空间和写入权限后重试。")
        except Exception as exc:  # a bug must cost one report, not the worker
            return self.failed(task, "internal_error",
                               f"生成该文件的结果时程序出错（{type(exc).__name__}：{exc}）。"
                               "请把该文件和这条信息报告给维护者。")

    def _report(self, task: Task) -> tuple[ReportResult, bool]:
        suffix = task.path.suffix
        sha = file_sha256(task.path) if self.cache is not None else None
        if self.cache is not None and sha is not None:
            hit = self.cache.get(sha, suffix, task.display)
            if hit is not None:
                return hit, True
        try:
            report = self.engine.check_path(task.path, task.display, self.max_bytes,
                                            source=self._needs_source)
        except Exception as exc:  # a bug must cost one report, not the batch
            return error_result(task.display, "internal_error",
                                f"检查该文件时程序出错（{type(exc).__name__}：{exc}）。"
                                "请把该文件和这条信息报告给维护者。", sha), False
        if self.cache is not None:
            self.cache.put(report, suffix)
        return report, False

    def render(self, task: Task, report: ReportResult, cached: bool = False) -> Done:
        out = self.outputs
        report, waived = waive_report(report, self.waivers, self.engine.book.scoring)
        if out.html is not None and report.status == "checked":
            write_scorecard(out.html, task.scorecard, self.header, report)
        overview = OverviewRow.of(report, task.scorecard) if out.html is not None else None
        return Done(index=task.index, summary=ReportSummary.of(report, task.scorecard),
                    json=report_json(report, out.json_source) if out.json else None,
                    json_file=report_json(report, True) if out.json_file else None,
                    text=report_text(report) if out.text else None, cached=cached,
                    overview=overview, waived=frozenset(waived))

    def discard(self, tasks: Iterable[Task]) -> None:
        """Remove what a worker killed with ``tasks`` in hand may have half written.
        All of them, not only the first: the worker may have finished that one, its
        answer still in the pipe, and be writing the next."""
        for task in tasks:
            if self.outputs.html is not None and task.scorecard:
                discard_partial(self.outputs.html / task.scorecard)

    def failed(self, task: Task, code: str, message: str) -> Done:
        """The entry of a document that its worker could not finish."""
        return self.render(task, error_result(task.display, code, message, None))


def _serve(conn: Connection, checker: Checker) -> None:
    """A worker's life: check each task it is sent until it is sent None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the main process to handle
    while (task := conn.recv()) is not None:
        conn.send(checker.check(task))


def _context() -> ForkContext | SpawnContext:
    # fork starts a worker in milliseconds with the rulebook already loaded;
    # elsewhere spawn it and let the checker travel by pickle.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    queue: deque[Task] = field(default_factory=deque)  # sent and not yet answered, in order
    started: float = 0.0  # when it began the document at the head of its queue

    def send(self, task: Task) -> None:
        if not self.queue:
            self.started = time.monotonic()
        self.queue.append(task)
        try:
            self.conn.send(task)
        except OSError:
            pass  # it has just died: the run loop sees that and reports this task

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class _Pool:
    def __init__(self, checker: Checker, jobs: int) -> None:
        self.checker = checker
        self.ctx = _context()
        self.workers = [self._start() for _ in range(jobs)]

    def _start(self) -> _Worker:
        here, there = self.ctx.Pipe()
        p = self.ctx.Process(target=_serve, args=(there, self.checker), daemon=True)
        p.start()
        there.close()
        return _Worker(p, here)

    def replace(self, w: _Worker, kill: bool) -> list[Task]:
        """Stop ``w`` and start another in its place; return the tasks it had not begun."""
        w.stop(kill=kill)
        self.checker.discard(w.queue)
        w.queue.popleft()
        self.workers[self.workers.index(w)] = self._start()
        return list(w.queue)

    def revive(self) -> None:
        """Replace idle workers that died between documents (killed from outside)."""
        for i, w in enumerate(self.workers):
            if not w.queue and not w.process.is_alive():
                w.stop()
                self.workers[i] = self._start()

    def close(self) -> None:
        for w in self.workers:
            w.stop(kill=bool(w.queue))
            self.checker.discard(w.queue)


def run_tasks(checker: Checker, tasks: Iterable[Task], jobs: int = 1,
              timeout: float = DEFAULT_TIMEOUT) -> Iterator[Done]:
    """Check every task in ``jobs`` worker processes; yield one :class:`Done` per task,
    in task order. Task indexes must count 0, 1, 2… in order."""
    todo = iter(tasks)
    retry: deque[Task] = deque()  # handed to a worker that died before starting them
    finished: dict[int, Done] = {}
    next_out = 0
    window = max(jobs, 1) * WINDOW_PER_JOB
    exhausted = False
    pool = _Pool(checker, max(jobs, 1))
    try:
        while True:
            # Hand out work: retries first, never further than the window ahead.
            pool.revive()
            for w in pool.workers:
                while len(w.queue) < PREFETCH:
                    if retry:
                        w.send(retry.popleft())
                        continue
                    if exhausted:
                        break
                    sent = sum(len(x.queue) for x in pool.workers)
                    if len(finished) + sent >= window:
                        break
                    task = next(todo, None)
                    if task is None:
                        exhausted = True
                        break
                    w.send(task)
            busy = [w for w in pool.workers if w.queue]
            if not busy:
                break
            limit = min(w.started for w in busy) + timeout
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy],
                         max(0.0, limit - time.monotonic()))
            now = time.monotonic()
            for w in busy:
                if w.conn in ready or w.process.sentinel in ready:
                    _collect(w, finished)
                if w.queue and not w.process.is_alive():
                    task = w.queue[0]
                    code = w.process.exitcode
                    finished[task.index] = checker.failed(
                        task, "worker_crashed",
                        f"检查该文件时处理进程意外退出（退出码 {code}）。文件可能已损坏或过于复杂；"
                        "请确认文件能正常打开后重试。如问题持续，请把该文件报告给维护者。")
                    retry.extendleft(reversed(pool.replace(w, kill=False)))
                elif w.queue and now - w.started >= timeout:
                    task = w.queue[0]
                    finished[task.index] = checker.failed(
                        task, "timeout",
                        f"检查超过 {timeout:g} 秒仍未完成，已中止。文件可能过大或结构异常；"
                        "请确认文件内容，或用 --timeout 调高时限后重试。")
                    retry.extendleft(reversed(pool.replace(w, kill=True)))
            while next_out in finished:
                yield finished.pop(next_out)
                next_out += 1
    finally:
        pool.close()


def _collect(w: _Worker, finished: dict[int, Done]) -> None:
    """Take every result ``w`` has sent so far."""
    try:
        while w.queue and w.conn.poll():
            done: Done = w.conn.recv()
            w.queue.popleft()
            w.started = time.monotonic()
            finished[done.index] = done
    except (EOFError, OSError):
        pass  # the worker is gone; the caller sees it is no longer alive
