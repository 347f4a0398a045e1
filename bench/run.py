"""`make bench`: every benchmark in one run, each printing its ratios against a baseline."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUITES = ["bench_rosters.py", "bench_certificates.py", "bench_compliance.py", "bench_scale.py"]

if __name__ == "__main__":
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    options = [a for a in sys.argv[1:] if a.startswith("--")]  # --scale=0.1 etc., for bench_scale.py
    for name in SUITES:
        if only and not any(o in name for o in only):
            continue
        path = HERE / name
        if not path.exists():
            print(f"== {name}: not present, skipped")
            continue
        print(f"\n== {name}")
        sys.argv = [str(path)] + (options if name == "bench_scale.py" else [])
        runpy.run_path(str(path), run_name="__main__")
