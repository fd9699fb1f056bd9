"""The What's new and source health page under Streamlit's AppTest, on the built warehouse and on
copies of it given other crawl histories."""

from datetime import timedelta
from pathlib import Path

import duckdb

from tests.views.conftest import run_app

PAGE = str(Path(__file__).resolve().parents[2] / "views" / "pages" / "whatsnew.py")


def run_page(monkeypatch, db, **params):
    return run_app(monkeypatch, db, PAGE, **params)


def table(at, column: str):
    """The one dataframe on the page with this column."""
    [found] = [d.value for d in at.dataframe if column in d.value.columns]
    return found


def add_runs(db: Path, source_id: str, statuses: list[str]) -> list[str]:
    """Record later crawl runs of one source (oldest first), as if crawled after the demo."""
    with duckdb.connect(str(db)) as con:
        [(last,)] = con.execute("SELECT max(started_at) FROM crawl_runs").fetchall()
        run_ids = []
        for n, status in enumerate(statuses, start=1):
            started = last + timedelta(days=n)
            run_id = f"{started:%Y%m%dT%H%M%S}-test{n:02d}"
            con.execute(
                "INSERT INTO crawl_runs (run_id, source_id, started_at, finished_at, status, "
                "errors, message) VALUES (?, ?, ?, ?, ?, 1, ?)",
                [run_id, source_id, started, started + timedelta(minutes=1), status,
                 f"no documents; test run {n}"],
            )  # fmt: skip
            run_ids.append(run_id)
    return run_ids


def sql(db: Path, text: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(text).fetchall()


def test_the_last_runs_new_milestones_are_listed_with_the_run(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db)
    assert not at.exception
    [(run_id,)] = sql(built_db, "SELECT max(run_id) FROM crawl_runs")
    assert any(run_id in c.value for c in at.caption)
    milestones = table(at, "change")
    [(expected,)] = sql(built_db, "SELECT count(*) FROM new_since_last_run WHERE change = 'new'")
    assert (milestones.change == "new").sum() == expected > 0
    assert milestones.evidence.str.startswith("/evidence?milestone=").all()


def test_the_slips_of_the_last_run_are_listed(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db)
    slips = table(at, "new_target")
    assert len(slips) > 0
    assert set(slips.direction) <= {"later", "earlier"}


def test_the_health_table_has_every_sources_last_run(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db)
    health = table(at, "pages")
    assert set(health.source_id) == {s for (s,) in sql(built_db, "SELECT source_id FROM sources")}
    assert {"status", "finished", "new", "changed", "errors", "message"} <= set(health.columns)
    assert (health.set_index("source_id").status["nasa"]) == "ok"
    assert any("`spacerace health`" in c.value for c in at.caption)


def test_the_nation_filter_limits_the_new_milestones(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db, nations="CN")
    milestones = table(at, "change")
    assert len(milestones) > 0 and set(milestones.nation) == {"CN"}
    assert set(table(at, "new_target").nation) == {"CN"}


def test_a_run_that_brought_nothing_says_so(monkeypatch, db_copy):
    [run_id] = add_runs(db_copy, "nasa", ["ok"])
    at = run_page(monkeypatch, db_copy)
    assert any(run_id in c.value for c in at.caption)
    assert any("Nothing new" in i.value for i in at.info)
    assert not [d for d in at.dataframe if "change" in d.value.columns]


def test_a_source_failing_its_last_three_runs_is_an_error_saying_so(monkeypatch, db_copy):
    add_runs(db_copy, "nasa", ["failed", "failed", "failed"])
    at = run_page(monkeypatch, db_copy)
    [error] = [e.value for e in at.error if "`nasa`" in e.value]
    assert "failed its last 3 crawls in a row" in error
    assert "test run 3" in error  # the last run's message
    assert "spacerace update nasa" in error
    assert table(at, "pages").set_index("source_id").status["nasa"] == "failed"


def test_a_source_failing_once_is_an_error_but_not_a_streak(monkeypatch, db_copy):
    add_runs(db_copy, "nasa", ["failed", "ok", "blocked"])
    at = run_page(monkeypatch, db_copy)
    [error] = [e.value for e in at.error if "`nasa`" in e.value]
    assert "was blocked on its last crawl" in error and "in a row" not in error


def test_a_degraded_last_run_is_a_warning_not_an_error(monkeypatch, db_copy):
    add_runs(db_copy, "nasa", ["degraded"])
    at = run_page(monkeypatch, db_copy)
    assert not [e for e in at.error if "nasa" in e.value]
    [warning] = [w.value for w in at.warning if "`nasa`" in w.value]
    assert "was degraded on its last crawl" in warning and "test run 1" in warning


def test_the_demo_has_no_error_and_warns_of_its_degraded_source(monkeypatch, built_db):
    at = run_page(monkeypatch, built_db)
    assert not at.error
    degraded = {s for (s,) in sql(built_db, "SELECT source_id FROM source_health "
                                  "WHERE status = 'degraded'")}  # fmt: skip
    assert degraded, "the demo's blueorigin is degraded (bot challenge)"
    warned = {s for s in degraded for w in at.warning if f"`{s}`" in w.value}
    assert warned == degraded
    assert any("The crawler's report: " in w.value for w in at.warning)


def test_alerts_come_before_the_latest_run(monkeypatch, db_copy):
    add_runs(db_copy, "nasa", ["failed"])
    at = run_page(monkeypatch, db_copy)
    main = list(at.main)
    kinds = [type(e).__name__ for e in main]
    assert kinds.index("Error") < kinds.index("Header")
