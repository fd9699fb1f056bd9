"""A quotation that opens a sentence after an abbreviation starts a sentence of its own."""

from nlp.pipeline import build_pipeline


def _sentences(text: str) -> list[str]:
    return [s.text for s in build_pipeline()(text).sents]


def test_a_quotation_after_an_abbreviation_opens_a_new_sentence():
    found = _sentences(
        'Modi wrote in a post on X. "This decision brings us closer to a station by 2035," he said.'
    )
    assert found[-1].startswith('"This decision')


def test_a_closing_quotation_stays_with_its_sentence():
    assert _sentences('She said: "We will go." The company agreed.') == [
        'She said: "We will go."',
        "The company agreed.",
    ]
