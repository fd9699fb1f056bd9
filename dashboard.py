"""The Streamlit dashboard (thin): finds the warehouse and hands over to the pages in views/."""

import streamlit as st

from views.overview import render_overview
from views.state import missing_warehouse_page, warehouse_path

st.set_page_config(page_title="spacerace", page_icon=":rocket:", layout="wide")
db = warehouse_path()
if not db.exists():
    missing_warehouse_page(db)
else:
    render_overview(db)
