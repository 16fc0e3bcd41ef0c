"""Benchmark of ``fazhi check`` on a synthetic corpus (a script, not a test).

    python bench/run.py                  # N = 1,000 and 10,000, jobs 2
    python bench/run.py --sizes 200 --jobs 1 --out /tmp/results.md

The corpus recombines the real sample reports in reports/: every synthetic
report takes the preamble (title, issuer) of one sample, one top-level section
of each kind from randomly chosen samples (renumbered 一、二、…), in which
each body paragraph is, three times in ten, swapped for a paragraph of the
same section kind from another sample; sometimes a section is left out and
sometimes the signature block. A tenth of the files are GB18030, the rest
UTF-8, in folders of 1,000. The seed is fixed, so the corpus is the same on
every run, and the first 1,000 reports of the 10,000 are the 1,000.

For each N, on the same corpus in the same run, it times (wall clock, whole
command, start-up included, with Python's bytecode cache on as by default):

* ``fazhi check DIR --format json --jobs J --quiet > /dev/null``;
* ``fazhi check DIR --format html --out TMP --jobs J --quiet > /dev/null``;
* ``grep -r -F -c -f PHRASES DIR > /dev/null``, the lower bound: one pass of
  fixed-string search over the same files for every literal phrase of the
  rulebook. PHRASES is built from the rulebook's pattern lists: each pattern
  with its character classes, look-arounds and repetitions removed, split at
  the remaining regex syntax; every piece of two or more characters is a
  phrase (so 合法性审[查核] gives 合法性审, 主要负责(人|同志)履行 gives 主要负责
  and 履行);
* ``python bench/floor.py PHRASES DIR --jobs J``, the Python floor: grep's
  work (read, decode, count the lines with a phrase) done in Python, in J
  processes, with one ``re`` alternation of the phrases and no checks at all.
  No Python checker can be faster, so its ratio to grep says how much of the
  "JSON ≤ 20 × grep" target is left for the checks themselves.

Real batches are mostly PDFs, whose reading costs more than their checking, so
the script also times ``fazhi check --format json`` over the first ``--pdfs``
reports (200 by default) made into PDFs by ``tests/docbuild.py`` (needs the
test extras and Debian's fonts-wqy-zenhei; the row says so where they are
missing). It is a line below the table, not a target of the issue.

Peak RSS is that of the whole process tree (the command and all its worker
processes, summed), sampled every 10 ms with psutil; it is printed next to the
largest single process (ru_maxrss from wait4). CPU s is the CPU time of the
command and its workers. The machine may be shared: "other load" is the CPU
that other processes used meanwhile, in cores (busy time from /proc/stat less
the command's own), so that a slow row can be told from a busy machine.

The same code has run 1.5 times slower on this kind of shared virtual machine
from one day to the next, with no other load. So the script also times a
fixed reference workload that runs no fazhi code (pure Python: regular
expressions over Chinese text, dictionaries, string joins, JSON; best of five,
in as many processes at once as the runs' --jobs, averaged) before and after
the measurements: rows from runs whose reference times differ were measured on
machines of different speed. It is a rough guide: on a shared machine it varies
by a fifth between runs minutes apart. Where valgrind is installed, the work
itself is also counted: instructions per report in the worker and in the main
process, the same on any machine to within a fraction of a percent (``count``).
The table goes to stdout and to bench/results.md.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
import yaml

from fazhi.document.load import load_document
from fazhi.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
SEED = 20250101
KIND_ORDERS = [
    ["measures", "first_responsible", "shortcomings", "next_year_plan"],
    ["measures", "shortcomings", "first_responsible", "next_year_plan"],
    ["first_responsible", "measures", "shortcomings", "next_year_plan"],
]
CN = "一二三四五六七八九十"
TOP_MARKER = re.compile(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\d+、)\s*")


# -- corpus -------------------------------------------------------------------
@dataclass
class Sample:
    preamble: list[str]
    sections: dict[str, tuple[str, list[str]]]  # kind → (heading, body paragraphs)
    closing: list[str]


def load_samples(rules: Path) -> list[Sample]:
    engine = Engine.from_file(rules)
    out = []
    for path in sorted((ROOT / "reports").glob("*.txt")):
        doc = load_document(path, engine.book.document)
        texts = [p.text for p in doc.paragraphs]
        sample = Sample([], {}, [])
        for s in doc.sections:
            paras = texts[s.start:s.end]
            if s.kind == "preamble":
                sample.preamble = paras
            elif s.kind == "closing":
                sample.closing = paras
            elif s.kind is not None and s.heading is not None and s.kind not in sample.sections:
                sample.sections[s.kind] = (paras[0], paras[1:])
        out.append(sample)
    return out


def synthetic_report(rng: random.Random, samples: list[Sample]) -> str:
    pools: dict[str, list[str]] = {}
    for s in samples:
        for kind, (_, body) in s.sections.items():
            pools.setdefault(kind, []).extend(body)
    paras = list(rng.choice(samples).preamble)
    order = rng.choice(KIND_ORDERS)
    number = 0
    for kind in order:
        if kind != "measures" and rng.random() < 0.1:
            continue  # a report that leaves a part out
        donor = rng.choice([s for s in samples if kind in s.sections])
        heading, body = donor.sections[kind]
        paras.append(CN[number] + "、" + TOP_MARKER.sub("", heading))
        number += 1
        for p in body:
            paras.append(rng.choice(pools[kind]) if rng.random() < 0.3 else p)
    if rng.random() < 0.6:
        paras.extend(rng.choice([s for s in samples if s.closing]).closing)
    sep = "\n\n" if rng.random() < 0.5 else "\n"
    return sep.join(paras) + "\n"


def build_corpus(n: int, root: Path, samples: list[Sample], seed: int = SEED) -> int:
    """Write ``n`` reports under ``root``; return their total size in bytes."""
    rng = random.Random(seed)
    total = 0
    for i in range(n):
        text = synthetic_report(rng, samples)
        data = text.encode("gb18030" if rng.random() < 0.1 else "utf-8")
        path = root / f"d{i // 1000:02d}" / f"r{i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
    return total


def build_pdf_corpus(n: int, root: Path, samples: list[Sample], seed: int = SEED) -> bool:
    """The first ``n`` reports of the corpus as PDFs, as ``tests/docbuild.py`` makes
    them (A4, an embedded TrueType CJK font, paragraphs wrapped at the margin, a
    running header and page numbers). False where that needs what is not installed
    (reportlab from the test extras, Debian's fonts-wqy-zenhei)."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        import reportlab  # noqa: F401, PLC0415

        import docbuild  # noqa: PLC0415 - test helpers, only for this row
    except ImportError:
        return False
    if not docbuild.CJK_TTF.exists():
        return False
    rng = random.Random(seed)
    for i in range(n):
        text = synthetic_report(rng, samples)
        rng.random()  # the encoding draw of build_corpus, so the texts are its first n
        path = root / f"r{i:05d}.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        docbuild.make_pdf(text.splitlines(), path, font="ttf", size=12, page_mark="page")
    return True


# -- grep lower bound ---------------------------------------------------------
_NOT_LITERAL = re.compile(r"\[[^\]]*\]|\(\?<?[=!][^)]*\)|\\[dDsSwW]|[.][*+?]?|\{\d*,?\d*\}")
_SPLIT = re.compile(r"[\\()|?*+^$]+")


def rulebook_phrases(rules: Path) -> list[str]:
    """The literal phrases of the rulebook's pattern lists (see the module docstring)."""
    data = yaml.safe_load(rules.read_text(encoding="utf-8"))
    patterns: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("any", "exclude", "mentions", "bundle", "exclude_blocks",
                           "exclude_paragraphs", "headings", "content") and isinstance(value, list):
                    patterns.extend(v for v in value if isinstance(v, str))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    phrases = set()
    for pat in patterns:
        for piece in _SPLIT.split(_NOT_LITERAL.sub("|", pat)):
            if len(piece) >= 2:
                phrases.add(piece)
    return sorted(phrases)


# -- machine speed -------------------------------------------------------------
_REF_TEXT = "一、推进严格规范公正文明执法，全面落实行政执法公示制度、执法全过程记录制度。" * 40
_REF_RE = re.compile(r"(?:重大执法决定)?法制审核|全过程记录|公示制度|第一责任人")


def reference_seconds(rounds: int = 5) -> float:
    """Seconds one process takes for a fixed workload with no fazhi code (best of ``rounds``)."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for i in range(4000):
            hits = [m.group() for m in _REF_RE.finditer(_REF_TEXT)]
            counts: dict[str, int] = {}
            for h in hits:
                counts[h] = counts.get(h, 0) + 1
            json.dumps({"i": i, "counts": counts, "text": "".join(hits)}, ensure_ascii=False)
        best = min(best, time.perf_counter() - start)
    return best


def reference_ms(jobs: int) -> float:
    """:func:`reference_seconds` in ``jobs`` processes at once, averaged, in milliseconds."""
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        times = pool.map(reference_seconds, [5] * jobs)
    return 1000 * sum(times) / len(times)


# -- work per report, counted --------------------------------------------------
COUNTED = 200  # reports in the counted runs
_COLLECTED = re.compile(r"^==(\d+)== Collected : (\d+)", re.M)


@dataclass
class Counted:
    worker: float  # millions of instructions per report
    main: float


def _instructions(cmd: list[str], work: Path) -> tuple[int, int]:
    """Instructions the main process and its worker executed for ``cmd`` (callgrind)."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    with subprocess.Popen(["valgrind", "--tool=callgrind", "--trace-children=yes",
                           f"--callgrind-out-file={work}/callgrind.%p", *cmd],
                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True) as proc:
        _, err = proc.communicate()
    counts = {int(pid): int(n) for pid, n in _COLLECTED.findall(err)}
    if len(counts) != 2 or proc.pid not in counts:
        raise SystemExit(f"counting with valgrind: expected two processes, got {counts}")
    # valgrind runs python in the process it was started as; the worker is the other
    return counts[proc.pid], sum(n for pid, n in counts.items() if pid != proc.pid)


