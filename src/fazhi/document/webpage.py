"""Reports printed or copied from a web page: the page around the article removed.

A report saved from a government website as a PDF (the browser's print), or
copied from the page into Word or a text file, keeps what the page shows
around the article: the site's name, search box and menus, the breadcrumb,
the page's title with its information bar (publication time, source, font
size, print and close buttons) and, after the article, print and close links,
related links and the site's footer. None of it is the report, and it is in
the way: the title is no longer among the first lines, the site's name reads
like an issuer, and the footer hides the report's closing.

The rulebook's ``document.web_page`` block (:class:`WebPageConfig`) says what
the breadcrumb (``position``), the information bar (``info``) and the lines
after the article (``tail``) look like; each pattern matches at the start of
a normalised line. A text is taken for a web page when, among its first
``head_lines`` lines, a breadcrumb or an information bar stands, or, among
its last ``tail_lines`` lines, two lines of the footer do. Then:

- With an information bar (the first after the last breadcrumb), everything
  above the page's title goes (but for up to two lines of issuing bodies straight
  above it: 四川省交通运输厅 / 2025年…工作情况): the title is the line just above the bar,
  with the lines the reader marked as wrapped into it, or the one above that
  where a line of the page's own (its date and source) stands between, or the
  bar's own bulleted lines (• 听全文 / • 2024-01-23 / • 来源:…); where nothing stands
  there, or a line that reads as no report's title (a menu: 信息公开专栏 >> …),
  the value of the bar's title field (标题: …) is the title. The bar goes, with the
  bar lines straight below it, and so does the title where the article
  repeats it within its first lines or where it does not read as a report's
  title (the rulebook's title wordings): some sites put the bar above the
  title, under a menu line, and some more of it under the title too (索引号 … /
  the title / 发布日期: … / 信息来源: …): both parts go, and the title with them
  where the article repeats it. A bar set as a table, each label on its own line
  and its value on the next (索引号: / 11410423…, or [ 发文字号 ] / 某发〔2025〕1号
  where the colon was lost in copying), goes whole.
- With a breadcrumb and no bar, everything up to the breadcrumb goes.
- From the first footer line among the last ``tail_lines`` lines (below what
  the head kept), everything goes.

Lines are removed, never changed (a title field's value is kept as the part
of its line after the label), so every remaining line keeps its own page and
line number. Nothing that reads as a sentence (with a full stop) is
removed: the page's head ends before the first sentence, its footer starts
after the last. A text with nothing left is kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import chain

from fazhi.document.config import WebPageConfig
from fazhi.document.normalize import index_map
from fazhi.document.paragraphs import CELL_MARKS, MARKER_RE, Piece

# How many lines below the information bar the article may repeat the page's title.
_TITLE_REPEAT_LINES = 8
# How many lines of the page's own (its date, its source) may stand between the page's
# title and the information bar.
_TITLE_ABOVE_LINES = 1
# How many lines of issuing bodies (中共某县委 / 某县人民政府) may stand above the page's title.
_ISSUER_LINES = 2
_OPENING_MARKS = "《\"“「『"


def _matches(rx: re.Pattern[str] | None, text: str) -> bool:
    return rx is not None and rx.match(text) is not None


def _candidates(pieces: list[Piece], cfg: WebPageConfig, any_re: re.Pattern[str]) -> list[int]:
    """Indices of the first and last lines that match any pattern at all."""
    n = len(pieces)
    if n <= cfg.head_lines + cfg.tail_lines:
        looked: Iterable[int] = range(n)
    else:
        looked = chain(range(cfg.head_lines), range(n - cfg.tail_lines, n))
    match = any_re.match
    return [i for i in looked if match(pieces[i].norm)]


def _matches_anywhere(rx: re.Pattern[str] | None, text: str) -> bool:
    return rx is not None and rx.search(text) is not None


def _sentence(piece: Piece) -> bool:
    return "。" in piece.norm


def _head(pieces: list[Piece], hits: list[int], cfg: WebPageConfig,
          title_re: re.Pattern[str] | None,
          issuer_line: Callable[[str], bool] | None = None,
          title_start: Callable[[list[str], int], int] | None = None
          ) -> tuple[list[Piece], int] | None:
    """The lines the head keeps above the article (the page's title, if kept, with the
    lines that open it and the issuers' lines straight above it) and the index the
    article starts at; None when no breadcrumb or bar is found."""
    window = min(len(pieces), cfg.head_lines)
    window = next((i for i in range(window) if _sentence(pieces[i])), window)
    hits = [i for i in hits if i < window]
    crumbs = [i for i in hits if _matches(cfg.position_re, pieces[i].norm)]
    crumb = crumbs[-1] if crumbs else -1
    bar = next((i for i in hits if i > crumb and _matches(cfg.info_re, pieces[i].norm)), None)
    if bar is None:
        return ([], crumb + 1) if crumbs else None
    start = bar
    if bar - 1 > crumb:
        start = bar - 1
        while start - 1 > crumb and pieces[start - 1].line.wrapped:
            start -= 1
    body = _bar_end(pieces, bar, window, cfg, title_re)
    kept = pieces[start:bar]
    if not _matches_anywhere(title_re, _words(kept)):
        # the page's date and source (2024-03-27 14:21 某厅) may stand between title and bar,
        # and so may the bar's own bulleted lines (• 听全文 / • 2024-01-23 / • 来源:…)
        top = start
        while top - 1 > crumb and _matches(cfg.bullet_re, pieces[top - 1].norm):
            top -= 1
        above = next((i for i in range(start - 1, max(crumb, top - _TITLE_ABOVE_LINES - 1), -1)
                      if _matches_anywhere(title_re, pieces[i].norm)), None)
        if above is not None:
            start, kept = above, [pieces[above]]
        else:
            kept = _title_field(pieces[bar:body], cfg) or kept  # the line above is a menu, say
    title = _words(kept)
    if (not title or _alone_title_field(pieces[body - 1], cfg)) and \
            (second := _title_and_bar(pieces, body, window, cfg, title_re)) is not None:
        # the bar above the page's title, and more of it under; or the bar's title field
        # (名称:) alone on its line, its value the title on the next, the bar going on under it
        kept, body = second
        title = _words(kept)
    if not title or _repeated(title, pieces[body:body + _TITLE_REPEAT_LINES]) \
            or not _matches_anywhere(title_re, title):
        return [], body
    if kept and kept[0] is pieces[start] and title_start is not None:
        # a title set on several lines (长春市人民政府关于 / 2023年度…的报告, or 关于某实验区
        # 2022年度 / 法治政府建设情况的报告): the lines that open it stay
        norms = [p.norm for p in pieces[crumb + 1:start + 1]]
        first = crumb + 1 + title_start(norms, len(norms) - 1)
        kept, start = pieces[first:start] + kept, first
    if kept and kept[0] is pieces[start] and issuer_line is not None:
        # a title set under its issuers' lines (四川省交通运输厅 / 2025年…工作情况): they stay
        issuers = start
        while issuers - 1 > crumb and start - issuers < _ISSUER_LINES and issuer_line(pieces[issuers - 1].norm):
            issuers -= 1
        kept = pieces[issuers:start] + kept
    return kept, body


def _title_and_bar(pieces: list[Piece], at: int, window: int, cfg: WebPageConfig,
                   title_re: re.Pattern[str] | None) -> tuple[list[Piece], int] | None:
    """A page's title at ``at``, right under its bar, with more of the bar under it
    (索引号 … / 发布单位 … / 关于…的报告 / 发布日期: … / 信息来源: …): the title and
    where that second bar ends; None when the lines are not so."""
    if at + 1 >= window or not _matches_anywhere(title_re, pieces[at].norm) \
            or not _matches(cfg.info_re, pieces[at + 1].norm):
        return None
    return [pieces[at]], _bar_end(pieces, at + 1, window, cfg, title_re)


def _words(lines: list[Piece]) -> str:
    """The words of the page's title on ``lines``, without the cell marks of the table
    a page's head was copied from (名称: | 某街道…情况的报告 | ||||)."""
    return "".join(p.norm for p in lines).strip(CELL_MARKS)


def _repeated(title: str, lines: list[Piece]) -> bool:
    """Whether one of ``lines`` starts ``title`` again, perhaps in marks (《…》) and
    wrapped onto the next ones; a title inside a line, as in a saved copy's
    address, is no repeat."""
    text = "".join(p.norm for p in lines)
    at = 0
    for p in lines:
        if text.startswith(title, at + len(p.norm) - len(p.norm.lstrip(_OPENING_MARKS))):
            return True
        at += len(p.norm)
    return False


def _title_field(bar: list[Piece], cfg: WebPageConfig) -> list[Piece]:
    """The value of the bar's first title field (标题: …) as a line of its own, or nothing."""
    rx = cfg.title_field_re
    for piece in bar:
        m = rx.match(piece.norm) if rx is not None else None
        if m is not None and m.end() < len(piece.norm):
            return [_after(piece, m.end())]
    return []


def _alone_title_field(piece: Piece, cfg: WebPageConfig) -> bool:
    """Whether ``piece`` is a title field's label with no value on its line (名称:)."""
    rx = cfg.title_field_re
    m = rx.match(piece.norm) if rx is not None else None
    return m is not None and m.end() == len(piece.norm)


def _after(piece: Piece, at: int) -> Piece:
    """What follows the first ``at`` normalised characters of ``piece``."""
    origin = piece.norm_map[at]
    return Piece(piece.line, piece.text[origin:], piece.norm[at:],
                 index_map(i - origin for i in piece.norm_map[at:]))


# the rule under a table's header row: 索取号 | … / ---|---|---| / 产生日期 | …
_TABLE_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?")


def _bar_end(pieces: list[Piece], bar: int, window: int, cfg: WebPageConfig,
             title_re: re.Pattern[str] | None) -> int:
    """Where the information bar that starts at ``bar`` ends: at the first line that is
    no bar line, save that a label left empty on its line (索引号:) takes the next
    line as its value, unless that line is a bar line, a sentence, a title, a
    numbered heading or a label itself (区委、区政府:). A label alone on its line
    without a colon ([ 发文字号 ]) takes the next line so too. The rule under a table's
    first row, as a page's bar copied as a table gives it (---|---|---|), is a bar
    line."""
    body = bar
    info = cfg.info_re
    while body < window and info is not None:
        if _TABLE_RULE.fullmatch(pieces[body].norm):
            body += 1
            continue
        if (m := info.match(pieces[body].norm)) is None:
            break
        label = pieces[body].norm
        body += 1
        if (label.endswith(":") or m.end() == len(label)) and body < window:
            value = pieces[body].norm
            if not (_matches(cfg.info_re, value) or _sentence(pieces[body])
                    or _matches_anywhere(title_re, value) or MARKER_RE.match(value)
                    or value.endswith(":")):
                body += 1
    return body


def _tail_start(pieces: list[Piece], hits: list[int], after: int, cfg: WebPageConfig,
                strict: bool) -> int | None:
    """Index of the first footer line among the last lines (at or after ``after``), or
    None. ``strict``: no breadcrumb or bar was found, so two footer lines are needed."""
    first = max(after, len(pieces) - cfg.tail_lines)
    first = next((i + 1 for i in range(len(pieces) - 1, first - 1, -1) if _sentence(pieces[i])),
                 first)
    footer = [i for i in hits if i >= first and _matches(cfg.tail_re, pieces[i].norm)]
    if not footer or (strict and len(footer) < 2):
        return None
    return footer[0]


def strip_web_page(pieces: list[Piece], cfg: WebPageConfig,
                   title_re: re.Pattern[str] | None = None,
                   issuer_line: Callable[[str], bool] | None = None,
                   title_start: Callable[[list[str], int], int] | None = None) -> list[Piece] | None:
    """The lines without the web page around the report, or None when nothing was removed.
    ``title_re``: what a report's title looks like; the line above the information
    bar is kept as the page's title only if it looks so. ``issuer_line``: whether a
    line is nothing but issuing bodies; up to two such lines straight above a kept
    title are kept with it. ``title_start``: given lines and the index of one that
    ends a title, the index of the line the title starts at (a title set on several
    lines: 某市人民政府关于 / 2023年度…的报告); those lines are kept too."""
    any_re = cfg.any_re
    if any_re is None or not pieces:
        return None
    hits = _candidates(pieces, cfg, any_re)
    if not hits:
        return None
    head = _head(pieces, hits, cfg, title_re, issuer_line, title_start)
    kept, body = head if head is not None else ([], 0)
    end = _tail_start(pieces, hits, body, cfg, strict=head is None)
    if head is None and end is None:
        return None
    out = kept + pieces[body:end]
    return out if out else None
