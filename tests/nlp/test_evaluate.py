"""Scoring: a gold milestone is judged against the found one from its own sentence, and among
several found there, the one with its date."""

from nlp.evaluate import score

SENTENCE = "Starcloud plans Starcloud-2 next year and a 100 kW satellite by 2027."


def _doc(*dates: str) -> dict:
    milestones = [
        {
            "actor": "Starcloud",
            "capability": "orbital_data_center",
            "status": "planned",
            "date": d,
            "sentence": SENTENCE,
        }  # fmt: skip
        for d in dates
    ]
    return {"id": "d", "actors": [], "capabilities": [], "milestones": milestones}


def test_each_gold_milestone_meets_the_found_one_of_its_sentence_with_its_date():
    assert score([_doc("2026", "2027")], [_doc("2026", "2027")])["year_accuracy"] == 1.0


def test_a_sentence_found_with_one_date_of_two_gets_half_the_years_right():
    assert score([_doc("2026", "2027")], [_doc("2026")])["year_accuracy"] == 0.5
