"""The Scrapy project works with Scrapy's own commands from the repository root."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crawlers.mirror.corpus import load
from crawlers.mirror.server import make_server, start_in_thread

ROOT = Path(__file__).resolve().parents[2]
TEXT_UPDATES = sum(bool(r["contentBlocks"]) for r in load("spacex", "updates"))
TEXT_UPDATES = sum(bool(r["contentBlocks"]) for r in load("spacex", "updates"))


def scrapy(*args):
    return subprocess.run(
        [sys.executable, "-m", "scrapy", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_scrapy_list_names_the_four_source_spiders_and_the_generic_one():
    assert scrapy("list").stdout.split() == ["blueorigin", "cgtn", "feed", "nasa", "spacex"]


def crawl(spider: str, mirror: str, out: Path, *args: str) -> list[dict]:
    result = scrapy("crawl", spider, "-s", f"SPACERACE_MIRROR={mirror}", "-O", str(out), *args)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return [json.loads(line) for line in out.read_text().splitlines()]


@pytest.mark.parametrize(
    ("spider", "args", "count", "url_prefix"),
    [
        ("spacex", [], TEXT_UPDATES, "https://www.spacex.com/updates/"),  # link tiles are skipped
        ("nasa", [], len(load("nasa", "articles")), "https://www.nasa.gov/news-release/"),
        ("cgtn", [], len(load("cgtn", "articles")), "https://news.cgtn.com/news/"),
        # through the fallbacks: the outlets' articles and the launches
        (
            "blueorigin",
            [],
            len(load("blueorigin", "snapi")) + len(load("blueorigin", "ll2")),
            "https://",
        ),
        (
            "feed",
            ["-a", "source_id=esa"],
            len(load("extras/esa", "articles")),
            "https://www.esa.int/",
        ),
        (
            "feed",
            ["-a", "source_id=isro"],
            len(load("extras/isro", "articles")),
            "https://www.isro.gov.in/",
        ),
    ],
)
def test_each_spider_crawls_the_mirror_over_http(mirror, tmp_path, spider, args, count, url_prefix):
    items = crawl(spider, mirror, tmp_path / "out.jsonl", *args)
    assert len(items) == count
    assert all(
        i["url"].startswith(url_prefix) and len(i["text"]) > 300 and i["title"] for i in items
    )
    assert len({i["url"] for i in items}) == count


def test_blue_origin_news_pages_are_read_when_the_site_lets_the_crawler_in(tmp_path):
    server = make_server(port=0, open_blueorigin=True)
    url = start_in_thread(server)
    try:
        items = crawl("blueorigin", url, tmp_path / "bo.jsonl")
    finally:
        server.shutdown()
    assert len(items) == len(load("blueorigin", "news"))
    assert all(
        i["url"].startswith("https://www.blueorigin.com/news/")
        and i["fetched_via"] == "www.blueorigin.com"
        for i in items
    )
    assert all(i["published_at"] for i in items)
