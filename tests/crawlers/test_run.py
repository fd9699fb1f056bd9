"""Crawler processes: sources split between them, what they store independent of how many there
are, the warehouse locked until the last one exits, and none left running by a killed crawl."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from crawlers.mirror.corpus import load
from crawlers.run import Crawl, CrawlState, split_sources
from crawlers.sources import select_sources
from tests.conftest import ROOT, run_cli
from warehouse.errors import WarehouseLocked
from warehouse.lock import writer_lock


def stored(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        sql = "SELECT doc_id, version, content_hash FROM documents ORDER BY doc_id"
        return con.execute(sql).fetchall()


def test_sources_are_dealt_round_robin_and_no_process_is_left_empty():
    sources = select_sources(["cgtn", "nasa", "spacex", "esa", "jaxa"])
    groups = split_sources(sources, 2)
    assert [[s.source_id for s in g] for g in groups] == [
        ["cgtn", "spacex", "jaxa"],
        ["nasa", "esa"],
    ]
    assert len(split_sources(sources[:2], 4)) == 2


def test_one_or_three_crawler_processes_store_the_same_documents(mirror, tmp_path):
    one, three = tmp_path / "one.duckdb", tmp_path / "three.duckdb"
    for db, workers in ((one, "1"), (three, "3")):
        run_cli("crawl", "cgtn", "spacex", "esa", "--mirror", mirror, "--db", str(db),
                "--no-progress", "--workers", workers, check=True)  # fmt: skip
    assert stored(one) == stored(three)
    assert len(stored(one)) == len(load("cgtn", "articles")) + 21 + 6


def test_workers_must_be_a_positive_number(tmp_path):
    result = run_cli("crawl", "--workers", "0", "--db", str(tmp_path / "w.duckdb"))
    assert result.returncode == 2 and "at least 1" in result.stderr


def test_the_crawler_processes_keep_the_warehouse_locked_until_they_exit(tmp_path):
    db = tmp_path / "w.duckdb"
    sources = select_sources(["esa", "jaxa"])
    with writer_lock(db) as lock_fd:
        crawl = Crawl(sources, CrawlState(tmp_path / "state"), progress=False, lock_fd=lock_fd)
    # This process has let go of the lock; the crawler processes (waiting for their jobs) have not.
    with pytest.raises(WarehouseLocked), writer_lock(db):
        pass
    crawl.__exit__(None, None, None)  # no jobs: they read the end of their input and exit
    with writer_lock(db):
        pass


def test_a_progress_board_shows_each_source(mirror, tmp_path):
    result = run_cli("crawl", "esa", "jaxa", "--mirror", mirror, "--db", str(tmp_path / "w.duckdb"),
                     check=True)  # fmt: skip
    for source in ("esa", "jaxa"):
        assert f"crawl {source:<11} pages    8  documents    6  (finished)" in result.stderr


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_crawl_stops_its_crawler_processes_and_the_next_run_resumes(mirror, tmp_path):
    db = tmp_path / "w.duckdb"
    # Scrapy's graceful stop finishes the requests already handed to the downloader: with a
    # delay between requests, allow it two of them, not the default sixteen.
    slow = ["-s", "DOWNLOAD_DELAY=1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
            "-s", "CONCURRENT_REQUESTS=2"]  # fmt: skip
    command = [sys.executable, "-m", "cli", "crawl", "cgtn", "esa", "--workers", "2", "--mirror", mirror, "--db", str(db),
               "--no-progress", *slow]  # fmt: skip
    parent = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    state = tmp_path / ".spacerace" / "w.duckdb.crawl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(p.stat().st_size for p in state.glob("spool-*")):
        time.sleep(0.1)
    leaders = _children(parent.pid)
    assert leaders, "the crawl runs in crawler processes"
    workers = leaders + [pid for leader in leaders for pid in _children(leader)]
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    # Unattended, the orphans would crawl on for most of a minute; the end of their input stops
    # them in a few seconds (the margin is for a machine busy with other work).
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)
    assert not db.exists()
    resumed = run_cli("crawl", "cgtn", "esa", "--mirror", mirror, "--db", str(db), "--no-progress",
                      check=True)  # fmt: skip
    assert "resuming" in resumed.stdout
    articles = len(load("cgtn", "articles")) + 6
    assert len({row[0] for row in stored(db)}) == len(stored(db)) == articles


def test_a_crawl_interrupted_while_its_crawlers_start_publishes_nothing(mirror, tmp_path):
    db = tmp_path / "w.duckdb"
    command = [sys.executable, "-m", "cli", "crawl", "nasa", "--mirror", mirror, "--db", str(db),
               "--no-progress"]  # fmt: skip
    parent = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)  # fmt: skip
    # The spools appear once the crawl hands out its jobs, while the crawler process is most
    # likely still importing Scrapy.
    spools = tmp_path / ".spacerace" / "w.duckdb.crawl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(spools.glob("spool-*")):
        time.sleep(0.01)
    parent.send_signal(signal.SIGINT)
    out, err = parent.communicate(timeout=120)
    assert parent.returncode != 0, out
    assert "interrupted" in err and "nothing was published" in err
    assert not db.exists()
