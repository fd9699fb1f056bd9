"""Overview: headline counts, the nation-by-capability matrix, and the evidence behind a cell."""

from pathlib import Path

import pandas as pd
import streamlit as st

from views.state import query

STATUS_COLOURS = {
    "achieved": "background-color: #1b7837; color: white",
    "planned": "background-color: #7fbf7b",
    "announced": "background-color: #d9f0d3",
    "failed": "background-color: #d6604d; color: white",
}


def render_overview(db: Path) -> None:
    st.title("spacerace: who is ahead, on what evidence")
    counts = query(db, "headline_counts").iloc[0]
    cols = st.columns(5)
    for col, label in zip(
        cols, ("documents", "sources", "claims", "milestones", "nations"), strict=True
    ):
        col.metric(label.capitalize(), int(counts[label]))
    progress = query(db, "national_progress")
    if progress.empty:
        st.info("The warehouse has no milestones yet: run `spacerace update`.")
        return
    st.subheader("Best status by nation and capability")
    st.dataframe(status_matrix(progress).style.map(_colour), width="stretch")
    render_evidence(db, progress)
    st.subheader("Recently reported milestones")
    st.dataframe(query(db, "recent_milestones"), width="stretch", hide_index=True)
    st.subheader("Source health")
    st.dataframe(query(db, "source_health"), width="stretch", hide_index=True)


def status_matrix(progress: pd.DataFrame) -> pd.DataFrame:
    """Nations as rows, capabilities as columns, the best status in each cell."""
    matrix = progress.pivot(index="nation", columns="capability", values="best_status")
    return matrix.fillna("")


def _colour(value: str) -> str:
    return STATUS_COLOURS.get(value, "")


def render_evidence(db: Path, progress: pd.DataFrame) -> None:
    st.subheader("Evidence for a cell")
    nations = sorted(progress.nation.unique())
    left, right = st.columns(2)
    nation = left.selectbox(
        "Nation", nations, index=_index(nations, st.query_params.get("nation")), key="nation"
    )
    capabilities = sorted(progress[progress.nation == nation].capability.unique())
    capability = right.selectbox(
        "Capability",
        capabilities,
        index=_index(capabilities, st.query_params.get("capability")),
        key="capability",
    )
    st.query_params.update({"nation": nation, "capability": capability})
    evidence = query(db, "cell_evidence", nation=nation, capability=capability)
    st.caption(f"{len(evidence)} supporting claims for {nation} / {capability}")
    for row in evidence.itertuples():
        st.markdown(
            f"**{row.actor}** · {row.status} · {row.date or 'no date'}  \n"
            f"> {row.sentence}\n\n"  # a blank line ends the quote before the link
            f"[{row.title}]({row.url}) · {row.source_id} ({row.source_kind}) via {row.fetched_via} · "
            f"published {str(row.published)[:10]}"
        )
    st.download_button(
        "Download these claims (CSV)",
        evidence.to_csv(index=False),
        f"evidence-{nation}-{capability}.csv",
        "text/csv",
    )


def _index(options: list[str], wanted: str | None) -> int:
    return options.index(wanted) if wanted in options else 0