def count(rules: Path, work: Path) -> dict[str, Counted] | None:
    """Instructions per report, by valgrind's callgrind: a measure of the work done that
    does not depend on the machine's speed or load, to compare commits on a shared
    machine. It runs ``--jobs 1`` (one worker) over 1 and over 1 + COUNTED reports of
    the corpus and divides the difference, so start-up cancels out. A forked worker's
    count starts from its parent's, so what the main process does per report before
    the worker starts (finding and naming the files, a small share) is in both
    figures. None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    corpus = work / "corpus-counted"
    build_corpus(1 + COUNTED, corpus, load_samples(rules))
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    fazhi = [sys.executable, "-m", "fazhi", "check", "--rules", str(rules), "--quiet",
             "--jobs", "1"]
    out: dict[str, Counted] = {}
    for fmt in ("json", "html"):
        print(f"counting instructions ({fmt})…", file=sys.stderr)
        extra = ["--format", fmt] + (["--out", str(work / "counted-html")] if fmt == "html" else [])
        # once without counting, so that every module's bytecode is cached (compiling
        # it in the first counted run only would come off the difference)
        subprocess.run([*fazhi, *files[:1], *extra], check=False, capture_output=True)
        # each run into an empty folder: a scorecard already there is not written again
        shutil.rmtree(work / "counted-html", ignore_errors=True)
        one = _instructions([*fazhi, *files[:1], *extra], work)
        shutil.rmtree(work / "counted-html", ignore_errors=True)
        many = _instructions([*fazhi, *files, *extra], work)
        out[fmt] = Counted(worker=(many[1] - one[1]) / COUNTED / 1e6,
                           main=(many[0] - one[0]) / COUNTED / 1e6)
    shutil.rmtree(corpus, ignore_errors=True)
    return out


def counted_text(counted: dict[str, Counted] | None, skipped: bool = False) -> str:
    if counted is None:
        why = "--no-count" if skipped else "valgrind is not installed"
        return f"Instructions per report: not counted ({why}).\n"
    parts = [f"{fmt.upper()} {c.worker:.1f} M in the worker and {c.main:.1f} M in the main process"
             for fmt, c in counted.items()]
    return (f"Instructions per report (valgrind's callgrind, `--jobs 1`, {COUNTED} reports; "
            f"independent of the machine's speed, see `count` in the script): "
            f"{'; '.join(parts)}.\n")


# -- measuring ----------------------------------------------------------------
@dataclass
class Measured:
    seconds: float
    cpu_seconds: float  # of the command and its worker processes
    peak_tree_mb: float
    peak_single_mb: float
    others: float  # cores kept busy by other processes meanwhile
    returncode: int


def _busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot."""
    t = psutil.cpu_times()
    return t.user + t.nice + t.system + getattr(t, "irq", 0) + getattr(t, "softirq", 0)


