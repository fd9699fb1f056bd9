"""Discovered actors matched to the one they name: by acronym or by a near spelling of the name,
never across nations. Spellings are compared with their neighbours in sorted order (rapidfuzz,
in bulk), so 50,000 actors take about a second and twice as many about twice as long."""

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

# token_sort_ratio on normalised names: spellings and word order ("Sunrise Space Corp" ~
# "Space Sunrise"; "Galactic Enery" ~ "Galactic Energy"), not a name inside a longer one, which
# is often another organisation ("China Academy" in "China Academy of Space Technology").
THRESHOLD = 90
MIN_LENGTH = 5  # shorter names are acronyms or fragments: matched whole, never by spelling
SMALL_WORDS = {"of", "and", "the", "for", "de", "du", "la"}
NEIGHBOURS = 20  # in each sort order, names compared with this many after them


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
    discovered = sorted(discovered, key=lambda a: (-a.seen, a.key))
    index = Targets(known + discovered)
    for target in known:
        index.add(target)
    merged: dict[str, tuple[str, str]] = {}
    for actor in discovered:
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
    """The actors others may join, indexed by acronym, first word and close spellings.
    `everyone` in the order they may become targets (ties in score go to the earlier)."""

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
        self.close = close_spellings(everyone)
        self.added: set[str] = set()

    def add(self, actor: Named) -> None:
        self.added.add(actor.key)

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
        for score, _, target in self.close.get(actor.key, []):
            if target.key in self.added and _fits(target, actor):
                return target.key, f"name close to {target.name} ({-score}/100)"
        return None


def close_spellings(actors: list[Named]) -> dict[str, list[tuple[int, int, Named]]]:
    """key -> [(-score, order, other)] for the actors whose names score THRESHOLD or more
    against its own, best first. Sorted neighbourhood: names are sorted (by their sorted words,
    then by those spelled backwards, for a slip near the start) and each is compared with the
    NEIGHBOURS after it, so the work grows as n log n, whatever the names look like."""
    named = [(order, a, " ".join(sorted(a.name.split()))) for order, a in enumerate(actors)
             if len(a.name) >= MIN_LENGTH]  # fmt: skip
    found: dict[tuple[int, int], int] = {}
    for backwards in (False, True):
        ranked = sorted(named, key=lambda n: n[2][::-1] if backwards else n[2])
        names = [n[1].name for n in ranked]
        for step in range(1, min(NEIGHBOURS, len(names) - 1) + 1):
            scores = process.cpdist(names[:-step], names[step:], scorer=fuzz.token_sort_ratio,
                                    score_cutoff=THRESHOLD, dtype=np.uint8, workers=-1)  # fmt: skip
            for i in np.flatnonzero(scores):
                pair = sorted((ranked[i][0], ranked[i + step][0]))
                found[pair[0], pair[1]] = int(scores[i])
    close: dict[str, list[tuple[int, int, Named]]] = defaultdict(list)
    for (a, b), score in found.items():
        if actors[a].key != actors[b].key:
            close[actors[a].key].append((-score, b, actors[b]))
            close[actors[b].key].append((-score, a, actors[a]))
    for candidates in close.values():
        candidates.sort(key=lambda c: c[:2])
    return close


def _fits(target: Named, actor: Named) -> bool:
    return target.key != actor.key and same_nation(target.nation, actor.nation)


def _only(fitting: dict[str, Named], why: str) -> tuple[str, str] | None:
    if len(fitting) != 1:
        return None
    (target,) = fitting.values()
    return target.key, f"{why} {target.name}"
