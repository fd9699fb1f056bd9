"""Read-only access: named queries for the CLI and dashboard, and SQL typed by users."""

from functools import cache
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd

from warehouse.errors import SpaceraceError, UserSqlError, WarehouseMissing


def connect_readonly(db: Path, *, external_access: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published warehouse; with no disk access beyond it."""
    if not db.exists():
        raise WarehouseMissing(db)
    config = {"enable_external_access": external_access}
    try:
        return duckdb.connect(str(db), read_only=True, config=config)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise SpaceraceError(
                f"{db} is held for writing by another process (DuckDB lock); updates write a copy, "
                "so something else opened it: close that program, then run again"
            ) from None
        raise SpaceraceError(
            f"{db} is not a DuckDB warehouse or is damaged ({_first_line(exc)}); point --db at a "
            "warehouse, or rebuild it with `spacerace update` (the previous one is kept as .bak)"
        ) from None


@cache
def named_query(name: str) -> str:
    """The SQL text of warehouse/queries/<name>.sql."""
    path = resources.files("warehouse") / "queries" / f"{name}.sql"
    return path.read_text(encoding="utf-8")


def query_names() -> list[str]:
    folder = resources.files("warehouse") / "queries"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".sql"))


def run_named(db: Path, name: str, params: dict | None = None) -> pd.DataFrame:
    """Run a named query with bound parameters and return its rows."""
    with connect_readonly(db) as con:
        return con.execute(named_query(name), params or {}).df()


def run_user_sql(db: Path, sql: str, params: list | None = None) -> pd.DataFrame:
    """Run SQL a user typed: read-only, no file or network access, parameters bound."""
    with connect_readonly(db) as con:
        try:
            return con.execute(sql, params or []).df()
        except duckdb.PermissionException as exc:
            raise UserSqlError(
                f"refused: {_first_line(exc)} (spacerace sql is read-only and cannot reach files; "
                "use `spacerace export` to write tables to disk)"
            ) from None
        except duckdb.Error as exc:
            raise UserSqlError(
                f"the query failed: {_first_line(exc)} "
                "(see `spacerace sql --tables` for the tables and columns)"
            ) from None


def table_columns(db: Path) -> pd.DataFrame:
    """Every table and view with its columns, for `spacerace sql --tables`."""
    sql = (
        "SELECT table_name, string_agg(column_name, ', ' ORDER BY ordinal_position) AS columns "
        "FROM information_schema.columns WHERE table_schema = 'main' "
        "GROUP BY table_name ORDER BY table_name"
    )
    with connect_readonly(db) as con:
        return con.execute(sql).df()


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]
