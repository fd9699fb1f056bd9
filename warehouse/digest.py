"""A fingerprint of a warehouse's content, to tell whether two warehouses hold the same data:
an update killed and resumed against a clean one, or a restored snapshot against its origin.

Clock readings and run ids differ between any two runs, so they are left out; everything the
crawl brought, the extraction found and the build made is compared."""

from pathlib import Path

import duckdb

from warehouse.read import connect_readonly

# Columns that record when something ran, not what it found.
WHEN_COLUMNS = {
    "documents": ("fetched_at", "run_id"),
    "extractions": ("extracted_at",),
    "schema_migrations": ("applied_at",),
}
# The run log itself: each run (a killed one included) is a row of its own.
RUN_LOG_TABLES = ("crawl_runs",)


def table_digests(db: Path) -> dict[str, str]:
    """Per base table: its row count and an order-free hash of its rows, clock columns aside."""
    with connect_readonly(db) as con:
        return digests_of(con)


def digests_of(con: duckdb.DuckDBPyConnection, exact: bool = False) -> dict[str, str]:
    """The digests of `con`'s tables; `exact` keeps every table and column (a snapshot)."""
    tables = base_tables(con)
    if not exact:
        tables = [t for t in tables if t not in RUN_LOG_TABLES]
    return {
        table: _digest(con, table, () if exact else WHEN_COLUMNS.get(table, ())) for table in tables
    }


def base_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables (not views) of the main schema, by name."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "AND table_type = 'BASE TABLE' AND table_catalog = current_database() ORDER BY table_name"
    ).fetchall()
    return [name for (name,) in rows]


def _digest(con: duckdb.DuckDBPyConnection, table: str, excluded: tuple[str, ...]) -> str:
    select = f"SELECT * EXCLUDE ({', '.join(excluded)})" if excluded else "SELECT *"
    # Each row becomes its text form, hashed; the sorted hashes are hashed again, so row order
    # (which no table promises) does not matter.
    count, digest = con.execute(
        f"SELECT count(*), md5(coalesce(string_agg(h, ',' ORDER BY h), '')) "
        f"FROM (SELECT md5(CAST(r AS VARCHAR)) AS h FROM ({select} FROM {table}) r)"
    ).fetchone()
    return f"{count} rows {digest}"


def differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """The tables whose digests differ (or exist on one side only), as readable lines."""
    lines = []
    for table in sorted(set(a) | set(b)):
        if a.get(table) != b.get(table):
            lines.append(f"{table}: {a.get(table, 'missing')} != {b.get(table, 'missing')}")
    return lines
