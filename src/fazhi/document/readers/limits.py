"""Resource limits for reading one file (size on disk, size unpacked, lines of text)."""

from __future__ import annotations

from dataclasses import dataclass

from fazhi.document.model import DocumentError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A .docx/.ofd package may unpack to at most this many times the file size limit.
# Text XML compresses about tenfold and embedded images hardly at all, so a
# genuine report stays far below it; a zip bomb does not.
UNPACK_FACTOR = 10
MAX_MEMBERS = 20_000
# Lines of extracted text allowed per MB of the size limit (50,000 at the
# default 20 MB). A report has a few hundred lines, a bound volume of them
# some thousands to tens of thousands. Every line may open a section, and a
# worker holds about 3 KB per section until the report is written (its
# records, its outline entry, its output), so the line count, not the byte
# size, bounds a worker's memory: 100,000 one-line headings (the limit was
# 5,000 a MB) took 404 MB to JSON and 523 MB with a scorecard; 50,000 take
# 224 and 288 MB.
LINES_PER_MB = 2_500
# Markup tags (counted as "<") allowed in one web page or one XML part of a
# package, per MB of the size limit (1,000,000 at the default 20 MB), and never
# fewer than MARKUP_MIN. A report's page or document.xml has some thousands to
# a hundred thousand. The parser holds 130 bytes and more a tag before any line
# is counted, so this bounds a worker's memory where the line count comes too
# late: 16 MB of <br> took 530 MB to parse and ran past the time limit before.
MARKUP_PER_MB = 50_000
MARKUP_MIN = 200_000


@dataclass(frozen=True)
class Limits:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_unpacked: int = DEFAULT_MAX_BYTES * UNPACK_FACTOR
    max_members: int = MAX_MEMBERS
    max_lines: int = DEFAULT_MAX_BYTES * LINES_PER_MB // 1048576
    max_markup: int = DEFAULT_MAX_BYTES * MARKUP_PER_MB // 1048576

    @classmethod
    def for_size(cls, max_bytes: int) -> Limits:
        return cls(max_bytes=max_bytes, max_unpacked=max_bytes * UNPACK_FACTOR,
                   max_lines=max(1, max_bytes * LINES_PER_MB // 1048576),
                   max_markup=max(MARKUP_MIN, max_bytes * MARKUP_PER_MB // 1048576))

    def check_lines(self, count: int) -> None:
        """Raise ``too_large`` for more lines of text than allowed."""
        if count > self.max_lines:
            raise DocumentError(
                "too_large",
                f"提取出的文字有 {count} 行，超过上限 {self.max_lines} 行"
                "（一份年度报告通常只有几百行）。请确认这是单份报告而不是多份报告的合集；"
                f"若确实如此，可用 --max-size 调高上限（每 MB 允许 {LINES_PER_MB} 行）。",
            )

    def check_markup(self, count: int) -> None:
        """Raise ``too_large`` for more markup tags in one page or XML part than allowed."""
        if count > self.max_markup:
            raise DocumentError(
                "too_large",
                f"文件的排版标记有 {count} 个，超过上限 {self.max_markup} 个"
                "（一份年度报告通常只有几千到几万个）。文件可能已损坏或由程序异常生成；"
                "请用原软件打开后另存为 .docx 或 PDF 再检查。确属正常文件时，"
                f"可用 --max-size 调高上限（每 MB 允许 {MARKUP_PER_MB} 个）。",
            )
