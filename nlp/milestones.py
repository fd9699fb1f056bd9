"""Milestones from one sentence: who does which capability, with what status and date."""

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span

from nlp import gazetteer
from nlp.components import ACTORS, CAPABILITIES, PROGRAMME_WORDS, VEHICLES
from nlp.cues import MAKER_ONLY
from nlp.dates import ResolvedDate, resolve
from nlp.spans import ents_in, spans_in
from nlp.status import sentence_status

# Subjects that stand for the organisation named before: "it", "the company", and the things it
# runs ("the mission will test", "the team will launch").
PRONOUN_SUBJECTS = {"it", "they", "we", "company", "agency", "firm", "startup", "administration",
                    "corporation", "mission", "team", "project", "institute"}  # fmt: skip
ORG_TYPES = ("company", "agency", "program")
COUNTRY_WORDS = {"country", "nation"}
SUBJECTS = ("nsubj", "nsubjpass")
VERBS = ("VERB", "AUX")
GOVERNED = ("xcomp", "ccomp")  # "plans to launch", "said it will launch": the plan, the saying


@dataclass
class Claim:
    actor: str  # actor key
    capability: str
    status: str
    date: ResolvedDate | None
    sentence: Span
    confidence: float


def sentence_date(sent: Span, published: date | None, status: str) -> ResolvedDate | None:
    """The first date phrase in the sentence that resolves, preferring one that dates the main
    clause to one inside a relative or descriptive clause ("Blue Origin, founded in 2000,
    launched its first crewed flight in July 2021"); a bare year the NER missed ("around 2028")
    if none. "Since 2019" starts a state, it dates no event; "March 12A" in "Long March 12A" is
    a rocket."""
    future = status in ("planned", "announced")
    vehicles = {
        i for v in spans_in(sent.doc, VEHICLES, sent.start, sent.end) for i in range(v.start, v.end)
    }
    dates = [
        ent
        for ent in [*ents_in(sent.doc, sent.start, sent.end), *_bare_years(sent)]
        if ent.label_ == "DATE"
        and not vehicles.intersection(range(ent.start, ent.end))
        and not (ent.start > 0 and sent.doc[ent.start - 1].lower_ == "since")
    ]
    found = []
    for ent in sorted(dates, key=lambda ent: _in_side_clause(ent, sent)):
        resolved = resolve(_with_preposition(ent), published, _looks_ahead(ent, future))
        if resolved:
            found.append(resolved)
    # A plan's date is its target, not the day it was said ("said Tuesday it plans to fly in
    # September"); an achievement's is not still to come.
    fitting = [d for d in found if _fits(d, published, status)]
    return (fitting or found or [None])[0]


def _looks_ahead(ent: Span, default: bool) -> bool:
    """Whether a weekday or month points forward: "said Tuesday" looks back whatever the plan."""
    verb = next((t for t in ent.root.ancestors if t.pos_ in VERBS), None)
    if verb is None:
        return default
    if verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children):
        return False
    if any(c.lower_ in ("will", "'ll") for c in verb.children):
        return True
    return default


def _fits(when: ResolvedDate, published: date | None, status: str) -> bool:
    if status == "planned":
        return not _before(when, published)
    if status == "achieved":
        return not _after(when, published)
    return True


def _bare_years(sent: Span) -> list[Span]:
    """Years the NER did not tag as dates, each as a one-token DATE span after the tagged ones."""
    tagged = {
        i for ent in ents_in(sent.doc, sent.start, sent.end) for i in range(ent.start, ent.end)
    }
    return [
        Span(sent.doc, t.i, t.i + 1, label="DATE")
        for t in sent
        if t.i not in tagged and t.is_digit and len(t.text) == 4 and t.text[:2] in ("19", "20")
    ]


SIDE_CLAUSES = ("acl", "relcl", "appos", "advcl")


def _in_side_clause(ent: Span, sent: Span) -> bool:
    """Whether the date hangs in a clause describing something else, inside `sent`."""
    return any(t.dep_ in SIDE_CLAUSES and sent.start <= t.i < sent.end for t in ent.root.ancestors)


def _with_preposition(ent: Span) -> str:
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return f"{before} {ent.text}" if before in ("by", "within", "in", "on", "before") else ent.text


