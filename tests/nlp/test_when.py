"""Which date phrase dates a claim: the one nearest its capability among those that fit, a plan's
span of years by its end, a milestone for each of several targets, and a loss reported with no
date on the day of publication."""

import pytest

from tests.nlp.extracting import extract, milestones


def test_each_capability_takes_the_date_beside_it():
    found = milestones(
        extract(
            "By 2030, China aims to land astronauts on the Moon, and by 2035, to establish the "
            "core of a lunar research base.",
            "2025-04-25",
        )
    )
    assert ("China", "lunar_landing", "planned", "2030") in found
    assert ("China", "lunar_infrastructure", "planned", "2035") in found


def test_establishing_something_by_a_year_is_a_plan_not_a_founding_date():
    found = milestones(
        extract("CNSA intends to establish a lunar research base by 2035.", "2025-04-25")
    )
    assert {(status, when) for _, _, status, when in found} == {("planned", "2035")}


def test_a_plans_span_of_years_is_dated_by_its_end():
    found = milestones(
        extract(
            "From 2025 to 2027, Starcloud will launch several trial computing satellites.",
            "2025-03-01",
        )
    )
    assert ("Starcloud", "computing_constellation", "planned", "2027") in found


def test_a_loss_with_no_date_is_dated_by_publication():
    found = milestones(extract("SpaceX's Starship exploded during its latest test flight."))
    assert (
        "Space Exploration Technologies Corp.",
        "heavy_lift_launch",
        "failed",
        "2025-05-14",
    ) in (found)


@pytest.mark.parametrize(
    ("text", "published", "targets"),
    [
        (  # one capability, two targets
            "ISRO said the first Bharatiya Antariksh Station module is planned for 2028 and the "
            "complete station for 2035.",
            "2025-01-16",
            {"2028", "2035"},
        ),
        (  # a target with no year beside dated ones is a milestone of its own
            "The company plans to launch Starcloud-2 next year, followed by a 100-kilowatt "
            "satellite by 2027 and a 40-megawatt orbital data center by the early 2030s.",
            "2025-11-03",
            {"2026", "2027", None},
        ),
    ],
)
def test_a_clause_giving_several_targets_gives_a_milestone_for_each(text, published, targets):
    found = milestones(extract(text, published))
    assert {when for _, _, status, when in found if status == "planned"} == targets


def test_a_plan_for_one_date_or_another_has_no_certain_year():
    found = milestones(
        extract(
            "Starcloud plans to launch its orbital data center around the end of this year or "
            "early next year.",
            "2025-12-01",
        )
    )
    assert ("Starcloud", "orbital_data_center", "planned", None) in found


def test_a_mission_dated_in_the_past_by_its_own_name_happened():
    found = milestones(
        extract(
            "Shenzhou 21 is carrying commander Zhang Lu, a veteran of the 2022 Shenzhou 15 "
            "mission, and two rookie astronauts.",
            "2025-10-31",
        )
    )
    assert found == {("China Manned Space Agency", "crewed_spaceflight", "achieved", "2022")}


def test_a_date_beside_another_capability_is_not_this_ones():
    found = milestones(
        extract(
            "The decision brings ISRO closer to a self-sustained space station by 2035 and a "
            "crewed lunar mission by 2040.",
            "2024-09-19",
        )
    )
    assert {(label, when) for _, label, _, when in found} == {
        ("space_station", "2035"),
        ("lunar_landing", "2040"),
    }


def test_a_plan_on_an_undated_page_keeps_its_status_and_its_explicit_year():
    found = milestones(
        extract(
            "Blue Origin will use its Blue Moon lander, scheduled to fly later this year. The "
            "space tourism vehicle of CAS Space is scheduled to launch in 2027, a media report "
            "said on Friday.",
            None,
        )
    )
    assert ("Blue Origin", "lunar_landing", "planned", None) in found
    assert ("CAS Space", "space_tourism", "planned", "2027") in found
