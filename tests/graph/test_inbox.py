"""Corrections made in the dashboard wait in an inbox beside the warehouse until a build."""

import shutil

import duckdb
import pytest

from graph.inbox import import_inbox, inbox_path, submit, waiting
from tests.conftest import run_cli
from warehouse import SpaceraceError


@pytest.fixture
def db(built_db, tmp_path):
    copy = tmp_path / "w.duckdb"
    shutil.copy(built_db, copy)
    return copy


def a_claim(db) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT claim_id FROM milestone_claims ORDER BY 1 LIMIT 1").fetchone()[0]


def test_a_rejection_made_in_the_dashboard_is_honoured_by_the_next_build(db):
    claim = a_claim(db)
    entry = submit(db, "reject_claim", claim, None, "the sentence is a forecast", "ana")
    assert waiting(db) == [entry]
    run_cli("build", "--db", str(db), check=True)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT author, note FROM curation WHERE curation_id = ?",
                           [entry["curation_id"]]).fetchall() == [("ana", "the sentence is a forecast")]  # fmt: skip
        assert not con.execute(
            "SELECT 1 FROM milestone_claims WHERE claim_id = ?", [claim]
        ).fetchall()
    # Still waiting until a build sees it published; the next build clears it, once.
    run_cli("build", "--db", str(db), check=True)
    assert waiting(db) == []
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM curation").fetchone() == (1,)


def test_a_correction_of_an_unknown_claim_is_reported_and_kept(db):
    submit(db, "set_status", "no-such-claim", "achieved", "checked the page", "ana")
    with duckdb.connect(str(db)) as con:
        recorded, problems = import_inbox(con, db)
    assert recorded == 0 and "no claim 'no-such-claim'" in problems[0]
    assert len(waiting(db)) == 1


def test_an_unreadable_inbox_line_is_reported_and_left_for_a_person(db):
    inbox_path(db).write_text("not json\n")
    submit(db, "reject_claim", a_claim(db), None, "duplicate", "ana")
    with duckdb.connect(str(db)) as con:
        recorded, problems = import_inbox(con, db)
    assert recorded == 1 and "line 1 of the inbox is not a correction" in problems[0]
    assert inbox_path(db).read_text().startswith("not json\n")


@pytest.mark.parametrize(("action", "value", "note", "why"), [
    ("set_status", "done", "x", "status 'done'"), ("reject_claim", None, " ", "say why"),
    ("merge", "spacex", "x", "the dashboard can"),
])  # fmt: skip
def test_a_malformed_correction_is_refused_before_it_is_queued(db, action, value, note, why):
    with pytest.raises(SpaceraceError, match=why):
        submit(db, action, "c1", value, note, "ana")
    assert waiting(db) == []
