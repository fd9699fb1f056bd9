"""`spacerace curate` from the command line: recorded, applied at once, kept by later updates."""

import duckdb

from tests.conftest import run_cli


def rows(db, sql, *params):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def a_spacex_claim(db):
    return rows(db, "SELECT claim_id FROM claims WHERE actor_key = 'spacex' ORDER BY claim_id")[0][
        0
    ]


def test_curations_apply_at_once_and_survive_an_update(db_copy, mirror):
    claim = a_spacex_claim(db_copy)
    db = ("--db", str(db_copy))
    run_cli("curate", "reject", claim, "--why", "a forecast", "--by", "ana", *db, check=True)
    run_cli("curate", "set-nation", "starcloud", "GB", "--why", "test", *db, check=True)
    run_cli("curate", "merge", "blue-origin", "spacex", "--why", "test", *db, check=True)

    def applied():
        linked = rows(db_copy, "SELECT count(*) FROM milestone_claims WHERE claim_id = ?", claim)
        nation = rows(db_copy, "SELECT nation FROM entities WHERE entity_id = 'starcloud'")
        merged = rows(db_copy, "SELECT count(*) FROM entities WHERE entity_id = 'blue-origin'")
        return linked[0][0] == 0 and nation == [("GB",)] and merged[0][0] == 0

    assert applied()
    run_cli("update", "--mirror", mirror, "--db", str(db_copy), "--no-progress", check=True)
    assert applied()
    listed = run_cli("curate", "list", *db, check=True).stdout
    assert "reject_claim" in listed and "a forecast" in listed and "ana" in listed


def test_a_curation_of_an_unknown_claim_is_a_one_line_error_and_changes_nothing(db_copy):
    result = run_cli("curate", "reject", "no-such-claim", "--why", "x", "--db", str(db_copy))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no claim 'no-such-claim'" in result.stderr
    assert rows(db_copy, "SELECT count(*) FROM curation") == [(0,)]
