"""Full snapshots: every table, every document version and raw body, as Parquet files with a
manifest; and their restoration as a new published warehouse (the current one kept as .bak)."""

import json
from pathlib import Path

import duckdb

from warehouse.clock import utcnow
from warehouse.digest import base_tables, differences, digests_of
from warehouse.errors import SpaceraceError
from warehouse.migrate import MIGRATIONS_TABLE, available_migrations, migrate
from warehouse.publish import staged_update
from warehouse.read import connect_readonly

MANIFEST = "manifest.json"
FORMAT = "spacerace-snapshot"


def write_snapshot(db: Path, folder: Path) -> Path:
    """Write every table of `db` to `folder` as Parquet, with a manifest; return the manifest."""
    folder.mkdir(parents=True, exist_ok=True)
    with connect_readonly(db, external_access=True) as con:
        tables = [t for t in base_tables(con) if t != MIGRATIONS_TABLE]
        for table in tables:
            con.execute(f"COPY {_name(table)} TO {_literal(folder / f'{table}.parquet')} "
                        "(FORMAT parquet)")  # fmt: skip
        migrations = con.execute(
            f"SELECT version, name FROM {MIGRATIONS_TABLE} ORDER BY version"
        ).fetchall()
        digests = digests_of(con, exact=True)
    manifest = {
        "format": FORMAT,
        "written_at": utcnow().isoformat(timespec="seconds"),
        "from": str(db),
        "migrations": [[number, name] for number, name in migrations],
        "tables": {t: digests[t] for t in tables},
    }
    path = folder / MANIFEST
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return path


def restore_snapshot(folder: Path, db: Path) -> dict:
    """Publish the snapshot in `folder` as `db`, checked against its manifest; return the
    manifest. The warehouse it replaces is kept as a backup."""
    manifest = read_manifest(folder)
    level = _migration_level(manifest, folder)
    with staged_update(db, empty=True) as con:
        migrate(con, upto=level)
        _load_tables(con, folder, manifest["tables"])
        loaded = digests_of(con, exact=True)
        wrong = differences({t: loaded.get(t, "missing") for t in manifest["tables"]},
                            manifest["tables"])  # fmt: skip
        if wrong:
            raise SpaceraceError(
                f"the snapshot in {folder} does not match its manifest ({wrong[0]}): a file was "
                "changed or cut short; nothing was restored"
            )
        migrate(con)  # a snapshot from an older release gets the newer migrations
    return manifest


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    if not path.is_file():
        raise SpaceraceError(
            f"{folder} holds no snapshot (no {MANIFEST}): give the folder `spacerace export` "
            "wrote its snapshot to, e.g. exports/snapshot"
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SpaceraceError(f"{path} is damaged ({exc}); nothing was restored") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SpaceraceError(f"{path} is not a spacerace snapshot manifest; nothing was restored")
    return manifest


def _migration_level(manifest: dict, folder: Path) -> int:
    known = {number: name for number, name, _ in available_migrations()}
    for number, name in manifest.get("migrations", []):
        if known.get(number) != name:
            raise SpaceraceError(
                f"the snapshot in {folder} was made with migration {number} {name}, which this "
                "spacerace does not have: restore it with the release that wrote it, or upgrade"
            )
    return max((number for number, _ in manifest["migrations"]), default=0)


def _load_tables(con: duckdb.DuckDBPyConnection, folder: Path, tables: dict) -> None:
    present = set(base_tables(con))
    for table in tables:
        if table not in present:
            raise SpaceraceError(
                f"the snapshot in {folder} has a table {table!r} its schema does not: "
                "nothing was restored"
            )
        file = folder / f"{table}.parquet"
        if not file.is_file():
            raise SpaceraceError(f"the snapshot lacks {file}: nothing was restored")
        try:
            con.execute(f"INSERT INTO {_name(table)} BY NAME "
                        f"SELECT * FROM read_parquet({_literal(file)})")  # fmt: skip
        except duckdb.Error as exc:
            raise SpaceraceError(
                f"{file} could not be read ({str(exc).splitlines()[0]}): nothing was restored"
            ) from None


def _name(table: str) -> str:
    return '"' + table.replace('"', '""') + '"'


def _literal(path: Path) -> str:
    # COPY and read_parquet take no bound parameter for the file: quote it as a literal.
    return "'" + str(path.resolve()).replace("'", "''") + "'"
