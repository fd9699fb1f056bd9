"""People tied to the work are actors, passengers and outlets are not; names are kept whole."""

import pytest
import spacy
from spacy.tokens import Span

from nlp.noise import is_noise, trimmed
from tests.nlp.extracting import extract, milestones, names


def test_passengers_are_not_actors_but_people_with_a_role_are():
    out = extract(
        "Blue Origin chief executive Dave Limp watched the launch from Texas. On board the "
        "capsule for the eleven-minute trip were the singer Katy Perry and Gayle King."
    )
    assert "Dave Limp" in names(out)
    assert not names(out) & {"Katy Perry", "Gayle King"}


def test_outlets_named_as_sources_are_not_actors():
    out = extract(
        "According to Beijing Daily, the institute will launch its first computing satellite."
    )
    assert "Beijing Daily" not in names(out)


def test_a_name_the_ner_cut_short_is_kept_whole():
    out = extract(
        "Pakistan's space agency chairman Muhammad Yousuf Khan said the first astronaut would "
        "fly to Tiangong in 2026."
    )
    people = {a["name"] for a in out["actors"] if a["type"] == "person"}
    assert people == {"Muhammad Yousuf Khan"}


def test_a_capability_written_as_a_name_is_not_an_organisation():
    out = extract("The Active Debris Removal mission was built by Astroscale in Japan.")
    assert "Active Debris Removal" not in names(out)


def _org(text: str) -> Span:
    doc = spacy.blank("en")(f"They saw {text} there.")
    return Span(doc, 2, len(doc) - 2, label="ORG")


@pytest.mark.parametrize(
    "text",
    [
        "Freedom",  # an ordinary word with a capital
        "Success",
        "lunar orbit",  # no capital at all
        "NG-3",  # a flight
        "B1067",  # a booster
        "Telkomsat Merah Putih 2",  # a satellite
        "European Service Module",  # a part
        "Lunar Polar Exploration",  # a mission
        "Italian Tech Week",  # an event
        "Tianwen-4",  # a probe
    ],
)
def test_words_the_ner_takes_for_organisations_are_not_actors(text):
    assert is_noise(_org(text))


@pytest.mark.parametrize(
    "text", ["Airbus", "Avio", "Xidian University", "Space42", "Beijing Municipal Commission"]
)
def test_names_of_bodies_are_kept(text):
    assert not is_noise(_org(text))


def test_a_lower_case_brand_is_found_at_the_start_of_a_sentence():
    out = extract("Ispace launched its second lunar lander, Resilience, on Wednesday.")
    assert "ispace inc." in names(out)


def test_every_name_in_a_list_after_a_role_is_tied_to_the_work():
    out = extract(
        "The flight will carry mission specialist Prasanth Balakrishnan Nair of Kerala, Ajit "
        "Krishnan of Chennai, Angad Pratap of Prayagraj and Rohan Mehta Sethi of Pune."
    )
    people = {a["name"] for a in out["actors"] if a["type"] == "person"}
    assert {"Angad Pratap", "Rohan Mehta Sethi"} <= people


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("University of Bath in", "University of Bath", "ORG"),  # a small word after it
        ("Xinhua later", "Xinhua", "ORG"),
        ("PM Modi", "Modi", "PERSON"),
        ("Professors Harry Atwater", "Harry Atwater", "PERSON"),  # a title before a person
        ("Starcloud.\n\nCarrying", "Starcloud", "ORG"),  # cut at the paragraph break
    ],
)
def test_a_name_is_trimmed_to_the_name_itself(text, name, label):
    doc = spacy.blank("en")(f"They saw {text}.")
    found = trimmed(Span(doc, 2, len(doc) - 1, label="ORG"))
    assert (found.text, found.label_) == (name, label)


def test_a_common_noun_phrase_is_no_name():
    doc = spacy.blank("en")("She holds a Master of Science.")
    assert trimmed(Span(doc, 2, 6, label="ORG")) is None


def test_a_surname_named_again_is_the_person_not_an_organisation():
    out = extract(
        "NASA astronaut Anne McClain commanded the Crew-10 flight to the space station. McClain "
        "said the crew would dock on Sunday."
    )
    assert [a["name"] for a in out["actors"] if "McClain" in a["name"]] == ["Anne McClain"]


def test_an_acronym_defined_in_brackets_is_the_same_actor():
    out = extract(
        "The European Robotic Orbital Support Services (EROSS) consortium will demonstrate "
        "in-orbit servicing. EROSS plans to launch its first satellite in 2027."
    )
    assert "EROSS" not in names(out)


def test_a_name_after_a_title_of_office_does_not_take_the_title():
    out = extract(
        "The arrangement was signed by NASA Administrator Bill Nelson and Japan's Minister of "
        "Science and Technology Masahito Moriyama."
    )
    assert "Masahito Moriyama" in names(out)


def test_a_name_before_a_described_vehicle_is_the_vehicle():
    out = extract("Astrobotic's Peregrine lunar lander lifted off from Cape Canaveral on Monday.")
    assert "Peregrine" not in names(out)


def test_satellites_named_after_their_operators_are_not_actors():
    out = extract(
        "Moreover, CRS-22, Crew-3, Turksat 5B, Telkomsat Merah Putih 2 and Galileo L13 were all "
        "previously launched on this Falcon 9 booster."
    )
    assert not {n.lower() for n in names(out)} & {"turksat", "galileo l13", "telkomsat"}


def test_a_government_body_is_its_nation():
    out = extract(
        "The Union Cabinet on Wednesday approved the Next Generation Launch Vehicle, a step "
        "towards landing an Indian astronaut on the Moon by 2040.",
        "2024-09-18",
    )
    assert ("India", "lunar_landing", "planned", "2040") in milestones(out)
