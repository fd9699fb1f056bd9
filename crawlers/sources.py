"""The source registry: crawlers/sources.toml, or the file $SPACERACE_SOURCES names."""

import os
import tomllib
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from warehouse.config import setting
from warehouse.errors import SpaceraceError

KINDS = ("state_media", "agency", "company", "aggregator", "independent")


@dataclass(frozen=True)
class Source:
    source_id: str
    name: str
    kind: str
    nation: str | None
    home: str
    spider: str = "feed"  # the generic feed spider unless a source has its own
    utc_offset_hours: float = 0
    actor_key: str | None = None
    feed: str | None = None  # RSS, Atom or RSS 1.0 feed (generic spider)
    sitemap: str | None = None  # or a sitemap (generic spider)

    @property
    def domain(self) -> str:
        """The registrable part of the home host: www.esa.int -> esa.int."""
        host = urlsplit(self.home).netloc.lower()
        return host.removeprefix("www.")


def _registry_text() -> tuple[str, str]:
    override = os.environ.get("SPACERACE_SOURCES")
    where = "SPACERACE_SOURCES"
    if not override:
        override, where = setting("crawl", "sources"), "spacerace.toml [crawl] sources"
    if override:
        path = Path(override)
        if not path.is_file():
            raise SpaceraceError(f"{where} names {path}, which is not a file")
        return path.read_text(encoding="utf-8"), str(path)
    return (resources.files("crawlers") / "sources.toml").read_text(
        encoding="utf-8"
    ), "crawlers/sources.toml"


def load_sources() -> dict[str, Source]:
    """Every configured source, by id; a malformed entry is an error naming it."""
    text, where = _registry_text()
    try:
        table = tomllib.loads(text)["sources"]
    except (tomllib.TOMLDecodeError, KeyError) as exc:
        raise SpaceraceError(
            f"{where} is not a valid sources file ({exc}); see the README's 'Adding a source'"
        ) from None
    known = {f.name for f in fields(Source)}
    sources = {}
    for key, values in table.items():
        unknown = set(values) - known
        if unknown:
            raise SpaceraceError(f"{where}: source {key!r} has unknown settings {sorted(unknown)}")
        try:
            source = Source(source_id=key, **values)
        except TypeError as exc:
            raise SpaceraceError(f"{where}: source {key!r} is incomplete ({exc})") from None
        _check(source, where)
        sources[key] = source
    return sources


def _check(source: Source, where: str) -> None:
    if source.kind not in KINDS:
        raise SpaceraceError(
            f"{where}: source {source.source_id!r} has kind {source.kind!r}; use one of {', '.join(KINDS)}"
        )
    if source.spider == "feed" and not (source.feed or source.sitemap):
        raise SpaceraceError(f"{where}: source {source.source_id!r} needs a feed or a sitemap URL")


def select_sources(names: list[str] | None) -> list[Source]:
    """The named sources (all when none are named); an unknown name is a clear error."""
    known = load_sources()
    if not names:
        return list(known.values())
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SpaceraceError(
            f"unknown source {', '.join(unknown)}: choose from {', '.join(sorted(known))}"
        )
    return [known[n] for n in names]
