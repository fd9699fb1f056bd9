"""Which date phrase dates a claim: the one nearest its capability among those that fit, a plan's
span of years by its end, and a loss reported with no date on the day of publication."""

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


GOOGLE = "Google announced Project Suncatcher on November 4, 2025. "
STARCLOUD = "Starcloud launched its first orbital data center satellite in November. "


@pytest.mark.parametrize(
    ("text", "carried"),
    [
        (  # "the project" of the claim before
            GOOGLE + "The ambitious project will reach its first milestone in early 2027.",
            ("Google", "computing_constellation", "planned", "2027"),
        ),
        (  # the same actor's next step
            STARCLOUD + "Starcloud plans to launch its next satellite in October 2026.",
            ("Starcloud", "orbital_data_center", "planned", "2026-10"),
        ),
    ],
)
def test_a_later_sentence_dating_the_story_carries_the_claims_before(text, carried):
    assert carried in milestones(extract(text, "2025-11-05"))


@pytest.mark.parametrize(
    ("text", "only"),
    [
        (GOOGLE + "The project will need new cooling systems.", "announced"),  # no date
        (STARCLOUD + "Nvidia plans to ship its next chip in October 2026.", "achieved"),  # another
    ],
)
def test_a_later_sentence_without_a_date_or_about_another_actor_carries_nothing(text, only):
    assert {status for _, _, status, _ in milestones(extract(text, "2025-11-05"))} == {only}


def test_a_clause_giving_one_capability_several_targets_gives_each():
    found = milestones(
        extract(
            "ISRO said the first Bharatiya Antariksh Station module is planned for 2028 and the "
            "complete station for 2035.",
            "2025-01-16",
        )
    )
    targets = {when for _, label, status, when in found if label == "space_station"}
    assert {"2028", "2035"} <= targets
