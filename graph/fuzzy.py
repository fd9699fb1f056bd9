"""Discovered actors matched to the one they name: by acronym or by a near spelling of the name,
never across nations. Candidates are blocked by the name's first letter, so the work grows with
the size of a block, not with the square of the actors."""

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

# token_sort_ratio on normalised names: spellings and word order ("Sunrise Space Corp" ~
# "Space Sunrise"; "Galactic Enery" ~ "Galactic Energy"), not a name inside a longer one, which
# is often another organisation ("China Academy" in "China Academy of Space Technology").
THRESHOLD = 90
MIN_LENGTH = 5  # shorter names are acronyms or fragments: matched whole, never by spelling
SMALL_WORDS = {"of", "and", "the", "for", "de", "du", "la"}


@dataclass(frozen=True)
class Named:
    key: str
    name: str  # normalised
    nation: str | None
    seen: int


def acronym(name: str) -> str:
    """Initials of a normalised name of two words or more ("china aerospace science and
    technology corporation" -> "cast"), else ""."""
    words = [w for w in name.split() if w not in SMALL_WORDS]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def same_nation(a: str | None, b: str | None) -> bool:
    """Two actors may be one unless both have a nation and the nations differ."""
    return not (a and b and a != b)


def match_discovered(discovered: list[Named], known: list[Named]) -> dict[str, tuple[str, str]]:
    """discovered key -> (key it is merged into, why). Known actors are targets first; among
    discovered ones the most seen is the target of the others."""
    index = Targets(known + discovered)
    for target in known:
        index.add(target)
    merged: dict[str, tuple[str, str]] = {}
    for actor in sorted(discovered, key=lambda a: (-a.seen, a.key)):
        found = index.acronym(actor) or index.first_word(actor) or index.spelling(actor)
        if found:
            merged[actor.key] = found
        else:
            index.add(actor)
    return {key: _end_of_chain(key, merged) for key in merged}


def _end_of_chain(key: str, merged: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """ "Goddard" joins "Goddard Space Flight Center", which may itself have joined another."""
    target, reason = merged[key]
    seen = {key}
    while target in merged and target not in seen:
        seen.add(target)
        target = merged[target][0]
    return target, reason


class Targets:
    """The actors others may join, indexed by acronym, first word and block (first two letters)."""

    def __init__(self, everyone: list[Named]):
        # Acronyms and first words look at every actor, so "Goddard" finds "Goddard Space
        # Flight Center" even when the short form is the one seen more.
        self.by_acronym: dict[str, list[Named]] = defaultdict(list)
        self.by_first_word: dict[str, dict[str, Named]] = defaultdict(dict)
        for actor in everyone:
            if letters := acronym(actor.name):
                self.by_acronym[letters].append(actor)
            if " " in actor.name:
                self.by_first_word[actor.name.split()[0]][actor.key] = actor
        self.blocks: dict[str, list[Named]] = defaultdict(list)

    def add(self, actor: Named) -> None:
        if len(actor.name) >= MIN_LENGTH:
            self.blocks[actor.name[:2]].append(actor)

    def acronym(self, actor: Named) -> tuple[str, str] | None:
        if " " in actor.name or not 3 <= len(actor.name) <= 6:
            return None
        fitting = {t.key: t for t in self.by_acronym.get(actor.name, []) if _fits(t, actor)}
        return _only(fitting, "acronym of")  # none, or ambiguous: alone rather than a guess

    def first_word(self, actor: Named) -> tuple[str, str] | None:
        """ "Goddard" for "Goddard Space Flight Center": a one-word name that begins exactly
        one longer name of its nation ("Zhang", beginning several names, stays alone)."""
        if " " in actor.name or len(actor.name) < MIN_LENGTH:
            return None
        begun = self.by_first_word.get(actor.name, {}).values()
        return _only({t.key: t for t in begun if _fits(t, actor)}, "short form of")

    def spelling(self, actor: Named) -> tuple[str, str] | None:
        if len(actor.name) < MIN_LENGTH:
            return None
        block = self.blocks.get(actor.name[:2], [])
        names = [t.name for t in block]
        for _, score, i in process.extract(
            actor.name, names, scorer=fuzz.token_sort_ratio, score_cutoff=THRESHOLD, limit=5
        ):
            if _fits(block[i], actor):
                return block[i].key, f"name close to {block[i].name} ({score:.0f}/100)"
        return None


def _fits(target: Named, actor: Named) -> bool:
    return target.key != actor.key and same_nation(target.nation, actor.nation)


def _only(fitting: dict[str, Named], why: str) -> tuple[str, str] | None:
    if len(fitting) != 1:
        return None
    (target,) = fitting.values()
    return target.key, f"{why} {target.name}"
