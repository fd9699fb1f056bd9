"""A paragraph break ends a sentence even where the text has no full stop."""

from nlp.pipeline import build_pipeline


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in build_pipeline()(text).sents]


def test_a_list_line_without_a_full_stop_ends_at_the_blank_line():
    found = _sentences(
        "The modules will launch in this order: a power module, a habitat module and a research "
        "and manufacturing module\n\nThis change means the new commercial station will fly freely."
    )
    assert found[-1] == "This change means the new commercial station will fly freely."
