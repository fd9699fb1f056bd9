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


def time_bare(records: list[dict], processes: int = 1) -> float:
    nlp = spacy.load(model_name())
    started = time.perf_counter()
    for _ in nlp.pipe((r["text"] for r in records), batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - started


def time_ours(records: list[dict], processes: int = 1) -> float:
    list(extract_records(records[:1]))  # load the pipeline outside the timing, as bare does
    started = time.perf_counter()
    for _ in extract_records(records, n_process=processes):
        pass
    return time.perf_counter() - started


def run(repeat: int = 5, rounds: int = 3) -> list[dict]:
    """Median of `rounds` timings of each, on the bundled corpus repeated `repeat` times, with
    one process and with two (both sides start their worker processes inside the timing)."""
    records = corpus_texts(repeat)
    n_words = words(records)
    rows = []
    for processes in (1, 2):
        bare = sorted(time_bare(records, processes) for _ in range(rounds))[rounds // 2]
        ours = sorted(time_ours(records, processes) for _ in range(rounds))[rounds // 2]
        rows.append({
            "stage": "extraction" if processes == 1 else "extract x2",
            "unit": "words/s",
            "baseline": round(n_words / bare),
            "ours": round(n_words / ours),
            "ratio": round(bare / ours, 2),
            "target": 0.7,
            "detail": f"{len(records)} documents, {n_words} words, {processes} process"
                      f"{'es' if processes > 1 else ''}; bare nlp.pipe of the same model vs our pipeline",
        })  # fmt: skip
    return rows
