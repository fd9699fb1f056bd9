"""People tied to the work are actors, passengers and outlets are not; names are kept whole."""

from tests.nlp.extracting import extract, names


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
