"""Milestones from one sentence: who does which capability, with what status and date."""

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from nlp.components import ACTORS, CAPABILITIES
from nlp.cues import MAKER_ONLY
from nlp.dates import ResolvedDate
from nlp.doers import (
    actor_type,
    doer,
    nation_alone,
    national_agency,
    precedents,
    sentence_actors,
)
from nlp.spans import spans_in
from nlp.status import sentence_status
from nlp.when import after, before, sentence_date

VERBS = ("VERB", "AUX")
EARLIER = ResolvedDate(None, None, "")  # done before, when the text does not say
GOVERNED = ("xcomp", "ccomp")  # "plans to launch", "said it will launch": the plan, the saying


@dataclass
class Claim:
    actor: str  # actor key
    capability: str
    status: str
    date: ResolvedDate | None
    sentence: Span
    confidence: float


def claims_for_sentence(sent: Span, published: date | None, last_actor: str | None) -> list[Claim]:
    """The claims of one sentence, clause by clause: "X returned samples last June, and the
    country aims to land astronauts by 2030" holds an achievement and a plan."""
    clauses: dict[tuple[int, int], tuple[Span, dict[str, set[tuple[str, bool]]]]] = {}
    for span in spans_in(sent.doc, CAPABILITIES, sent.start, sent.end):
        clause = capability_clause(span)
        labels = clauses.setdefault((clause.start, clause.end), (clause, {}))[1]
        # (owner, whether only the owner does it) for a mission or a heavy rocket's flight;
        # ("", False) for a phrase: whoever the sentence says does it.
        owner = span.kb_id_ and (span.kb_id_, span.id_ == MAKER_ONLY)
        labels.setdefault(span.label_, set()).add(owner or ("", False))
    claims = []
    for clause, labels in clauses.values():
        claims += _clause_claims(clause, sent, labels, published, last_actor)
    return claims


def capability_clause(span: Span) -> Span:
    """The clause a capability phrase sits in: its verb with the verbs that govern it ("aims to
    land", "said it will build"), without the clauses coordinated with it."""
    sent, verb = span.sent, span.root
    while verb.pos_ not in VERBS and verb.dep_ != "ROOT" and verb.head is not verb:
        verb = verb.head
    if verb.pos_ not in VERBS:
        return sent
    top = verb
    while top.dep_ in GOVERNED and top.head is not top:
        top = top.head
    words = set(top.subtree)
    for child in top.children:
        if child.dep_ == "conj" and child.pos_ in VERBS:
            words -= set(child.subtree)
    return sent.doc[min(t.i for t in words) : max(t.i for t in words) + 1]


def _clause_claims(clause: Span, sent: Span, labels: dict[str, set[tuple[str, bool]]],
                   published: date | None, last_actor: str | None) -> list[Claim]:  # fmt: skip
    status = sentence_status(clause)
    if status is None and len(clause) < len(sent):
        # A clause with no verb that decides (a phrase hung on the sentence): the sentence's.
        status = sentence_status(sent)
    if status is None:
        return []
    subject = sentence_actors(clause, last_actor, subject_only=True)
    actors = subject or sentence_actors(sent, last_actor)
    if status == "achieved" and len(clause) < len(sent) and sentence_status(sent) == "failed":
        # "Starship lifted off, but its upper stage broke up": one flight, and it failed, unless
        # the failure is another actor's.
        named = {key for span in spans_in(sent.doc, ACTORS, sent.start, sent.end)
                 if (key := doer(span.kb_id_)) and actor_type(span) != "person"}  # fmt: skip
        status = "failed" if named <= set(actors) else status
    when = sentence_date(clause, published, status) or sentence_date(sent, published, status)
    if status == "achieved" and after(when, published):
        status = "planned"  # a date still to come is no achievement: "lifts off in 2027"
    if status == "planned" and when is None:
        # A future event with no date or timeframe ("will fly an astronaut to Gateway") is an
        # intention: announced. "In the 2030s" is a timeframe, though it gives no date.
        status = "announced"
    if status == "planned" and before(when, published):
        when, status = None, "announced"  # a target already past is a founding date or history
    dated = bool(when and when.value)
    alone, before_them = nation_alone(sent), precedents(sent)
    claims = []
    for label, owners in labels.items():
        owned = [o for o, _ in owners if o]
        doers = _label_doers(owners, actors, subject, alone, sent.doc)
        for a in dict.fromkeys(doers + sorted(before_them)):
            confidence = claim_confidence(bool(subject) or a in owned, a, dated, len(doers))
            # "the third company after SpaceX and Blue Origin to ...": they have done it.
            done = ("achieved", EARLIER) if a in before_them else (status, when)
            claims.append(Claim(a, label, *done, sent, confidence))
    return claims


def _label_doers(owners: set[tuple[str, bool]], actors: list[str], subject: list[str],
                 alone: str | None, doc: Doc) -> list[str]:  # fmt: skip
    """Who does one capability of a clause: the owners of the missions that show it, with the
    clause's subject (or, for a phrase, the actors the sentence gives it to)."""
    doers = [o for o, _ in owners if o]
    if ("", False) in owners:
        doers += actors
    elif not all(only for _, only in owners):
        doers += subject
    if alone:
        # "China launched Shenzhou-20" in a text that never names CMSA: the nation, as the text
        # gives no organisation doing it.
        named = {span.kb_id_ for span in doc.spans[ACTORS]}
        doers = [d if d in named else alone for d in doers]
    # "China aims to land astronauts by 2030" in a story about CMSA: the agency's plan.
    return [national_agency(doc, d) or d for d in doers]


def claim_confidence(as_subject: bool, actor: str, dated: bool, n_actors: int) -> float:
    """About the chance that the claim's actor and capability are right, fitted by least squares
    on the gold corpus: 0.8 for a gazetteer actor that is the subject (or the mission's owner)
    of a dated clause naming one actor, 0.5 for one found by a fallback, undated, beside others,
    down to 0.05 for a discovered name so found."""
    known = not actor.startswith("new:")
    score = (
        (0.5 if known else 0)
        + (0.1 if as_subject else 0)
        + (0.15 if dated else 0)
        + (0.05 if n_actors == 1 else 0)
    )
    return round(min(0.95, max(0.05, score)), 2)
