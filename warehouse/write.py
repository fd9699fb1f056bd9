"""Bulk writes: whole DataFrames or Arrow tables at once, never a row at a time."""

import duckdb
import pandas as pd


def insert_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> int:
    """Append `frame` to `table`, matching columns by name; return the number of rows."""
    if frame.empty:
        return 0
    con.register("_incoming", frame)
    try:
        columns = ", ".join(f'"{c}"' for c in frame.columns)
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming")
    finally:
        con.unregister("_incoming")
    return len(frame)


def replace_rows(
    con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, where: str = "TRUE"
) -> int:
    """Delete the rows of `table` matching `where`, then insert `frame` in bulk."""
    con.execute(f"DELETE FROM {table} WHERE {where}")
    return insert_frame(con, table, frame)
