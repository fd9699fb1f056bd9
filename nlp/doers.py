"""Who does a claim: the organisation a clause gives it to (DESIGN.md's conventions)."""

from spacy.tokens import Doc, Span

from nlp import gazetteer
from nlp.components import ACTORS, PROGRAMME_WORDS, VEHICLES
from nlp.spans import spans_in
from nlp.when import in_side_clause

# Subjects that stand for an organisation named before: "it", "the company", and the things it
# runs ("the mission will test", "the team will launch").
PRONOUN_SUBJECTS = {"it", "they", "we", "company", "agency", "firm", "startup", "administration",
                    "corporation", "mission", "team", "project", "institute"}  # fmt: skip
# The kind of organisation a subject word names: "the agency" is the last agency named.
KIND_OF_WORD = {"company": "company", "firm": "company", "startup": "company",
                "agency": "agency", "administration": "agency"}  # fmt: skip
Recent = tuple[str, ...]  # organisations named so far, the latest last
ORG_TYPES = ("company", "agency", "program")
COUNTRY_WORDS = {"country", "nation"}
FLIGHT_WORDS = {"flight", "launch", "mission", "debut", "booster", "landing"}
SUBJECTS = ("nsubj", "nsubjpass")
SUBJECTS_OF = set(SUBJECTS)


def sentence_actors(sent: Span, recent: Recent, subject_only: bool = False) -> list[str]:
    """Actor keys doing the action: the subject's actors (vehicles lead to their maker,
    programmes to their owner; people act for an organisation, so they are passed over), else
    the organisation named before for "it", "the company", "the team", else the first
    organisation named that is neither in a describing clause nor a modifier, else for "the
    country" the nation named last, else the nation named. `subject_only`: the subject's actors
    or none."""
    doc = sent.doc
    inside = spans_in(doc, ACTORS, sent.start, sent.end)
    makers = [
        (s, gazetteer.vehicles()[s.kb_id_].maker)
        for s in spans_in(doc, VEHICLES, sent.start, sent.end)
    ]
    doers = [(s, doer(s.kb_id_)) for s in inside if actor_type(s) not in ("nation", "person")]
    candidates = [(span, key) for span, key in doers + makers if key is not None]
    subject = [key for span, key in candidates if in_subject(span)]
    if subject or subject_only:
        return list(dict.fromkeys(subject))
    word = _subject_word(sent, PRONOUN_SUBJECTS)
    if recent and word:
        # "The company plans to ..." is the company named before, not a supplier named after.
        return [antecedent(word, recent)]
    orgs = [
        (span, key)
        for span, key in candidates
        if actor_type(span) in ORG_TYPES or span.label_ == "ORG"
    ]
    # A launch provider in "launching on SpaceX's Falcon 9" describes, it does not do; nor
    # does a supplier named as a modifier: "using an Nvidia GPU".
    # A vehicle naming a flight still leads to its maker: "during the last Starship flight".
    flights = {s.start for s, _ in makers if s.root.head.lemma_.lower() in FLIGHT_WORDS}
    main = [
        key
        for span, key in orgs
        if not in_side_clause(span, sent)
        and (span.root.dep_ != "compound" or span.start in flights)
    ]
    if main:
        return main[:1]
    if _subject_word(sent, COUNTRY_WORDS):
        earlier = [
            s.kb_id_ for s in spans_in(doc, ACTORS, 0, sent.end) if actor_type(s) == "nation"
        ]
        return earlier[-1:]
    nations = [s.kb_id_ for s in inside if actor_type(s) == "nation"]
    return nations[:1]


def doer(key: str) -> str | None:
    """A programme's milestones belong to its owner (Chang'e to CNSA, Starlink to SpaceX); a
    programme with no single owner (the ISS) does nothing itself."""
    actor = gazetteer.actors().get(key)
    if actor and actor.type == "program":
        return actor.owner if actor.owner in gazetteer.actors() else None
    if actor is None and PROGRAMME_WORDS.search(key.removeprefix("new:")):
        return None  # a programme the gazetteer lacks has no known owner
    return key


