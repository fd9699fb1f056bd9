"""Milestones from one sentence: who does which capability, with what status and date."""

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from nlp import gazetteer
from nlp.components import ACTORS, CAPABILITIES
from nlp.cues import MAKER_ONLY
from nlp.dates import ResolvedDate
from nlp.doers import (
    Recent,
    actor_type,
    doer,
    nation_alone,
    national_agency,
    precedents,
    sentence_actors,
)
from nlp.spans import spans_in
from nlp.status import sentence_status
from nlp.when import after, before, fitting_dates, mission_year, sentence_date

VERBS = ("VERB", "AUX")
EARLIER = ResolvedDate(None, None, "")  # done before, when the text does not say
GOVERNED = ("xcomp", "ccomp")  # "plans to launch", "said it will launch": the plan, the saying


@dataclass
class Shown:
    """Where a clause shows a capability first, the owners of the missions that show it, those
    missions, and every phrase that shows it (to tell its dates from another capability's)."""

    span: Span
    owners: set[tuple[str, bool]]
    missions: list[Span]
    spans: list[Span]


@dataclass
class Claim:
    actor: str  # actor key
    capability: str
    status: str
    date: ResolvedDate | None
    sentence: Span
    confidence: float


def claims_for_sentence(sent: Span, published: date | None, recent: Recent) -> list[Claim]:
    """The claims of one sentence, clause by clause: "X returned samples last June, and the
    country aims to land astronauts by 2030" holds an achievement and a plan. `recent`: the
    organisations named before, for "it" and "the institute"."""
    clauses: dict[tuple[int, int], tuple[Span, dict[str, Shown]]] = {}
    for span in spans_in(sent.doc, CAPABILITIES, sent.start, sent.end):
        clause = capability_clause(span)
        labels = clauses.setdefault((clause.start, clause.end), (clause, {}))[1]
        shown = labels.setdefault(span.label_, Shown(span, set(), [], []))
        shown.spans.append(span)
        # (owner, whether only the owner does it) for a mission or a heavy rocket's flight;
        # ("", False) for a phrase: whoever the sentence says does it.
        owner = span.kb_id_ and (span.kb_id_, span.id_ == MAKER_ONLY)
        shown.owners.add(owner or ("", False))
        if owner:
            shown.missions.append(span)
    claims = []
    for clause, labels in clauses.values():
        claims += _clause_claims(clause, sent, labels, published, recent)
    return claims


def capability_clause(span: Span) -> Span:
    """The clause a capability phrase sits in: its verb with the verbs that govern it ("aims to
    land", "said it will build"), without the clauses coordinated with it."""
    sent, verb = span.sent, span.root
    while verb.pos_ not in VERBS and verb.dep_ != "ROOT" and verb.head != verb:
        verb = verb.head
    if verb.pos_ not in VERBS:
        return sent
    top = verb
    while top.dep_ in GOVERNED and top.head != top:
        top = top.head
    words = set(top.subtree)
    for child in top.children:
        if child.dep_ == "conj" and child.pos_ in VERBS:
            words -= set(child.subtree)
    # The sentence's full stop still hangs on the top verb: it does not stretch the clause.
    words = {t for t in words if not (t.is_punct or t.is_space)} or words
    return sent.doc[min(t.i for t in words) : max(t.i for t in words) + 1]


