"""A batch run: every input checked in the worker pool, every output written as
its reports finish, in input order.

The outputs of one run are the JSON on stdout (``--format json``), the terminal
text (``--format text`` and ``html``), the JSON file (``--json``) and, for
``html``, the overview (index.html, summary.csv, summary.xlsx) beside the
scorecards that the workers write themselves. The JSON file and the overview
appear when the run ends, atomically: an interrupted or failed run leaves the
previous ones. What to say about an interruption is the command's business.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, TracebackType
from typing import BinaryIO, TextIO

from fazhi.progress import Progress
from fazhi.render.files import atomic_binary_writer
from fazhi.render.json_out import JsonWriter
from fazhi.render.outputs import OverviewWriter
from fazhi.render.views import RuleInfo
from fazhi.results import Summary, Tally
from fazhi.runner import Checker, Task, run_tasks


@dataclass
class BatchOutputs:
    """Where a run writes: ``stdout`` gets the JSON (``json``) or each report's terminal
    text (``text``); ``json_file`` the JSON with each report's text; ``overview`` the
    folder of the scorecards, for the index and the tables (``rules``: their columns)."""

    stdout: TextIO
    json: bool = False
    text: bool = False
    json_file: Path | None = None
    overview: Path | None = None
    rules: list[RuleInfo] = field(default_factory=list)


class CtrlC:
    """Ctrl-C, remembered while a batch runs. Python raises KeyboardInterrupt wherever
    the main thread is, and one raised inside a finalizer (a generator or an object
    being collected) is printed and dropped, so a run could go on to the end and
    replace the previous outputs. The batch asks :meth:`check` after every report and
    before it puts its outputs in place. Only Python's own handler is replaced (an
    ignored SIGINT stays ignored), and only in the main thread; it is restored after."""

    def __init__(self) -> None:
        self.seen = False
        self.installed = False

    def __enter__(self) -> CtrlC:
        if threading.current_thread() is threading.main_thread() and \
                signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, self._handle)
            self.installed = True
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.installed:
            signal.signal(signal.SIGINT, signal.default_int_handler)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self.seen = True
        raise KeyboardInterrupt

    def check(self) -> None:
        """Raise KeyboardInterrupt if Ctrl-C was pressed (and the first one was dropped)."""
        if self.seen:
            raise KeyboardInterrupt


@dataclass
class BatchResult:
    summary: Summary
    failed_severities: set[str]
    waivers_used: set[str]


def run_batch(checker: Checker, tasks: Iterable[Task], jobs: int, timeout: float,
              outputs: BatchOutputs, progress: Progress) -> BatchResult:
    """Check ``tasks`` and write every output; raises what writing raises (OSError)
    and KeyboardInterrupt, after the atomic writers have dropped their files."""
    tally = Tally()
    used: set[str] = set()
    stdout = outputs.stdout
    with ExitStack() as stack:
        ctrl_c = stack.enter_context(CtrlC())
        file_writer = None
        if outputs.json_file is not None:
            file_writer = JsonWriter(
                stack.enter_context(atomic_binary_writer(outputs.json_file)), checker.header)
        out_writer = JsonWriter(_binary(stdout), checker.header) if outputs.json else None
        overview = None
        if outputs.overview is not None:
            overview = stack.enter_context(
                OverviewWriter(outputs.overview, checker.header, outputs.rules))
        for done in run_tasks(checker, tasks, jobs, timeout):
            if file_writer is not None:
                file_writer.add(done.json_file or b"")
            if out_writer is not None:
                out_writer.add(done.json or b"")
            elif outputs.text:
                stdout.write(("\n" if done.index else "") + (done.text or ""))
            tally.add(done.summary)
            if overview is not None and done.overview is not None:
                overview.add(done.overview)
            used |= done.waived
            progress.advance()
            ctrl_c.check()
        ctrl_c.check()  # again after the pool has stopped, before the outputs are put in place
        progress.close()
        summary = tally.summary()
        for w in (file_writer, out_writer):
            if w is not None:
                w.close(summary)
        if overview is not None:
            overview.close(summary)
    return BatchResult(summary, tally.failed, used)


def _binary(stdout: TextIO) -> BinaryIO:
    """The byte stream under ``stdout``, for the JSON that workers render as UTF-8;
    what was written to ``stdout`` as text goes out first."""
    stdout.flush()
    return stdout.buffer
