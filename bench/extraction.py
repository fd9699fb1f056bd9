"""Extraction speed: spacerace's pipeline vs bare `nlp.pipe` of the same spaCy model, same texts."""

import time

import spacy

from crawlers.mirror.gold import articles
from nlp.extract import extract_records
from nlp.pipeline import model_name


def corpus_texts(repeat: int) -> list[dict]:
    records = list(articles().values())
    return [{**r, "id": f"{r['id']}-{i}"} for i in range(repeat) for r in records]


def words(records: list[dict]) -> int:
    return sum(len(r["text"].split()) for r in records)


def time_bare(records: list[dict]) -> float:
    nlp = spacy.load(model_name())
    started = time.perf_counter()
    for _ in nlp.pipe((r["text"] for r in records), batch_size=32):
        pass
    return time.perf_counter() - started


def time_ours(records: list[dict]) -> float:
    list(extract_records(records[:1]))  # load the pipeline outside the timing, as bare does
    started = time.perf_counter()
    for _ in extract_records(records):
        pass
    return time.perf_counter() - started


def run(repeat: int = 5, rounds: int = 3) -> dict:
    """Median of `rounds` timings of each, on the bundled corpus repeated `repeat` times."""
    records = corpus_texts(repeat)
    n_words = words(records)
    bare = sorted(time_bare(records) for _ in range(rounds))[rounds // 2]
    ours = sorted(time_ours(records) for _ in range(rounds))[rounds // 2]
    return {
        "stage": "extraction",
        "unit": "words/s",
        "baseline": round(n_words / bare),
        "ours": round(n_words / ours),
        "ratio": round(bare / ours, 2),
        "target": 0.7,
        "detail": f"{len(records)} documents, {n_words} words; bare nlp.pipe of the same model vs our pipeline",
    }
