"""Migrations applied to a warehouse that already holds data keep its rows."""

import duckdb

from warehouse.migrate import MIGRATIONS_TABLE, available_migrations, migrate


def migrated_until(con, last: int) -> None:
    con.execute(f"CREATE TABLE {MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, name VARCHAR "
                "NOT NULL, applied_at TIMESTAMP NOT NULL)")  # fmt: skip
    for number, name, sql in available_migrations():
        if number <= last:
            con.execute(sql)
            con.execute(f"INSERT INTO {MIGRATIONS_TABLE} VALUES (?, ?, now())", [number, name])


def test_the_rebuilt_tables_keep_their_rows_when_their_keys_go(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrated_until(con, 9)
    con.execute(
        "INSERT INTO entities VALUES ('spacex', 'SpaceX', 'SpaceX', 'company', 'US', 'gazetteer')"
    )
    con.execute(
        "INSERT INTO graph_nodes VALUES ('spacex', 'company', 'SpaceX', 'US', 0.2, '{}', 3)"
    )
    con.execute("INSERT INTO milestone_claims VALUES ('m1', 'c1')")
    assert "010_derived_tables_without_keys.sql" in migrate(con)
    assert con.execute("SELECT entity_id, origin FROM entities").fetchall() == [
        ("spacex", "gazetteer")
    ]
    assert con.execute("SELECT node_id, pagerank, community FROM graph_nodes").fetchall() == [
        ("spacex", 0.2, 3)
    ]
    con.execute(
        "INSERT INTO milestone_claims VALUES ('m1', 'c1')"
    )  # the key is the build's to check
    assert con.execute("SELECT count(*) FROM milestone_claims").fetchone() == (2,)
