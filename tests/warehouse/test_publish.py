"""The write model: staged copies published by rename, one writer, migrations recorded."""

import duckdb
import pytest

from warehouse.errors import SpaceraceError, WarehouseLocked
from warehouse.lock import writer_lock
from warehouse.migrate import available_migrations
from warehouse.paths import backup_path, resolve_db_path
from warehouse.publish import staged_update


def count(db, table):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_new_warehouse_gets_every_migration_recorded(tmp_path):
    db = tmp_path / "w.duckdb"
    with staged_update(db):
        pass
    with duckdb.connect(str(db), read_only=True) as con:
        recorded = [
            r[0]
            for r in con.execute("SELECT name FROM schema_migrations ORDER BY version").fetchall()
        ]
    assert recorded == [name for _, name, _ in available_migrations()]


def test_a_failed_update_leaves_the_published_warehouse_as_it_was(tmp_path):
    db = tmp_path / "w.duckdb"
    with staged_update(db) as con:
        con.execute(
            "INSERT INTO curation (curation_id, created_at, action, target) "
            "VALUES ('c1', now()::TIMESTAMP, 'reject_claim', 'x')"
        )
    with pytest.raises(RuntimeError), staged_update(db) as con:
        con.execute("DELETE FROM curation")
        raise RuntimeError("killed mid-update")
    assert count(db, "curation") == 1
    assert not list(tmp_path.glob("*.staging-*"))


def test_publication_keeps_the_previous_warehouse_as_a_backup(tmp_path):
    db = tmp_path / "w.duckdb"
    with staged_update(db) as con:
        con.execute(
            "INSERT INTO curation (curation_id, created_at, action, target) "
            "VALUES ('c1', now()::TIMESTAMP, 'reject_claim', 'x')"
        )
    with staged_update(db) as con:
        con.execute(
            "INSERT INTO curation (curation_id, created_at, action, target) "
            "VALUES ('c2', now()::TIMESTAMP, 'reject_claim', 'y')"
        )
    assert count(db, "curation") == 2
    assert count(backup_path(db), "curation") == 1


def test_a_reader_keeps_its_snapshot_while_an_update_publishes(tmp_path):
    db = tmp_path / "w.duckdb"
    with staged_update(db):
        pass
    reader = duckdb.connect(str(db), read_only=True)
    with staged_update(db) as con:
        con.execute(
            "INSERT INTO curation (curation_id, created_at, action, target) "
            "VALUES ('c1', now()::TIMESTAMP, 'reject_claim', 'x')"
        )
    assert reader.execute("SELECT count(*) FROM curation").fetchone()[0] == 0
    reader.close()
    assert count(db, "curation") == 1


def test_a_second_writer_is_told_who_holds_the_lock(tmp_path):
    db = tmp_path / "w.duckdb"
    with (
        writer_lock(db),
        pytest.raises(WarehouseLocked, match=r"locked by another update \(pid \d+"),
        staged_update(db),
    ):
        pass


def publish_curations(db, n):
    for _ in range(n):
        with staged_update(db) as con:
            con.execute(
                "INSERT INTO curation (curation_id, created_at, action, target) "
                "VALUES (uuid()::VARCHAR, now()::TIMESTAMP, 'reject_claim', 'x')"
            )


def test_as_many_previous_warehouses_are_kept_as_configured_newest_first(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    monkeypatch.setenv("SPACERACE_BACKUPS", "3")
    publish_curations(db, 6)
    assert count(db, "curation") == 6
    assert [count(backup_path(db, n), "curation") for n in (1, 2, 3)] == [5, 4, 3]
    assert sorted(p.name for p in tmp_path.glob("w.duckdb.bak*")) == [
        "w.duckdb.bak", "w.duckdb.bak.2", "w.duckdb.bak.3"
    ]  # fmt: skip


def test_keeping_fewer_backups_removes_the_oldest_and_zero_keeps_none(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    monkeypatch.setenv("SPACERACE_BACKUPS", "3")
    publish_curations(db, 4)
    monkeypatch.setenv("SPACERACE_BACKUPS", "1")
    publish_curations(db, 1)
    assert [p.name for p in tmp_path.glob("w.duckdb.bak*")] == ["w.duckdb.bak"]
    monkeypatch.setenv("SPACERACE_BACKUPS", "0")
    publish_curations(db, 1)
    assert list(tmp_path.glob("w.duckdb.bak*")) == []


@pytest.mark.parametrize("value", ["-1", "two", "1000"])
def test_a_bad_backup_count_is_named_before_anything_is_written(tmp_path, monkeypatch, value):
    monkeypatch.setenv("SPACERACE_BACKUPS", value)
    with pytest.raises(SpaceraceError, match="SPACERACE_BACKUPS is .*whole number from 0 to 100"):
        publish_curations(tmp_path / "w.duckdb", 1)
    assert list(tmp_path.iterdir()) == []


def test_the_first_update_makes_the_warehouses_missing_folders(tmp_path):
    db = resolve_db_path(tmp_path / "new" / "data" / "w.duckdb")
    with staged_update(db):
        pass
    assert count(db, "schema_migrations") > 0
