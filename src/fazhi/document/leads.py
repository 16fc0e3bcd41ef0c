"""Enumerated leads (一是…, 首先…, 1.…；2.… inside a paragraph), run-in headings
without numbers (paragraphs in a row that open with a short phrase of their own),
and the sentence helpers the outline shares with them: where a sentence starts and
where a heading or lead phrase ends."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fazhi.document.firstchars import first_chars
from fazhi.document.model import Lead, Paragraph
from fazhi.document.numerals import cn_to_int

SENTENCE_END = re.compile(r"[。!?;]")
_STOPS = "。;!?:"


class _SentenceStart:
    """A pattern tried only where a sentence starts: at a paragraph's start and right
    after a stop (。;!?:). ``finditer`` finds the stops followed by a character the
    pattern can start with, which ``re`` skips to quickly, and tries the pattern
    there; a look-behind for the stop made ``re`` test every position, several
    times slower. Matches do not overlap, as ``re.finditer``'s do not."""

    def __init__(self, pattern: str) -> None:
        self._rx = re.compile(pattern)
        first = first_chars(pattern)
        self._stops = re.compile(f"[{_STOPS}]" + (f"(?={first})" if first else ""))

    def match(self, text: str) -> re.Match[str] | None:
        return self._rx.match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        end = 0
        m = self._rx.match(text)
        if m is not None:
            end = m.end()
            yield m
        for stop in self._stops.finditer(text):
            if stop.end() >= end and (m := self._rx.match(text, stop.end())) is not None:
                end = m.end()
                yield m


# 一是… (and 一要…, as plans write it), and 第一,… / 其一,… (a comma or 、 after the
# numeral: not 第一责任人)
_LEAD_RE = _SentenceStart(r"([一二三四五六七八九十]{1,3})[是要]|[第其]([一二三四五六七八九十]{1,3})[,、]")
_CONT_RE = _SentenceStart(r"([一二三四五六七八九十]{1,2})(?=[\u4e00-\u9fff])")
_PHRASE_MAX = 40  # a run-in heading or an enumerated lead
_CLAUSE_END = re.compile(r"[,:]")


def phrase_end(norm: str, start: int) -> int:
    """End of the heading phrase that opens at ``start``: its sentence, or, when the
    sentence runs long, its first clause (a run-in heading is a short phrase; what
    follows is body text)."""
    end_m = SENTENCE_END.search(norm, start)
    stop = end_m.start() if end_m else len(norm)
    if stop - start <= _PHRASE_MAX:
        return stop
    clause = _CLAUSE_END.search(norm, start, stop)
    if clause is not None:
        return clause.start()
    return start + _PHRASE_MAX


def find_leads(paragraphs: list[Paragraph], heading_paras: set[int]) -> list[Lead]:
    """Enumerated leads 一是/二是… or 第一，/第二，… (and a following 三… without 是) in
    every paragraph; where a paragraph has none, a series 首先，…其次，… in it, or
    items numbered inside it (…以下工作：1.…；2.…, see :func:`_numbered_leads`)."""
    leads: list[Lead] = []
    last = 0
    for p in paragraphs:
        if p.index in heading_paras and not _LEAD_RE.match(p.norm):
            last = 0
        found: list[tuple[int, int]] = []
        for m in _LEAD_RE.finditer(p.norm):
            v = cn_to_int(m.group(1) or m.group(2))
            if v is not None:
                found.append((m.start(), v))
        found = found or _sequence_leads(p.norm)
        numbers = [] if found else _inline_numbers(p.norm)
        numbered = _numbered_leads(numbers)
        continued = [] if numbered else _continued_leads(p.norm, numbers)
        if numbered or continued:
            leads.extend(Lead(paragraph=p.index, ordinal=v, start=start,
                              end=phrase_end(p.norm, start), continues=bool(continued))
                         for start, v in numbered or continued)
            last = 0
            continue
        if found or last:
            taken = {s for s, _ in found}
            for m in _CONT_RE.finditer(p.norm):
                v = cn_to_int(m.group(1))
                prior = [val for s, val in found if s < m.start()]
                ref = prior[-1] if prior else last
                if m.start() not in taken and v is not None and ref >= 1 and v == ref + 1:
                    found.append((m.start(), v))
            found.sort()
        for start, v in found:
            leads.append(Lead(paragraph=p.index, ordinal=v, start=start,
                              end=phrase_end(p.norm, start)))
            last = v
    return sorted([*leads, *_unnumbered_leads(paragraphs, heading_paras, leads)],
                  key=lambda ld: (ld.paragraph, ld.start))


# a run-in heading without a number: a short phrase of words only (no comma, no
# figure), its own sentence, with the paragraph's text after it
# (切实履行第一责任人职责。市委、市政府……)
_RUN_IN_RE = re.compile(r'[\u4e00-\u9fff"“”、]{4,20}。(?=[^\s]{20})')
_RUN_MIN = 2  # paragraphs in a row that open so: one alone is a short sentence


