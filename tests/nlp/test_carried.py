"""A sentence that names no capability but dates what "the project" or the same actor will do
carries the claims before it; one without a date, or about another actor, carries nothing."""

import pytest

from tests.nlp.extracting import extract, milestones

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
        (  # what its satellite did, dated
            "In-orbit manufacturing start-up Space Forge launched ForgeStar-1 in June 2025. In October 2025, "
            "the satellite fired up its furnace and generated plasma.",
            ("Space Forge", "in_orbit_manufacturing", "achieved", "2025-10"),
        ),
        (  # the event the story is about, dated
            "Blue Origin today announced TeraWave, a satellite internet constellation. Deployment "
            "is expected to start in the fourth quarter of 2027.",
            ("Blue Origin", "satellite_internet", "planned", "2027"),
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


def test_a_sentence_showing_a_capability_but_naming_no_one_goes_on_about_the_last_doer():
    found = milestones(
        extract(
            "Blue Origin flew its 36th space tourism mission on Wednesday. The spacecraft's reusable "
            "first stage performed a flawless vertical, powered landing.",
            "2025-10-09",
        )
    )
    assert ("Blue Origin", "reusable_launch", "achieved", "2025-10-09") in found
