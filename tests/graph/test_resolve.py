"""Entity resolution across documents: aliases, acronyms, near spellings, never across nations."""

import itertools
import string

import pandas as pd

from graph.resolve import resolve_entities
from nlp.context import normalise_name

COLUMNS = ["actor_key", "actor_name", "actor_display", "actor_type", "nation", "actor_owner",
           "surface", "n_seen"]  # fmt: skip


def mentions(*rows) -> pd.DataFrame:
    return pd.DataFrame([dict(zip(COLUMNS, row, strict=True)) for row in rows])


def known(key, name, nation, surface=None):
    return (key, name, name, "company", nation, None, surface or name, 3)


def found(name, nation, seen=1):
    key = "new:" + normalise_name(name)  # as the extractor keys it
    return (key, name, name, "company", nation, None, name, seen)


def test_a_misspelt_discovered_name_joins_the_known_actor_with_the_reason():
    _, aliases, key_map = resolve_entities(
        mentions(known("galactic-energy", "Galactic Energy", "CN"), found("Galactic Enery", "CN"))
    )
    assert key_map["new:galactic enery"] == "galactic-energy"
    reason = aliases.set_index("alias").loc["Galactic Enery", "reason"]
    assert reason.startswith("name close to galactic energy")


def test_an_acronym_joins_the_discovered_actor_it_abbreviates():
    entities, _, key_map = resolve_entities(
        mentions(
            found("Beijing Astro-future Institute of Technology", "CN", seen=4),
            found("BAFIT", "CN"),
        )  # fmt: skip
    )
    assert key_map["new:bafit"] == "new:beijing astro future institute of technology"
    assert len(entities) == 1


def test_actors_of_different_nations_are_never_merged():
    entities, _, key_map = resolve_entities(
        mentions(found("Sunrise Orbital", "US", seen=2), found("Sunrise Orbitals", "CN"))
    )
    assert key_map["new:sunrise orbitals"] == "new:sunrise orbitals"
    assert len(entities) == 2


def test_a_discovered_name_matching_an_alias_of_another_nation_stays_apart():
    _, _, key_map = resolve_entities(
        mentions(known("ispace", "ispace", "JP"), found("ispace", "US"))
    )
    assert key_map["new:ispace"] == "new:ispace"


def test_short_names_are_not_matched_by_spelling():
    entities, _, _ = resolve_entities(mentions(found("Astra", "US", 2), found("Astro", "US")))
    assert len(entities) == 2


def test_a_name_inside_a_longer_one_is_another_organisation():
    entities, _, _ = resolve_entities(
        mentions(found("China Academy", "CN", 2), found("China Academy of Space Technology", "CN"))
    )
    assert len(entities) == 2


def test_the_most_seen_spelling_is_the_one_the_others_join():
    _, _, key_map = resolve_entities(
        mentions(found("Orbital Chenguang", "CN", seen=5), found("Orbital Chengguang", "CN"))
    )
    assert key_map["new:orbital chengguang"] == "new:orbital chenguang"


def test_a_one_word_name_joins_the_one_longer_name_it_begins():
    _, aliases, key_map = resolve_entities(
        mentions(found("Goddard Space Flight Center", "US", 3), found("Goddard", "US"))
    )
    assert key_map["new:goddard"] == "new:goddard space flight center"
    assert aliases.set_index("alias").loc["Goddard", "reason"].startswith("short form of")


def test_a_short_form_seen_more_than_its_full_name_still_joins_it():
    _, _, key_map = resolve_entities(
        mentions(found("Goddard Space Flight Center", "US", 1), found("Goddard", "US", 2))
    )
    assert key_map["new:goddard"] == "new:goddard space flight center"


def test_a_one_word_name_beginning_several_names_stays_alone():
    _, _, key_map = resolve_entities(
        mentions(found("Zhang Wei", "CN", 2), found("Zhang Lu", "CN", 2), found("Zhang", "CN"))
    )
    assert key_map["new:zhang"] == "new:zhang"


def test_a_slip_in_the_first_letter_or_the_word_order_still_joins():
    _, _, key_map = resolve_entities(
        mentions(
            known("galactic-energy", "Galactic Energy", "CN"),
            found("Falactic Energy", "CN"),
            found("Energy Galactic", "CN"),
        )  # fmt: skip
    )
    assert key_map["new:falactic energy"] == key_map["new:energy galactic"] == "galactic-energy"


def test_a_misspelling_is_found_however_many_names_sort_between():
    # Sorted by words these fall between the two spellings; spelled backwards they do not.
    units = itertools.islice(itertools.product(string.ascii_lowercase, repeat=3), 3000)
    crowd = [found(f"Orbit Fab Holdings Unit{''.join(u)}", "US") for u in units]
    _, _, key_map = resolve_entities(
        mentions(
            known("orbit-fab", "Orbit Fab Holdings", "US"),
            *crowd,
            found("Orbit Fab Holdinsg", "US"),
        )  # fmt: skip
    )
    assert key_map["new:orbit fab holdinsg"] == "orbit-fab"


def test_a_discovered_person_is_shown_by_full_name_and_a_body_without_its_the():
    rows = mentions(
        ("new:chris williams", "Chris Williams", "Chris Williams", "person", "US", None, "Chris Williams", 1),
        ("new:chris williams", "Williams", "Williams", "person", "US", None, "Williams", 4),
        ("new:polish space agency", "Polish Space Agency", "the Polish Space Agency", "agency", "PL",
         None, "the Polish Space Agency", 2),
    )  # fmt: skip
    entities, _, _ = resolve_entities(rows)
    shown = entities.set_index("entity_id")
    assert (
        shown.display_name["new:chris williams"]
        == shown.name["new:chris williams"]
        == "Chris Williams"
    )
    assert shown.display_name["new:polish space agency"] == "Polish Space Agency"
