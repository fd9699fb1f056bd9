"""Every fault the mirror injects is survived, counted by kind and logged with its URL; none
crashes the crawl or leaves a partial document."""

import json
from pathlib import Path

import duckdb
import pytest

from crawlers.mirror.server import make_server, start_in_thread
from tests.conftest import run_cli

SOURCES = Path(__file__).parents[1] / "fixtures" / "faults" / "sources.toml"
HOST = "https://faults.spacerace.test"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    server = make_server(port=0, with_faults=True)
    url = start_in_thread(server)
    db = tmp_path_factory.mktemp("faults") / "w.duckdb"
    result = run_cli("crawl", "--mirror", url, "--db", str(db), "--no-progress", "-s", "DOWNLOAD_TIMEOUT=1",
                     env={"SPACERACE_SOURCES": str(SOURCES)})  # fmt: skip
    again = run_cli("crawl", "faults", "--mirror", url, "--db", str(db), "--no-progress", "-s", "DOWNLOAD_TIMEOUT=1",
                    env={"SPACERACE_SOURCES": str(SOURCES)})  # fmt: skip
    server.shutdown()
    with duckdb.connect(str(db), read_only=True) as con:
        second = con.execute(
            "SELECT new, changed, skipped, not_modified FROM source_health WHERE source_id = 'faults'"
        ).fetchone()
        runs = {}  # each source's first run
        sql = "SELECT source_id, status, errors_by_kind, retries, warnings FROM crawl_runs ORDER BY started_at"
        for source, *rest in con.execute(sql).fetchall():
            runs.setdefault(source, tuple(rest))
        docs = {
            r[0]: r[1:]
            for r in con.execute("SELECT url, published_at, text FROM documents").fetchall()
        }
    return result, runs, docs, (again, second)


def test_the_crawl_survives_every_fault_and_says_which_sources_failed(crawled):
    result, runs, _ = crawled[:3]
    assert result.returncode == 1  # the malformed feed's source brought nothing
    assert "Traceback" not in result.stderr
    assert runs["faults"][0] == "partial" and runs["badfeed"][0] == "failed"


def test_each_fault_is_counted_by_kind(crawled):
    _, runs, _ = crawled[:3]
    kinds = json.loads(runs["faults"][1])
    assert kinds == {"http_5xx": 2, "timeout": 1, "truncated": 1, "oversize": 1, "redirect_loop": 1,
                     "offsite": 1, "bad_charset": 1, "no_text": 1}  # fmt: skip
    assert "bad_feed" in json.loads(runs["badfeed"][1])


@pytest.mark.parametrize(
    "page", ["500", "503", "slow", "truncated", "huge", "offsite", "charset", "empty"]
)
def test_each_fault_is_logged_with_its_url(crawled, page):
    assert f"{HOST}/{page}" in crawled[0].stderr


def test_a_429_that_succeeds_on_retry_is_a_retry_not_an_error(crawled):
    _, runs, docs = crawled[:3]
    assert f"{HOST}/429" in docs
    assert runs["faults"][2] >= 1


def test_failed_pages_leave_no_document_and_good_ones_are_whole(crawled):
    _, _, docs = crawled[:3]
    assert set(docs) == {f"{HOST}/{p}" for p in ("ok", "429", "charset", "no-date")}
    assert all(text.count("several sentences") == 3 for _, text in docs.values())


def test_a_page_without_a_date_is_stored_undated_and_counted(crawled):
    _, runs, docs = crawled[:3]
    assert docs[f"{HOST}/no-date"][0] is None
    assert runs["faults"][3] == 1


def test_a_wrong_charset_is_read_right(crawled):
    _, _, docs = crawled[:3]
    assert "Caf\u00e9" in docs[f"{HOST}/charset"][1]


def test_a_second_crawl_skips_dated_pages_and_asks_the_undated_one_conditionally(crawled):
    again, (new, changed, skipped, not_modified) = crawled[3]
    assert "Traceback" not in again.stderr
    assert (new, changed) == (0, 0)
    assert skipped == 3  # ok, 429 and charset: their feed dates are no newer than what is stored
    assert not_modified == 1  # the undated page, asked with If-None-Match, answered 304
