"""Capabilities the text shows without naming them: a programme that stands for one (Starlink is
satellite internet), a heavy rocket's flight (a heavy-lift launch), a booster coming back to land
(reusable launch), astronauts flying (a crewed flight), landing on the Moon (a lunar landing). Each cue becomes a capability span over the words that show it."""

from spacy.tokens import Doc, Span

from nlp import gazetteer
from nlp.nearby import near_spans
from nlp.spans import says, spans_in

ACTORS, VEHICLES = "actors", "vehicles"
MAKER_ONLY = "maker-only"  # span_id of a capability only its kb_id's actor does
LAUNCH_LEMMAS = {"launch", "lift", "liftoff", "blast", "debut", "fly", "reach"}
TEST_FLIGHT = {"test", "maiden"}  # "flight" alone is too loose: "the flight to the Moon"
RETURN_LEMMAS = {"land", "catch", "recover", "return", "touch", "reuse", "refly", "reflown", "landing",
                 "descent", "splashdown", "recovery", "refurbish", "lose", "destroy"}  # fmt: skip
BOOSTER_WORDS = {"booster", "boosters"}
CREW_WORDS = {"astronaut", "astronauts", "crew", "crews", "cosmonaut", "cosmonauts", "passengers"}
RIDERS = {"passenger", "passengers", "tourist", "tourists", "customers", "women", "men", "people",
          "travelers", "travellers"}  # fmt: skip
UNCREWED = ("uncrewed", "unmanned", "without a crew", "without its crew", "without crew")
CREW_ACTS = {"launch", "fly", "dock", "return", "board", "spacewalk", "arrive", "lift", "orbit",
             "splash", "rotate", "handover", "enter", "depart", "undock", "blast"}  # fmt: skip


def cue_spans(doc: Doc) -> list[Span]:
    """Capability spans from programmes, heavy rockets in flight, boosters that return and crews
    that fly."""
    return [*_programmes(doc), *_heavy_flights(doc), *_returning_boosters(doc),
            *_crews_flying(doc), *_moon_landings(doc), *near_spans(doc)]  # fmt: skip


def _programmes(doc: Doc):
    """Programmes and missions stand for what they are for (Starlink, Chang'e-6, Haven-1); the
    span's kb_id is their owner or maker, who does it together with the clause's subject ("Axiom's
    Ax-4 lifted off aboard a SpaceX Crew Dragon": Axiom and SpaceX fly a crew)."""
    for group, lookup in ((ACTORS, gazetteer.actors()), (VEHICLES, gazetteer.vehicles())):
        for span in doc.spans.get(group, []):
            entry = lookup.get(span.kb_id_)
            if group == ACTORS and a_place(span):
                continue
            for label in entry.capabilities if entry else ():
                if label == "crewed_spaceflight" and says(span.sent, UNCREWED):
                    continue  # "the uncrewed Shenzhou-22"
                yield Span(doc, span.start, span.end, label=label, kb_id=_owner(entry))


def _heavy_flights(doc: Doc):
    """A heavy rocket that flies is its maker's heavy-lift launch alone, whoever's payload it
    carries ("NASA's probe lifted off on a New Glenn")."""
    for span in doc.spans.get(VEHICLES, []):
        vehicle = gazetteer.vehicles().get(span.kb_id_)
        if vehicle and vehicle.flight_capabilities and _launched(span.sent):
            for label in vehicle.flight_capabilities:
                yield Span(doc, span.start, span.end, label=label, kb_id=vehicle.maker,
                           span_id=MAKER_ONLY)  # fmt: skip


PLACE_PREPOSITIONS = {"to", "at", "on", "aboard", "onboard", "with", "from", "in", "inside",
                      "outside", "near", "toward", "towards", "into"}  # fmt: skip


WORK_NOUNS = {"work", "construction", "progress", "development", "assembly"}
PLACE_VERBS = {"reach", "enter", "leave", "visit", "board", "depart"}


def a_place(span: Span) -> bool:
    """ "arrived at the ISS", "experiments on Tiangong", "has reached the ISS": the station is
    where things happen, not what is being done."""
    root = span.root
    while root.dep_ == "appos" and root.head != root:  # "the International Space Station (ISS)"
        root = root.head
    if _has_a_deadline(span):
        return False  # "closer to a space station by 2035": a station still to build
    if root.dep_ == "pobj":
        # "work on the station" is about building it, not a place
        return root.head.lower_ in PLACE_PREPOSITIONS and root.head.head.lemma_ not in WORK_NOUNS
    return root.dep_ == "dobj" and root.head.lemma_.lower() in PLACE_VERBS


def _has_a_deadline(span: Span) -> bool:
    doc = span.doc
    after = doc[span.end : span.end + 2]
    return len(after) == 2 and after[0].lower_ in ("by", "before") and after[1].ent_type_ == "DATE"


def _owner(entry) -> str:
    owner = getattr(entry, "maker", None) or getattr(entry, "owner", None)
    return owner if owner in gazetteer.actors() else ""


def _returning_boosters(doc: Doc):
    for sent in doc.sents:
        if not _lemmas(sent) & RETURN_LEMMAS:
            continue
        for token in sent:
            first_stage = (
                token.lower_ == "stage" and token.i > 0 and doc[token.i - 1].lower_ == "first"
            )
            if token.lower_ in BOOSTER_WORDS or first_stage:
                yield Span(doc, token.i, token.i + 1, label="reusable_launch")


def _crews_flying(doc: Doc):
    """Astronauts who fly, dock or come home: a crewed flight (and what the vehicle's crewed
    flights stand for: New Shepard's are tourism). Astronauts merely named ("the Artemis
    astronauts will train") are not."""
    for sent in doc.sents:
        if not {t.lemma_.lower() for t in sent if t.pos_ == "VERB"} & CREW_ACTS:
            continue  # "astronauts to live in orbit": no one flies
        crew = [token for token in sent if token.lower_ in CREW_WORDS]
        tourism = any(
            gazetteer.vehicles()[v.kb_id_].crew_capabilities
            for v in spans_in(doc, VEHICLES, sent.start, sent.end)
        )
        for token in crew if not tourism else ():  # New Shepard's crew are its tourists
            yield Span(doc, token.i, token.i + 1, label="crewed_spaceflight")
        # "six women launched aboard New Shepard": people riding a crewed vehicle.
        riders = crew or [t for t in sent if t.lower_ in RIDERS or t.ent_type_ == "PERSON"]
        for span in spans_in(doc, VEHICLES, sent.start, sent.end) if riders else ():
            for label in gazetteer.vehicles()[span.kb_id_].crew_capabilities:
                yield Span(
                    doc,
                    span.start,
                    span.end,
                    label=label,
                    kb_id=_owner(gazetteer.vehicles()[span.kb_id_]),
                )


def _moon_landings(doc: Doc):
    """ "land astronauts on the Moon", "touch down near the lunar south pole": a lunar landing
    whatever stands between the verb and the Moon."""
    for token in doc:
        if token.lemma_.lower() in ("land", "touch") and token.pos_ == "VERB":
            ahead = doc[token.i + 1 : min(token.sent.end, token.i + 8)]
            moon = next((t for t in ahead if t.lower_ in ("moon", "lunar")), None)
            if moon is not None:
                yield Span(doc, token.i, moon.i + 1, label="lunar_landing")


def _launched(sent: Span) -> bool:
    lemmas = _lemmas(sent)
    return bool(lemmas & LAUNCH_LEMMAS or "flight" in lemmas and lemmas & TEST_FLIGHT)


def _lemmas(sent: Span) -> set[str]:
    return {t.lemma_.lower() for t in sent}
