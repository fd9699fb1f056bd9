"""What's new and source health: what the latest crawl run brought (milestones, moved targets)
and how each source's last crawl went, the sources that need attention first."""

from pathlib import Path

import streamlit as st

from views.filters import Filters
from views.state import query
from views.text import escaped
from warehouse.health import FAILING, IMPAIRED, REPEATED  # shared with `spacerace health`

HEALTH_COLUMNS = ["source_id", "name", "status", "finished", "pages", "new", "changed", "errors",
                  "message"]  # fmt: skip


def render_whatsnew(db: Path, filters: Filters) -> None:
    """The page: source alerts at the top, then the latest run's news, then every source."""
    st.title("What's new and source health")
    render_alerts(db)
    run = query(db, "latest_run")
    if run.empty:
        st.info("No crawl has run yet: run `spacerace update` to crawl the sources.")
        return
    render_latest_run(db, filters, run.iloc[0])
    render_health(db)


def render_alerts(db: Path) -> None:
    """One plain message per source whose last crawl was not ok, worst first."""
    for source in query(db, "source_alerts").itertuples():
        if source.status in FAILING:
            st.error(failing_text(source))
        elif source.status in IMPAIRED:
            st.warning(impaired_text(source))
        else:  # a source listed in sources.toml that no run has crawled yet
            st.info(f"**{escaped(source.name)}** has not been crawled yet: "
                    f"`spacerace update {source.source_id}` crawls it.")  # fmt: skip


def failing_text(source) -> str:
    """Markdown for a source that failed or was blocked: what happened and what to do."""
    if source.failing_streak >= REPEATED:
        what = f"has failed its last {source.failing_streak} crawls in a row"
    elif source.status == "blocked":
        what = "was blocked on its last crawl"
    else:
        what = "failed its last crawl"
    return (
        f"**{escaped(source.name)}** (`{source.source_id}`) {what} "
        f"({source.status}, {source.finished}).{_said(source)}  \n"
        f'Its run history: `spacerace sql "SELECT * FROM crawl_runs WHERE source_id = '
        f"'{source.source_id}' ORDER BY started_at DESC\"`; try it again with "
        f"`spacerace update {source.source_id}`."
    )


def impaired_text(source) -> str:
    """Markdown for a degraded or partial source: still crawled, but not all of it."""
    why = {
        "degraded": "its site refused the crawler, so its news came from fallbacks",
        "partial": "some of its pages failed or the crawl stopped early",
    }[source.status]
    return (
        f"**{escaped(source.name)}** (`{source.source_id}`) was {source.status} on its last "
        f"crawl ({source.finished}): {why}.{_said(source)}"
    )


def _said(source) -> str:
    # The crawler's message already says what was fetched and what to check.
    return f" The crawler's report: {escaped(source.message)}." if source.message else ""


def render_latest_run(db: Path, filters: Filters, run) -> None:
    """The milestones and moved targets the latest run brought, within the filters."""
    st.header("What the last crawl brought")
    st.caption(f"Run `{run.run_id}`, {run.started} to {run.finished} UTC, "
               f"{run.n_sources} sources crawled.")  # fmt: skip
    params = {"nations": list(filters.nations), "capabilities": list(filters.capabilities)}
    within = " within the filters" if filters.nations or filters.capabilities else ""
    _render_milestones(query(db, "new_milestones", **params), within)
    st.subheader("Targets that moved")
    _render_slips(query(db, "new_slips", **params), within)


def _render_milestones(milestones, within: str) -> None:
    if milestones.empty:
        st.info(f"Nothing new: the last run brought no milestone{within}, new or reported again.")
        return
    new = int((milestones.change == "new").sum())
    st.markdown(f"New milestones{within}: **{new}**; known ones reported again: "
                f"**{len(milestones) - new}**.")  # fmt: skip
    st.dataframe(milestones, width="stretch", hide_index=True, column_config={
        "evidence": st.column_config.LinkColumn("Evidence", display_text="evidence")})  # fmt: skip


def _render_slips(slips, within: str) -> None:
    if slips.empty:
        st.caption(f"No planned target moved in the last run{within}.")
        return
    st.caption(f"Moves of a planned target reported in the last run{within}: {len(slips)}.")
    day = st.column_config.DateColumn(format="YYYY-MM-DD")
    st.dataframe(slips, width="stretch", hide_index=True, column_config={
        "old_reported": day, "new_reported": day,
        "new_url": st.column_config.LinkColumn("New report")})  # fmt: skip


def render_health(db: Path) -> None:
    """The last crawl run of every source."""
    st.header("Source health")
    st.caption("The last crawl of every source (times UTC). `spacerace health` runs the same "
               "check for monitoring: it exits with status 1 when a source has failed three "
               "runs in a row or is blocked with no working fallback.")  # fmt: skip
    health = query(db, "source_health")
    st.dataframe(health[HEALTH_COLUMNS], width="stretch", hide_index=True)
