"""The Streamlit dashboard (thin): the pages in views/pages, one navigation for all of them."""

import streamlit as st

PAGES = [
    ("overview", "Overview", ":material/public:"),
    ("timeline", "Timeline", ":material/timeline:"),
    ("graph", "Graph explorer", ":material/hub:"),
    ("actor", "Actor profile", ":material/badge:"),
    ("evidence", "Evidence", ":material/format_quote:"),
    ("search", "Search", ":material/search:"),
    ("whatsnew", "What's new and source health", ":material/new_releases:"),
]

# A page script's folder goes first on sys.path when it runs: a page named graph.py would hide
# the graph package from everything the page imports.
PAGE_FILES = {"graph": "explorer"}

st.set_page_config(page_title="spacerace", page_icon=":rocket:", layout="wide")
navigation = st.navigation(
    [
        st.Page(f"views/pages/{PAGE_FILES.get(name, name)}.py", title=title, icon=icon, url_path=name,
                default=name == "overview")
        for name, title, icon in PAGES
    ]
)  # fmt: skip
navigation.run()
