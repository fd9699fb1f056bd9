"""The Scrapy project works with Scrapy's own commands from the repository root."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


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


def test_scrapy_crawl_runs_a_spider_against_the_mirror(mirror, tmp_path):
    out = tmp_path / "spacex.jsonl"
    result = scrapy("crawl", "spacex", "-s", f"SPACERACE_MIRROR={mirror}", "-O", str(out))
    assert result.returncode == 0, result.stderr
    items = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(items) == 13  # 15 records, of which 2 are external link tiles
    assert all(i["url"].startswith("https://www.spacex.com/updates/") and i["text"] for i in items)
