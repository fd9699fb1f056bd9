"""The evidence page: a milestone's claims (?milestone=ID), else a matrix cell's."""

from pathlib import Path
from urllib.parse import quote

import streamlit as st

from views.evidence import evidence, render_claims
from views.filters import Filters
from views.overview import render_cell_evidence
from views.state import query
from views.text import escaped


def render_evidence_page(db: Path, filters: Filters) -> None:
    st.title("Evidence")
    milestone = st.query_params.get("milestone")
    detail = query(db, "milestone_detail", milestone=milestone) if milestone else None
    if detail is None or detail.empty:
        if milestone:
            st.warning(f"No milestone {escaped(milestone)} in this warehouse (it may have been "
                       "merged by a later update); pick a nation and capability instead.")  # fmt: skip
        progress = query(db, "progress_matrix", nations=list(filters.nations),
                         capabilities=list(filters.capabilities))  # fmt: skip
        if progress.empty:
            st.info("No milestones for these filters yet.")
            return
        render_cell_evidence(db, filters, progress)
        return
    m = detail.iloc[0]
    st.subheader(f"{m.actor} ({m.nation or 'no nation'}): {m.capability}, {m.status}")
    st.markdown(
        f"Target or date: **{escaped(m.date) or 'none given'}** · first reported "
        f"{str(m.first_reported)[:10]} · last reported {str(m.last_reported)[:10]} · "
        f"{m.n_claims} claims from "
        f"{m.n_sources} outlets, {m.n_independent} independent · "
        f"[actor profile](/actor?actor={quote(m.entity_id, safe='')})"
    )
    render_claims(db, evidence(db, filters, milestone=milestone), milestone)