def wait_until_idle(limit: float, most: float = 0.25, window: float = 3.0) -> None:
    """On a shared machine: wait (up to ``limit`` seconds) until other processes use
    fewer than ``most`` cores over ``window`` seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        busy = _busy_seconds()
        time.sleep(window)
        if (_busy_seconds() - busy) / window < most:
            return


def measure(cmd: list[str], idle_wait: float = 0.0) -> Measured:
    """Run ``cmd`` with stdout to /dev/null: wall time, its CPU time, the peak RSS of
    its process tree, and how busy the rest of the machine was meanwhile."""
    if idle_wait:
        wait_until_idle(idle_wait)
    busy = _busy_seconds()
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = psutil.Popen(cmd, stdout=devnull)
        peak_tree = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            try:
                rss = []
                for p in [proc, *proc.children(recursive=True)]:
                    try:
                        rss.append(p.memory_info().rss)
                    except psutil.Error:
                        pass
                peak_tree = max(peak_tree, sum(rss))
            except psutil.Error:
                pass
            time.sleep(0.01)
    seconds = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    others = max(0.0, _busy_seconds() - busy - cpu) / seconds
    return Measured(seconds, cpu, peak_tree / 1048576, usage.ru_maxrss / 1024, others,
                    os.waitstatus_to_exitcode(status))


@dataclass
class Row:
    n: int
    corpus_mb: float
    json: Measured
    html: Measured
    grep: Measured
    floor: Measured


def run(sizes: list[int], jobs: int, rules: Path, work: Path, idle_wait: float = 0.0) -> list[Row]:
    samples = load_samples(rules)
    phrases = work / "phrases.txt"
    phrases.write_text("\n".join(rulebook_phrases(rules)) + "\n", encoding="utf-8")
    fazhi = [sys.executable, "-m", "fazhi", "check", "--rules", str(rules), "--quiet",
             "--jobs", str(jobs)]
    # Python's default: cache compiled bytecode (some sandboxes turn it off), and
    # compile it once before timing anything.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([sys.executable, "-m", "fazhi", "--version"], check=True, capture_output=True)
    rows = []
    for n in sizes:
        corpus = work / f"corpus-{n}"
        size = build_corpus(n, corpus, samples)
        print(f"N={n}: corpus {size / 1048576:.1f} MB; running…", file=sys.stderr)
        js = measure([*fazhi, str(corpus), "--format", "json"], idle_wait)
        out = work / f"html-{n}"
        html = measure([*fazhi, str(corpus), "--format", "html", "--out", str(out)], idle_wait)
        grep = measure(["grep", "-r", "-F", "-c", "-f", str(phrases), str(corpus)], idle_wait)
        floor = measure([sys.executable, str(ROOT / "bench" / "floor.py"), str(phrases),
                         str(corpus), "--jobs", str(jobs)], idle_wait)
        for what, m in (("json", js), ("html", html)):
            if m.returncode not in (0, 1, 3):
                raise SystemExit(f"fazhi check ({what}, N={n}) failed with exit code {m.returncode}")
        if floor.returncode != 0:
            raise SystemExit(f"bench/floor.py (N={n}) failed with exit code {floor.returncode}")
        rows.append(Row(n, size / 1048576, js, html, grep, floor))
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(corpus, ignore_errors=True)
    return rows


def run_pdfs(n: int, jobs: int, rules: Path, work: Path, idle_wait: float = 0.0
             ) -> Measured | None:
    """``fazhi check --format json`` over the first ``n`` reports as PDFs (see
    :func:`build_pdf_corpus`); None where they cannot be made here."""
    corpus = work / f"pdf-{n}"
    if not build_pdf_corpus(n, corpus, load_samples(rules)):
        return None
    print(f"{n} PDFs built; running…", file=sys.stderr)
    m = measure([sys.executable, "-m", "fazhi", "check", "--rules", str(rules), "--quiet",
                 "--jobs", str(jobs), str(corpus), "--format", "json"], idle_wait)
    if m.returncode not in (0, 1, 3):
        raise SystemExit(f"fazhi check (PDF) failed with exit code {m.returncode}")
    shutil.rmtree(corpus, ignore_errors=True)
    return m


def pdf_text(n: int, m: Measured | None) -> str:
    if n == 0:
        return ""
    if m is None:
        return (f"PDF: not measured (building {n} PDFs needs reportlab from the test extras and "
                "Debian's fonts-wqy-zenhei).\n")
    return (f"PDF: the first {n:,} reports as PDFs (tests/docbuild.py, embedded TrueType font), "
            f"to JSON: {m.seconds:.2f} s, {n / m.seconds:,.0f} reports/s, "
            f"{m.cpu_seconds:.1f} CPU s, peak RSS {m.peak_tree_mb:.0f} MB (tree).\n")


def table(rows: list[Row], jobs: int) -> str:
    lines = [
        "| N | corpus | JSON s | JSON reports/s | JSON CPU s | HTML s | HTML reports/s | HTML CPU s | peak RSS JSON (tree / largest process) | peak RSS HTML (tree / largest process) | grep -F s | JSON ÷ grep | Python floor s (÷ grep) | other load (cores) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.n:,} | {r.corpus_mb:.1f} MB | {r.json.seconds:.2f} | {r.n / r.json.seconds:,.0f} "
            f"| {r.json.cpu_seconds:.1f} | {r.html.seconds:.2f} | {r.n / r.html.seconds:,.0f} "
            f"| {r.html.cpu_seconds:.1f} "
            f"| {r.json.peak_tree_mb:.0f} MB / {r.json.peak_single_mb:.0f} MB "
            f"| {r.html.peak_tree_mb:.0f} MB / {r.html.peak_single_mb:.0f} MB "
            f"| {r.grep.seconds:.3f} | {r.json.seconds / r.grep.seconds:.1f} "
            f"| {r.floor.seconds:.2f} (×{r.floor.seconds / r.grep.seconds:.0f}) "
            f"| {max(r.json.others, r.html.others):.1f} |")
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        lines.append("")
        lines.append(f"Scaling {a.n:,} → {b.n:,} ({b.n / a.n:.0f}×): JSON time "
                     f"×{b.json.seconds / a.json.seconds:.2f}, HTML time "
                     f"×{b.html.seconds / a.html.seconds:.2f}; peak RSS (tree) JSON "
                     f"{a.json.peak_tree_mb:.0f} → {b.json.peak_tree_mb:.0f} MB, HTML "
                     f"{a.html.peak_tree_mb:.0f} → {b.html.peak_tree_mb:.0f} MB.")
        lines += ["", *targets(a, b)]
    return "\n".join(lines) + "\n"


def targets(small: Row, big: Row) -> list[str]:
    """The targets of issue 6, checked against this run (at the larger N)."""
    def mark(ok: bool) -> str:
        return "met" if ok else "**missed**"

    json_rate, html_rate = big.n / big.json.seconds, big.n / big.html.seconds
    peak = max(big.json.peak_tree_mb, big.html.peak_tree_mb)
    growth = peak - max(small.json.peak_tree_mb, small.html.peak_tree_mb)
    scale = max(big.json.seconds / small.json.seconds, big.html.seconds / small.html.seconds)
    allowed = 1.1 * big.n / small.n
    ratio = big.json.seconds / big.grep.seconds
    return [
        f"Targets (issue 6) at N = {big.n:,}:",
        "",
        f"- ≥ 1,000 reports/s to JSON: {json_rate:,.0f} reports/s, {mark(json_rate >= 1000)}",
        f"- ≥ 300 reports/s with HTML scorecards: {html_rate:,.0f} reports/s, "
        f"{mark(html_rate >= 300)}",
        f"- peak RSS ≤ 300 MB: {peak:.0f} MB, {mark(peak <= 300)}; from N = {small.n:,} it grew "
        f"by {growth:.0f} MB ({growth * 1024 / (big.n - small.n):.1f} KB per report)",
        f"- time ≤ {allowed:.0f} × the time at N = {small.n:,}: ×{scale:.2f}, "
        f"{mark(scale <= allowed)}",
        f"- JSON run time ≤ 20 × grep: ×{ratio:.0f}, {mark(ratio <= 20)}; Python doing only "
        f"grep's work (bench/floor.py, no checks) took ×{big.floor.seconds / big.grep.seconds:.0f}",
    ]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} CPUs ({cpu}), {psutil.virtual_memory().total / 2**30:.0f} GiB RAM, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rules", type=Path, default=ROOT / "rules" / "annual_report.yaml")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    ap.add_argument("--idle-wait", type=float, default=0.0, metavar="SECONDS",
                    help="before each measurement, wait up to this long for the machine to be idle")
    ap.add_argument("--no-count", action="store_true",
                    help="skip counting instructions per report with valgrind (a few minutes)")
    ap.add_argument("--pdfs", type=int, default=200, metavar="N",
                    help="also time N reports as PDFs (0: skip)")
    args = ap.parse_args()
    before = reference_ms(args.jobs)
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-") as tmp:
        rows = run(args.sizes, args.jobs, args.rules, Path(tmp), args.idle_wait)
        pdfs = run_pdfs(args.pdfs, args.jobs, args.rules, Path(tmp), args.idle_wait) \
            if args.pdfs else None
        after = reference_ms(args.jobs)
        counted = None if args.no_count else count(args.rules, Path(tmp))
    text = table(rows, args.jobs) + "\n" + pdf_text(args.pdfs, pdfs)
    print(text)
    print(f"reference workload: {before:.0f} ms before, {after:.0f} ms after")
    print(counted_text(counted, args.no_count), end="")
    header = (f"# fazhi check benchmark\n\nMeasured by `python bench/run.py` "
              f"(`--jobs {args.jobs}`) on {machine()}.\n"
              "Times are wall clock for the whole command, start-up included; see the script's "
              "docstring for the corpus, the grep lower bound and how RSS is measured.\n"
              f"Machine speed: the reference workload took {before:.0f} ms before the "
              f"measurements and {after:.0f} ms after (less is faster; see the docstring).\n"
              f"{counted_text(counted, args.no_count)}\n")
    args.out.write_text(header + text, encoding="utf-8")


if __name__ == "__main__":
    main()
