"""The source registry, read from crawlers/sources.toml."""

import tomllib
from dataclasses import dataclass
from importlib import resources

from warehouse.errors import SpaceraceError


@dataclass(frozen=True)
class Source:
    source_id: str
    name: str
    kind: str
    nation: str | None
    home: str
    spider: str
    utc_offset_hours: int = 0
    actor_key: str | None = None


def load_sources() -> dict[str, Source]:
    """Every configured source, by id."""
    text = (resources.files("crawlers") / "sources.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)["sources"]
    return {key: Source(source_id=key, **values) for key, values in table.items()}


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
