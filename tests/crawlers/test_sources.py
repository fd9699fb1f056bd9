"""The source registry: a malformed entry is a clear error naming it."""

import pytest

from crawlers.sources import load_sources, select_sources
from warehouse.errors import SpaceraceError


def write(tmp_path, monkeypatch, text):
    path = tmp_path / "sources.toml"
    path.write_text(text)
    monkeypatch.setenv("SPACERACE_SOURCES", str(path))


def test_the_shipped_registry_has_the_four_sources_and_the_extras():
    assert set(load_sources()) == {
        "cgtn",
        "nasa",
        "spacex",
        "blueorigin",
        "esa",
        "xinhua",
        "isro",
        "jaxa",
    }


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('kind = "blog"\nfeed = "https://x.example/feed"', "has kind 'blog'"),
        ('kind = "independent"', "needs a feed or a sitemap"),
        ('kind = "independent"\nfeed = "https://x.example/feed"\nschedule = 3', "unknown settings"),
    ],
)
def test_a_bad_entry_is_named(tmp_path, monkeypatch, entry, message):
    write(
        tmp_path,
        monkeypatch,
        f'[sources.x]\nname = "X"\nnation = "US"\nhome = "https://x.example/"\n{entry}\n',
    )
    with pytest.raises(SpaceraceError, match=message):
        load_sources()


def test_a_missing_registry_file_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("SPACERACE_SOURCES", str(tmp_path / "nope.toml"))
    with pytest.raises(
        SpaceraceError, match="SPACERACE_SOURCES names .*nope.toml, which is not a file"
    ):
        select_sources(None)
