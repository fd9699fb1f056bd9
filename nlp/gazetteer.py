"""The gazetteer (actors, vehicles) and the capability taxonomy, read from nlp/patterns/*.jsonl."""

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

PATTERN_FILES = ("actors.jsonl", "vehicles.jsonl", "capabilities.jsonl")


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    display: str
    type: str
    nation: str | None
    aliases: tuple[str, ...] = ()
    owner: str | None = None
    capabilities: tuple[str, ...] = ()  # what a programme stands for: Starlink, satellite_internet
    crew_capabilities: tuple[str, ...] = ()  # what its crewed flights are: Virgin Galactic, tourism
    leads: str | None = None  # the organisation a person heads (the graph's "leads" edge)


@dataclass(frozen=True)
class Vehicle:
    id: str
    name: str
    maker: str
    aliases: tuple[str, ...] = ()
    numbered: bool = False  # written with a flight number: "Shenzhou-20"
    flight_capabilities: tuple[str, ...] = ()  # what its flight shows: a heavy-lift launch
    capabilities: tuple[str, ...] = ()  # what it is for, wherever named: Chang'e-6, sample return
    crew_capabilities: tuple[str, ...] = ()  # what it shows carrying people: New Shepard, tourism


@dataclass(frozen=True)
class Capability:
    id: str
    name: str
    description: str
    space_compute: bool
    phrases: tuple[str, ...] = field(default=())
    # Words that show the capability when they stand close together, in any order or form the
    # phrases cannot list: "data centres would be built in space", "trained a small AI model in
    # orbit". Each rule: {"words": [[one of these], [and one of these], ...], "window": tokens}.
    near: tuple[dict, ...] = field(default=())


def _lines(name: str) -> list[dict]:
    text = (resources.files("nlp") / "patterns" / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@cache
def actors() -> dict[str, Actor]:
    return {
        r["id"]: Actor(
            **{
                **r,
                "aliases": tuple(r.get("aliases", ())),
                "capabilities": tuple(r.get("capabilities", ())),
                "crew_capabilities": tuple(r.get("crew_capabilities", ())),
            }
        )  # fmt: skip
        for r in _lines("actors.jsonl")
    }


@cache
def vehicles() -> dict[str, Vehicle]:
    return {
        r["id"]: Vehicle(
            **{
                **r,
                "aliases": tuple(r["aliases"]),
                "flight_capabilities": tuple(r.get("flight_capabilities", ())),
                "capabilities": tuple(r.get("capabilities", ())),
                "crew_capabilities": tuple(r.get("crew_capabilities", ())),
            }
        )  # fmt: skip
        for r in _lines("vehicles.jsonl")
    }


@cache
def capabilities() -> dict[str, Capability]:
    return {
        r["id"]: Capability(
            **{**r, "phrases": tuple(r["phrases"]), "near": tuple(r.get("near", ()))}
        )
        for r in _lines("capabilities.jsonl")
    }


@cache
def patterns_digest() -> str:
    """A short hash of the pattern files: part of the extractor version, so edits re-extract."""
    digest = hashlib.sha256()
    for name in PATTERN_FILES:
        digest.update((resources.files("nlp") / "patterns" / name).read_bytes())
    return digest.hexdigest()[:8]


def alias_index() -> dict[str, str]:
    """Every alias (lower-cased) and canonical name -> actor id, for resolving names in gold files."""
    index = {}
    for actor in actors().values():
        for form in (actor.name, actor.display, *actor.aliases):
            index.setdefault(form.lower(), actor.id)
    return index
