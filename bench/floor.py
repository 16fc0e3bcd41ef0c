"""What grep's lower bound costs in Python: a floor under any Python checker.

    python bench/floor.py PHRASES DIR [--jobs J]

Does, in a pool of J processes, only what ``grep -r -F -c -f PHRASES DIR`` does:
read every ``*.txt`` file under DIR, decode it (UTF-8, else GB18030, as the
corpus is written), and count its lines that hold one of the phrases, found by
one alternation of all of them (``re``, longest first). It prints the number of
files and the total count (as a check that it did the work), nothing per file.

No outline, no rules, no evidence, no output: a Python program that checks the
reports cannot be faster than this, so its ratio to grep bounds what a Python
checker's ratio to grep can be. bench/run.py times it next to grep.
"""

from __future__ import annotations

import argparse
import re
from multiprocessing import Pool
from pathlib import Path

_PATTERN: re.Pattern[str] | None = None


def _init(phrases: list[str]) -> None:
    global _PATTERN
    _PATTERN = re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True))))


def count_lines(path: str) -> int:
    """Lines of the file at ``path`` that hold a phrase."""
    assert _PATTERN is not None
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    search = _PATTERN.search
    return sum(1 for line in text.splitlines() if search(line))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("phrases", type=Path)
    ap.add_argument("root", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    phrases = [p for p in args.phrases.read_text(encoding="utf-8").splitlines() if p]
    files = sorted(str(p) for p in args.root.rglob("*.txt"))
    with Pool(args.jobs, initializer=_init, initargs=(phrases,)) as pool:
        counts = pool.map(count_lines, files, chunksize=64)
    print(len(files), sum(counts))


if __name__ == "__main__":
    main()