def _clause_claims(clause: Span, sent: Span, labels: dict[str, Shown],
                   published: date | None, recent: Recent) -> list[Claim]:  # fmt: skip
    said = sentence_status(clause)
    if said is None and len(clause) < len(sent):
        # A clause with no verb that decides (a phrase hung on the sentence): the sentence's.
        said = sentence_status(sent)
    if said is None:
        return _past_missions(labels, sent, published)
    subject = sentence_actors(clause, recent, subject_only=True)
    actors = subject or sentence_actors(sent, recent)
    if said == "achieved" and len(clause) < len(sent) and sentence_status(sent) == "failed":
        # "Starship lifted off, but its upper stage broke up": one flight, and it failed, unless
        # the failure is another actor's.
        named = {key for span in spans_in(sent.doc, ACTORS, sent.start, sent.end)
                 if (key := doer(span.kb_id_)) and actor_type(span) != "person"}  # fmt: skip
        said = "failed" if named <= set(actors) else said
    alone, before_them = nation_alone(sent), precedents(sent)
    claims = []
    for label, shown in labels.items():
        status, when = status_and_date(said, clause, sent, published, shown.span)
        dated = bool(when and when.value)
        owned = [o for o, _ in shown.owners if o]
        doers = _label_doers(shown.owners, actors, subject, alone, sent.doc)
        for a in dict.fromkeys(doers + sorted(before_them)):
            confidence = claim_confidence(bool(subject) or a in owned, a, dated, len(doers))
            # "the third company after SpaceX and Blue Origin to ...": they have done it.
            done = ("achieved", EARLIER) if a in before_them else (status, when)
            claims.append(Claim(a, label, *done, sent, confidence))
            if a not in before_them and dated and status in ("planned", "achieved", "failed"):
                # "the first module in 2028 and the complete station by 2035": two targets.
                claims += [Claim(a, label, status, other, sent, confidence)
                           for other in fitting_dates(clause, published, status,
                                                      shown.spans, _others(labels, label))
                           if other.value != when.value]  # fmt: skip
    return claims


def _others(labels: dict[str, Shown], label: str) -> list[Span]:
    return [span for other, shown in labels.items() if other != label for span in shown.spans]


def _past_missions(labels: dict[str, Shown], sent: Span, published: date | None) -> list[Claim]:
    """Missions the clause only mentions, dated in the past by their own name: they happened."""
    claims = []
    for label, shown in labels.items():
        for span in shown.missions:
            if when := mission_year(span, published):
                owner = {(span.kb_id_, span.id_ == MAKER_ONLY)}
                for a in _label_doers(owner, [], [], nation_alone(sent), sent.doc):
                    claims.append(
                        Claim(a, label, "achieved", when, sent, claim_confidence(True, a, True, 1))
                    )
    return claims


def status_and_date(status: str, clause: Span, sent: Span, published: date | None,
                     near: Span) -> tuple[str, ResolvedDate | None]:  # fmt: skip
    """The claim's date (the phrase nearest the capability among those that fit) and the status
    that date confirms or corrects."""
    when = sentence_date(clause, published, status, near) or sentence_date(
        sent, published, status, near
    )
    if status in ("achieved", "announced") and after(when, published):
        # A date still to come is no achievement ("lifts off in 2027"), and an announcement
        # with one is a plan ("announced plans to launch Haven-1 in August 2025").
        status = "planned"
    if status == "planned" and when is None:
        # A future event with no date or timeframe ("will fly an astronaut to Gateway") is an
        # intention: announced. "In the 2030s" is a timeframe, though it gives no date.
        status = "announced"
    if status == "planned" and before(when, published):
        when, status = None, "announced"  # a target already past is a founding date or history
    return status, when


def _label_doers(owners: set[tuple[str, bool]], actors: list[str], subject: list[str],
                 alone: str | None, doc: Doc) -> list[str]:  # fmt: skip
    """Who does one capability of a clause: the owners of the missions that show it, with the
    clause's subject (or, for a phrase, the actors the sentence gives it to)."""
    doers = [o for o, _ in owners if o]
    if ("", False) in owners:
        doers += actors
    elif not all(only for _, only in owners):
        doers += subject
    # "China launched Shenzhou-20" in a text that never names CMSA: the nation, as the text
    # gives no organisation doing it (the sentence's, else the owner's if the text names it).
    named = {span.kb_id_ for span in doc.spans[ACTORS]}
    # "China aims to land astronauts by 2030" in a story about CMSA: the agency's plan.
    return [
        national_agency(doc, d) or d if d in named else alone or _named_nation(d, named) or d
        for d in doers
    ]


def _named_nation(key: str, named: set[str]) -> str | None:
    actor = gazetteer.actors().get(key)
    nation = actor and actor.nation and actor.nation.lower()
    return nation if nation in named else None


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
