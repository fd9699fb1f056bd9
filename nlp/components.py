"""spaCy components: gazetteer actors, discovered actors, vehicles and capabilities as span groups."""

import re

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp import gazetteer
from nlp.context import defined_acronym, normalise_name
from nlp.noise import ROLES, is_noise, person_key, tied_to_work, trimmed

ACTORS = "actors"
VEHICLES = "vehicles"
CAPABILITIES = "capabilities"

LIST_GAP = 4  # words between two names of one list: " of Chennai, "
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
            # "ispace" opens a sentence or a headline as "Ispace".
            forms |= {f[0].upper() + f[1:] for f in forms if f[0].islower()}
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
        # Vehicles are found first: "Starship" tagged ORG is a rocket, not a company.
        vehicles = doc.spans.get(VEHICLES, [])
        taken = {i for span in [*known, *vehicles] for i in range(span.start, span.end)}
        people, listed, acronyms = _surnames(known), -LIST_GAP - 1, {}
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "PERSON") or taken.intersection(range(ent.start, ent.end)):
                continue
            ent = trimmed(ent)
            if ent is None or is_noise(ent) or _a_persons_name(ent, people):
                continue
            if ent.label_ == "PERSON":
                ent = _whole_name(ent, taken)
            key = acronyms.get(ent.text) or "new:" + normalise_name(ent.text)
            if ent.label_ == "ORG" and (short := defined_acronym(ent)):
                acronyms.setdefault(short, key)
            if ent.label_ == "PERSON":
                earlier = person_key(ent, people)
                # The next name of a list ("X of Kerala, Y of Chennai and Z") is tied as the first.
                in_list = ent.start - listed <= LIST_GAP
                tied = in_list or tied_to_work(ent, [*known, *vehicles])
                if earlier == "" or earlier is None and not tied:
                    continue
                key, listed = earlier or key, ent.end
                # Either end names the person again: "Wang" after "Wang Jie", "McClain" after
                # "Anne McClain".
                for word in (ent[0], ent[-1]):
                    people.setdefault(word.text.removesuffix("'s").lower(), key)
            yield Span(doc, ent.start, ent.end, label=ent.label_, kb_id=key)


def _a_persons_name(ent: Span, people: dict[str, str]) -> bool:
    """ "McClain" tagged as an organisation after "Anne McClain": the person, named again."""
    return ent.label_ == "ORG" and len(ent) == 1 and ent.text.lower() in people


def _whole_name(ent: Span, taken: set[int]) -> Span:
    """A person's name the NER cut short ("Muhammad Yousuf" of "Muhammad Yousuf Khan"), grown
    over the capitalised proper nouns on either side."""
    doc, start, end = ent.doc, ent.start, ent.end
    while end < ent.sent.end and _name_part(doc[end], taken):
        end += 1
    # ...but not over the end of a title: "Minister of Science and Technology Masahito Moriyama".
    while start > ent.sent.start and _name_part(doc[start - 1], taken):
        if start - 2 >= ent.sent.start and doc[start - 2].lower_ in ("of", "and", "&", "for"):
            break
        start -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label="PERSON")


def _name_part(token, taken: set[int]) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.i not in taken
        and token.lower_ not in ROLES
    )


def _surnames(known: list[Span]) -> dict[str, str]:
    """Surname -> key of the people the gazetteer found, for "Duffy" after "Sean Duffy"."""
    people = {}
    for span in known:
        actor = gazetteer.actors().get(span.kb_id_)
        if actor and actor.type == "person":
            people.setdefault(actor.name.split()[-1].lower(), actor.id)
    return people


PROGRAMME_WORDS = re.compile(r"^project\b|\b(constellation|programme|program|initiative)$", re.I)


def discovered_type(span: Span) -> str:
    if span.label_ == "PERSON":
        return "person"
    if PROGRAMME_WORDS.search(span.text.strip()):
        return "program"  # "Project Sunrise": done by whoever runs it, not by itself
    return "agency" if ORG_WORDS.search(span.text) else "company"


@Language.factory("spacerace_vehicles")
def make_vehicle_finder(nlp: Language, name: str) -> "VehicleFinder":
    return VehicleFinder(nlp)


class VehicleFinder:
    """Rockets, capsules and landers: not actors, but they lead a milestone to their maker."""

    def __init__(self, nlp: Language):
        self.phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.numbered = Matcher(nlp.vocab)
        for vehicle in gazetteer.vehicles().values():
            forms = {form for alias in vehicle.aliases for form in _spellings(alias)}
            self.phrases.add(vehicle.id, [nlp.make_doc(f) for f in sorted(forms)])
            if vehicle.numbered:
                # "Shenzhou-21", and "Shenzhou 21" as two tokens.
                self.numbered.add(
                    vehicle.id,
                    [
                        [{"TEXT": {"REGEX": rf"^{vehicle.name}-\d+[A-Z]?$"}}],
                        [{"TEXT": vehicle.name}, {"TEXT": {"REGEX": r"^\d{1,2}[A-Z]?$"}}],
                    ],
                )

    def __call__(self, doc: Doc) -> Doc:
        matches = list(self.phrases(doc)) + list(self.numbered(doc))
        spans = [
            Span(doc, s, e, label=doc.vocab.strings[k], kb_id=doc.vocab.strings[k])
            for k, s, e in matches
        ]
        doc.spans[VEHICLES] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc


def _spellings(alias: str) -> tuple[str, ...]:
    """An alias as written with a space or a hyphen before its number: "Long March 2D" and
    "Long March-2D"."""
    return (alias, re.sub(r" (?=\d)", "-", alias), re.sub(r"-(?=\d)", " ", alias))
