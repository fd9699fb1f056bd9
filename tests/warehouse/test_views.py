"""The analysts' views explain themselves: each has a comment, and the timeline and what-is-new
views answer on the demo warehouse."""

import duckdb
import pytest

ANALYST_VIEWS = ["national_progress", "national_index", "index_evidence", "timeline", "slips",
                 "overdue_milestones", "new_since_last_run", "source_health", "documents_latest"]  # fmt: skip


@pytest.fixture(scope="module")
def con(built_db):
    with duckdb.connect(str(built_db), read_only=True) as c:
        yield c


@pytest.mark.parametrize("view", ANALYST_VIEWS)
def test_every_analyst_view_has_a_comment(con, view):
    (comment,) = con.execute(
        "SELECT comment FROM duckdb_views() WHERE view_name = ?", [view]
    ).fetchone()
    assert comment and len(comment) > 20


def test_the_timeline_holds_every_milestone_with_its_page(con):
    n_milestones = con.execute("SELECT count(*) FROM milestones").fetchone()[0]
    rows = con.execute("SELECT day, url FROM timeline").fetchall()
    assert len(rows) == n_milestones > 0
    assert all(day and url.startswith("http") for day, url in rows)


def test_after_the_first_run_everything_is_new(con):
    changes = {
        c for (c,) in con.execute("SELECT DISTINCT change FROM new_since_last_run").fetchall()
    }
    assert changes == {"new"}


def test_the_capability_index_sums_to_the_national_index(built_db):
    with duckdb.connect(str(built_db), read_only=True) as con:
        apart = con.execute(
            "SELECT count(*) FROM national_index n JOIN (SELECT month, nation, sum(index_value) AS v "
            "FROM capability_index GROUP BY ALL) c USING (month, nation) "
            "WHERE abs(n.index_value - c.v) > 1e-9"
        ).fetchone()[0]
        rows = con.execute(
            "SELECT (SELECT count(*) FROM national_index), "
            "(SELECT count(*) FROM (SELECT DISTINCT month, nation FROM capability_index))"
        ).fetchone()
    assert apart == 0 and rows[0] == rows[1] > 0
