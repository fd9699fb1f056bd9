"""SpaceX content blocks become clean paragraphs (fixture: a recorded API record)."""

import json
from pathlib import Path

from crawlers.spiders.spacex import blocks_to_paragraphs

FIXTURE = Path(__file__).parents[1] / "fixtures" / "spacex_update.json"


def test_content_blocks_become_headings_paragraphs_and_list_items():
    record = json.loads(FIXTURE.read_text())
    assert blocks_to_paragraphs(record["contentBlocks"]) == [
        "FLIGHT TEST OBJECTIVES",
        "The vehicle completed its ascent with markup removed.",
        "A second paragraph & an entity.",
        "Catch the booster",
        "Relight an engine in space",
    ]


def test_an_external_tile_has_no_paragraphs():
    assert blocks_to_paragraphs([]) == []
