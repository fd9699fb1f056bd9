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
from warehouse.paths import backup_path, staging_path


@contextmanager
def staged_update(db: Path, locked: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A write connection to a copy of `db` (migrated), published over `db` if the block succeeds.

    On any exception the copy is discarded and the published warehouse is left as it was.
    `locked` says the caller holds `writer_lock(db)` already.
    """
    with nullcontext() if locked else writer_lock(db):
        stage = staging_path(db)
        _remove(stage)
        if db.exists():
            shutil.copy2(db, stage)
        con = duckdb.connect(str(stage))
        try:
            migrate(con)
            yield con
            con.execute("CHECKPOINT")
            con.close()
        except BaseException:
            con.close()
            _remove(stage)
            raise
        _publish(stage, db)


def _publish(stage: Path, db: Path) -> None:
    if db.exists():
        # A hard link keeps the previous warehouse as the backup without copying it.
        backup = backup_path(db)
        backup.unlink(missing_ok=True)
        os.link(db, backup)
    os.replace(stage, db)
    _fsync_dir(db.parent)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + ".wal")):
        candidate.unlink(missing_ok=True)
