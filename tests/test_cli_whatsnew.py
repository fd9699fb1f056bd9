"""`spacerace whatsnew`: the new and changed milestones and the slips that crawl runs brought,
as text, JSON or a Markdown digest, filtered by a watch list, posted to a webhook."""

import json
import socket
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, HTTPServer

import duckdb
import pytest

from crawlers.mirror.server import make_server, start_in_thread
from tests.conftest import run_cli
from webhook import shown


def whatsnew(db, *args):
    return run_cli("whatsnew", "--db", str(db), *args)


def as_json(db, *args) -> dict:
    result = whatsnew(db, "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def rows(db, sql: str, params=()):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """A warehouse updated from the mirror as of 2025-06-01, then from the mirror as of today:
    the second run brings news, reports known milestones again and moves targets."""
    db = tmp_path_factory.mktemp("two-runs") / "w.duckdb"
    for as_of in (date(2025, 6, 1), None):
        server = make_server(port=0, as_of=as_of)
        url = start_in_thread(server)
        run_cli("update", "--mirror", url, "--db", str(db), "--no-progress", check=True)
        server.shutdown()
    return db


def test_whatsnew_explains_itself():
    result = run_cli("whatsnew", "--help")
    assert result.returncode == 0 and "usage: spacerace whatsnew" in result.stdout
    assert "--watch" in result.stdout and "only when there is something" in result.stdout


def test_by_default_it_lists_what_the_latest_run_brought_as_the_dashboard_does(two_runs):
    digest = as_json(two_runs)
    latest = rows(two_runs, "SELECT max(run_id) FROM crawl_runs")[0][0]
    assert digest["runs"] == [latest]
    # The dashboard's view of the latest run: the same milestones, new and reported again.
    view = dict.fromkeys(("new", "reported again"), set())
    for change, milestone_id in rows(
        two_runs, "SELECT change, milestone_id FROM new_since_last_run"
    ):
        view[change] = view[change] | {milestone_id}
    assert {m["milestone_id"] for m in digest["new_milestones"]} == view["new"] != set()
    assert {m["milestone_id"] for m in digest["changed_milestones"]} == view["reported again"]
    assert digest["slips"], "the later mirror moves some targets"


def test_a_changed_milestone_says_what_changed_against_the_earlier_reports(two_runs):
    changed = as_json(two_runs)["changed_milestones"]
    assert changed
    for m in changed:
        if m["date_before"] == m["date"]:
            assert m["what_changed"].startswith("reported again by ")
        else:
            assert f"from {m['date_before']} to {m['date']}" in m["what_changed"]
    assert any("moved from" in m["what_changed"] for m in changed)


def test_since_the_first_run_is_what_the_runs_after_it_brought(two_runs):
    first = rows(two_runs, "SELECT min(run_id) FROM crawl_runs")[0][0]
    since_first = as_json(two_runs, "--since", first)
    assert since_first["runs"] == as_json(two_runs)["runs"]
    assert since_first["new_milestones"] == as_json(two_runs)["new_milestones"]


def test_since_a_day_takes_the_runs_started_on_or_after_it(two_runs):
    started = rows(two_runs, "SELECT CAST(min(started_at) AS DATE) FROM crawl_runs")[0][0]
    both = as_json(two_runs, "--since", started.isoformat())
    assert len(both["runs"]) == 2 and not both["changed_milestones"]  # all of it is new
    later = whatsnew(two_runs, "--since", "2999-01-01")
    assert later.returncode == 0
    assert "No crawl run started on or after 2999-01-01" in later.stdout
    assert "Nothing new." in later.stdout


def test_an_unknown_run_is_a_one_line_error_saying_how_to_find_run_ids(built_db):
    result = whatsnew(built_db, "--since", "20990101T000000-nope")
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert "no crawl run '20990101T000000-nope'" in result.stderr
    assert "SELECT DISTINCT run_id FROM crawl_runs" in result.stderr


def test_a_day_that_is_no_date_is_refused(built_db):
    result = whatsnew(built_db, "--since", "2025-13-01")
    assert result.returncode == 2 and "is not a day: use YYYY-MM-DD" in result.stderr


def test_a_watch_file_keeps_what_matches_any_of_its_lists(built_db, tmp_path):
    watch = tmp_path / "watch.toml"
    watch.write_text('actors = ["spacex"]\nnations = ["in"]\n')  # any case
    digest = as_json(built_db, "--watch", str(watch))
    for kind in ("new_milestones", "slips"):
        kept = digest[kind]
        assert {m["actor"] for m in kept if m["nation"] != "IN"} == {"SpaceX"}, kind
        assert any(m["nation"] == "IN" for m in kept), kind
    everything = as_json(built_db)["new_milestones"]
    assert len(digest["new_milestones"]) < len(everything)


def test_an_actor_is_found_by_its_aliases(built_db, tmp_path):
    watch = tmp_path / "watch.toml"
    watch.write_text('actors = ["Space Exploration Holdings"]\n')  # an alias of SpaceX
    digest = as_json(built_db, "--watch", str(watch))
    assert {m["actor"] for m in digest["new_milestones"]} == {"SpaceX"}


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        ('capabilities = ["orbital_datacentre"]', "the taxonomy's ids are asteroid_mining,"),
        ('nations = ["China"]', "ISO 3166 codes"),
        ('actor = ["SpaceX"]', "must give lists named actors, nations, capabilities, not actor"),
        ('actors = "SpaceX"', "must be a list of strings"),
        ("actors = [", "cannot read the watch file"),
    ],
)
def test_a_wrong_watch_file_is_a_one_line_error(built_db, tmp_path, content, phrase):
    watch = tmp_path / "watch.toml"
    watch.write_text(content + "\n")
    result = whatsnew(built_db, "--watch", str(watch))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert phrase in result.stderr and "Traceback" not in result.stderr


def test_a_missing_watch_file_is_named(built_db, tmp_path):
    result = whatsnew(built_db, "--watch", str(tmp_path / "none.toml"))
    assert result.returncode == 2 and "no watch file at" in result.stderr


def test_text_lists_each_item_with_its_sentence_and_page(built_db):
    result = whatsnew(built_db)
    digest = as_json(built_db)
    assert result.returncode == 0
    assert f"New milestones ({len(digest['new_milestones'])})" in result.stdout
    first = digest["new_milestones"][0]
    assert f"{first['actor']} ({first['nation']}) {first['capability']}" in result.stdout
    assert first["url"] in result.stdout


EVIL = "Orbit [x](http://evil.example) <script>alert(1)</script> ![i](http://evil.example/i.png)"


def test_markdown_has_the_headings_and_crawled_text_cannot_make_links_or_html(db_copy):
    digest = as_json(db_copy)
    target = digest["new_milestones"][0]
    with duckdb.connect(str(db_copy)) as con:
        con.execute(
            "UPDATE claims SET sentence = ? WHERE claim_id IN "
            "(SELECT claim_id FROM milestone_claims WHERE milestone_id = ?)",
            [EVIL, target["milestone_id"]],
        )
    out = whatsnew(db_copy, "--format", "markdown").stdout
    for heading in ("## New milestones", "## Changed milestones", "## Slips"):
        assert heading in out
    assert "Orbit \\[x\\]\\(http" in out  # shown, escaped
    assert "](http://evil" not in out and "<script>" not in out and "![i]" not in out
    assert f"[page]({target['url']})" in out  # the page itself is a link


class Hook(BaseHTTPRequestHandler):
    """Records each POST (headers and body) and answers with the server's `answer` status."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((self.headers["Content-Type"], body))
        self.send_response(self.server.answer)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def hook():
    server = HTTPServer(("127.0.0.1", 0), Hook)
    server.received, server.answer = [], 200
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    yield server
    server.shutdown()
    server.server_close()


def test_the_webhook_receives_the_json_digest(built_db, hook):
    result = whatsnew(built_db, "--webhook", hook.url)
    assert result.returncode == 0, result.stderr
    assert "New milestones (" in result.stdout  # the text is printed too
    [(content_type, body)] = hook.received
    assert content_type == "application/json"
    assert json.loads(body) == as_json(built_db)
    assert f"posted the digest to {shown(hook.url)} (HTTP 200)" in result.stderr
    assert "/hook" not in result.stderr  # a webhook's path may hold its secret


def test_a_webhook_answering_500_fails_with_a_clear_message(built_db, hook):
    hook.answer = 500
    result = whatsnew(built_db, "--webhook", hook.url)
    assert result.returncode != 0 and "New milestones (" in result.stdout
    assert len(result.stderr.splitlines()) == 1
    assert f"the webhook {shown(hook.url)} answered HTTP 500" in result.stderr


def test_a_webhook_that_cannot_be_reached_fails_naming_it(built_db):
    with socket.socket() as free:  # a port nothing listens on once closed
        free.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{free.getsockname()[1]}/hook"
    result = whatsnew(built_db, "--webhook", url)
    assert result.returncode == 2 and "New milestones (" in result.stdout
    assert f"could not reach the webhook {shown(url)}" in result.stderr


def test_nothing_new_posts_nothing(built_db, hook):
    result = whatsnew(built_db, "--since", "2999-01-01", "--webhook", hook.url)
    assert result.returncode == 0 and hook.received == []
    assert "nothing posted" in result.stderr


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/hook", "http:///hook"])
def test_a_webhook_must_be_an_http_url(built_db, url):
    result = whatsnew(built_db, "--webhook", url)
    assert result.returncode == 2 and "http:// or https:// URL" in result.stderr
    assert result.stdout == ""  # refused before anything is read
