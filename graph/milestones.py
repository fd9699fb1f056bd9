"""Claims about the same event merged into milestones; the target-date history of plans."""

import hashlib

import numpy as np
import pandas as pd

from graph.events import event_keys

# Only the columns the build uses: at a million claims every column held costs memory.
CLAIMS_SQL = """
SELECT c.claim_id, c.doc_id, c.actor_key, c.capability, c.status, c.date, c.date_precision,
       c.date_start, c.sentence, c.start_char, d.source_id, d.fetched_via, d.published_at, d.url,
       s.kind AS source_kind, s.nation AS source_nation, s.actor_key AS source_actor
FROM claims c
JOIN documents d USING (doc_id, version)
LEFT JOIN sources s ON s.source_id = d.source_id
"""


def outlets(claims: pd.DataFrame) -> pd.Series:
    """Who published each report: the source, or the outlet a fallback fetched it from."""
    pairs = claims.source_id + "\t" + claims.fetched_via.fillna("")
    own = {  # a few distinct pairs however many claims
        pair: source in via or via.endswith(source + ".com")
        for pair in pairs.unique().tolist()
        for source, via in [pair.split("\t", 1)]
    }
    return claims.source_id.where(pairs.map(own).astype(bool), claims.fetched_via)


def independence(claims: pd.DataFrame, outlet: pd.Series, owners: dict, nations: dict) -> pd.Series:
    """Whether each report is independent: not from the actor's own outlet, nor its owner's
    (an outlet no actor owns is nobody's), nor state media of the actor's nation."""
    owner = claims.entity_id.map(owners)
    actor = claims.source_actor
    own_outlet = actor.notna() & ((actor == claims.entity_id) | (actor == owner).fillna(False))
    state_media = (claims.source_kind == "state_media") & (
        claims.source_nation == claims.entity_id.map(nations)
    ).fillna(False)
    fetched_elsewhere = outlet != claims.source_id
    return (fetched_elsewhere | ~(own_outlet | state_media)).astype(bool)


def merge_claims(
    claims: pd.DataFrame, owners: dict, nations: dict
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(milestones, milestone_claims) from claims that carry an entity_id (and a `story`: the
    same id for documents that are one story reposted, which confirms once). Grouped in bulk:
    a million claims take seconds, not a loop per event."""
    if claims.empty:
        return pd.DataFrame(), pd.DataFrame()
    # Only the sort keys are sorted; every other column is read at the rows chosen, by
    # position (moving a million sentences through each sort cost more than the sorts).
    event_of = event_keys(claims).to_numpy()
    order = pd.DataFrame({
        "event": event_of, "published_at": claims.published_at.to_numpy(),
        "doc_id": claims.doc_id.to_numpy(), "start_char": claims.start_char.to_numpy(),
    }).sort_values(["event", "published_at", "doc_id", "start_char"], kind="stable")  # fmt: skip
    opens = _opens(order.event)
    first = order.index[opens].to_numpy()
    latest = order.index[_opens(order.event[::-1])[::-1]].to_numpy()
    by_date = pd.DataFrame(
        {"event": order.event.to_numpy(), "date_start": _at(claims, "date_start", order.index)},
        index=order.index,
    ).sort_values(["event", "date_start"], na_position="last", kind="stable")
    earliest = by_date.index[_opens(by_date.event)].to_numpy()
    # A plan's date is its latest reported target; an achievement's is its earliest date.
    planned = _at(claims, "status", first) == "planned"
    chosen = {c: np.where(planned, _at(claims, c, latest), _at(claims, c, earliest))
              for c in ("date", "date_precision", "date_start")}  # fmt: skip
    events = order.event.to_numpy()[opens]
    ids = np.array([hashlib.sha1(e.encode()).hexdigest()[:16] for e in events.tolist()])
    n_claims = np.diff(np.append(np.flatnonzero(opens), len(order)))
    outlet = outlets(claims)
    independent = independence(claims, outlet, owners, nations).to_numpy()
    milestones = pd.DataFrame(
        {
            "milestone_id": ids,
            "entity_id": _at(claims, "entity_id", first),
            "capability": _at(claims, "capability", first),
            "status": _at(claims, "status", first),
            **chosen,
            "first_reported": _at(claims, "published_at", first),
            "last_reported": _at(claims, "published_at", latest),
            "n_claims": n_claims,
            "n_sources": _distinct(event_of, outlet.to_numpy(), events),
            "n_independent": _distinct(
                event_of[independent], claims.story.to_numpy()[independent], events
            ),
            "sentence": _at(claims, "sentence", first),
            "doc_id": _at(claims, "doc_id", first),
        }
    )
    # Indexed like the claims given, so a caller can line them up without a join.
    links = pd.DataFrame(
        {"milestone_id": np.repeat(ids, n_claims),
         "claim_id": _at(claims, "claim_id", order.index)}, index=claims.index[order.index],
    )  # fmt: skip
    return milestones, links


def _at(claims: pd.DataFrame, column: str, positions) -> np.ndarray:
    return claims[column].to_numpy()[np.asarray(positions)]


def _opens(events: pd.Series) -> np.ndarray:
    """True where a run of equal events begins."""
    values = events.to_numpy()
    return (
        np.concatenate([[True], values[1:] != values[:-1]]) if len(values) else np.array([], bool)
    )


def _distinct(event_of: np.ndarray, values: np.ndarray, events: np.ndarray) -> np.ndarray:
    """How many distinct non-null values each of `events` has (0 for one without any)."""
    pairs = pd.DataFrame({"event": event_of, "value": values}).dropna().drop_duplicates()
    return pairs.event.value_counts().reindex(events, fill_value=0).to_numpy()


def target_history(claims: pd.DataFrame) -> pd.DataFrame:
    """Each planned claim's target as reported by its document, oldest report first."""
    planned = claims[claims.status == "planned"].sort_values("published_at")
    return pd.DataFrame(
        {
            "entity_id": planned.entity_id,
            "capability": planned.capability,
            "target_date": planned.date,
            "reported_at": planned.published_at,
            "doc_id": planned.doc_id,
            "claim_id": planned.claim_id,
        }
    )
