"""Status from the clause: plans named by nouns, deadlines, work under way, dates still to come,
and a flight that lifts off but breaks up."""

import pytest

from tests.nlp.extracting import extract


def statuses(text: str, published: str = "2025-05-14") -> set[tuple[str, str, str | None]]:
    out = extract(text, published)
    return {(m["capability"], m["status"], m["date"]) for m in out["milestones"]}


def test_a_goal_with_a_deadline_is_planned():
    found = statuses(
        "The China Manned Space Agency has kept its target of landing Chinese astronauts on the "
        "moon before 2030."
    )
    assert found == {("lunar_landing", "planned", "2030")}


def test_before_the_end_of_this_year_is_a_deadline_even_with_could():
    found = statuses(
        "Blue Origin said its Blue Moon MK1 lander could head to the lunar surface before the "
        "end of this year."
    )
    assert ("lunar_landing", "planned", "2025") in found


@pytest.mark.parametrize(
    "text",
    [
        "Blue Origin is building Blue Moon MK2, a larger crewed lander for a later mission.",
        "Blue Origin has filed an application for a network of data centers in orbit.",
    ],
)
def test_work_under_way_and_filings_are_announced(text):
    assert {status for _, status, _ in statuses(text)} == {"announced"}


def test_an_achievement_dated_after_publication_is_a_plan():
    found = statuses("India's first crewed flight, Gaganyaan, lifted off in 2027.", "2025-05-06")
    assert found == {("crewed_spaceflight", "planned", "2027")}


def test_the_main_clause_dates_the_claim_not_a_clause_describing_the_actor():
    found = statuses(
        "Blue Origin, founded by Bezos in 2000, launched its first crewed flight in July 2021."
    )
    assert found == {("space_tourism", "achieved", "2021-07")}


def test_a_flight_that_lifted_off_then_broke_up_failed_unless_another_actor_failed():
    assert {s for _, s, _ in statuses("Starship lifted off, but its upper stage broke up.")} == {
        "failed"
    }
    found = statuses(
        "SpaceX landed the Super Heavy booster on Sunday, but LandSpace's rocket exploded."
    )
    assert ("reusable_launch", "achieved", "2025-05-11") in found


def test_plans_and_an_announcement_named_by_nouns_are_announced_not_achieved():
    found = statuses(
        "Axiom Space, which has plans for a commercial space station, made the announcement "
        "in Colorado Springs this week."
    )
    assert {status for _, status, _ in found} == {"announced"}


def test_a_plan_takes_its_target_not_the_day_it_was_said():
    found = statuses(
        "NASA said Tuesday it now plans to fly Artemis II, its first crewed mission of the "
        "campaign, in September 2025.",
        "2024-01-09",
    )
    assert ("crewed_spaceflight", "planned", "2025-09") in found


def test_those_a_newcomer_would_follow_have_achieved_it():
    out = extract(
        "The maiden flight of LandSpace's Zhuque-3 ended in failure on Wednesday, dashing the "
        "firm's hopes of becoming the third company after SpaceX and Blue Origin to recover a "
        "reusable rocket.",
        "2025-12-03",
    )
    found = {(m["actor"], m["status"]) for m in out["milestones"]}
    assert ("Blue Origin", "achieved") in found
    assert ("Space Exploration Technologies Corp.", "achieved") in found


def test_a_founding_year_dates_no_plan():
    out = extract(
        "Space Forge, founded in 2018, plans to manufacture semiconductors in space.", None
    )
    assert {(m["status"], m["date"]) for m in out["milestones"]} == {("announced", None)}


def test_what_others_did_before_has_no_date_of_its_own():
    out = extract(
        "LandSpace hopes to become the third company after SpaceX and Blue Origin to recover a "
        "reusable rocket.",
        "2025-12-03",
    )
    dates = {m["date"] for m in out["milestones"] if m["actor"] == "Blue Origin"}
    assert dates == {None}


@pytest.mark.parametrize(
    "text",
    [
        "The flight saw the deployment of Astroscale's ADRAS-J satellite into orbit.",
        "CASC announced the successful launch of 12 computing satellites for ADA Space.",
        "Starlink, the broadband megaconstellation, now operates more than 8,000 satellites.",
        "Prime Minister Narendra Modi congratulated ISRO on the launch of the heavy-lift LVM3.",
    ],
)
def test_a_done_event_reported_as_a_thing_or_a_present_state_is_achieved(text):
    assert {status for _, status, _ in statuses(text)} == {"achieved"}


def test_announcing_a_launch_without_success_is_still_an_announcement():
    found = statuses("ADA Space announced the launch of a computing constellation programme.")
    assert {status for _, status, _ in found} == {"announced"}


