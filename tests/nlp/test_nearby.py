"""Capabilities from words standing close together, in any order the phrase list cannot give."""

import pytest

from tests.nlp.extracting import extract


@pytest.mark.parametrize(
    ("text", "capability"),
    [
        ("Bezos said gigawatt-scale data centers would be built in space.", "orbital_data_center"),
        ("It had trained a small artificial intelligence model in orbit.", "in_orbit_ai_training"),
        ("The satellites checked the AI models running on board.", "in_orbit_ai_inference"),
        (
            "A capsule carrying drug crystals grown in orbit landed in Utah.",
            "in_orbit_manufacturing",
        ),
        ("The satellite will beam about 1 kW of power to the ground.", "space_solar_power"),
        (
            "It brought back 1,935 grams of rock from the far side of the moon.",
            "lunar_sample_return",
        ),
        ("It will collect samples from the asteroid Kamo'oalewa.", "asteroid_mining"),
        ("Deep Blue plans to fly paying passengers on suborbital trips.", "space_tourism"),
        ("It will launch a data centre on a lander bound for the Moon.", "lunar_infrastructure"),
        ("It carried the 8th batch of satellites for the broadband network.", "satellite_internet"),
    ],
)
def test_words_near_each_other_show_a_capability(text, capability):
    assert capability in extract(text)["capabilities"]


def test_words_far_apart_show_nothing():
    text = (
        "The company runs data centers in Virginia, Oregon and Dublin, and separately plans to "
        "study how satellites could help farmers in orbit around the sun."
    )
    assert "orbital_data_center" not in extract(text)["capabilities"]


def test_a_boosters_soft_landing_is_no_lunar_landing_but_one_on_the_moon_is():
    assert (
        "lunar_landing"
        not in extract("The booster failed to make a soft landing on the pad.")["capabilities"]
    )
    assert (
        "lunar_landing"
        in extract("It made the first soft landing on the far side of the moon.")["capabilities"]
    )


def test_a_capability_phrase_ending_a_place_name_shows_nothing():
    out = extract("The Atlas V took off from Cape Canaveral Space Station in Florida.")
    assert "space_station" not in out["capabilities"]
