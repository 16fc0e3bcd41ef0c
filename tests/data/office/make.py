"""Rebuild the .doc, .rtf and .odt fixtures of this folder with LibreOffice (not run
by the tests).

    python tests/data/office/make.py

Each dev report is laid out by ``docbuild.make_fodt`` with every heading number
as automatic numbering (Chinese counting where the report types 一 二 三);
``tables-fields.fodt`` holds a table, a hyperlink and a page-number field, a
footnote, a line break and a running header and footer, ``tracked-changes.fodt``
a tracked deletion, a tracked insertion and hidden text, ``list-levels.fodt`` a
two-level list (一、 with （一） under it). ``soffice --headless --convert-to``
(Debian's libreoffice-writer-nogui) saves each as Word 97-2003 (.doc), as RTF
and as OpenDocument (.odt). LibreOffice's own reading of each report's .doc
(``--convert-to txt``) is compared with fazhi's, and fazhi's reading of the
.rtf and the .odt with that of the .doc,
so that a rebuilt fixture is checked against a second reader before it is
committed; the three hand-made files are checked line by line in
tests/test_doc.py, tests/test_rtf.py and tests/test_odt.py.
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
from fazhi.document.readers import Limits, extract  # noqa: E402


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
        for suffix in ("doc", "rtf", "odt"):
            soffice(suffix, HERE, *made, *reports)
        for report in reports:
            doc, rtf = HERE / f"{report.stem}.doc", HERE / f"{report.stem}.rtf"
            soffice("txt:Text (encoded):UTF8", work, doc)
            theirs = (work / f"{report.stem}.txt").read_text("utf-8-sig")
            print(f"{doc.name}: {verdict(text(doc), theirs)} LibreOffice's reading")
            # LibreOffice reads the list numbers of its own RTF with a "?" for 、, so the
            # .rtf is compared with the .doc of the same document instead
            print(f"{rtf.name}: {verdict(text(rtf), text(doc))} fazhi's reading of {doc.name}")
            odt = HERE / f"{report.stem}.odt"
            print(f"{odt.name}: {verdict(text(odt), text(doc))} fazhi's reading of {doc.name}")


def text(path: Path) -> str:
    return "".join(ln.text for ln in extract(path, path.read_bytes(), Limits()).lines)


def verdict(a: str, b: str) -> str:
    return "same text as" if re.sub(r"\s+", "", a) == re.sub(r"\s+", "", b) else "DIFFERS FROM"

if __name__ == "__main__":
    main()
