"""The JSON document of a run (schema ``fazhi.check/1``), byte-stable.

Each report's extracted text (``source``) is left out unless asked for: it
makes the document several times larger, and only re-rendering scorecards
(``fazhi report``) needs it.

:func:`to_json` renders a whole run at once. A batch writes the same bytes
piece by piece with :class:`JsonWriter`, so that it never holds more than one
report: the header, then each report's :func:`report_json` as it is done (in
input order), then the summary.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import ijson
from pydantic import ValidationError

from fazhi.results import SCHEMA, ReportResult, RunHeader, RunResult, Summary

INDENT = 2
_REPORT_DEPTH = 2  # {"reports": [ {…} ]}: a report's lines are indented twice


def to_json(run: RunResult, include_source: bool = False) -> str:
    exclude = None if include_source else {"reports": {"__all__": {"source"}}}
    data = run.model_dump(mode="json", by_alias=True, exclude=exclude)
    return json.dumps(data, ensure_ascii=False, indent=INDENT) + "\n"


def from_json(text: str) -> RunResult:
    return RunResult.model_validate_json(text)


class NotResults(ValueError):
    """A file that is not the JSON results of ``fazhi check`` (or is damaged)."""


class ResultsFile:
    """A results file (``fazhi check --json``) read without holding it whole: its
    header at once, its reports one at a time, as often as asked (each pass reads
    the file again). A province's results, report texts included, run to hundreds
    of megabytes; ijson parses them incrementally (its C backend where built)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with self._open() as f:
            head = _header(f)
        try:
            self.header = RunHeader.model_validate(head)
        except ValidationError as exc:
            raise NotResults(str(exc)) from exc
        if self.header.schema_ != SCHEMA:
            raise NotResults(f"schema {self.header.schema_!r}")

    def _open(self) -> IO[bytes]:
        f = self.path.open("rb")
        if f.read(3) != codecs.BOM_UTF8:
            f.seek(0)
        return f

    def reports(self) -> Iterator[ReportResult]:
        """Every report, in order (raises :class:`NotResults` on a damaged one)."""
        with self._open() as f:
            try:
                for item in ijson.items(f, "reports.item", use_float=True):
                    yield ReportResult.model_validate(item)
            except (ijson.JSONError, ValidationError) as exc:
                raise NotResults(str(exc)) from exc


def _header(f: IO[bytes]) -> dict[str, object]:
    """The top-level values that come before "reports" (schema, tool, rulebook)."""
    builders: dict[str, ijson.ObjectBuilder] = {}
    key = None
    try:
        for prefix, event, value in ijson.parse(f, use_float=True):
            if prefix == "" and event == "map_key":
                if value == "reports":
                    break
                key = value
                builders[key] = ijson.ObjectBuilder()
            elif key is not None and prefix != "":
                builders[key].event(event, value)
    except ijson.JSONError as exc:
        raise NotResults(str(exc)) from exc
    return {k: b.value for k, b in builders.items()}


def _nested(data: bytes, depth: int) -> bytes:
    """Pretty-printed JSON (UTF-8) re-indented to sit ``depth`` levels deep (JSON
    strings hold no raw newlines, and in UTF-8 a newline byte is never part of
    another character, so every newline is a line break of the layout)."""
    return data.replace(b"\n", b"\n" + b" " * (INDENT * depth))


def report_json(report: ReportResult, include_source: bool = False) -> bytes:
    """One report inside the run's JSON (UTF-8), without the separating comma.

    pydantic's serializer writes what ``json.dumps(…, ensure_ascii=False,
    indent=2)`` writes for these models, several times faster; the tests hold
    the two to the same bytes. It stays bytes from the serializer to the output
    file: a report's JSON is tens of kilobytes, mostly Chinese, and decoding it
    to text and encoding it back, in the worker and again in the main process,
    cost about as much as the pipe between them."""
    exclude = None if include_source else {"source"}
    body = report.__pydantic_serializer__.to_json(report, indent=INDENT, exclude=exclude)
    return b" " * (INDENT * _REPORT_DEPTH) + _nested(body, _REPORT_DEPTH)


class JsonWriter:
    """Writes the JSON of a run to the binary stream ``out`` report by report; the
    bytes are those of :func:`to_json` for the same run, in UTF-8."""

    def __init__(self, out: IO[bytes], header: RunHeader) -> None:
        self.out = out
        self.count = 0
        head = json.dumps({**header.model_dump(mode="json", by_alias=True), "reports": []},
                          ensure_ascii=False, indent=INDENT)
        out.write(head[: head.rindex("[]") + 1].encode())  # up to and including "reports": [

    def add(self, report: bytes) -> None:
        """Append one report, as rendered by :func:`report_json`."""
        self.out.write(b",\n" if self.count else b"\n")
        self.out.write(report)
        self.count += 1

    def close(self, summary: Summary) -> None:
        indent = b" " * INDENT
        body = json.dumps(summary.model_dump(mode="json"), ensure_ascii=False, indent=INDENT)
        self.out.write((b"\n" + indent if self.count else b"") + b"],\n" + indent +
                       b'"summary": ' + _nested(body.encode(), 1) + b"\n}\n")
