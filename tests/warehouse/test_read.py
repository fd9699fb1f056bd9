"""Read-only access for users: no writes, no files, parameters bound."""

import re
from datetime import date

import pytest

from warehouse.errors import UserSqlError, WarehouseMissing
from warehouse.publish import staged_update
from warehouse.read import query_names, run_named, run_user_sql


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.duckdb"
    with staged_update(path) as con:
        con.execute(
            "INSERT INTO sources VALUES ('nasa', 'NASA', 'agency', 'US', 'https://www.nasa.gov/', 'nasa', 0)"
        )
    return path


def test_user_sql_binds_parameters(db):
    frame = run_user_sql(db, "SELECT name FROM sources WHERE source_id = ?", ["nasa"])
    assert frame.name.tolist() == ["NASA"]


def test_user_sql_cannot_attach_another_file(db, tmp_path):
    with pytest.raises(UserSqlError):
        run_user_sql(db, f"ATTACH '{tmp_path / 'other.duckdb'}' AS other")


def test_missing_warehouse_is_a_clear_error(tmp_path):
    with pytest.raises(WarehouseMissing, match="spacerace update"):
        run_user_sql(tmp_path / "nothing.duckdb", "SELECT 1")


# A value of the right kind for every parameter the named queries take.
SAMPLES = {"nations": ["US"], "capabilities": ["lunar_landing"], "sources": ["nasa"],
           "terms": ["moon"], "doc_ids": ["d1"], "start": date(2024, 1, 1), "end": date(2026, 1, 1),
           "min_confidence": 0.5, "limit": 10, "nation": "US", "capability": "lunar_landing",
           "milestone": "m1", "actor": "nasa", "node": "nasa", "actors": ["spacex"],
           "runs": ["20260101T000000-a1b2c3"]}  # fmt: skip


@pytest.mark.parametrize("name", query_names())
def test_every_named_query_runs_on_an_empty_warehouse(db, name):
    wanted = set(re.findall(r"\$([a-z_]+)", _text(name)))
    assert wanted <= set(SAMPLES), f"give the test a sample for {wanted - set(SAMPLES)}"
    run_named(db, name, {k: SAMPLES[k] for k in wanted})


def _text(name):
    from warehouse.read import named_query

    return named_query(name)
