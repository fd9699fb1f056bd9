"""Curation: an analyst's fixes are checked when made and applied by every build."""

import json

import pandas as pd
import pytest

from graph.curation import apply_nations, apply_to_claims, curated_keys, record
from graph.resolve import resolve_entities
from warehouse import SpaceraceError

SENTENCE = "SpaceX caught the booster."


def claim(claim_id, status="achieved", doc="d1"):
    return {"claim_id": claim_id, "doc_id": doc, "actor_key": "spacex",
            "capability": "reusable_launch", "sentence": SENTENCE, "status": status}  # fmt: skip


def curation(*rows):
    base = {"note": "why", "author": "ana", "value": None, "subject": None}
    return pd.DataFrame([{**base, **r} for r in rows])


def subject_of(row):
    return json.dumps({k: row[k] for k in ("doc_id", "actor_key", "capability", "sentence")})


def test_a_rejected_claim_stays_out_when_extracted_again_under_a_new_id():
    old = claim("old")
    rules = curation({"action": "reject_claim", "target": "old", "subject": subject_of(old)})
    again = pd.DataFrame([claim("new-id"), claim("other", doc="d2")])
    assert apply_to_claims(again, rules).claim_id.tolist() == ["other"]


def test_the_latest_status_fix_wins():
    rules = curation(
        {"action": "set_status", "target": "c1", "value": "planned"},
        {"action": "set_status", "target": "c1", "value": "failed"},
    )
    fixed = apply_to_claims(pd.DataFrame([claim("c1"), claim("c2", doc="d2")]), rules)
    assert fixed.status.tolist() == ["failed", "achieved"]


MENTIONS = pd.DataFrame(
    [
        {
            "actor_key": k,
            "actor_name": n,
            "actor_display": n,
            "actor_type": "company",
            "nation": c,
            "actor_owner": None,
            "surface": n,
            "n_seen": 2,
        }  # fmt: skip
        for k, n, c in [
            ("new:sunrise orbital", "Sunrise Orbital", "US"),
            ("new:sunrise orbitals", "Sunrise Orbitals", None),
            ("new:deep space one", "Deep Space One", "US"),
        ]  # fmt: skip
    ]
)


def test_a_curated_merge_and_a_split_override_resolution():
    _, _, automatic = resolve_entities(MENTIONS)
    assert automatic["new:sunrise orbitals"] == "new:sunrise orbital"
    rules = curation(
        {"action": "split", "target": "new:sunrise orbitals"},
        {"action": "merge", "target": "new:deep space one", "value": "new:sunrise orbital"},
    )
    entities, aliases, key_map = resolve_entities(MENTIONS, curated_keys(rules))
    assert key_map["new:sunrise orbitals"] == "new:sunrise orbitals"
    assert key_map["new:deep space one"] == "new:sunrise orbital"
    reason = aliases.set_index("alias").loc["Deep Space One", "reason"]
    assert reason == "merged by ana: why"
    assert len(entities) == 2


def test_a_nation_fix_replaces_the_resolved_nation():
    entities = pd.DataFrame([{"entity_id": "starcloud", "nation": "US"}])
    rules = curation({"action": "set_nation", "target": "starcloud", "value": "GB"})
    assert apply_nations(entities, rules).nation.tolist() == ["GB"]


@pytest.fixture
def con(warehouse):
    warehouse.execute(
        "INSERT INTO entities VALUES ('spacex', 'SpaceX', 'SpaceX', 'company', 'US', 'gazetteer')"
    )
    return warehouse


@pytest.mark.parametrize(
    ("action", "target", "value", "message"),
    [
        ("reject_claim", "nope", None, "no claim 'nope'"),
        ("merge", "spacex", "blue-origin", "no entity 'blue-origin'"),
        ("set_nation", "spacex", "USA", "ISO 3166"),
        ("split", "new:nobody", None, "no actor key"),
    ],
)
def test_a_curation_that_cannot_apply_is_refused_with_what_to_look_up(
    con, action, target, value, message
):
    with pytest.raises(SpaceraceError, match=message):
        record(con, action, target, value, "because", "ana")
    assert con.execute("SELECT count(*) FROM curation").fetchone()[0] == 0


def test_a_curation_needs_a_reason(con):
    with pytest.raises(SpaceraceError, match="say why"):
        record(con, "set_nation", "spacex", "US", " ", "ana")


def test_a_recorded_curation_keeps_who_when_and_why(con):
    record(con, "set_nation", "spacex", "INT", "a multinational", "ana")
    row = con.execute(
        "SELECT action, target, value, note, author, created_at FROM curation"
    ).fetchone()
    assert row[:5] == ("set_nation", "spacex", "INT", "a multinational", "ana") and row[5]
