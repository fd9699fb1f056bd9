"""`spacerace health`: every source's last crawl, and an exit status a monitoring check can use:
1 for a source failing 3 runs in a row or blocked with no working fallback, 0 otherwise."""

import json
from datetime import datetime, timedelta

import duckdb

from tests.conftest import run_cli
from warehouse.health import health_report

LATER = datetime(2999, 1, 1)  # after every run the bundled update recorded


def add_runs(db, source_id: str, *statuses: str) -> None:
    """Record crawl runs of one source after the existing ones, oldest first."""
    with duckdb.connect(str(db)) as con:
        for n, status in enumerate(statuses):
            started = LATER + timedelta(hours=n)
            con.execute(
                "INSERT INTO crawl_runs (run_id, source_id, started_at, finished_at, status, "
                "message) VALUES (?, ?, ?, ?, ?, ?)",
                [started.strftime("%Y%m%dT%H%M%S-test00"), source_id, started,
                 started + timedelta(minutes=1), status, f"{status} in the test"],
            )  # fmt: skip


def health(db, *args):
    return run_cli("health", "--db", str(db), *args)


def test_health_explains_itself_and_its_exit_status():
    result = run_cli("health", "--help")
    assert result.returncode == 0 and "usage: spacerace health" in result.stdout
    assert "Exit status" in result.stdout and "3 times in a row" in result.stdout


def test_a_degraded_source_is_a_warning_that_does_not_fail_the_check(built_db):
    # The bundled mirror answers Blue Origin with its bot challenge; the fallbacks bring its news.
    result = health(built_db)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning: Blue Origin (blueorigin) was degraded" in result.stdout
    assert "nasa" in result.stdout and "cgtn" in result.stdout  # every source is listed
    assert result.stdout.rstrip().endswith("health: warning (8 sources, 1 warning)")


def test_all_sources_ok_is_exit_0_with_no_problem_lines(db_copy):
    add_runs(db_copy, "blueorigin", "ok")
    result = health(db_copy)
    assert result.returncode == 0
    assert "warning:" not in result.stdout and "failing:" not in result.stdout
    assert "health: ok (8 sources)" in result.stdout


def test_three_failed_runs_in_a_row_fail_the_check_and_say_what_to_do(db_copy):
    add_runs(db_copy, "nasa", "failed", "failed", "failed")
    result = health(db_copy)
    assert result.returncode == 1
    line = next(x for x in result.stdout.splitlines() if x.startswith("failing:"))
    assert "NASA (nasa) has failed its last 3 crawls in a row" in line
    assert "failed in the test" in line  # the crawler's own report
    assert "spacerace update nasa" in line and "FROM crawl_runs" in line


def test_a_single_failure_is_only_a_warning(db_copy):
    add_runs(db_copy, "nasa", "failed", "ok", "failed", "failed")  # the streak is 2
    result = health(db_copy)
    assert result.returncode == 0
    assert "warning: NASA (nasa) failed its last crawl" in result.stdout


def test_blocked_with_no_working_fallback_fails_the_check(db_copy):
    add_runs(db_copy, "blueorigin", "blocked")
    result = health(db_copy)
    assert result.returncode == 1
    assert "failing: Blue Origin (blueorigin) was blocked on its last crawl" in result.stdout
    assert result.stdout.rstrip().endswith("health: failing (8 sources, 1 failing)")


def test_a_source_never_crawled_is_a_note(db_copy):
    with duckdb.connect(str(db_copy)) as con:
        con.execute(
            "INSERT INTO sources (source_id, name, kind) VALUES ('esa2', 'ESA 2', 'agency')"
        )
    result = health(db_copy)
    assert result.returncode == 0
    assert "note: ESA 2 (esa2) has not been crawled yet: `spacerace update esa2`" in result.stdout


def test_json_gives_every_source_with_its_level_and_advice(db_copy):
    add_runs(db_copy, "spacex", "partial")
    result = health(db_copy, "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["exit_status"] == 0
    assert report["status"] == "warning"
    by_source = {source["source_id"]: source for source in report["sources"]}
    assert len(by_source) == 8
    assert by_source["spacex"]["level"] == "warning"
    assert "some of its pages failed" in by_source["spacex"]["advice"]
    assert by_source["cgtn"]["level"] is None and by_source["cgtn"]["advice"] is None


def test_no_warehouse_is_exit_2_naming_the_command_that_builds_one(tmp_path):
    result = health(tmp_path / "none.duckdb")
    assert result.returncode == 2
    assert "no warehouse at" in result.stderr and "spacerace update" in result.stderr
    assert "Traceback" not in result.stderr


def test_health_report_gives_the_lines_an_update_log_prints(db_copy):
    add_runs(db_copy, "cgtn", "blocked")
    lines, status = health_report(db_copy)
    assert status == 1
    assert [line.split(":")[0] for line in lines] == ["failing", "warning"]  # worst first
    assert "CGTN (cgtn) was blocked" in lines[0] and "Blue Origin" in lines[1]
