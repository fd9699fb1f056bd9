"""The dashboard on a synthetic warehouse of 100,000 claims: time from navigation to the
overview's charts drawn in headless Chromium, cold (a fresh server: nothing cached) and warm (the
same page again), beside a baseline in the same run: a one-line Streamlit page on the same
server settings (what Streamlit itself costs).

    python -m bench.dashboard --claims 100000
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import duckdb

from bench.graph_build import filled

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]  # fmt: skip
BASELINE_APP = 'import streamlit as st\nst.title("baseline")\nst.line_chart([1, 3, 2])\n'
DRAWN = '[data-testid="stVegaLiteChart"] :is(canvas, svg), [data-testid="stArrowVegaLiteChart"] :is(canvas, svg)'


@contextmanager
def served(script: Path, db: Path):
    """A Streamlit server for `script` on a free port, as `spacerace dashboard` starts one."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, "SPACERACE_DB": str(db)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    try:
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def time_to_charts(browser, url: str, rounds: int) -> tuple[float, float]:
    """(cold, warm) seconds from navigation to a drawn chart: the first visit to a fresh server,
    then the median of `rounds` visits in new pages."""
    visits = []
    for _ in range(rounds + 1):
        page = browser.new_page(viewport={"width": 1400, "height": 1200})
        started = time.perf_counter()
        page.goto(url)
        page.locator(DRAWN).first.wait_for(state="visible", timeout=60_000)
        visits.append(time.perf_counter() - started)
        page.close()
    return visits[0], statistics.median(visits[1:])


def measure(n_claims: int, rounds: int = 3) -> dict:
    from playwright.sync_api import sync_playwright

    from graph.build import build

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        filled(db, n_claims)
        with duckdb.connect(str(db)) as con:
            build(con)
        baseline_app = Path(folder) / "baseline.py"
        baseline_app.write_text(BASELINE_APP)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            with served(baseline_app, db) as url:
                base_cold, base_warm = time_to_charts(browser, url, rounds)
            with served(ROOT / "dashboard.py", db) as url:
                cold, warm = time_to_charts(browser, url, rounds)
            browser.close()
    return {"claims": n_claims, "cold_s": round(cold, 2), "warm_s": round(warm, 2),
            "baseline_cold_s": round(base_cold, 2), "baseline_warm_s": round(base_warm, 2)}  # fmt: skip


def run(n_claims: int = 100_000) -> list[dict]:
    """The bench rows: warm (limit 2 s) and cold (limit 5 s), each beside the bare page."""
    out = subprocess.run([sys.executable, "-m", "bench.dashboard", "--claims", str(n_claims)],
                         cwd=ROOT, capture_output=True, text=True, check=True)  # fmt: skip
    r = json.loads(out.stdout.splitlines()[-1])
    detail = f"overview of {r['claims']:,} synthetic claims in headless Chromium"
    return [
        {"stage": "dash warm", "unit": "s", "baseline": r["baseline_warm_s"], "ours": r["warm_s"],
         "ratio": r["warm_s"] / max(r["baseline_warm_s"], 0.01), "max": 2, "detail": detail},
        {"stage": "dash cold", "unit": "s", "baseline": r["baseline_cold_s"], "ours": r["cold_s"],
         "ratio": r["cold_s"] / max(r["baseline_cold_s"], 0.01), "max": 5},
    ]  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=100_000)
    print(json.dumps(measure(parser.parse_args().claims)))
