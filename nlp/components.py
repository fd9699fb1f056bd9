"""spaCy components: gazetteer actors, discovered actors, vehicles and capabilities as span groups."""

import re

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp import gazetteer
from nlp.context import nation_from_context, normalise_name

ACTORS = "actors"
VEHICLES = "vehicles"
CAPABILITIES = "capabilities"

# Names the statistical NER calls organisations that are not actors of the space race.
NOISE = {
    "ai",
    "moon",
    "earth",
    "mars",
    "reuters",
    "xinhua",
    "xinhua news agency",
    "cgtn",
    "afp",
    "ap",
    "bloomberg",
    "cnbc",
    "space.com",
    "spacenews",
    "spaceflight now",
    "nasaspaceflight",
    "payload",
    "ars technica",
    "teslarati",
    "star market daily",
    "the associated press",
    "x",
    "gpu",
    "gpus",
    "leo",
    "low earth orbit",
    "tops",
    "pflops",
    "gw",
    "mw",
    "kg",
    "llm",
    "iss",
    "gbps",
}
ORG_WORDS = re.compile(
    r"\b(agency|administration|institute|academy|laborator|university|commission|ministry)", re.I
)


@Language.factory("spacerace_actors", default_config={"discover": True})
def make_actor_finder(nlp: Language, name: str, discover: bool) -> "ActorFinder":
    return ActorFinder(nlp, discover)


class ActorFinder:
    """Gazetteer aliases (case-sensitive) become actor spans with the actor id as kb_id; with
    `discover`, NER organisations and people in space-race sentences are kept as new actors."""

    def __init__(self, nlp: Language, discover: bool):
        self.discover = discover
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for actor in gazetteer.actors().values():
            forms = {actor.name, actor.display, *actor.aliases}
            self.matcher.add(actor.id, [nlp.make_doc(f) for f in forms])

    def __call__(self, doc: Doc) -> Doc:
        found = [
            Span(doc, start, end, label=doc.vocab.strings[key], kb_id=doc.vocab.strings[key])
            for key, start, end in self.matcher(doc)
        ]
        found = filter_spans(found)
        if self.discover:
            found = filter_spans(found + list(self._discovered(doc, found)))
        doc.spans[ACTORS] = sorted(found, key=lambda s: s.start)
        return doc

    def _discovered(self, doc: Doc, known: list[Span]):
        taken = {i for span in known for i in range(span.start, span.end)}
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "PERSON") or taken.intersection(range(ent.start, ent.end)):
                continue
            if ent.text.lower().strip(" .'") in NOISE or not any(c.isalpha() for c in ent.text):
                continue
            key = "new:" + normalise_name(ent.text)
            yield Span(doc, ent.start, ent.end, label=ent.label_, kb_id=key)


def discovered_type(span: Span) -> str:
    if span.label_ == "PERSON":
        return "person"
    return "agency" if ORG_WORDS.search(span.text) else "company"


def discovered_nation(span: Span) -> str | None:
    return nation_from_context(span)


@Language.factory("spacerace_vehicles")
def make_vehicle_finder(nlp: Language, name: str) -> "VehicleFinder":
    return VehicleFinder(nlp)


class VehicleFinder:
    """Rockets, capsules and landers: not actors, but they lead a milestone to their maker."""

    def __init__(self, nlp: Language):
        self.phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.numbered = Matcher(nlp.vocab)
        for vehicle in gazetteer.vehicles().values():
            self.phrases.add(vehicle.id, [nlp.make_doc(a) for a in vehicle.aliases])
            if vehicle.numbered:
                self.numbered.add(
                    vehicle.id, [[{"TEXT": {"REGEX": rf"^{vehicle.name}-\d+[A-Z]?$"}}]]
                )

    def __call__(self, doc: Doc) -> Doc:
        matches = list(self.phrases(doc)) + list(self.numbered(doc))
        spans = [
            Span(doc, s, e, label=doc.vocab.strings[k], kb_id=doc.vocab.strings[k])
            for k, s, e in matches
        ]
        doc.spans[VEHICLES] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc


@Language.factory("spacerace_capabilities")
def make_capability_finder(nlp: Language, name: str) -> "CapabilityFinder":
    return CapabilityFinder(nlp)


class CapabilityFinder:
    """The capability taxonomy's phrases, matched case-insensitively."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for capability in gazetteer.capabilities().values():
            self.matcher.add(capability.id, [nlp.make_doc(p) for p in capability.phrases])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in self.matcher(doc)]
        doc.spans[CAPABILITIES] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc
