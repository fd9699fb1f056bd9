"""The verb forms a status turns on, read from the parse of short sentences."""

import pytest

from nlp.pipeline import build_pipeline
from nlp.verb_forms import as_planned, done_with_particle, has_deadline, under_way


def _sent(text: str):
    return next(build_pipeline()(text).sents)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agency aims to land astronauts by 2030.", True),
        ("The station should be ready before the end of this year.", True),
        ("Blue Origin was founded by Jeff Bezos in 2000.", False),
    ],
)
def test_a_deadline_is_by_or_before_a_year(text, expected):
    assert has_deadline(_sent(text)) is expected


def test_as_planned_without_a_subject_describes_how_it_went():
    sent = _sent("The spaceship took off as planned on Friday.")
    assert any(as_planned(t) for t in sent)
    assert any(done_with_particle(t) for t in sent)


def test_as_with_a_subject_of_its_own_is_a_plan():
    sent = _sent("The firm sold seats, as it aims for a first flight in 2028.")
    assert not any(as_planned(t) for t in sent)


def test_a_present_progressive_of_making_is_work_under_way():
    assert under_way(_sent("Blue Origin is building a larger crewed lander."))
    assert not under_way(_sent("Blue Origin built a larger crewed lander."))