@pytest.mark.parametrize(
    ("text", "published", "claim"),
    [
        (  # an announcement with a date still to come
            "Vast has announced plans to launch Haven-1, the first commercial space station, in "
            "August 2025.",
            "2023-05-10",
            ("space_station", "planned", "2025-08"),
        ),
        (  # not before a year
            "Rocket Lab said its Neutron rocket won't launch until 2026.",
            "2025-08-08",
            ("reusable_launch", "planned", "2026"),
        ),
    ],
)
def test_an_announcement_dated_ahead_or_a_launch_not_before_a_year_is_a_plan(
    text, published, claim
):
    assert claim in statuses(text, published)


def test_a_count_of_satellites_in_service_is_achieved():
    found = statuses("Rival Starlink, meanwhile, has nearly 9,400 satellites.", "2026-02-12")
    assert found == {("satellite_internet", "achieved", "2026-02-12")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("SpaceX's Starlink secures approval to deploy 4,408 satellites in India.", "announced"),
        ("Amazon's Project Kuiper is expanding toward its planned 3,200 satellites.", "announced"),
        (  # a choice describing the crew is no announcement: the flight is done
            "China launched Shenzhou-21 with two astronauts, selected in 2020, on Friday.",
            "achieved",
        ),
    ],
)
def test_approvals_and_growth_are_announced_and_a_describing_choice_is_not(text, status):
    assert {s for _, s, _ in statuses(text, "2025-11-01")} == {status}


def test_an_announcement_of_a_done_thing_is_an_achievement():
    found = statuses(
        "The China National Space Administration announced that the Chang'e-6 return capsule "
        "had touched down in Inner Mongolia on Tuesday.",
        "2024-06-25",
    )
    assert {status for _, status, _ in found} == {"achieved"}


@pytest.mark.parametrize(
    "text",
    [
        "LandSpace's new rocket reached orbit on Tuesday, though its first stage did not land "
        "on the recovery pad as planned.",
        "LandSpace's booster caught fire during the landing burn.",
        "On the first New Glenn flight, the booster was lost on its way back to the ship.",
        "Blue Origin is pausing its space tourism flights for at least two years.",
        "NASA will no longer develop the Exploration Upper Stage for the heavy-lift SLS rocket.",
        "Boeing's Starliner crewed flight test capsule returned to Earth empty-handed.",
    ],
)
def test_attempts_that_came_to_nothing_and_programmes_stopped_failed(text):
    assert "failed" in {status for _, status, _ in statuses(text, "2026-01-30")}


def test_setting_a_lander_down_is_done_not_a_plan():
    found = statuses(
        "In February 2024, Intuitive Machines set its Odysseus lander down near the lunar south "
        "pole.",
        "2025-03-02",
    )
    assert found == {("lunar_landing", "achieved", "2024-02")}


def test_test_flights_that_ended_in_explosions_each_failed():
    found = statuses(
        "The first two test launches of SpaceX's Starship, in April and November, ended in midair "
        "explosions.",
        "2024-01-31",
    )
    assert found == {
        ("heavy_lift_launch", "failed", "2023-04"),
        ("heavy_lift_launch", "failed", "2023-11"),
    }


def test_a_target_met_in_orbit_is_no_plan():
    found = statuses(
        "Astroscale's debris removal satellite has completed rendezvous maneuvers with its target.",
        "2024-04-19",
    )
    assert {status for _, status, _ in found} == {"achieved"}


@pytest.mark.parametrize(
    "text",
    [
        "The Shenzhou 21 spaceship took off as planned at 11:44 p.m. on Friday from Jiuquan.",
        "The Shenzhou 21 spaceship blasted off as scheduled on Friday from Jiuquan.",
    ],
)
def test_a_flight_that_went_as_planned_is_achieved(text):
    assert ("crewed_spaceflight", "achieved", "2025-10-31") in statuses(text, "2025-11-01")


def test_a_plan_in_a_clause_with_its_own_subject_is_still_a_plan():
    found = statuses(
        "Interstellor said 20 customers have booked seats for its space tourism missions, as it "
        "aims for a first flight around 2028.",
        "2025-10-10",
    )
    assert ("space_tourism", "planned", "2028") in found


def test_a_second_failure_after_an_announcement_names_no_earlier_success():
    found = statuses(
        "Japan's bid for a private moon landing has ended in failure for the second time, after "
        "startup ispace announced that it lost communication with its lunar lander Resilience.",
        "2025-06-07",
    )
    assert found == {("lunar_landing", "failed", "2025-06-07")}


def test_a_booster_that_burst_on_its_return_is_a_failed_recovery():
    found = statuses(
        "LandSpace tried to land the first stage of its Zhuque 3 rocket, but instead of landing "
        "safely, the booster burst upon return.",
        "2025-12-13",
    )
    assert found == {("reusable_launch", "failed", "2025-12-13")}
