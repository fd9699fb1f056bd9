"""The claims behind a number: each sentence highlighted where it stands in the stored page, its
source and outlet kind, the link and the stored copy, a CSV of what is shown, and a way to
correct a claim that the next update honours."""

from pathlib import Path

import pandas as pd
import streamlit as st

from graph.curation import STATUSES
from graph.inbox import submit, waiting
from views.filters import Filters
from views.state import query
from views.text import escaped, highlighted, link
from warehouse import SpaceraceError

PAGE = 25  # claims drawn at a time: a cell of a large warehouse holds thousands (the CSV has all)
OUTLET_KINDS = {"state_media": "state media", "agency": "agency", "company": "company",
                "aggregator": "aggregator", "independent": "independent"}  # fmt: skip
SHOWN = ["actor", "nation", "capability", "status", "date", "confidence", "sentence", "title",
         "url", "source_id", "source_kind", "fetched_via", "published", "claim_id", "milestone_id"]  # fmt: skip


def evidence(db: Path, filters: Filters, milestone=None, nation=None, capability=None):
    """The claims behind a milestone, or behind a nation-and-capability cell."""
    return query(db, "evidence", milestone=milestone, nation=nation, capability=capability,
                 sources=list(filters.sources), min_confidence=filters.min_confidence,
                 start=filters.start, end=filters.end)  # fmt: skip


def render_claims(db: Path, claims: pd.DataFrame, name: str) -> None:
    """The claims with their sentences in context, PAGE at a time, then a CSV of all of them."""
    if claims.empty:
        st.info("No claim supports this under the current filters (see the sidebar).")
        return
    queued = {entry["target"] for entry in waiting(db)}
    shown = st.session_state.get(f"shown-{name}", PAGE)
    for claim in claims.head(shown).itertuples():
        with st.container(border=True):
            _render_claim(db, claim, claim.claim_id in queued)
    if len(claims) > shown:
        st.button(f"Show {min(PAGE, len(claims) - shown)} more of {len(claims)} claims",
                  on_click=_show_more, args=(name, shown), key=f"more-{name}")  # fmt: skip
    st.download_button("Download these claims (CSV)", claims[SHOWN].to_csv(index=False),
                       f"evidence-{name}.csv", "text/csv", key=f"csv-{name}")  # fmt: skip


def _show_more(name: str, shown: int) -> None:
    st.session_state[f"shown-{name}"] = shown + PAGE


def _render_claim(db: Path, claim, queued: bool) -> None:
    kind = OUTLET_KINDS.get(claim.source_kind, claim.source_kind)
    st.markdown(
        f"**{escaped(claim.actor)}** · {claim.status} · {escaped(claim.date) or 'no date'} · "
        f"confidence {claim.confidence:.2f}"
    )
    st.markdown(f"> {_in_context(claim)}")
    via = f" via {escaped(claim.fetched_via)}" if claim.fetched_via != claim.source_id else ""
    st.markdown(
        f"{link(claim.title, claim.url)} · {escaped(claim.source_id)} "
        f"({kind}){via} · published {str(claim.published)[:10]}"
    )
    left, right = st.columns([1, 3])
    left.download_button("Stored copy", claim.text or "", f"{claim.doc_id}.txt", "text/plain",
                         key=f"copy-{claim.claim_id}")  # fmt: skip
    if queued:
        right.caption("A correction of this claim waits for the next `spacerace update`.")
    else:
        with right.popover("Correct this claim"):
            _correction_form(db, claim)


def _in_context(claim) -> str:
    """The paragraph holding the claim, its sentence highlighted (or the sentence alone when
    the stored text no longer holds it at its offsets)."""
    text = claim.text or ""
    start, end = int(claim.start_char), int(claim.end_char)
    if text[start:end].strip() != (claim.sentence or "").strip():
        return highlighted(claim.sentence or "", 0, len(claim.sentence or ""))
    end = start + len(text[start:end].rstrip())  # a sentence may carry its paragraph break
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    paragraph = text[begin : stop if stop >= 0 else len(text)]
    return highlighted(paragraph, start - begin, end - begin)


def _correction_form(db: Path, claim) -> None:
    with st.form(key=f"fix-{claim.claim_id}"):
        action = st.radio("Correction", ["This claim is wrong", "Its status is wrong"],
                          key=f"action-{claim.claim_id}")  # fmt: skip
        status = st.selectbox("Right status", STATUSES, key=f"status-{claim.claim_id}")
        why = st.text_input("Why", key=f"why-{claim.claim_id}")
        who = st.text_input("Your name", key=f"who-{claim.claim_id}")
        if st.form_submit_button("Send to the next update"):
            wrong = action == "This claim is wrong"
            try:
                submit(db, "reject_claim" if wrong else "set_status", claim.claim_id,
                       None if wrong else status, why, who)  # fmt: skip
            except SpaceraceError as exc:  # it says what to fix
                st.error(str(exc))
            else:
                st.success("Queued: the next `spacerace update` (or `build`) applies it.")
