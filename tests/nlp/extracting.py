"""Helpers for the extraction tests: one text through the real pipeline."""

from nlp.extract import extract_records


def extract(text: str, published: str | None = "2025-05-14") -> dict:
    return next(extract_records([{"id": "t", "text": text, "published": published}]))[0]


def names(out: dict) -> set[str]:
    return {a["name"] for a in out["actors"]}


def milestones(out: dict) -> set[tuple]:
    return {(m["actor"], m["capability"], m["status"], m["date"]) for m in out["milestones"]}
