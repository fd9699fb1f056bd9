"""The write model: one writer at a time, writing a staged copy published by atomic rename.

DuckDB lets one process hold a file for writing and no other process may open it meanwhile,
so an update never writes the published file: it copies it, writes the copy, and renames the
copy over the original. Readers open the published file read-only and see either the old or
the new warehouse, never a half-written one.
"""

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import duckdb

from warehouse.lock import writer_lock
from warehouse.migrate import migrate
from warehouse.paths import backup_path, backups_to_keep, staging_path


@contextmanager
def staged_update(
    db: Path, locked: bool = False, empty: bool = False
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A write connection to a copy of `db` (migrated), published over `db` if the block succeeds.

    On any exception the copy is discarded and the published warehouse is left as it was.
    `locked` says the caller holds `writer_lock(db)` already; `empty` starts from an empty,
    unmigrated database instead of the copy (a restore).
    """
    keep = backups_to_keep()
    with nullcontext() if locked else writer_lock(db):
        stage = staging_path(db)
        _remove(stage)
        if db.exists() and not empty:
            shutil.copy2(db, stage)
        con = duckdb.connect(str(stage))
        try:
            if not empty:
                migrate(con)
            yield con
            con.execute("CHECKPOINT")
            con.close()
        except BaseException:
            con.close()
            _remove(stage)
            raise
        _publish(stage, db, keep)


def _publish(stage: Path, db: Path, keep: int) -> None:
    if db.exists():
        _keep_as_backup(db, keep)
    os.replace(stage, db)
    _fsync_dir(db.parent)


def _keep_as_backup(db: Path, keep: int) -> None:
    """The published warehouse becomes .bak, .bak becomes .bak.2 and so on; the ones past
    `keep` go. A hard link keeps the published file as .bak without copying it."""
    for n, old in _backups(db):
        if n >= keep:
            old.unlink()
    for n in range(keep - 1, 0, -1):
        if backup_path(db, n).exists():
            os.replace(backup_path(db, n), backup_path(db, n + 1))
    if keep:
        os.link(db, backup_path(db))


def _backups(db: Path) -> list[tuple[int, Path]]:
    found = []
    for path in db.parent.glob(db.name + ".bak*"):
        suffix = path.name.removeprefix(db.name + ".bak")
        if suffix == "" or (suffix[:1] == "." and suffix[1:].isdigit()):
            found.append((int(suffix[1:] or 1), path))
    return found


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + ".wal")):
        candidate.unlink(missing_ok=True)
