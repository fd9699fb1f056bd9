"""The capability finder: the taxonomy's phrases, on words and lemmas, and the cues."""

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from nlp import gazetteer
from nlp.components import ACTORS, CAPABILITIES
from nlp.cues import a_place, cue_spans
from nlp.doers import in_subject
from nlp.spans import spans_in

# Capabilities that are also places: "experiments in space stations" shows no station being built.
PLACES = {"space_station"}
# "Tianwen-3 aims to return samples from Mars": a sample return, not from the Moon.
ELSEWHERE = {
    "mars",
    "martian",
    "asteroid",
    "asteroids",
    "comet",
    "jupiter",
    "venus",
    "bennu",
    "ryugu",
}
MOON_WORDS = {"moon", "lunar", "moon's"}


@Language.factory("spacerace_capabilities")
def make_capability_finder(nlp: Language, name: str) -> "CapabilityFinder":
    return CapabilityFinder(nlp)


class CapabilityFinder:
    """The capability taxonomy's phrases, matched on their words (any case) and on their lemmas
    ("data centres in orbit" finds "data centre in orbit"), plus the cues of nlp/cues.py."""

    def __init__(self, nlp: Language):
        self.words = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lemmas = PhraseMatcher(nlp.vocab, attr="LEMMA")
        lemmatize = [
            n for n in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer") if n in nlp.pipe_names
        ]
        for capability in gazetteer.capabilities().values():
            phrases = [p.lower() for p in capability.phrases]
            self.words.add(capability.id, [nlp.make_doc(p) for p in phrases])
            with nlp.select_pipes(enable=lemmatize):
                self.lemmas.add(capability.id, list(nlp.pipe(phrases)))

    def __call__(self, doc: Doc) -> Doc:
        matches = {*self.words(doc), *self.lemmas(doc)}
        spans = [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in matches]
        spans = [s for s in spans if not (s.label_ in PLACES and a_place(s)) and not _elsewhere(s)]
        spans = _longest_per_label([*_outermost(_outside_programmes(doc, spans)), *cue_spans(doc)])
        spans = [_as_its_doer_flies(span) for span in spans]
        doc.spans[CAPABILITIES] = sorted(spans, key=lambda s: (s.start, s.label_))
        return doc


def _elsewhere(span: Span) -> bool:
    """A lunar sample phrase in a sentence about another body and not the Moon."""
    if span.label_ != "lunar_sample_return":
        return False
    words = {t.lower_ for t in span.sent}
    return bool(words & ELSEWHERE) and not words & MOON_WORDS


def _outside_programmes(doc: Doc, spans: list[Span]) -> list[Span]:
    """Phrases inside a programme's name ("space station" in "International Space Station") are
    the programme's to show, in nlp/cues.py; inside another name they show nothing."""
    inside = {
        i
        for actor in doc.spans.get(ACTORS, [])
        if getattr(gazetteer.actors().get(actor.kb_id_), "type", None) == "program"
        for i in range(actor.start, actor.end)
    }
    return [
        span
        for span in spans
        if not inside.issuperset(range(span.start, span.end)) and not _inside_a_name(span, inside)
    ]


def _inside_a_name(span: Span, actors: set[int]) -> bool:
    """ "Cape Canaveral Space Station": a capitalised phrase that ends another proper name."""
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    after = span.doc[span.end] if span.end < span.sent.end else None
    return (
        before is not None
        and (after is None or not after.is_title)
        and before.pos_ == "PROPN"
        and before.is_title
        and before.i not in actors
        and all(t.is_title for t in span)
    )


def _as_its_doer_flies(span: Span) -> Span:
    """ "Blue Origin launched its first crewed flight": a tourism company's crewed flights are
    tourism."""
    if span.label_ != "crewed_spaceflight" or span.kb_id_:
        return span
    sent = span.sent
    for actor in spans_in(span.doc, ACTORS, sent.start, sent.end):
        entry = gazetteer.actors().get(actor.kb_id_)
        if entry and entry.crew_capabilities and in_subject(actor):
            return Span(span.doc, span.start, span.end, label=entry.crew_capabilities[0])
    return span


def _outermost(spans: list[Span]) -> list[Span]:
    """Phrases not inside a longer one: "space computing" in "space computing constellation" is
    the constellation's word, not an orbital data centre."""
    return [
        span
        for span in spans
        if not any(
            o.start <= span.start and span.end <= o.end and len(o) > len(span) for o in spans
        )
    ]


def _longest_per_label(spans: list[Span]) -> list[Span]:
    """Overlapping spans of one label reduced to the longest; different labels may overlap
    ("Starlink" is both an actor and satellite internet)."""
    by_label: dict[str, list[Span]] = {}
    for span in spans:
        by_label.setdefault(span.label_, []).append(span)
    return [kept for group in by_label.values() for kept in filter_spans(group)]
