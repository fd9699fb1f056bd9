"""Crawl speed on a generated mirror: our spiders vs a bare Scrapy spider fetching the same pages,
and a second, unchanged run vs the first. Each run is a subprocess, start-up included."""

import json
import operator
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

import duckdb

from bench.generate import generate
from crawlers.mirror.server import is_listing, make_server, start_in_thread
from crawlers.run import default_workers

ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - started, done.stdout


def our_crawl(mirror: str, db: Path, *options: str) -> float:
    command = [sys.executable, "-m", "cli", "crawl", "--mirror", mirror, "--db", str(db)]
    seconds, _ = timed([*command, "--no-progress", *options])
    return seconds


def crawl_phase(db: Path) -> tuple[int, float]:
    """Pages fetched and seconds from the first spider's start to the last one's finish."""
    sql = "SELECT sum(pages), epoch(max(finished_at)) - epoch(min(started_at)) FROM crawl_runs"
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()


def run(n: int = 2000, rounds: int = 3) -> list[dict]:
    work = Path(tempfile.mkdtemp(prefix="spacerace-bench-"))
    try:
        generate(work / "corpus", n)
        os.environ["SPACERACE_CORPUS"] = str(work / "corpus")
        server = make_server(port=0)
        mirror = start_in_thread(server)
        first, ours, bare, bare_wall, second, article_requests = [], [], [], [], [], []
        single = []
        for i in range(rounds):
            db = work / f"first-{i}" / "w.duckdb"
            server.requested.clear()
            first.append(our_crawl(mirror, db))
            pages, crawling = crawl_phase(db)
            ours.append(pages / crawling)
            urls = work / "urls.txt"
            urls.write_text("\n".join(mirror + p for p in server.requested))
            seconds, out = timed([sys.executable, "-m", "bench.bare_crawl", str(urls)])
            result = json.loads(out.splitlines()[-1])
            bare.append(result["pages"] / result["crawling"])
            bare_wall.append(seconds)
            server.requested.clear()
            second.append(our_crawl(mirror, db))
            article_requests.append(sum(not is_listing(p) for p in server.requested))
            one = work / f"single-{i}" / "w.duckdb"
            our_crawl(mirror, one, "--workers", "1")
            single.append(operator.truediv(*crawl_phase(one)))
        ours_rate, bare_rate = median(ours), median(bare)
        server.shutdown()
    finally:
        os.environ.pop("SPACERACE_CORPUS", None)
        shutil.rmtree(work, ignore_errors=True)
    return [
        {"stage": "crawl", "unit": "pages/s", "baseline": round(bare_rate, 1), "ours": round(ours_rate, 1),
         "ratio": round(ours_rate / bare_rate, 2), "target": 0.8,
         "detail": f"{pages} pages from {n} articles, crawling only; wall clock with start-up and the warehouse "
                   f"load {median(first):.1f} s vs bare {median(bare_wall):.1f} s; {default_workers(8)} crawler "
                   f"processes (bare Scrapy: one); with --workers 1, {median(single):.0f} pages/s"},
        {"stage": "recrawl", "unit": "s", "baseline": round(median(first), 2), "ours": round(median(second), 2),
         "ratio": round(median(first) / median(second), 2), "target": 5.0,
         "detail": f"second run asked for {max(article_requests)} article pages (target 0)"},
    ]  # fmt: skip
