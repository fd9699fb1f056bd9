"""Claims a sentence carries on from the ones before it: a sentence that names no capability
but dates what "the project" or the same actor will do, and one that shows a capability but
names no one ("The spacecraft's first stage landed")."""

from datetime import date

from spacy.tokens import Span

from nlp.components import ACTORS, CAPABILITIES, VEHICLES
from nlp.doers import SUBJECTS, Recent, sentence_actors
from nlp.milestones import Claim, capability_clause, claim_confidence, status_and_date
from nlp.spans import spans_in
from nlp.status import EVENT_NOUNS, sentence_status

# Subjects that carry on the story of the claim before: "The ambitious project will reach its
# first milestone in early 2027", "The first in-space test is set for 2026".
CARRIERS = {"project", "mission", "initiative", "programme", "program", "stage", "phase", "test",
            "probe", "spacecraft", "flight", "company", "startup", "firm", "agency", "landing",
            "delivery", "launch", "step", "satellite", "craft", "capsule", "lander", "rover",
            "network", "constellation", "station", "rollout", "construction",
            *EVENT_NOUNS}  # fmt: skip


def carried_claims(sent: Span, published: date | None, before: list[Claim],
                   recent: Recent) -> list[Claim]:  # fmt: skip
    """For a sentence that names no capability but dates what "the project", "the mission" or
    the actor of the claims before will do or did ("Starcloud plans to launch its next satellite
    in October 2026"): those claims' actors and capabilities, with this date."""
    if not before or spans_in(sent.doc, CAPABILITIES, sent.start, sent.end):
        return []
    subjects = [t for t in sent if t.dep_ in SUBJECTS and t.head.dep_ == "ROOT"]
    pairs = list(dict.fromkeys((c.actor, c.capability) for c in before))
    if not any(t.lemma_.lower() in CARRIERS for t in subjects):
        doers = set(sentence_actors(sent, recent, subject_only=True))
        pairs = [(actor, label) for actor, label in pairs if actor in doers]
    said = sentence_status(sent) if pairs and subjects else None
    if said is None:
        return []
    subject = sent.doc[subjects[0].i : subjects[0].i + 1]
    status, when = status_and_date(said, sent, sent, published, subject)
    if when is None or not (when.value or status == "planned"):
        return []  # a date (or a plan's timeframe) is what such a sentence adds to the story
    return [
        Claim(actor, label, status, when, sent, claim_confidence(False, actor, True, len(pairs)))
        for actor, label in pairs
    ]


def unnamed_doer_claims(sent: Span, published: date | None, before: list[Claim]) -> list[Claim]:
    """ "The spacecraft's reusable first stage performed a flawless landing": a sentence that shows
    a capability but names no one, its subject a thing of the story ("the", "its"), goes on about
    the doer of the claims just before."""
    doc = sent.doc
    if not before or spans_in(doc, ACTORS, sent.start, sent.end):
        return []
    if spans_in(doc, VEHICLES, sent.start, sent.end) or not _a_thing_of_the_story(sent):
        return []
    doer = before[0].actor
    claims, seen = [], set()
    for span in spans_in(doc, CAPABILITIES, sent.start, sent.end):
        clause = capability_clause(span)
        said = sentence_status(clause) or sentence_status(sent)
        if said is None or span.label_ in seen:
            continue
        seen.add(span.label_)
        status, when = status_and_date(said, clause, sent, published, span)
        dated = bool(when and when.value)
        claims.append(
            Claim(doer, span.label_, status, when, sent, claim_confidence(False, doer, dated, 1))
        )
    return claims


def _a_thing_of_the_story(sent: Span) -> bool:
    """Whether the main subject is one already met: "the stage", "its stage", "the craft's stage"."""
    subjects = [t for t in sent if t.dep_ in SUBJECTS and t.head.dep_ == "ROOT"]
    return bool(subjects) and any(
        c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in subjects[0].children
    )
