"""Overview: headline counts, the national index over time, the nation-by-capability matrix
(a click on a cell lists its evidence) and the most recent milestones."""

from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from views.evidence import evidence, render_claims
from views.filters import Filters
from views.state import query

STATUS_COLOURS = {
    "achieved": "background-color: #1b7837; color: white",
    "planned": "background-color: #7fbf7b",
    "announced": "background-color: #d9f0d3",
    "failed": "background-color: #d6604d; color: white",
}
COUNTED = ("documents", "sources", "claims", "milestones", "nations")


def render_overview(db: Path, filters: Filters) -> None:
    st.title("spacerace: who is ahead, on what evidence")
    counts = query(db, "headline_counts").iloc[0]
    for col, label in zip(st.columns(len(COUNTED)), COUNTED, strict=True):
        col.metric(label.capitalize(), int(counts[label]))
    chosen = {"nations": list(filters.nations), "capabilities": list(filters.capabilities)}
    progress = query(db, "progress_matrix", **chosen)
    if progress.empty:
        st.info("No milestones for these filters yet: widen them, or run `spacerace update`.")
        return
    st.subheader("Space-compute index by nation")
    st.altair_chart(index_chart(query(db, "index_over_time", **chosen, start=filters.start,
                                      end=filters.end)), key="index_chart")  # fmt: skip
    st.caption("Capability weight x status weight of the best status each nation has reached; "
               "the README's 'The national index' gives the formula.")  # fmt: skip
    st.subheader("Best status by nation and capability")
    st.caption("Click a cell to see the claims behind it.")
    matrix = status_matrix(progress)
    picked = st.dataframe(matrix.style.map(_colour), width="stretch", key="matrix",
                          on_select="rerun", selection_mode="single-cell")  # fmt: skip
    _follow_click(matrix, picked)
    render_cell_evidence(db, filters, progress)
    st.subheader("Recently reported milestones")
    recent = query(db, "recent_milestones", **chosen, start=filters.start, end=filters.end)
    st.dataframe(recent.drop(columns="milestone_id"), width="stretch", hide_index=True)


def index_chart(index: pd.DataFrame) -> alt.Chart:
    """One line per nation, month by month."""
    return (
        alt.Chart(index)
        .mark_line(point=True)
        .encode(
            x=alt.X("month:T", title="Month"),
            y=alt.Y("index_value:Q", title="Index"),
            color=alt.Color("nation:N", title="Nation"),
            tooltip=["nation", alt.Tooltip("month:T", format="%Y-%m"), "index_value"],
        )
        .properties(height=320)
    )


def status_matrix(progress: pd.DataFrame) -> pd.DataFrame:
    """Nations as rows, capabilities as columns, the best status in each cell."""
    matrix = progress.pivot(index="nation", columns="capability", values="best_status")
    return matrix.fillna("")


def _colour(value: str) -> str:
    return STATUS_COLOURS.get(value, "")


def _follow_click(matrix: pd.DataFrame, picked) -> None:
    """A clicked cell becomes the one whose evidence is listed below."""
    cells = picked.selection.get("cells", []) if picked else []
    if not cells:
        return
    row, column = cells[0]
    nation = matrix.index[row]
    if matrix.loc[nation, column]:
        st.session_state["nation"], st.session_state["capability"] = nation, column


def render_cell_evidence(db: Path, filters: Filters, progress: pd.DataFrame) -> None:
    st.subheader("Evidence for a cell")
    nations = sorted(progress.nation.unique())
    nation = _select("Nation", nations, "nation")
    capabilities = sorted(progress[progress.nation == nation].capability.unique()) if nation else []
    capability = _select("Capability", capabilities, "capability")
    if not (nation and capability):
        # Nothing is drawn until a cell is chosen: a cell of a large warehouse holds thousands
        # of claims, and the overview should open at once.
        st.info("Click a cell of the matrix, or choose a nation and a capability.")
        return
    st.query_params.update({"nation": nation, "capability": capability})
    claims = evidence(db, filters, nation=nation, capability=capability)
    st.caption(f"{len(claims)} supporting claims for {nation} / {capability}")
    render_claims(db, claims, f"{nation}-{capability}")


def _select(label: str, options: list[str], key: str) -> str | None:
    """A selectbox started from a clicked cell, else the shared link's value, else empty."""
    if st.session_state.get(key) not in options:
        wanted = st.query_params.get(key)
        st.session_state[key] = wanted if wanted in options else None
    return st.selectbox(label, options, key=key, placeholder="choose")
