"""Golden exports: every sample input's credits and exceptions, compared with samples/expected/.

The expected files are written by `make golden` and read line by line before they
are committed. Both ways are checked: an input with no expected file fails, and so
does an expected file that no input produces.
"""

from __future__ import annotations

import difflib
import importlib.util

import pytest

from conftest import SAMPLES

spec = importlib.util.spec_from_file_location("run_demo", SAMPLES / "run_demo.py")
run_demo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run_demo)


@pytest.fixture(scope="module")
def produced(tmp_path_factory):
    out = tmp_path_factory.mktemp("golden")
    files = run_demo.run(out, "2026-11-15", quiet=True)
    return run_demo.golden_files(files)


def expected_names() -> list[str]:
    return sorted(p.name for p in run_demo.EXPECTED.glob("*.csv"))


def test_every_sample_input_has_expected_exports_and_every_expected_file_an_input(produced):
    assert sorted(produced) == expected_names()


@pytest.mark.parametrize("name", expected_names())
def test_sample_exports_match_the_golden_file(produced, name):
    want = (run_demo.EXPECTED / name).read_text(encoding="utf-8")
    got = produced.get(name, "")
    if got != want:
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "expected", "produced"))
        pytest.fail(f"{name} differs from samples/expected (run `make golden` and review):\n{diff}")
