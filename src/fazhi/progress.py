"""A progress line on stderr for long batches: count, rate, time left.

Shown only when stderr is a terminal (a log file or a pipe gets nothing), and
redrawn at most a few times a second so that it costs nothing next to the work.
"""

from __future__ import annotations

import time
from typing import TextIO

_REDRAW = 0.2  # seconds between redraws


class Progress:
    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled
        self.done = 0
        self.start = time.monotonic()
        self.drawn = 0.0
        self.width = 0

    @classmethod
    def on_terminal(cls, total: int, stream: TextIO, quiet: bool) -> Progress:
        return cls(total, stream, enabled=not quiet and stream.isatty())

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.enabled and (now - self.drawn >= _REDRAW or self.done == self.total):
            self.drawn = now
            self._draw(self.line(now - self.start))

    def line(self, elapsed: float) -> str:
        rate = self.done / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done) / rate if rate > 0 else None
        eta = f"，预计还需 {_clock(left)}" if left is not None and self.done < self.total else ""
        pct = self.done * 100 // self.total if self.total else 100
        return f"检查中 {self.done}/{self.total} 份（{pct}%），{rate:.0f} 份/秒{eta}"

    def _draw(self, text: str) -> None:
        pad = max(0, self.width - len(text))
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()
        self.width = len(text)

    def close(self) -> None:
        """Erase the line, so that what follows starts clean."""
        if self.enabled and self.width:
            self.stream.write("\r" + " " * (self.width * 2) + "\r")
            self.stream.flush()


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
