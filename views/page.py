"""What every page starts with: the warehouse (or a page saying how to build one) and the
shared filters."""

from pathlib import Path

import streamlit as st

from views.filters import Filters, sidebar_filters
from views.state import missing_warehouse_page, warehouse_path
from warehouse import SpaceraceError


def setup() -> tuple[Path, Filters]:
    """(warehouse, filters); stops the page when there is no warehouse yet."""
    try:
        db = warehouse_path()
    except SpaceraceError as exc:  # SPACERACE_DB names a folder, or a place that does not exist
        st.title("spacerace")
        st.error(str(exc))
        st.stop()
    if not db.exists():
        missing_warehouse_page(db)
        st.stop()
    return db, sidebar_filters(db)
