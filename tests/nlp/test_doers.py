"""Who does a claim: a mission's owner the text never names gives way to the nation it names, and
"the institute" or "the agency" is the latest organisation of that kind named before."""

from tests.nlp.extracting import extract, milestones


def test_a_mission_whose_owner_the_text_never_names_goes_to_the_nation_it_names():
    out = extract(
        "China sent three astronauts to its space station on Thursday. They will replace the "
        "Shenzhou-20 crew, who are due back on Earth on May 20.",
        "2025-05-14",
    )
    assert ("China", "crewed_spaceflight", "planned", "2025-05-20") in milestones(out)
    assert "China Manned Space Agency" not in {m["actor"] for m in out["milestones"]}


def test_a_mission_whose_owner_is_named_stays_the_owners():
    out = extract(
        "The China Manned Space Agency said the Shenzhou-20 crew will return on May 20.",
        "2025-05-14",
    )
    assert ("China Manned Space Agency", "crewed_spaceflight", "planned", "2025-05-20") in (
        milestones(out)
    )


def test_the_institute_is_the_latest_institute_named_not_the_latest_organisation():
    out = extract(
        "The Astro-future Institute of Space Technology presented its design in Beijing. The "
        "plan was backed by the Beijing Municipal Science and Technology Commission. The "
        "institute plans to build a network of orbital data centers.",
        "2025-12-01",
    )
    doers = {m["actor"] for m in out["milestones"] if m["capability"] == "orbital_data_center"}
    assert doers == {"Beijing Astro-future Institute of Space Technology"}


def test_the_agency_is_the_latest_agency_named():
    out = extract(
        "ISRO picked a rocket built by Larsen & Toubro for the flight. The agency aims to land "
        "astronauts on the Moon by 2040.",
        "2025-05-06",
    )
    assert ("Indian Space Research Organisation", "lunar_landing", "planned", "2040") in (
        milestones(out)
    )


def test_the_maker_named_in_the_subject_does_what_its_vehicle_does():
    out = extract(
        "The space tourism vehicle developed by CAS Space is scheduled to reach the edge of space "
        "in 2028.",
        "2025-06-06",
    )
    assert ("CAS Space", "space_tourism", "planned", "2028") in milestones(out)
