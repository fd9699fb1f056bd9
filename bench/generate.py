"""A synthetic corpus of N articles in the bundled corpus's layout, so the mirror serves it in the
four sources' real structures (and the extras'): actors, capabilities and dates are drawn from the
gazetteer and the taxonomy, so extraction has real work to do.

    python -m bench.generate OUT_DIR --n 2000
"""

import argparse
import json
import random
import string
from datetime import UTC, datetime, timedelta
from pathlib import Path

from nlp import gazetteer

SHARES = {"cgtn": 0.3, "nasa": 0.25, "spacex": 0.15, "snapi": 0.15, "extras": 0.15}
EXTRAS = {"esa": ("https://www.esa.int/Newsroom/Generated/", "+01:00"),
          "xinhua": ("https://english.news.cn/", "+08:00"),
          "isro": ("https://www.isro.gov.in/", "+05:30"),
          "jaxa": ("https://global.jaxa.jp/press/", "+09:00")}  # fmt: skip
OUTLETS = [
    ("spacenews.com", "SpaceNews"),
    ("www.space.com", "Space.com"),
    ("spaceflightnow.com", "Spaceflight Now"),
]
SENTENCES = [
    "{actor} launched {count} {phrase} on {weekday}, the organisation said.",
    "{actor} plans to deploy {phrase} by {year}, according to a statement published today.",
    "{actor} has not yet demonstrated {phrase}, although tests are continuing.",
    "{person} predicted that {phrase} could become common within {small} years.",
    "{actor} and {other} signed an agreement to develop {phrase} together.",
    "The first {phrase} mission of {actor} is scheduled for {month} {year}.",
    "Officials at {actor} said the programme would cost about {count} million dollars.",
    "Engineers completed a review of the hardware, and the next step is a full system test.",
    "The effort is part of a wider push to build infrastructure beyond the atmosphere.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


class Writer:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        actors = list(gazetteer.actors().values())
        self.orgs = [a for a in actors if a.type in ("agency", "company", "program")]
        self.people = [a for a in actors if a.type == "person"]
        self.phrases = [p for c in gazetteer.capabilities().values() for p in c.phrases[:4]]

    def sentence(self) -> str:
        a, b = self.rng.sample(self.orgs, 2)
        return self.rng.choice(SENTENCES).format(
            actor=self.rng.choice([a.display, a.name]), other=b.display, person=self.rng.choice(self.people).name,
            phrase=self.rng.choice(self.phrases), count=self.rng.randint(2, 900), weekday=self.rng.choice(WEEKDAYS),
            year=self.rng.randint(2026, 2035), small=self.rng.randint(2, 9), month=self.rng.choice(MONTHS),
        )  # fmt: skip

    def paragraphs(self) -> list[str]:
        return [
            " ".join(self.sentence() for _ in range(self.rng.randint(3, 5)))
            for _ in range(self.rng.randint(4, 6))
        ]

    def moment(self) -> datetime:
        start = datetime(2023, 1, 1, tzinfo=UTC)
        return start + timedelta(minutes=self.rng.randint(0, 60 * 24 * 365 * 3))

    def token(self, n: int) -> str:
        return "".join(self.rng.choices(string.ascii_letters + string.digits, k=n))


def generate(out: Path, n: int = 2000, seed: int = 7) -> dict[str, int]:
    """Write the corpus under `out`; return how many articles each source got."""
    w = Writer(seed)
    counts = {k: round(n * share) for k, share in SHARES.items()}
    _write(out / "cgtn" / "articles.jsonl", [_cgtn(w, i) for i in range(counts["cgtn"])])
    _write(out / "nasa" / "articles.jsonl", [_nasa(w, i) for i in range(counts["nasa"])])
    _write(out / "spacex" / "updates.jsonl", [_spacex(w, i) for i in range(counts["spacex"])])
    _write(out / "blueorigin" / "snapi.jsonl", [_snapi(w, i) for i in range(counts["snapi"])])
    per_extra = counts["extras"] // len(EXTRAS)
    for name, (base, offset) in EXTRAS.items():
        _write(
            out / "extras" / name / "articles.jsonl",
            [_extra(w, name, base, offset, i) for i in range(per_extra)],
        )
    return counts


def _write(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )


def _title(w: Writer, i: int) -> str:
    return f"{w.rng.choice(w.orgs).display} update {i}: {w.rng.choice(w.phrases)}"


def _cgtn(w: Writer, i: int) -> dict:
    local = (w.moment() + timedelta(hours=8)).replace(tzinfo=None)  # CGTN prints Beijing time
    title = _title(w, i)
    slug = "-".join(title.replace(":", "").split()[:6]) + f"-{w.token(10)}"
    return {"id": f"gen-cgtn-{i}", "url": f"https://news.cgtn.com/news/{local:%Y-%m-%d}/{slug}/index.html", "title": title,
            "author": "", "section": w.rng.choice(["China", "World", "Tech & Sci"]),
            "published": f"{local:%Y-%m-%dT%H:%M:00}+08:00", "summary": title, "paragraphs": w.paragraphs(), "source_line": ""}  # fmt: skip


def _nasa(w: Writer, i: int) -> dict:
    when, title = w.moment(), _title(w, i)
    slug = f"generated-release-{i}"
    return {"id": f"gen-nasa-{i}", "wp_id": 800000 + i, "type": "press-release", "slug": slug,
            "url": f"https://www.nasa.gov/news-release/{slug}/", "title": title, "author": "",
            "published": when.isoformat(), "modified": None, "categories": ["Generated"], "summary": title,
            "paragraphs": w.paragraphs()}  # fmt: skip


def _spacex(w: Writer, i: int) -> dict:
    blocks = [
        {"heading": None, "paragraph": f"<p>{p}</p>", "listItems": []} for p in w.paragraphs()
    ]
    return {"id": 5000 + i, "documentId": w.token(24).lower(), "updateId": f"generated-update-{i}",
            "title": _title(w, i), "date": f"{w.moment():%Y-%m-%d}", "link": None, "contentBlocks": blocks}  # fmt: skip


def _snapi(w: Writer, i: int) -> dict:
    host, site = w.rng.choice(OUTLETS)
    when = w.moment()
    return {"id": 90000 + i, "title": f"Blue Origin {_title(w, i)}", "authors": [{"name": "Generated Reporter", "socials": {}}],
            "url": f"https://{host}/generated-{i}/", "image_url": f"https://{host}/img/{i}.jpg", "news_site": site,
            "summary": "Blue Origin news, generated.", "published_at": f"{when:%Y-%m-%dT%H:%M:%SZ}",
            "updated_at": f"{when:%Y-%m-%dT%H:%M:%S}.000000Z", "featured": False, "launches": [], "events": [],
            "paragraphs": w.paragraphs()}  # fmt: skip


def _extra(w: Writer, name: str, base: str, offset: str, i: int) -> dict:
    when, title = w.moment(), _title(w, i)
    return {"id": f"{name}-{i:04d}", "url": f"{base}generated_{i}.html", "title": title, "author": "",
            "published": f"{when:%Y-%m-%dT%H:%M:%S}{offset}", "summary": title, "paragraphs": w.paragraphs()}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "out", type=Path, help="folder to write the corpus to (use it as SPACERACE_CORPUS)"
    )
    parser.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(json.dumps(generate(args.out, args.n, args.seed)))


if __name__ == "__main__":
    main()
