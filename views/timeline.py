"""Timeline: milestones on a time axis (planned against achieved), each slip drawn from its old
target to its new one, overdue plans ringed in red."""

from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from views.filters import Filters
from views.state import query

STATUS_SCALE = alt.Scale(domain=["achieved", "planned", "announced", "failed"],
                         range=["#1b7837", "#7fbf7b", "#b8b8b8", "#d6604d"])  # fmt: skip


def render_timeline(db: Path, filters: Filters) -> None:
    st.title("Timeline")
    chosen = {"nations": list(filters.nations), "capabilities": list(filters.capabilities)}
    points = query(db, "timeline_milestones", **chosen, start=filters.start, end=filters.end)
    slips = query(db, "timeline_slips", **chosen)
    if points.empty:
        st.info("No dated milestones for these filters: widen them in the sidebar.")
        return
    rows = st.radio("One row per", ["actor", "nation", "capability"], horizontal=True,
                    key="timeline_rows")  # fmt: skip
    st.altair_chart(timeline_chart(points, slips, rows), key="timeline_chart")
    overdue = points[points.overdue]
    st.caption(f"{len(points)} milestones, {len(slips)} slips, {len(overdue)} overdue plans. "
               "A plan sits at its target; an arrow runs from an old target to the new one.")  # fmt: skip
    left, right = st.columns(2)
    left.subheader("Slips")
    left.dataframe(slips.drop(columns=["old_day", "new_day"]), hide_index=True, width="stretch")
    right.subheader("Overdue plans")
    right.dataframe(overdue[["actor", "nation", "capability", "date", "sentence"]],
                    hide_index=True, width="stretch")  # fmt: skip


def timeline_chart(points: pd.DataFrame, slips: pd.DataFrame, rows: str) -> alt.LayerChart:
    """Milestones as points by status, slips as lines from old to new target, overdue ringed."""
    y = alt.Y(f"{rows}:N", title=None, sort="ascending", axis=alt.Axis(labelOverlap=False))
    dots = alt.Chart(points).mark_point(filled=True, size=70).encode(
        x=alt.X("day:T", title=None), y=y,
        color=alt.Color("status:N", scale=STATUS_SCALE, title="Status"),
        shape=alt.Shape("status:N", title="Status"),
        tooltip=["actor", "nation", "capability", "status", "date", "n_sources", "sentence"],
    )  # fmt: skip
    ringed = alt.Chart(points[points.overdue]).mark_point(size=260, color="#c00000", strokeWidth=2).encode(
        x="day:T", y=y, tooltip=[alt.Tooltip("actor"), alt.Tooltip("date", title="overdue target")],
    )  # fmt: skip
    moved = slips.dropna(subset=["old_day", "new_day"])
    moved = moved[moved[rows].isin(points[rows])]
    lines = alt.Chart(moved).mark_rule(strokeDash=[4, 3], color="#8c510a").encode(
        x="old_day:T", x2="new_day:T", y=y,
        tooltip=["actor", "capability", "old_target", "new_target", "reported"],
    )  # fmt: skip
    heads = alt.Chart(moved).mark_point(shape="triangle-right", color="#8c510a", size=60).encode(
        x="new_day:T", y=y, tooltip=["actor", "old_target", "new_target"],
    )  # fmt: skip
    height = max(240, 24 * points[rows].nunique())  # every row labelled
    return alt.layer(lines, heads, dots, ringed).properties(height=height)
