"""Claims about the same event merged into milestones; the target-date history of plans."""

import hashlib

import pandas as pd

from graph.events import event_keys

CLAIMS_SQL = """
SELECT c.*, d.source_id, d.fetched_via, d.published_at, d.url,
       s.kind AS source_kind, s.nation AS source_nation, s.actor_key AS source_actor
FROM claims c
JOIN documents d USING (doc_id, version)
LEFT JOIN sources s ON s.source_id = d.source_id
"""


def outlets(claims: pd.DataFrame) -> pd.Series:
    """Who published each report: the source, or the outlet a fallback fetched it from."""
    own = [
        source in (via or "") or (via or "").endswith(source + ".com")
        for source, via in zip(claims.source_id, claims.fetched_via, strict=True)
    ]
    return claims.source_id.where(own, claims.fetched_via)


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
    outlet = outlets(claims)
    claims = claims.assign(
        event=event_keys(claims),
        outlet=outlet,
        independent=independence(claims, outlet, owners, nations),
    ).sort_values(["published_at", "doc_id", "start_char"], kind="stable")
    by_event = claims.groupby("event", sort=True)
    first = by_event.nth(0).set_index("event")
    # A plan's date is its latest reported target; an achievement's is its earliest date.
    latest = by_event.nth(-1).set_index("event")
    earliest = (
        claims.sort_values(["event", "date_start"], na_position="last", kind="stable")
        .groupby("event")
        .nth(0)
        .set_index("event")
    )
    chosen = earliest.where(first.status.ne("planned").reindex(earliest.index), latest)
    independent = claims[claims.independent].groupby("event").story.nunique()
    events = first.index
    ids = pd.Series([hashlib.sha1(e.encode()).hexdigest()[:16] for e in events], index=events)
    milestones = pd.DataFrame(
        {
            "milestone_id": ids,
            "entity_id": first.entity_id,
            "capability": first.capability,
            "status": first.status,
            "date": chosen.date,
            "date_precision": chosen.date_precision,
            "date_start": chosen.date_start,
            "first_reported": first.published_at,
            "last_reported": latest.published_at,
            "n_claims": by_event.size(),
            "n_sources": by_event.outlet.nunique(),
            "n_independent": independent.reindex(events, fill_value=0),
            "sentence": first.sentence,
            "doc_id": first.doc_id,
        }
    ).reset_index(drop=True)
    links = pd.DataFrame(
        {"milestone_id": claims.event.map(ids).values, "claim_id": claims.claim_id.values}
    )
    return milestones, links


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