def _unnumbered_leads(paragraphs: list[Paragraph], heading_paras: set[int],
                      numbered: list[Lead]) -> list[Lead]:
    """Run-in headings without numbers: at least ``_RUN_MIN`` paragraphs in a row (headings
    may stand between them; no other paragraph, none with enumerated leads) that each open
    with a short phrase of its own sentence (深学笃行习近平法治思想。坚持…… / 切实履行
    第一责任人职责。市委……), numbered 1, 2… under each heading."""
    has_leads = {ld.paragraph for ld in numbered}
    out: list[Lead] = []
    run: list[tuple[int, int, int]] = []  # (paragraph, phrase end, ordinal)
    ordinal = 0

    def flush() -> None:
        if len(run) >= _RUN_MIN:
            out.extend(Lead(paragraph=i, ordinal=k, start=0, end=end) for i, end, k in run)
        run.clear()

    for p in paragraphs:
        if p.index in heading_paras:
            ordinal = 0  # a heading starts the numbering again, and does not end the run
            continue
        m = None if p.index in has_leads else _RUN_IN_RE.match(p.norm)
        if m is None:
            flush()
            ordinal = 0
            continue
        ordinal += 1
        run.append((p.index, m.end() - 1, ordinal))
    flush()
    return out


# 首先，… 其次，… 再次，… 最后，… at sentence starts: a series only when 首先 and 其次
# are both there (首先 alone opens an argument as often as a list); 一方面…另一方面…
# only with both
_SEQUENCE_RE = _SentenceStart(r"(首先|其次|再次|最后)[,、]|(一方面|另一方面)")
_SERIES = ((1, ("首先", "其次")), (2, ("一方面", "另一方面")))


def _sequence_leads(norm: str) -> list[tuple[int, int]]:
    """Leads of a series written 首先，其次，再次，最后， (or 一方面…另一方面…) in one
    paragraph, numbered 1, 2…"""
    if not any(needed[0] in norm for _, needed in _SERIES):
        return []  # most paragraphs: no series without its first word
    matches = list(_SEQUENCE_RE.finditer(norm))
    for group, needed in _SERIES:
        found = [(m.start(), m.group(group)) for m in matches if m.group(group) is not None]
        words = [w for _, w in found]
        if all(w in words for w in needed):
            return [(start, k) for k, (start, _) in enumerate(found, 1)]
    return []


# 1. 1、 (1) (一) ①: four styles of numbers that number items inside a paragraph
_NUMBER = (r"(?:(\d{1,2})(?:、|\.(?!\d))|\((\d{1,2})\)"
           r"|\(([一二三四五六七八九十]{1,2})\)|([①-⑳]))")
# one inside a paragraph, after a sentence stop or a colon (matched with the stop: a
# pattern that starts with a character class is scanned for quickly)
_NUMBERED_RE = re.compile(r"[。;:]" + _NUMBER)
_OPENING_NUMBER_RE = re.compile(_NUMBER)


def _number(m: re.Match[str]) -> tuple[int, int | None]:
    """The style (0-3, the group of ``_NUMBER`` that matched) and value of a number."""
    k = next(i for i in range(4) if m.group(i + 1) is not None)
    return k, cn_to_int(m.group(k + 1))


def _inline_numbers(norm: str) -> list[tuple[int, int, int | None]]:
    """The numbers inside a paragraph, each after a stop: (where it starts, style, value)."""
    return [(m.start() + 1, *_number(m)) for m in _NUMBERED_RE.finditer(norm)]


def _numbered_leads(numbers: list[tuple[int, int, int | None]]) -> list[tuple[int, int]]:
    """Items numbered inside one paragraph (下一步，我镇将：1.加强……；2.完善……), from its
    :func:`_inline_numbers`: a run of numbers in one style from 1 up, the first not
    at the paragraph's start (a number there is the paragraph's heading), each at a
    sentence start. At least two; the first such run in the paragraph."""
    run: list[tuple[int, int]] = []
    style = -1
    for start, k, v in numbers:
        if v is None:
            continue
        if v == 1 and len(run) < 2:
            run, style = [(start, 1)], k
        elif run and k == style and v == run[-1][1] + 1:
            run.append((start, v))
    return run if len(run) >= 2 else []


def _continued_leads(norm: str, numbers: list[tuple[int, int, int | None]]) -> list[tuple[int, int]]:
    """Of a paragraph's :func:`_inline_numbers`, those that go on from the number it
    opens with, in its style (1.加强……；2.完善……；3.健全……: 2 and 3). The opening
    number makes the paragraph a heading; these are its siblings."""
    opening = _OPENING_NUMBER_RE.match(norm) if numbers else None
    if opening is None:
        return []
    style, last = _number(opening)
    run: list[tuple[int, int]] = []
    for start, k, v in numbers:
        if last is not None and start > opening.end() and k == style and v == last + 1:
            run.append((start, v))
            last = v
    return run
