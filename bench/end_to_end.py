"""End to end: `spacerace update` (crawl, extract, build, publish) on a generated mirror of N
articles (default 2,000), once: seconds and the peak memory of its largest process.

    python -m bench.end_to_end --n 2000
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from crawlers.mirror.server import make_server, start_in_thread

ROOT = Path(__file__).resolve().parents[1]


def timed_update(mirror: str, db: Path) -> dict:
    """Run the update in a child process; its time and the peak resident memory of the
    largest process it ran (the update or one of its crawler processes)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cli", "update", "--mirror", mirror, "--db", str(db),
         "--no-progress"], cwd=ROOT, capture_output=True, text=True, timeout=3600,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise RuntimeError(f"update failed:\n{done.stderr[-2000:]}")
    return {"seconds": round(seconds, 1),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
            "summary": [line for line in done.stdout.splitlines() if line.startswith(("extracted", "built"))]}  # fmt: skip


def measure(n: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="spacerace-e2e-"))
    try:
        generate(work / "corpus", n)
        os.environ["SPACERACE_CORPUS"] = str(work / "corpus")
        server = make_server(port=0)
        result = timed_update(start_in_thread(server), work / "w.duckdb")
        server.shutdown()
    finally:
        os.environ.pop("SPACERACE_CORPUS", None)
        shutil.rmtree(work, ignore_errors=True)
    return result


def run(n: int = 2000) -> dict:
    """The bench row, measured in a fresh process (so the peak is the update's alone)."""
    out = subprocess.run([sys.executable, "-m", "bench.end_to_end", "--n", str(n)], cwd=ROOT,
                         capture_output=True, text=True, check=True)  # fmt: skip
    r = json.loads(out.stdout.splitlines()[-1])
    return {
        "stage": "end to end", "unit": "s", "baseline": "-", "ours": r["seconds"], "ratio": 0.0,
        "target": None,
        "detail": f"spacerace update on a {n}-article mirror: {r['seconds']} s, peak "
                  f"{r['peak_mb']} MB (largest process); {'; '.join(r['summary'])}",
    }  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    print(json.dumps(measure(parser.parse_args().n)))
