"""Milestones from one sentence: who does which capability, with what status and date."""

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span

from nlp import gazetteer
from nlp.components import ACTORS, CAPABILITIES, VEHICLES
from nlp.dates import ResolvedDate, resolve

PLAN_LEMMAS = {
    "plan",
    "aim",
    "target",
    "intend",
    "schedule",
    "expect",
    "prepare",
    "seek",
    "hope",
    "set",
    "due",
    "slate",
}
ANNOUNCE_LEMMAS = {
    "announce",
    "unveil",
    "propose",
    "reveal",
    "sign",
    "select",
    "award",
    "agree",
    "outline",
    "pledge",
    "commit",
}
FAIL_LEMMAS = {
    "fail",
    "explode",
    "crash",
    "cancel",
    "scrap",
    "abort",
    "lose",
    "destroy",
    "terminate",
}
ACHIEVE_LEMMAS = {
    "launch",
    "complete",
    "land",
    "dock",
    "achieve",
    "become",
    "fly",
    "deploy",
    "reach",
    "return",
    "succeed",
    "run",
    "train",
    "demonstrate",
    "place",
    "send",
    "put",
    "catch",
    "finish",
    "perform",
    "carry",
    "conduct",
    "test",
    "validate",
    "operate",
    "beam",
    "touch",
    "deliver",
}
FORECAST_LEMMAS = {
    "predict",
    "forecast",
    "believe",
    "think",
    "envision",
    "imagine",
    "estimate",
    "argue",
    "reckon",
}
HEDGES = {"could", "might", "may", "would"}
PRONOUN_SUBJECTS = {
    "it",
    "they",
    "we",
    "company",
    "agency",
    "firm",
    "startup",
    "administration",
    "corporation",
}
ORG_TYPES = ("company", "agency", "program")


@dataclass
class Claim:
    actor: str  # actor key
    capability: str
    status: str
    date: ResolvedDate | None
    sentence: Span
    confidence: float


def sentence_status(sent: Span) -> str | None:
    """achieved | planned | announced | failed, or None for forecasts and hypotheticals."""
    lemmas = {t.lemma_.lower() for t in sent}
    words = {t.lower_ for t in sent}
    negated = any(t.dep_ == "neg" for t in sent) or "yet" in words and "not" in words
    person_forecast = lemmas & FORECAST_LEMMAS and any(
        s.kb_id_ in gazetteer.actors()
        and gazetteer.actors()[s.kb_id_].type == "person"
        or s.label_ == "PERSON"
        for s in sent.doc.spans[ACTORS]
        if sent.start <= s.start < sent.end
    )
    if person_forecast:
        return None
    if lemmas & FAIL_LEMMAS and not negated:
        return "failed"
    looks_ahead = "will" in words or lemmas & PLAN_LEMMAS or "by" in words and _has_year(sent)
    if words & HEDGES and not looks_ahead:
        return None
    if looks_ahead:
        return "planned"
    if lemmas & ANNOUNCE_LEMMAS:
        return "announced"
    if negated:
        return "announced" if "yet" in words else None
    past = any(t.tag_ in ("VBD", "VBN") and t.lemma_.lower() in ACHIEVE_LEMMAS for t in sent)
    return "achieved" if past else None


def _has_year(sent: Span) -> bool:
    return any(t.like_num and len(t.text) == 4 and t.text.startswith("20") for t in sent)


def sentence_date(sent: Span, published: date | None, status: str) -> ResolvedDate | None:
    """The first date phrase in the sentence that resolves."""
    future = status in ("planned", "announced")
    for ent in sent.ents:
        if ent.label_ == "DATE":
            phrase = _with_preposition(ent)
            resolved = resolve(phrase, published, future)
            if resolved:
                return resolved
    return None


def _with_preposition(ent: Span) -> str:
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return f"{before} {ent.text}" if before in ("by", "within", "in", "on", "before") else ent.text


def sentence_actors(sent: Span, last_actor: str | None) -> list[str]:
    """Actor keys doing the action: the subject's actors (vehicles lead to their maker), else the
    first organisation named, else the nearest one before ("it", "the company")."""
    doc = sent.doc
    inside = [s for s in doc.spans[ACTORS] if sent.start <= s.start < sent.end]
    makers = [
        (s, gazetteer.vehicles()[s.kb_id_].maker)
        for s in doc.spans[VEHICLES]
        if sent.start <= s.start < sent.end
    ]
    candidates = [(s, s.kb_id_) for s in inside if _actor_type(s) != "nation"] + makers
    subject = [key for span, key in candidates if _in_subject(span)]
    if subject:
        return list(dict.fromkeys(subject))
    orgs = [
        key for span, key in candidates if _actor_type(span) in ORG_TYPES or span.label_ == "ORG"
    ]
    if orgs:
        return [orgs[0]]
    if last_actor and any(
        t.lower_ in PRONOUN_SUBJECTS
        and t.dep_ in ("nsubj", "nsubjpass")
        or t.lower_ in PRONOUN_SUBJECTS
        and t.head.dep_ in ("nsubj", "nsubjpass")
        for t in sent
    ):
        return [last_actor]
    nations = [s.kb_id_ for s in inside if _actor_type(s) == "nation"]
    return nations[:1]


def _in_subject(span: Span) -> bool:
    for token in (
        span.root.ancestors if span.root.dep_ not in ("nsubj", "nsubjpass") else [span.root]
    ):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ in ("dobj", "pobj", "ROOT"):
            return False
    return span.root.dep_ in ("nsubj", "nsubjpass")


def _actor_type(span: Span) -> str | None:
    actor = gazetteer.actors().get(span.kb_id_)
    if actor:
        return actor.type
    return "person" if span.label_ == "PERSON" else "company"


def org_keys(sent: Span) -> list[str]:
    """Organisations named in the sentence, for "the company" in later sentences."""
    doc = sent.doc
    return [
        s.kb_id_
        for s in doc.spans[ACTORS]
        if sent.start <= s.start < sent.end and _actor_type(s) in ORG_TYPES
    ]


def claims_for_sentence(sent: Span, published: date | None, last_actor: str | None) -> list[Claim]:
    doc = sent.doc
    labels = list(
        dict.fromkeys(s.label_ for s in doc.spans[CAPABILITIES] if sent.start <= s.start < sent.end)
    )
    if not labels:
        return []
    status = sentence_status(sent)
    if status is None:
        return []
    actors = sentence_actors(sent, last_actor)
    when = sentence_date(sent, published, status)
    if (
        status == "planned"
        and (when is None or when.value is None)
        and "will" not in {t.lower_ for t in sent}
    ):
        status = "announced"
    confidence = (
        0.5
        + (0.2 if when and when.value else 0)
        + (0.2 if actors and not actors[0].startswith("new:") else 0)
    )
    return [Claim(a, c, status, when, sent, round(confidence, 2)) for a in actors for c in labels]
