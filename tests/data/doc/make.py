"""Rebuild the .doc fixtures of this folder with LibreOffice (not run by the tests).

    python tests/data/doc/make.py

Each dev report is laid out by ``docbuild.make_fodt`` with every heading number
as automatic numbering (Chinese counting where the report types 一 二 三);
``tables-fields.fodt`` holds a table, a hyperlink and a page-number field, a
footnote, a line break and a running header and footer, ``tracked-changes.fodt``
a tracked deletion, a tracked insertion and hidden text, ``list-levels.fodt`` a
two-level list (一、 with （一） under it). ``soffice --headless --convert-to doc``
(Debian's libreoffice-writer-nogui) saves each as Word 97-2003. LibreOffice's
own reading of each report (``--convert-to txt``) is compared with fazhi's, so
that a rebuilt fixture is checked against a second reader before it is
committed; the three hand-made files are checked line by line in
tests/test_doc.py.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

import docbuild  # noqa: E402
from fazhi.document.readers.doc import read  # noqa: E402
from fazhi.document.readers.limits import Limits  # noqa: E402


def soffice(to: str, out: Path, *files: Path) -> None:
    subprocess.run(["soffice", "--headless", "--convert-to", to, "--outdir", str(out),
                    *map(str, files)], check=True, capture_output=True, timeout=300)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = [HERE / "tables-fields.fodt", HERE / "tracked-changes.fodt",
                HERE / "list-levels.fodt"]
        reports = [docbuild.make_fodt(docbuild.report_lines(r), work / f"{r.stem}.fodt")
                   for r in docbuild.REPORTS]
        soffice("doc", HERE, *made, *reports)
        docs = [HERE / f"{s.stem}.doc" for s in reports]
        soffice("txt:Text (encoded):UTF8", work, *docs)
        for doc in docs:
            ours = "".join(ln.text for ln in read(doc.read_bytes(), str(doc), Limits()).lines)
            theirs = (work / f"{doc.stem}.txt").read_text("utf-8-sig")
            same = re.sub(r"\s+", "", ours) == re.sub(r"\s+", "", theirs)
            print(f"{doc.name}: {'same text as' if same else 'DIFFERS FROM'} LibreOffice's reading")

if __name__ == "__main__":
    main()
