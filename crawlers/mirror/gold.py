"""Assemble corpus/gold.jsonl: each source's gold annotations joined to its article's text, in
the form `spacerace eval --gold` reads. Run `python -m crawlers.mirror.gold` after editing gold."""

import json
from pathlib import Path

from crawlers.mirror.corpus import corpus_dir, load
from crawlers.spiders.spacex import blocks_to_paragraphs
from crawlers.text import join_paragraphs

EXTRAS = ("esa", "xinhua", "isro", "jaxa")


def articles() -> dict[str, dict]:
    """Every corpus article as an extraction input record, by gold id."""
    found = {}
    for source, name, key in (
        ("cgtn", "articles", "id"),
        ("nasa", "articles", "id"),
        ("blueorigin", "news", "id"),
    ):
        for a in load(source, name):
            found[a[key]] = _record(a[key], a["paragraphs"], a["published"], a["url"], a["title"])
    for r in load("blueorigin", "snapi"):
        found[f"snapi-{r['id']}"] = _record(
            f"snapi-{r['id']}", r["paragraphs"], r["published_at"], r["url"], r["title"]
        )
    for extra in EXTRAS:
        for a in load(f"extras/{extra}", "articles"):
            found[a["id"]] = _record(a["id"], a["paragraphs"], a["published"], a["url"], a["title"])
    for r in load("spacex", "updates"):
        gold_id = f"spacex-{r['updateId']}"
        url = f"https://www.spacex.com/updates/{r['updateId']}/"
        found[gold_id] = _record(
            gold_id, blocks_to_paragraphs(r["contentBlocks"]), r["date"], url, r["title"]
        )
    return found


def _record(doc_id, paragraphs, published, url, title) -> dict:
    return {
        "id": doc_id,
        "text": join_paragraphs(paragraphs),
        "published": published[:10],
        "url": url,
        "title": title,
    }


def gold_records() -> list[dict]:
    """Gold annotations of every source, each with its article's text."""
    texts = articles()
    out = []
    for source in ("cgtn", "nasa", "spacex", "blueorigin", *(f"extras/{e}" for e in EXTRAS)):
        for gold in load(source, "gold"):
            out.append({**texts[gold["id"]], **gold})
    return out


def write_gold(path: Path | None = None) -> Path:
    path = path or corpus_dir() / "gold.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in gold_records()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(f"wrote {write_gold()}")
