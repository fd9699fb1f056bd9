"""Where the published warehouse lives and where updates stage their copy."""

import os
from pathlib import Path

from warehouse.config import setting
from warehouse.errors import SpaceraceError

DEFAULT_DB = "warehouse.duckdb"
DEFAULT_BACKUPS = 2


def resolve_db_path(db: str | os.PathLike | None = None) -> Path:
    """The warehouse file: the --db value, else $SPACERACE_DB, else spacerace.toml's [warehouse]
    path, else ./warehouse.duckdb. An error names the setting when that is a folder or lies
    under a file; missing folders are made by the first update."""
    configured = setting("warehouse", "path")
    chosen, where = next(
        (value, name)
        for value, name in (
            (db, "--db"),
            (os.environ.get("SPACERACE_DB"), "SPACERACE_DB"),
            (configured, "spacerace.toml [warehouse] path"),
            (DEFAULT_DB, "the default"),
        )
        if value
    )
    path = Path(chosen).expanduser().resolve()
    if path.is_dir():
        raise SpaceraceError(
            f"{where} names {path}, which is a folder: give the warehouse file, e.g. "
            f"{path / DEFAULT_DB}"
        )
    blocker = next((p for p in path.parents if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise SpaceraceError(
            f"{where} names {path}, but {blocker} is a file, not a folder: choose another place"
        )
    return path


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def staging_path(db: Path) -> Path:
    return db.with_name(f"{db.name}.staging-{os.getpid()}")


def backup_path(db: Path, n: int = 1) -> Path:
    """The n-th previous warehouse: warehouse.duckdb.bak, then .bak.2, .bak.3..."""
    return db.with_name(db.name + ".bak" + (f".{n}" if n > 1 else ""))


def backups_to_keep() -> int:
    """How many previous warehouses a publication keeps: $SPACERACE_BACKUPS, else
    spacerace.toml's [warehouse] backups, else 2."""
    text = os.environ.get("SPACERACE_BACKUPS", "").strip()
    where = "SPACERACE_BACKUPS"
    if not text:
        text, where = str(setting("warehouse", "backups", DEFAULT_BACKUPS)), "[warehouse] backups"
    if not text.isdigit() or int(text) > 100:
        raise SpaceraceError(
            f"{where} is {text!r}: give how many previous warehouses to keep, "
            "a whole number from 0 to 100"
        )
    return int(text)
