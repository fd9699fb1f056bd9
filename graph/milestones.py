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


def outlet(row) -> str:
    """Who published the report: the source, or the outlet a fallback fetched it from."""
    own_hosts = row.source_id in (row.fetched_via or "") or row.fetched_via.endswith(
        row.source_id + ".com"
    )
    return row.source_id if own_hosts else row.fetched_via


def is_independent(row, owners: dict[str, str | None], nations: dict[str, str | None]) -> bool:
    """Not the actor's own outlet, nor its owner's, nor state media of the actor's nation."""
    if outlet(row) != row.source_id:
        return True
    involved = {row.entity_id, owners.get(row.entity_id)} - {None}  # an outlet no actor owns
    if row.source_actor in involved:
        return False
    return not (
        row.source_kind == "state_media" and row.source_nation == nations.get(row.entity_id)
    )


def merge_claims(
    claims: pd.DataFrame, owners: dict, nations: dict
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(milestones, milestone_claims) from claims that carry an entity_id (and a `story`: the
    same id for documents that are one story reposted, which confirms once)."""
    if claims.empty:
        return pd.DataFrame(), pd.DataFrame()
    claims = claims.assign(
        event=event_keys(claims),
        outlet=claims.apply(outlet, axis=1),
        independent=claims.apply(is_independent, axis=1, owners=owners, nations=nations),
    ).sort_values(["published_at", "doc_id", "start_char"])
    rows, links = [], []
    for event, group in claims.groupby("event", sort=True):
        first, last = group.iloc[0], group.iloc[-1]
        milestone_id = hashlib.sha1(event.encode()).hexdigest()[:16]
        # A plan's date is its latest reported target; an achievement's is its earliest date.
        chosen = last if first.status == "planned" else group.sort_values("date_start").iloc[0]
        rows.append(
            {
                "milestone_id": milestone_id,
                "entity_id": first.entity_id,
                "capability": first.capability,
                "status": first.status,
                "date": chosen.date,
                "date_precision": chosen.date_precision,
                "date_start": chosen.date_start,
                "first_reported": first.published_at,
                "last_reported": last.published_at,
                "n_claims": len(group),
                "n_sources": group.outlet.nunique(),
                "n_independent": group[group.independent].story.nunique(),
                "sentence": first.sentence,
                "doc_id": first.doc_id,
            }
        )
        links += [{"milestone_id": milestone_id, "claim_id": c} for c in group.claim_id]
    return pd.DataFrame(rows), pd.DataFrame(links)


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
