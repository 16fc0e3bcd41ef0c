"""An escaping probe: a real report with markup injected where the scorecard
shows report text (issuer line, a heading, an evidence sentence, a file name)."""

from __future__ import annotations

from pathlib import Path

from conftest import REPORTS

SCRIPT = "<script>window.__fazhi_pwned=1</script>"
IMG = '"><img src=x onerror="window.__fazhi_pwned=2">'
PROBE = SCRIPT + IMG
# A file name that is itself markup (valid on Linux: no slash).
PROBE_NAME = '"><img src=x onerror=alert(1)>&lt;.txt'


def probe_text() -> str:
    lines = (REPORTS / "jiangjia-2022.txt").read_text(encoding="utf-8").splitlines()
    out = []
    heading_done = evidence_done = False
    for i, line in enumerate(lines):
        if i == 0:
            line = line + PROBE
        elif line.startswith("一、") and not heading_done:
            line, heading_done = line + PROBE, True
        elif "合法性审查" in line and not evidence_done:
            line, evidence_done = line.replace("合法性审查", "合法性审查" + PROBE, 1), True
        out.append(line)
    return "\n".join(out) + "\n"


def write_probe(folder: Path, name: str = "probe.txt") -> Path:
    p = folder / name
    p.write_text(probe_text(), encoding="utf-8")
    return p
