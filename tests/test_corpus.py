"""The bundled corpus and its gold annotations hold together."""

import json
from pathlib import Path

from crawlers.mirror.gold import gold_records
from nlp.gazetteer import capabilities

ROOT = Path(__file__).resolve().parents[1]
STATUSES = {"achieved", "planned", "announced", "failed"}


def test_every_gold_sentence_occurs_in_its_article_and_labels_are_in_the_taxonomy():
    labels = set(capabilities())
    for record in gold_records():
        assert set(record["capabilities"]) <= labels, record["id"]
        for m in record["milestones"]:
            assert m["sentence"] in record["text"], (record["id"], m["sentence"])
            assert m["capability"] in labels and m["status"] in STATUSES


def test_the_committed_gold_file_is_up_to_date_with_the_source_annotations():
    committed = [
        json.loads(line) for line in (ROOT / "corpus" / "gold.jsonl").read_text().splitlines()
    ]
    assert committed == gold_records(), (
        "run `python -m crawlers.mirror.gold` and commit corpus/gold.jsonl"
    )


def test_each_source_serves_a_dozen_or_more_articles_and_the_extras_twenty():
    ids = [r["id"] for r in gold_records()]
    for prefix in ("cgtn-", "nasa-", "spacex-", "bo-", "snapi-"):
        assert sum(i.startswith(prefix) for i in ids) >= 12, prefix
    extras = [i for i in ids if i.split("-")[0] in ("esa", "xinhua", "isro", "jaxa")]
    assert len(extras) >= 20
