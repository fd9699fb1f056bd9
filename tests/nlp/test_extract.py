"""The spaCy pipeline on small texts: actors with nations, statuses, forecasts left out."""

from nlp.extract import extract_records


def extract(text, published="2025-05-14"):
    return next(extract_records([{"id": "t", "text": text, "published": published}]))[0]


def test_an_acronym_resolves_to_the_canonical_actor_with_its_nation():
    out = extract(
        "CASC said the rocket was ready. China Aerospace Science and Technology Corporation is state-owned."
    )
    casc = [
        a
        for a in out["actors"]
        if a["name"] == "China Aerospace Science and Technology Corporation"
    ]
    assert len(casc) == 1
    assert casc[0]["nation"] == "CN" and set(casc[0]["mentions"]) == {
        "CASC",
        "China Aerospace Science and Technology Corporation",
    }


def test_a_past_launch_is_achieved_and_a_target_is_planned():
    out = extract(
        "ADA Space launched the first 12 computing satellites on Wednesday. "
        "ADA Space plans to build 2,800 computing satellites by 2035."
    )
    statuses = {
        (m["status"], m["date"])
        for m in out["milestones"]
        if m["capability"] == "computing_constellation"
    }
    assert statuses == {("achieved", "2025-05-14"), ("planned", "2035")}


def test_a_forecast_by_a_person_is_not_a_milestone():
    out = extract(
        "Jeff Bezos predicted that gigawatt data centers in space could be built within 20 years."
    )
    assert out["milestones"] == []
    assert "orbital_data_center" in out["capabilities"]


def test_a_vehicle_leads_the_milestone_to_its_maker():
    out = extract(
        "New Glenn landed its booster on a drone ship in November, a first for the reusable rocket."
    )
    assert {m["actor"] for m in out["milestones"]} == {"Blue Origin"}


def test_the_company_refers_back_to_the_last_organisation():
    out = extract(
        "Starcloud is based in Washington. The company will run AI models in orbit next year."
    )
    milestone = next(m for m in out["milestones"] if m["capability"] == "in_orbit_ai_inference")
    assert milestone["actor"] == "Starcloud" and milestone["date"] == "2026"