def antecedent(word: str, recent: Recent) -> str:
    """The organisation "it", "the agency" or "the institute" stands for: the latest named that
    the word fits (by its kind or its name), else the latest named."""
    for key in reversed(recent):
        actor = gazetteer.actors().get(key)
        kind, name = (actor.type, actor.name.lower()) if actor else ("company", key)
        if KIND_OF_WORD.get(word) == kind or word in name.split():
            return key
    return recent[-1]


def _subject_word(sent: Span, words: set[str]) -> str | None:
    return next(
        (
            t.lower_
            for t in sent
            if t.lower_ in words and SUBJECTS_OF.intersection((t.dep_, t.head.dep_))
        ),
        None,
    )


def in_subject(span: Span) -> bool:
    """Whether the span is the subject or inside it ("LandSpace's rocket"), not in a clause
    hung on it ("the institute, backed by Zhejiang Lab,"), unless it made the subject ("the
    vehicle developed by CAS Space is scheduled to launch")."""
    if _maker_of_the_subject(span):
        return True
    for token in (
        span.root.ancestors if span.root.dep_ not in ("nsubj", "nsubjpass") else [span.root]
    ):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ in ("dobj", "pobj", "ROOT", "acl", "relcl"):
            return False
    return span.root.dep_ in ("nsubj", "nsubjpass")


MAKER_VERBS = {"develop", "build", "make", "design", "manufacture", "operate"}


def _maker_of_the_subject(span: Span) -> bool:
    by = span.root.head
    made = by.head
    return (
        span.root.dep_ == "pobj"
        and by.dep_ == "agent"
        and made.dep_ == "acl"
        and made.lemma_.lower() in MAKER_VERBS
        and made.head.dep_ in ("nsubj", "nsubjpass")
    )


def actor_type(span: Span) -> str | None:
    actor = gazetteer.actors().get(span.kb_id_)
    if actor:
        return actor.type
    return "person" if span.label_ == "PERSON" else "company"


def org_keys(sent: Span) -> list[str]:
    """Organisations named in the sentence, the subject's last, for "the company" in later
    sentences: a programme stands for its owner."""
    spans = [
        s for s in spans_in(sent.doc, ACTORS, sent.start, sent.end) if actor_type(s) in ORG_TYPES
    ]
    # The sentence's subject is its topic: "The institute, backed by the commission, plans..."
    # leaves the institute for "the team" in the next sentence.
    spans = [s for s in spans if not in_subject(s)] + [s for s in spans if in_subject(s)]
    keys = [doer(s.kb_id_) for s in spans]
    return [key for key in keys if key]


def national_agency(doc: Doc, key: str) -> str | None:
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


def nation_alone(sent: Span) -> str | None:
    """The one nation a sentence has as its subject ("China launched", "China's probe returned")
    when it names no company or agency."""
    nations, orgs = set(), False
    for span in spans_in(sent.doc, ACTORS, sent.start, sent.end):
        kind = actor_type(span)
        if kind == "nation" and in_subject(span):
            nations.add(span.kb_id_)
        orgs = orgs or kind in ("company", "agency")
    return nations.pop() if len(nations) == 1 and not orgs else None


ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "only"}


def precedents(sent: Span) -> set[str]:
    """Organisations named as having done it first: "the third company after SpaceX and Blue
    Origin to recover a booster". Read from the words, as the parse of such sentences is often
    wrong."""
    found: set[str] = set()
    for token in sent:
        lead = sent.doc[max(sent.start, token.i - 3) : token.i]
        if token.lower_ != "after" or not any(t.lower_ in ORDINALS for t in lead):
            continue
        if any(t.is_punct or t.lower_ == "time" for t in lead):
            continue  # "failed for the second time, after ispace lost contact": no precedent
        end = next(
            (t.i for t in sent.doc[token.i : sent.end] if t.lower_ in ("to", ",", ";")), sent.end
        )
        found |= {
            key
            for span in spans_in(sent.doc, ACTORS, token.i, end)
            if (key := doer(span.kb_id_)) and actor_type(span) != "person"
        }
    return found
