"""Claims merged into milestones: one event per date window, every claim kept, sources and
independent confirmations counted (a reposted story once, the actor's own outlet never)."""

import pandas as pd

from graph.events import event_keys, story_ids
from graph.milestones import merge_claims

STORY = ("Landspace said its Zhuque-3 rocket reached orbit on Wednesday from the Jiuquan launch "
         "centre, and that its first stage came back to a landing pad for the first time.")  # fmt: skip


def claim(cid, date, status="achieved", outlet="reuters", doc=None, story=None, source=None):
    doc = doc or cid
    return {
        "claim_id": cid, "doc_id": doc, "entity_id": "landspace", "capability": "reusable_launch",
        "status": status, "date": date, "date_precision": None,
        "date_start": pd.Timestamp(f"{date}-01-01"[:10] if date and len(date) == 4 else
                                   (f"{date}-01" if date and len(date) == 7 else date)),
        "published_at": pd.Timestamp("2025-12-05"), "start_char": 0, "sentence": "s",
        "source_id": source or outlet, "fetched_via": outlet, "source_kind": "independent",
        "source_nation": None, "source_actor": None, "story": story or doc,
    }  # fmt: skip


def frame(*rows):
    return pd.DataFrame(list(rows))


def test_reports_within_a_month_are_one_event_and_further_apart_two():
    keys = event_keys(frame(claim("a", "2025-12-03"), claim("b", "2025-12-20"),
                            claim("c", "2026-03-01")))  # fmt: skip
    assert keys[0] == keys[1] != keys[2]


def test_a_year_only_date_joins_that_years_event():
    keys = event_keys(frame(claim("a", "2025-12-03"), claim("b", "2025")))
    assert keys[0] == keys[1]


def test_plans_are_one_event_whatever_their_targets():
    keys = event_keys(frame(claim("a", "2026", "planned"), claim("b", "2027", "planned")))
    assert keys[0] == keys[1]


def test_a_milestone_keeps_every_claim_and_counts_sources_and_independent_stories():
    claims = frame(
        claim("a", "2025-12-03", outlet="reuters", story="wire"),
        claim("b", "2025-12-04", outlet="yahoo", story="wire"),  # the same wire story reposted
        claim("c", "2025-12-04", outlet="spacenews"),
    )
    milestones, links = merge_claims(claims, owners={}, nations={"landspace": "CN"})
    (m,) = milestones.itertuples()
    assert (m.n_claims, m.n_sources, m.n_independent) == (3, 3, 2)
    assert sorted(links.claim_id) == ["a", "b", "c"]


def test_the_actors_own_outlet_and_its_state_media_do_not_confirm_independently():
    own = claim("a", "2025-12-03", outlet="landspace", source="landspace")
    own["source_actor"] = "landspace"
    state = claim("b", "2025-12-03", outlet="cgtn", source="cgtn")
    state.update(source_kind="state_media", source_nation="CN")
    milestones, _ = merge_claims(frame(own, state), owners={}, nations={"landspace": "CN"})
    assert milestones.n_sources.tolist() == [2] and milestones.n_independent.tolist() == [0]


def test_a_reposted_text_is_one_story_and_a_different_text_another():
    docs = pd.DataFrame({"doc_id": ["wire", "repost", "other"],
                         "text": [STORY, "Reposted: " + STORY, "Blue Origin flew New Glenn."]})  # fmt: skip
    story = story_ids(docs)
    assert story["repost"] == story["wire"] == "wire" and story["other"] == "other"
