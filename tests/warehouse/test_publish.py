"""The write model: staged copies published by rename, one writer, migrations recorded."""

import duckdb
import pytest

from warehouse.errors import WarehouseLocked
from warehouse.lock import writer_lock
from warehouse.migrate import available_migrations
from warehouse.paths import backup_path
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
