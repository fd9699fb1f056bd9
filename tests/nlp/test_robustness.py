"""Whatever text comes in, extraction answers: no crash, offsets inside the text, and a reason
when a text gives nothing (empty, no words, not English)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.extract import extract_records
from nlp.guard import blank_markup, pieces

SPACE_WORDS = ["NASA", "SpaceX", "launched", "plans", "the", "Moon", "by", "2030", "orbit",
               "data", "center", "<b>", "</p>", "\u200b", "\n\n", "it", "will", "Starship", "."]  # fmt: skip


def run(text: str, published: str | None = "2025-05-14") -> dict:
    return next(extract_records([{"id": "t", "text": text, "published": published}]))[0]


def check_offsets(text: str, out: dict) -> None:
    for m in out["milestones"]:
        assert 0 <= m["start"] <= m["end"] <= len(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text_never_crashes(text):
    out = run(text)
    assert set(out) >= {"id", "actors", "capabilities", "milestones"}
    check_offsets(text, out)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(SPACE_WORDS), max_size=80).map(" ".join),
    st.sampled_from([None, "2025-01-31", "bad"]),
)
def test_random_space_sentences_never_crash_and_keep_offsets(text, published):
    out = run(text, published)
    check_offsets(text, out)
    for m in out["milestones"]:
        assert m["status"] in ("achieved", "planned", "announced", "failed")


def test_empty_text_says_why():
    assert run("   \n ")["skipped"] == "empty text"
    assert run("1234 !!! 5678")["skipped"] == "no words in the text"


def test_text_that_is_not_english_is_skipped_with_a_reason():
    out = run("La Chine prévoit de faire atterrir des astronautes sur la Lune avant 2030, a annoncé "
              "mercredi l'agence spatiale chinoise, qui prépare aussi une station de recherche "
              "internationale au pôle sud lunaire avec plusieurs partenaires.")  # fmt: skip
    assert out["milestones"] == [] and "not English" in out["skipped"]


def test_english_full_of_foreign_names_is_not_taken_for_another_language():
    out = run("The Shenzhou-21 astronauts Zhang Lu, Wu Fei and Zhang Hongzhang docked with the "
              "Tiangong space station on Tuesday, and the crew of Shenzhou-20 handed it over to them.")  # fmt: skip
    assert "skipped" not in out and out["milestones"]


def test_html_left_in_a_body_is_read_as_text_and_offsets_stay_those_of_the_input():
    text = "<div><p>SpaceX <b>plans</b> to build data centers in orbit by 2030.</p></div>"
    out = run(text)
    assert [(m["capability"], m["status"], m["date"]) for m in out["milestones"]] == [
        ("orbital_data_center", "planned", "2030")
    ]
    m = out["milestones"][0]
    assert "data centers in orbit" in text[m["start"] : m["end"]]
    assert len(blank_markup(text)) == len(text)


def test_odd_unicode_is_no_problem():
    out = run("SpaceX\u00a0plans to build data centres in orbit by 2030 \U0001f680\u200b\ufeff.")
    assert out["milestones"] and not out.get("skipped")


def test_a_long_text_is_read_in_pieces_that_join_back_exactly():
    paragraph = (
        "NASA plans to land astronauts on the Moon by 2028, the agency said on Monday. " * 12
    )
    text = (paragraph + "\n\n") * 260  # about 250,000 characters: three pieces
    assert "".join(pieces(text)) == text and len(pieces(text)) == 3
    out = run(text)
    assert {(m["actor"], m["capability"], m["status"]) for m in out["milestones"]} >= {
        ("National Aeronautics and Space Administration", "lunar_landing", "planned")
    }
    assert all(text[m["start"] : m["end"]] == m["sentence"] for m in out["milestones"])
