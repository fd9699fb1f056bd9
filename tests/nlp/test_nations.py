"""The nation of an actor the gazetteer does not know: its own words, the words around it, the
nearest known actor."""

from tests.nlp.extracting import extract


def test_a_person_takes_the_nation_of_the_organisation_beside_them():
    out = extract("NASA astronaut Priya Raman boarded the spacecraft on Tuesday.")
    assert {a["name"]: a["nation"] for a in out["actors"]}["Priya Raman"] == "US"


def test_a_discovered_name_that_holds_a_nation_takes_it_before_its_neighbours():
    out = extract(
        "NASA and the Australian Space Agency signed an agreement on lunar rovers. The Brazilian "
        "Space Agency joined the Artemis Accords."
    )
    nations = {a["name"]: a["nation"] for a in out["actors"]}
    assert (nations["Australian Space Agency"], nations["Brazilian Space Agency"]) == ("AU", "BR")


def test_an_unknown_organisation_takes_its_nation_from_context():
    out = extract(
        "Orbital Forge Systems, a Japanese startup, plans to build orbital data centers by 2030."
    )
    found = [a for a in out["actors"] if "Orbital Forge" in a["name"]]
    assert found and found[0]["nation"] == "JP"
