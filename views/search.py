"""Search: the stored pages whose title or text holds every word asked for, best first, each with
a snippet around its first hit and the claims extracted from it."""

import re
from pathlib import Path
from urllib.parse import quote

import pandas as pd
import streamlit as st

from views.filters import Filters
from views.state import query
from views.text import escaped, highlighted, link, plain

# A "quoted phrase" is one term; anything else splits on spaces.
TERM = re.compile(r'"([^"]+)"|(\S+)')
MAX_TERMS = 10  # each term is one more pass over every text
CONTEXT = 160  # characters of text shown either side of the first hit


def terms(text: str | None) -> list[str]:
    """The distinct terms of a query, lower case, in the order typed (at most MAX_TERMS)."""
    found = [(phrase or word).strip().lower() for phrase, word in TERM.findall(text or "")]
    return list(dict.fromkeys(t for t in found if t))[:MAX_TERMS]


def render_search(db: Path, filters: Filters) -> None:
    """The Search page: the query box (kept in the URL as ?q=), the count and the hits."""
    st.title("Search the stored pages")
    text = st.text_input(
        'Words to find (a page must hold all of them; "quotes" keep a phrase together)',
        value=st.query_params.get("q", ""),
        key="q",
    )
    _write_to_url(text)
    wanted = terms(text)
    if not wanted:
        st.info('Type a word or two above, for example `Tiangong` or `"orbital data"`.')
        return
    hits = query(db, "search_documents", terms=wanted, **_page_filters(filters))
    asked = ", ".join(f"“{escaped(t)}”" for t in wanted)
    if hits.empty:
        st.warning(f"No stored page contains {asked}{_within(filters)}.")
        return
    total = int(hits.n_hits.iloc[0])
    shown = f" (the best {len(hits)} below)" if total > len(hits) else ""
    pages = "page contains" if total == 1 else "pages contain"
    st.markdown(f"**{total}** {pages} {asked}{_within(filters)}{shown}.")
    claims = query(db, "search_claims", doc_ids=hits.doc_id.tolist(), **_claim_filters(filters))
    pattern = _pattern(wanted)
    for hit in hits.itertuples():
        _render_hit(hit, pattern, claims[claims.doc_id == hit.doc_id])


def snippet(text: str, pattern: re.Pattern) -> str:
    """Escaped Markdown: the text around the first hit, every hit in it highlighted."""
    first = pattern.search(text)
    centre, after = (first.start(), first.end()) if first else (0, 0)
    start = min(centre, _word_edge(text, centre - CONTEXT))
    end = max(after, _word_edge(text, centre + 2 * CONTEXT))
    window = text[start:end]
    out, done = [], 0
    for hit in pattern.finditer(window):
        # highlighted() escapes what comes before the hit and marks the hit itself.
        before, found = plain(window[done : hit.start()]), plain(hit.group())
        out.append(highlighted(before + found, len(before), len(before) + len(found)))
        done = hit.end()
    out.append(escaped(window[done:]))
    return f"{'… ' if start else ''}{''.join(out)}{' …' if end < len(text) else ''}"


def claim_line(claim) -> str:
    """One extracted claim as a Markdown list item, linked to its milestone's evidence."""
    label = " · ".join(
        escaped(str(value))
        for value in (claim.actor, claim.capability, claim.status, claim.date or "no date")
    )
    if pd.isna(claim.milestone_id):
        return f"- {label}"
    return f"- [{label}](/evidence?milestone={quote(str(claim.milestone_id), safe='')})"


def _render_hit(hit, pattern: re.Pattern, claims: pd.DataFrame) -> None:
    with st.container(border=True):
        st.markdown(f"**{link(hit.title or hit.url, hit.url)}**")
        published = "no date" if pd.isna(hit.published) else str(hit.published)[:10]
        st.caption(f"{escaped(hit.source_id)} · {published}")
        st.markdown(snippet(hit.text, pattern))
        if claims.empty:
            st.caption("No claims extracted from this page (within the filters).")
        else:
            st.markdown("\n".join(claim_line(c) for c in claims.itertuples()))


def _word_edge(text: str, at: int) -> int:
    # The snippet starts and ends between words: at the next space after `at`.
    if at <= 0:
        return 0
    space = text.find(" ", at)
    return len(text) if space < 0 else space


def _pattern(wanted: list[str]) -> re.Pattern:
    # Longest first, so "orbital" is marked whole rather than as "orbit".
    ordered = sorted(wanted, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in ordered), re.IGNORECASE)


def _page_filters(filters: Filters) -> dict:
    params = filters.params()
    return {name: params[name] for name in ("sources", "start", "end")}


def _claim_filters(filters: Filters) -> dict:
    params = filters.params()
    return {name: params[name] for name in ("nations", "capabilities", "min_confidence")}


def _within(filters: Filters) -> str:
    return (
        " within the sidebar's filters" if filters.sources or filters.start or filters.end else ""
    )


def _write_to_url(text: str) -> None:
    if text.strip():
        st.query_params["q"] = text
    elif "q" in st.query_params:
        del st.query_params["q"]
