"""Missions and programmes stand for their capability and lead it to their owner; a programme
named as a place shows nothing."""

import pytest

from nlp.components import VEHICLES
from nlp.pipeline import build_pipeline
from tests.nlp.extracting import extract, milestones, names


def test_a_named_mission_shows_its_capability_for_its_owner():
    out = extract("Next in line is Chang'e-7, planned for around 2026.", "2025-01-10")
    assert ("China National Space Administration", "lunar_landing", "planned", "2026") in (
        milestones(out)
    )


def test_a_heavy_rocket_flight_is_its_makers_not_the_payload_owners():
    out = extract(
        "NASA's ESCAPADE mission lifted off on Thursday aboard a Blue Origin New Glenn rocket.",
        "2025-11-14",
    )
    doers = {(m["actor"], m["capability"]) for m in out["milestones"]}
    assert ("Blue Origin", "heavy_lift_launch") in doers
    assert ("National Aeronautics and Space Administration", "heavy_lift_launch") not in doers


def test_a_crew_vehicle_flight_is_both_the_operators_and_the_vehicle_makers():
    out = extract(
        "Axiom Space's Ax-4 mission lifted off on Wednesday aboard a SpaceX Crew Dragon capsule.",
        "2025-06-26",
    )
    doers = {m["actor"] for m in out["milestones"] if m["capability"] == "crewed_spaceflight"}
    assert doers == {"Axiom Space", "Space Exploration Technologies Corp."}


def test_a_station_named_as_a_place_is_no_station_milestone():
    out = extract("Four astronauts arrived at the International Space Station on Thursday.")
    assert "space_station" not in out["capabilities"]
    assert "space_station" not in {m["capability"] for m in out["milestones"]}


def test_a_capability_written_as_a_name_is_not_an_organisation():
    out = extract("The company will launch its Orbital Data Center nodes by the end of 2025.")
    assert "Orbital Data Center" not in names(out)


def test_a_nation_alone_gives_way_to_its_agency_the_text_names():
    out = extract(
        "The China Manned Space Agency outlined its lunar schedule. China aims to land its "
        "astronauts on the moon before 2030."
    )
    assert ("China Manned Space Agency", "lunar_landing", "planned", "2030") in milestones(out)


def test_a_nation_that_flies_a_mission_itself_is_the_actor_when_no_organisation_is_named():
    out = extract("China launched the Shenzhou-20 mission on Thursday, sending three astronauts.")
    assert {m["actor"] for m in out["milestones"]} == {"China"}


def test_a_supplier_named_as_a_modifier_does_not_do_the_work():
    out = extract("A startup says it has trained an AI model in orbit using an Nvidia GPU.")
    assert "Nvidia Corporation" not in {m["actor"] for m in out["milestones"]}


def test_the_team_is_the_organisation_the_last_sentence_was_about():
    out = extract(
        "The Beijing Astro-future Institute of Space Technology, backed by Zhejiang Lab, plans "
        "a data centre in orbit. From 2025 to 2027, the team will launch computing satellites."
    )
    doers = {m["actor"] for m in out["milestones"] if m["capability"] == "computing_constellation"}
    assert doers == {"Beijing Astro-future Institute of Space Technology"}


def test_a_rocket_is_found_with_a_hyphen_before_its_number():
    out = extract("On Wednesday, the Long March-5B rocket lifted off from Wenchang.")
    assert ("China Aerospace Science and Technology Corporation", "heavy_lift_launch") in {
        (m["actor"], m["capability"]) for m in out["milestones"]
    }


def test_a_mission_number_written_apart_is_still_the_mission():
    doc = build_pipeline()("Shenzhou 21 lifted off on Friday.")
    assert [span.text for span in doc.spans[VEHICLES]] == ["Shenzhou 21"]


def test_people_riding_a_tourism_vehicle_are_tourism():
    out = extract(
        "Six women launched into space on Monday aboard Blue Origin's New Shepard capsule.",
        "2025-04-14",
    )
    assert ("Blue Origin", "space_tourism", "achieved", "2025-04-14") in milestones(out)


def test_a_booster_lost_on_its_way_back_is_a_failed_reuse_of_the_flights_maker():
    out = extract(
        "During the last Starship flight in May, the booster broke apart during the same "
        "splashdown attempt.",
        "2025-08-27",
    )
    assert ("Space Exploration Technologies Corp.", "reusable_launch", "failed", "2025-05") in (
        milestones(out)
    )


def test_a_phrase_inside_a_longer_one_shows_only_the_longer():
    out = extract(
        "ADA Space launched the first satellites of its space computing constellation on "
        "Wednesday.",
        "2025-05-14",
    )
    assert out["capabilities"] == ["computing_constellation"]


@pytest.mark.parametrize(
    "text",
    [
        "The Ax-4 crew docked with the International Space Station (ISS) on Thursday.",
        "The mission marks the first time an Indian has reached the ISS.",
        "Edge computing puts processors on satellites or in space stations.",
    ],
)
def test_a_station_reached_or_named_as_a_place_is_no_station_milestone(text):
    assert "space_station" not in extract(text, "2025-06-26")["capabilities"]


def test_work_on_a_station_is_about_the_station():
    out = extract("Work on the Bharatiya Antariksh Station continues, with BAS-1 due in 2028.")
    assert "space_station" in out["capabilities"]


def test_astronauts_who_will_live_in_orbit_are_not_a_flight():
    out = extract(
        "ISRO is looking at setting up BAS by 2035 for Indian astronauts to live in low-earth "
        "orbit."
    )
    assert "crewed_spaceflight" not in out["capabilities"]


def test_a_tourism_vehicles_crew_are_tourists_not_a_crewed_flight():
    out = extract("New Shepard flew its crew of six to space on Monday.", "2025-04-14")
    assert out["capabilities"] == ["space_tourism"]


def test_a_tourism_companys_crewed_flight_is_tourism():
    out = extract("Virgin Galactic completed its first crewed flight to space in 2021.")
    assert out["capabilities"] == ["space_tourism"]
    assert ("Virgin Galactic", "space_tourism", "achieved", "2021") in milestones(out)


def test_a_praised_launch_of_a_heavy_rocket_is_its_makers_achievement():
    out = extract(
        "Prime Minister Narendra Modi on Thursday congratulated the Indian Space Research "
        "Organisation on the launch of the LVM-3 mission with the heaviest satellite yet.",
        "2025-12-25",
    )
    assert (
        "Indian Space Research Organisation",
        "heavy_lift_launch",
        "achieved",
        "2025-12-25",
    ) in milestones(out)
