"""Snapshots: every table and document version round-trips exactly; a damaged or foreign
snapshot is refused and leaves the published warehouse as it was."""

import json

import duckdb
import pytest

from warehouse.digest import digests_of, table_digests
from warehouse.errors import SpaceraceError
from warehouse.migrate import available_migrations, migrate
from warehouse.paths import backup_path
from warehouse.snapshot import restore_snapshot, write_snapshot


def exact_digests(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: d for t, d in digests_of(con, exact=True).items() if t != "schema_migrations"}


def test_a_snapshot_brings_back_every_table_row_for_row(built_db, tmp_path):
    write_snapshot(built_db, tmp_path / "snap")
    restored = tmp_path / "restored.duckdb"
    restore_snapshot(tmp_path / "snap", restored)
    assert exact_digests(restored) == exact_digests(built_db)
    with duckdb.connect(str(restored), read_only=True) as con:
        versions = con.execute("SELECT count(*) FROM documents WHERE raw_body IS NOT NULL")
        assert versions.fetchone()[0] > 0


def test_a_restore_keeps_the_warehouse_it_replaces_as_the_backup(built_db, db_copy, tmp_path):
    write_snapshot(built_db, tmp_path / "snap")
    with duckdb.connect(str(db_copy)) as con:
        con.execute("DELETE FROM claims")
    emptied = table_digests(db_copy)
    restore_snapshot(tmp_path / "snap", db_copy)
    assert table_digests(db_copy) == table_digests(built_db)
    assert table_digests(backup_path(db_copy)) == emptied


def test_a_changed_snapshot_file_is_refused_and_nothing_is_restored(built_db, db_copy, tmp_path):
    snap = tmp_path / "snap"
    write_snapshot(built_db, snap)
    with duckdb.connect() as con:
        con.execute(
            f"COPY (SELECT * FROM '{snap}/claims.parquet' LIMIT 3) TO '{snap}/claims.parquet'"
        )
    before = table_digests(db_copy)
    with pytest.raises(SpaceraceError, match="does not match its manifest \\(claims: "):
        restore_snapshot(snap, db_copy)
    assert table_digests(db_copy) == before
    assert not list(tmp_path.glob("*.staging-*"))


def test_a_folder_without_a_manifest_is_named(tmp_path):
    with pytest.raises(SpaceraceError, match="holds no snapshot .*exports/snapshot"):
        restore_snapshot(tmp_path, tmp_path / "w.duckdb")


def test_a_snapshot_from_a_newer_release_is_refused(built_db, tmp_path):
    write_snapshot(built_db, tmp_path / "snap")
    manifest = json.loads((tmp_path / "snap" / "manifest.json").read_text())
    manifest["migrations"].append([999, "999_from_the_future.sql"])
    (tmp_path / "snap" / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(SpaceraceError, match="migration 999 .* does not have"):
        restore_snapshot(tmp_path / "snap", tmp_path / "w.duckdb")
    assert not (tmp_path / "w.duckdb").exists()


def test_a_snapshot_from_an_older_schema_is_restored_then_migrated(tmp_path):
    old = tmp_path / "old.duckdb"
    with duckdb.connect(str(old)) as con:
        migrate(con, upto=9)
        con.execute("INSERT INTO curation (curation_id, created_at, action, target) "
                    "VALUES ('c1', now()::TIMESTAMP, 'reject_claim', 'x')")  # fmt: skip
    write_snapshot(old, tmp_path / "snap")
    restore_snapshot(tmp_path / "snap", tmp_path / "new.duckdb")
    with duckdb.connect(str(tmp_path / "new.duckdb"), read_only=True) as con:
        applied = con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert con.execute("SELECT curation_id FROM curation").fetchall() == [("c1",)]
    assert applied == len(available_migrations())
