"""A plain (non-editable) install ships the default rulebook and its test cases
as ``fazhi.rules`` and finds them outside a checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT, RULES


def test_wheel_ships_rulebook_and_cases(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
                    "--no-build-isolation", "-q", "-w", str(out)], check=True,
                   capture_output=True, cwd=tmp_path)
    [wheel] = list(out.glob("fazhi-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    cases = sorted(p.name for p in (RULES / "tests").glob("*.yaml"))
    assert "fazhi/rules/annual_report.yaml" in names
    assert sorted(n.rsplit("/", 1)[-1] for n in names if n.startswith("fazhi/rules/tests/")) == cases
    # unpacked as site-packages would be, run from elsewhere: the rulebook and cases are found
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from fazhi.cli import main; "
            "main(['rules', 'test'])")
    r = subprocess.run([sys.executable, "-c", code, str(site)], capture_output=True, text=True,
                       cwd=elsewhere)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "失败 0 个" in r.stdout
    code = ("import sys; sys.path.insert(0, sys.argv[1]); "
            "from fazhi.rulebook.locate import default_rulebook; print(default_rulebook())")
    r = subprocess.run([sys.executable, "-c", code, str(site)], capture_output=True, text=True,
                       cwd=elsewhere, check=True)
    assert Path(r.stdout.strip()).is_relative_to(site)
