"""The bundled corpus covers what the issue asks of it: sizes per source, every capability,
slipping targets, the same event from several outlets, and the hard cases, each often enough."""

import re
from collections import Counter, defaultdict

import pytest

from crawlers.mirror.gold import gold_records
from nlp.gazetteer import capabilities

RECORDS = gold_records()
PREFIXES = {"cgtn": ("cgtn-",), "nasa": ("nasa-",), "spacex": ("spacex-",), "blueorigin": ("bo-", "snapi-"),
            "extras": ("esa-", "xinhua-", "isro-", "jaxa-")}  # fmt: skip
MINIMUM = {"cgtn": 35, "nasa": 30, "spacex": 20, "blueorigin": 15, "extras": 20}
HARD_CASES = {
    "negation": r"\b(not yet|has not|have not|had not|did not|never)\b",
    "relative date": r"\b(next (year|month|week)|last (year|month)|later this (year|month)|within \w+ years"
    r"|on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    "the company / the agency": r"\b[Tt]he (company|agency|firm|startup)\b",
    "numbers with units": r"\b\d[\d,.]*\s?(TOPS|POPS|PFLOPS|GW|MW|kg|tonnes|metric tons|Gbps)\b",
    "forecast by a person": r"\b(predicted|forecast|believes|expects|said he expects|envisions)\b",
}


def source_of(doc_id: str) -> str:
    return next(s for s, prefixes in PREFIXES.items() if doc_id.startswith(prefixes))


@pytest.mark.parametrize("source", MINIMUM)
def test_each_source_has_its_share_of_articles(source):
    assert sum(source_of(r["id"]) == source for r in RECORDS) >= MINIMUM[source]


def test_there_are_120_articles_of_150_to_700_words():
    assert len(RECORDS) >= 120
    lengths = {r["id"]: len(r["text"].split()) for r in RECORDS}
    assert all(150 <= n <= 700 for n in lengths.values()), {
        k: n for k, n in lengths.items() if not 150 <= n <= 700
    }


def test_every_capability_is_in_at_least_three_articles():
    seen = Counter(label for r in RECORDS for label in set(r["capabilities"]))
    assert {label: seen[label] for label in capabilities() if seen[label] < 3} == {}


def test_at_least_fifteen_targets_slip_across_articles():
    targets = defaultdict(set)
    for r in RECORDS:
        for m in r["milestones"]:
            if m["status"] == "planned" and m.get("date"):
                targets[(m["actor"], m["capability"])].add(
                    m["date"][:4] if len(m["date"]) == 4 else m["date"]
                )
    assert sum(len(dates) > 1 for dates in targets.values()) >= 15


def test_the_same_event_is_reported_by_several_outlets():
    reports = defaultdict(set)
    for r in RECORDS:
        for m in r["milestones"]:
            reports[(m["actor"], m["capability"], m["status"], m.get("date"))].add(
                source_of(r["id"])
            )
    assert sum(len(sources) > 1 for sources in reports.values()) >= 5


def test_china_the_us_europe_india_japan_and_two_more_nations_are_covered():
    nations = {a["nation"] for r in RECORDS for a in r["actors"]}
    assert {"CN", "US", "INT", "IN", "JP"} <= nations
    assert len(nations - {"CN", "US", "INT", "IN", "JP"}) >= 2


def test_aliases_and_full_names_both_appear():
    mentions = {m for r in RECORDS for a in r["actors"] for m in a["mentions"]}
    for short, full in [("CASC", "China Aerospace Science and Technology Corporation"),
                        ("CNSA", "China National Space Administration"),
                        ("JAXA", "Japan Aerospace Exploration Agency")]:  # fmt: skip
        assert short in mentions and full in mentions, short
    assert "ADA Space" in mentions


@pytest.mark.parametrize("case", HARD_CASES)
def test_each_hard_case_occurs_at_least_five_times(case):
    found = sum(len(re.findall(HARD_CASES[case], r["text"])) for r in RECORDS)
    assert found >= 5, f"{case}: {found}"


def test_several_actors_in_one_supporting_sentence_at_least_five_times():
    crowded = 0
    for r in RECORDS:
        forms = [m for a in r["actors"] for m in a["mentions"]]
        for m in r["milestones"]:
            named = {
                a["name"]
                for a in r["actors"]
                if any(form in m["sentence"] for form in a["mentions"])
            }
            crowded += len(named) >= 2 and bool(forms)
    assert crowded >= 5
