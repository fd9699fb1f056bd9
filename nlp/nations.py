"""The nation of an actor the gazetteer does not know: from its own words and those around it,
else from the nearest known actor or vehicle, else from the document when one nation dominates."""

from collections import Counter

from spacy.tokens import Doc, Span

from nlp import gazetteer
from nlp.components import ACTORS, VEHICLES
from nlp.context import nation_from_context
from nlp.spans import spans_in


def discovered_nation(span: Span) -> str | None:
    """The nation the words around a name give ("Chinese startup X"), else that of the nearest
    known actor or vehicle in its sentence ("NASA astronaut X"), else the document's own when one
    nation dominates it; None when nothing ties the name to one."""
    return nation_from_context(span) or _nearest_nation(span) or _document_nation(span.doc)


def _known_nations(doc: Doc, within: Span | None = None) -> list[tuple[Span, str]]:
    found = []
    start, end = (within.start, within.end) if within is not None else (0, len(doc))
    for group, lookup in ((ACTORS, _actor_nation), (VEHICLES, _vehicle_nation)):
        for other in spans_in(doc, group, start, end):
            nation = lookup(other.kb_id_)
            if nation:
                found.append((other, nation))
    return found


def _actor_nation(key: str) -> str | None:
    actor = gazetteer.actors().get(key)
    return actor.nation if actor else None


def _vehicle_nation(key: str) -> str | None:
    vehicle = gazetteer.vehicles().get(key)
    return _actor_nation(vehicle.maker) if vehicle else None


def _nearest_nation(span: Span) -> str | None:
    candidates = [(o, n) for o, n in _known_nations(span.doc, span.sent) if o.start != span.start]
    if not candidates:
        return None
    distance = lambda pair: min(abs(pair[0].start - span.end), abs(span.start - pair[0].end))  # noqa: E731
    return min(candidates, key=distance)[1]


DOMINANT = 0.6  # share of the known actors' mentions one nation needs to speak for the document


def _document_nation(doc: Doc) -> str | None:
    key = "spacerace.document_nation"
    if key not in doc.user_data:  # asked once per discovered name: counted once per document
        doc.user_data[key] = _dominant_nation(doc)
    return doc.user_data[key]


def _dominant_nation(doc: Doc) -> str | None:
    nations = Counter(nation for _, nation in _known_nations(doc))
    if not nations:
        return None
    nation, count = nations.most_common(1)[0]
    return nation if count >= DOMINANT * sum(nations.values()) else None
