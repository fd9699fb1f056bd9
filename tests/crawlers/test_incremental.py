"""Incremental crawls: a second run fetches no article page; a changed page becomes version 2;
an interrupted crawl resumes without losing or duplicating documents."""

import json
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from crawlers.mirror.corpus import corpus_dir, load
from crawlers.mirror.server import is_listing, make_server, start_in_thread
from tests.conftest import ROOT, run_cli


def rows(db, sql):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.fixture
def own_mirror():
    server = make_server(port=0)
    yield server, start_in_thread(server)
    server.shutdown()


def test_a_second_run_requests_no_article_page(own_mirror, db_copy):
    server, url = own_mirror
    run_cli("crawl", "--mirror", url, "--db", str(db_copy), "--no-progress", check=True)
    asked = [p for p in server.requested if not is_listing(p)]
    assert asked == []
    latest = rows(
        db_copy, "SELECT source_id, new, changed, skipped + not_modified FROM source_health"
    )
    assert all(new == 0 and changed == 0 for _, new, changed, _ in latest)
    assert dict((s, n) for s, _, _, n in latest)["cgtn"] >= 12


def test_a_changed_page_becomes_version_two_and_version_one_is_kept(tmp_path, monkeypatch, db_copy):
    corpus = tmp_path / "corpus"
    shutil.copytree(corpus_dir(), corpus)
    path = corpus / "cgtn" / "articles.jsonl"
    articles = [json.loads(line) for line in path.read_text().splitlines()]
    articles[0]["paragraphs"].append("A correction was added to this report after publication.")
    articles[0]["modified"] = "2026-11-20T10:00:00+08:00"
    path.write_text("\n".join(json.dumps(a) for a in articles) + "\n")
    monkeypatch.setenv("SPACERACE_CORPUS", str(corpus))
    server = make_server(port=0)
    url = start_in_thread(server)
    try:
        run_cli("crawl", "cgtn", "--mirror", url, "--db", str(db_copy), "--no-progress", check=True)
    finally:
        server.shutdown()
    versions = rows(
        db_copy,
        f"SELECT version, text LIKE '%A correction was added%' FROM documents WHERE url = '{articles[0]['url']}' ORDER BY version",
    )
    assert versions == [(1, False), (2, True)]
    assert rows(db_copy, "SELECT new, changed FROM source_health WHERE source_id = 'cgtn'") == [
        (0, 1)
    ]


def test_an_interrupted_crawl_resumes_without_losing_or_duplicating(own_mirror, tmp_path):
    _, url = own_mirror
    db = tmp_path / "w.duckdb"
    slow = ["-s", "DOWNLOAD_DELAY=0.3", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]
    command = [
        sys.executable,
        "-m",
        "cli",
        "crawl",
        "cgtn",
        "--mirror",
        url,
        "--db",
        str(db),
        "--no-progress",
        *slow,
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    state = tmp_path / ".spacerace" / "w.duckdb.crawl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _spooled(state):
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 2 and "interrupted" in err and "Traceback" not in err
    assert not db.exists()  # nothing half-done was published
    kept = _spooled(state)
    resumed = run_cli(
        "crawl", "cgtn", "--mirror", url, "--db", str(db), "--no-progress", check=True
    )
    assert "resuming" in resumed.stdout
    articles = len(load("cgtn", "articles"))
    assert rows(db, "SELECT count(*), count(DISTINCT doc_id) FROM documents") == [
        (articles, articles)
    ]
    assert kept >= 1 and not state.exists()


def _spooled(state) -> int:
    """Lines the crawler processes have spooled so far."""
    return sum(len(p.read_text().splitlines()) for p in state.glob("spool-*.jsonl"))