def sentence_actors(sent: Span, last_actor: str | None, subject_only: bool = False) -> list[str]:
    """Actor keys doing the action: the subject's actors (vehicles lead to their maker,
    programmes to their owner; people act for an organisation, so they are passed over), else
    the first organisation named, else the nearest one before ("it", "the company"), else for
    "the country" the nation named last. `subject_only`: the subject's actors or none."""
    doc = sent.doc
    inside = spans_in(doc, ACTORS, sent.start, sent.end)
    makers = [
        (s, gazetteer.vehicles()[s.kb_id_].maker)
        for s in spans_in(doc, VEHICLES, sent.start, sent.end)
    ]
    doers = [(s, _doer(s.kb_id_)) for s in inside if _actor_type(s) not in ("nation", "person")]
    candidates = [(span, key) for span, key in doers + makers if key is not None]
    subject = [key for span, key in candidates if _in_subject(span)]
    if subject or subject_only:
        return list(dict.fromkeys(subject))
    if last_actor and _subject_word(sent, PRONOUN_SUBJECTS):
        # "The company plans to ..." is the company named before, not a supplier named after.
        return [last_actor]
    orgs = [
        (span, key)
        for span, key in candidates
        if _actor_type(span) in ORG_TYPES or span.label_ == "ORG"
    ]
    # A launch provider in "launching on SpaceX's Falcon 9" describes, it does not do; nor
    # does a supplier named as a modifier: "using an Nvidia GPU".
    main = [
        key
        for span, key in orgs
        if not _in_side_clause(span, sent) and span.root.dep_ != "compound"
    ]
    if main or orgs:
        return (main or [orgs[0][1]])[:1]
    if _subject_word(sent, COUNTRY_WORDS):
        earlier = [
            s.kb_id_ for s in spans_in(doc, ACTORS, 0, sent.end) if _actor_type(s) == "nation"
        ]
        return earlier[-1:]
    nations = [s.kb_id_ for s in inside if _actor_type(s) == "nation"]
    return nations[:1]


def _doer(key: str) -> str | None:
    """A programme's milestones belong to its owner (Chang'e to CNSA, Starlink to SpaceX); a
    programme with no single owner (the ISS) does nothing itself."""
    actor = gazetteer.actors().get(key)
    if actor and actor.type == "program":
        return actor.owner if actor.owner in gazetteer.actors() else None
    if actor is None and PROGRAMME_WORDS.search(key.removeprefix("new:")):
        return None  # a programme the gazetteer lacks has no known owner
    return key


def _subject_word(sent: Span, words: set[str]) -> bool:
    return any(t.lower_ in words and (t.dep_ in SUBJECTS or t.head.dep_ in SUBJECTS) for t in sent)


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
    """Organisations named in the sentence, for "the company" in later sentences: a programme
    stands for its owner."""
    keys = [
        _doer(s.kb_id_)
        for s in spans_in(sent.doc, ACTORS, sent.start, sent.end)
        if _actor_type(s) in ORG_TYPES
    ]
    return [key for key in keys if key]


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
                 if (key := _doer(span.kb_id_)) and _actor_type(span) != "person"}  # fmt: skip
        status = "failed" if named <= set(actors) else status
    when = sentence_date(clause, published, status) or sentence_date(sent, published, status)
    if status == "achieved" and _after(when, published):
        status = "planned"  # a date still to come is no achievement: "lifts off in 2027"
    if status == "planned" and when is None:
        # A future event with no date or timeframe ("will fly an astronaut to Gateway") is an
        # intention: announced. "In the 2030s" is a timeframe, though it gives no date.
        status = "announced"
    if status == "planned" and _before(when, published):
        when, status = None, "announced"  # a target already past is a founding date or history
    dated = bool(when and when.value)
    alone = _nation_alone(sent)
    claims = []
    for label, owners in labels.items():
        owned = [o for o, _ in owners if o]
        doers = list(owned)
        if ("", False) in owners:
            doers += actors
        elif not all(only for _, only in owners):
            doers += subject
        if alone:
            # "China launched Shenzhou-20" in a text that never names CMSA: the nation, as the
            # text gives no organisation doing it.
            named = {span.kb_id_ for span in sent.doc.spans[ACTORS]}
            doers = [d if d in named else alone for d in doers]
        # "China aims to land astronauts by 2030" in a story about CMSA: the agency's plan.
        doers = [_national_agency(sent.doc, d) or d for d in doers]
        for a in dict.fromkeys(doers):
            confidence = claim_confidence(bool(subject) or a in owned, a, dated, len(doers))
            claims.append(Claim(a, label, status, when, sent, confidence))
    return claims


def _national_agency(doc, key: str) -> str | None:
    """The agency of a nation the document names most, for a claim the text gives the nation."""
    actor = gazetteer.actors().get(key)
    if actor is None or actor.type != "nation":
        return None
    counts: dict[str, int] = {}
    for span in doc.spans[ACTORS]:
        other = gazetteer.actors().get(span.kb_id_)
        if other and other.type == "agency" and other.nation == actor.nation:
            counts[other.id] = counts.get(other.id, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _nation_alone(sent: Span) -> str | None:
    """The one nation a sentence has as its subject ("China launched", "China's probe returned")
    when it names no company or agency."""
    nations, orgs = set(), False
    for span in spans_in(sent.doc, ACTORS, sent.start, sent.end):
        kind = _actor_type(span)
        if kind == "nation" and _in_subject(span):
            nations.add(span.kb_id_)
        orgs = orgs or kind in ("company", "agency")
    return nations.pop() if len(nations) == 1 and not orgs else None


def _after(when: ResolvedDate | None, published: date | None) -> bool:
    if when is None or not when.value or published is None:
        return False
    return when.value > published.isoformat()[: len(when.value)]


def _before(when: ResolvedDate | None, published: date | None) -> bool:
    if when is None or not when.value or published is None:
        return False
    return when.value < published.isoformat()[: len(when.value)]


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
