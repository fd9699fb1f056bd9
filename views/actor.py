"""Actor profile: one actor's names, capabilities, milestones, partners and the documents that
name it, under the shared filters."""

from pathlib import Path
from urllib.parse import quote

import pandas as pd
import streamlit as st

from views.filters import Filters
from views.state import query
from views.text import escaped

STATUS_RANK = {"achieved": 3, "planned": 2, "announced": 1, "failed": 0}


def actor_link(entity_id: str, text: str) -> str:
    """A Markdown link to an actor's profile; the text escaped, the id quoted for the URL."""
    return f"[{escaped(text)}](/actor?actor={quote(entity_id, safe='')})"


def evidence_link(milestone_id: str) -> str:
    """A Markdown link to the evidence page of one milestone."""
    return f"[evidence](/evidence?milestone={quote(milestone_id, safe='')})"


def render_actor(db: Path, filters: Filters) -> None:
    """The page: the picker, then every section for the chosen actor."""
    st.title("Actor profile")
    entities = query(db, "actor_entities")
    if entities.empty:
        st.info("The warehouse has no actors yet: run `spacerace update`.")
        return
    actor = pick_actor(entities)
    render_identity(db, entities[entities.entity_id == actor].iloc[0].to_dict())
    st.caption(
        "Milestones and capabilities count only claims from the chosen sources, published in the "
        "chosen dates, at the minimum confidence; documents follow the sources and dates."
    )
    milestones = query(db, "actor_milestones", actor=actor, **_claim_filters(filters))
    render_capabilities(milestones)
    render_milestones(milestones)
    render_partners(db, actor, filters)
    render_documents(db, actor, filters)


def _claim_filters(filters: Filters) -> dict:
    # The actor is chosen by name: the nation filter does not apply to its own milestones.
    return {k: v for k, v in filters.params().items() if k != "nations"}


def pick_actor(entities: pd.DataFrame) -> str:
    """The actor from the link (?actor=entity_id), else the most central; written back."""
    options = entities.entity_id.tolist()
    labels = {
        row.entity_id: f"{row.display_name} ({row.nation if isinstance(row.nation, str) else '?'})"
        for row in entities.itertuples()
    }
    wanted = st.query_params.get("actor")
    if wanted and wanted not in options:
        st.warning(f"No actor has the id {escaped(wanted)}: showing the most central one.")
    default = wanted if wanted in options else _most_central(entities)
    actor = st.selectbox("Actor", options, index=options.index(default), format_func=labels.get,
                         key="actor")  # fmt: skip
    st.query_params["actor"] = actor
    return actor


def _most_central(entities: pd.DataFrame) -> str:
    ranked = entities.sort_values("pagerank", ascending=False, na_position="last")
    return ranked.entity_id.iloc[0]


def render_identity(db: Path, actor: dict) -> None:
    """Names, type, nation, origin, and the surface forms that resolve to the actor."""
    st.header(escaped(actor["display_name"]))
    nation = actor["nation"] if isinstance(actor["nation"], str) else "unknown"
    st.markdown(
        f"**Name:** {escaped(actor['name'])} · **Type:** {escaped(actor['type'])} · "
        f"**Nation:** {escaped(nation)} · **Origin:** {escaped(actor['origin'])} · "
        f"[in the graph](/graph?node={quote(actor['entity_id'], safe='')})"
    )
    st.subheader("Aliases")
    aliases = query(db, "actor_aliases", actor=actor["entity_id"])
    st.dataframe(aliases, width="stretch", hide_index=True)


def capability_summary(milestones: pd.DataFrame) -> pd.DataFrame:
    """One row per capability: the best status (achieved > planned > announced > failed), the
    earliest date at that status, the first achievement, and how many milestones."""
    columns = ["capability", "best_status", "date", "first_achieved", "milestones"]
    if milestones.empty:
        return pd.DataFrame(columns=columns)
    ranked = milestones.assign(rank=milestones.status.map(STATUS_RANK).fillna(-1))
    ordered = ranked.sort_values(["rank", "date_start"], ascending=[False, True],
                                 na_position="last", kind="stable")  # fmt: skip
    best = ordered.drop_duplicates("capability").set_index("capability")
    achieved = ordered[ordered.status == "achieved"].sort_values("date_start", kind="stable")
    summary = pd.DataFrame(
        {
            "best_status": best.status,
            "date": best.date,
            "first_achieved": achieved.drop_duplicates("capability").set_index("capability").date,
            "milestones": milestones.groupby("capability").size(),
        }
    )
    summary = summary.rename_axis("capability").reset_index()
    return summary.sort_values(["best_status", "capability"], key=_by_status)[columns]


def _by_status(column: pd.Series) -> pd.Series:
    return -column.map(STATUS_RANK).fillna(-1) if column.name == "best_status" else column


def render_capabilities(milestones: pd.DataFrame) -> None:
    st.subheader("Capabilities")
    st.dataframe(capability_summary(milestones), width="stretch", hide_index=True)


def render_milestones(milestones: pd.DataFrame) -> None:
    """Each milestone with its earliest sentence and a link to its evidence."""
    st.subheader(f"Milestones ({len(milestones)})")
    if milestones.empty:
        st.info("No milestone under these filters.")
        return
    with st.container(height=480):
        for m in milestones.itertuples():
            st.markdown(
                f"**{escaped(m.capability)}** · {escaped(m.status)} · "
                f"{escaped(m.date) if isinstance(m.date, str) else 'no date'} · "
                f"{m.n_sources} outlets, {m.n_independent} independent stories · "
                f"{evidence_link(m.milestone_id)}  \n> {escaped(m.sentence)}"
            )


def render_partners(db: Path, actor: str, filters: Filters) -> None:
    """Partners on any capability (either end of a partners_with tie), with their profiles."""
    st.subheader("Partners")
    partners = query(db, "actor_partners", actor=actor, capabilities=list(filters.capabilities))
    if partners.empty:
        st.info("No partnership recorded.")
        return
    for partner_id, ties in partners.groupby("partner_id", sort=False):
        first = ties.iloc[0]
        nation = f" ({escaped(first.nation)})" if isinstance(first.nation, str) else ""
        on = ", ".join(f"{escaped(t.capability)} ({t.n_sentences})" for t in ties.itertuples())
        st.markdown(f"- {actor_link(partner_id, first.partner)}{nation}: {on}")


def render_documents(db: Path, actor: str, filters: Filters) -> None:
    """The documents that mention the actor or carry its claims, newest first."""
    params = {k: v for k, v in filters.params().items() if k in ("sources", "start", "end")}
    documents = query(db, "actor_documents", actor=actor, **params)
    st.subheader(f"Documents ({len(documents)})")
    st.dataframe(
        documents.drop(columns="doc_id"),
        width="stretch",
        hide_index=True,
        column_config={
            "url": st.column_config.LinkColumn("link", display_text=r"https?://([^/]+)"),
            "published": st.column_config.DateColumn("published"),
        },
    )
