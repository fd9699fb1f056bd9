"""Where the dashboard reads from, and cached named queries that follow each publication."""

from pathlib import Path

import pandas as pd
import streamlit as st

from warehouse import resolve_db_path
from warehouse.read import run_named


def warehouse_path() -> Path:
    return resolve_db_path(None)


def query(db: Path, name: str, **params) -> pd.DataFrame:
    """A named query, cached until the published warehouse file changes (an update renames a
    new file over it, so its modification time moves)."""
    return _cached(str(db), db.stat().st_mtime_ns, name, tuple(sorted(params.items())))


@st.cache_data(show_spinner=False, max_entries=256)
def _cached(db: str, version: int, name: str, params: tuple) -> pd.DataFrame:
    return run_named(Path(db), name, dict(params))


def missing_warehouse_page(db: Path) -> None:
    st.title("spacerace")
    st.warning(
        f"There is no warehouse at `{db}` yet. Build one with `spacerace update` "
        "(live sites), or run `make run` for the bundled demo, then reload this page."
    )
