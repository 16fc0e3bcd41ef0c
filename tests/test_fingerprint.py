"""The code fingerprint behind the cache key and the page key."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from fazhi.cache import Cache
from fazhi.fingerprint import code_fingerprint


def test_fingerprint_follows_the_code_and_ignores_compiled_caches(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pkg = tmp_path / "fp_probe"
    (pkg / "templates").mkdir(parents=True)
    (pkg / "__init__.py").write_text("X = 1\n", encoding="utf-8")
    (pkg / "templates" / "a.html.j2").write_text("{{ x }}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()

    def fingerprint() -> str:
        code_fingerprint.cache_clear()
        return code_fingerprint("fp_probe")

    first = fingerprint()
    assert fingerprint() == first
    (pkg / "__pycache__").mkdir()
    (pkg / "__pycache__" / "x.pyc").write_bytes(b"\0")
    (pkg / "notes.txt").write_text("not code", encoding="utf-8")
    assert fingerprint() == first
    (pkg / "templates" / "a.html.j2").write_text("{{ y }}\n", encoding="utf-8")
    assert fingerprint() != first
    code_fingerprint.cache_clear()


def test_the_cache_key_changes_with_the_code(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    before = Cache(tmp_path, "r", 100).key("f", ".txt")
    monkeypatch.setattr("fazhi.cache.code_fingerprint", lambda package: "0" * 64)
    assert Cache(tmp_path, "r", 100).key("f", ".txt") != before
