"""Verb forms that decide a clause's status: a deadline ("by 2030"), work under way ("is
building"), an attempt that came to nothing ("did not land"), a done deed with its particle ("took
off"), and what only looks like a plan ("took off as planned", "set a record")."""

from spacy.tokens import Span

PLAN_LEMMAS = {"plan", "aim", "target", "intend", "schedule", "expect", "prepare", "seek", "hope",
               "set", "due", "slate"}  # fmt: skip
# "is building", "are developing": work under way, announced but not done.
UNDER_WAY_LEMMAS = {"build", "develop", "design", "work", "construct", "assemble", "ready",
                    "expand"}  # fmt: skip
ACHIEVE_LEMMAS = {"launch", "complete", "land", "dock", "achieve", "become", "fly", "deploy",
                  "reach", "return", "succeed", "run", "train", "demonstrate", "place", "send",
                  "put", "catch", "finish", "perform", "carry", "conduct", "test", "validate",
                  "operate", "beam", "touch", "deliver", "make", "bring", "collect", "arrive",
                  "splash", "lift", "produce", "grow", "retrieve", "upload", "transmit",
                  "print", "manufacture", "enter", "go", "generate"}  # fmt: skip

DEADLINE_WORDS = ("by", "before")
DEADLINE_FILLER = {"the", "end", "of", "early", "late", "mid", "middle", "start", "beginning",
                   "first", "second", "half", "quarter", "-"}  # fmt: skip
RELATIVE_YEARS = {"this", "next"}  # "by the end of this year", "before next year"


def setting_something(token) -> bool:
    """ "set its lander down", "set a record": setting something, not being set to do it."""
    return token.lemma_.lower() == "set" and any(c.dep_ in ("dobj", "prt") for c in token.children)


def as_planned(token) -> bool:
    """ "took off as planned", "docked as scheduled": done the way it was planned (not "as it
    aims for a flight in 2028", which has a subject of its own)."""
    marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    return token.lemma_.lower() in PLAN_LEMMAS and "as" in marks and not subject


# Verbs done only with their particle: "set its lander down", "took off", "blasted off".
PHRASAL_DONE = {("set", "down"), ("take", "off"), ("blast", "off")}


def done_with_particle(token) -> bool:
    lemma = token.lemma_.lower()
    return any((lemma, c.lower_) in PHRASAL_DONE for c in token.children if c.dep_ == "prt")


def did_not_happen(sent: Span) -> bool:
    """ "did not land", "didn't reach orbit": an attempt told in the past that came to nothing."""
    return any(
        t.lemma_.lower() in ACHIEVE_LEMMAS
        and any(c.dep_ == "neg" for c in t.children)
        and any(c.dep_ == "aux" and c.lower_ == "did" for c in t.children)
        for t in sent
    )


def going_on_since(sent: Span) -> bool:
    """ "has been running inference": begun, and still going, so achieved."""
    return any(
        t.tag_ == "VBG"
        and t.lemma_.lower() in ACHIEVE_LEMMAS
        and {c.lower_ for c in t.children if c.dep_ == "aux"} >= {"been"}
        and any(c.lower_ in ("has", "have", "'s", "'ve") for c in t.children)
        for t in sent
    )


def under_way(sent: Span) -> bool:
    """ "is building", "are developing": a present progressive of making something."""
    return any(
        t.tag_ == "VBG"
        and t.lemma_.lower() in UNDER_WAY_LEMMAS
        and any(
            c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "'re", "am") for c in t.children
        )
        for t in sent
    )


def has_deadline(sent: Span, marks: tuple[str, ...] = DEADLINE_WORDS) -> bool:
    """A deadline: "by 2030", "before the end of 2027", "by the end of this year" (not "founded
    by Bezos in 2000")."""
    for t in sent:
        year = t.like_num and len(t.text) == 4 and t.text.startswith("20")
        relative = t.lower_ == "year" and t.i > sent.start and t.nbor(-1).lower_ in RELATIVE_YEARS
        if year or relative:
            i = t.i - (2 if relative else 1)
            while i >= sent.start and sent.doc[i].lower_ in DEADLINE_FILLER:
                i -= 1
            if i >= sent.start and sent.doc[i].lower_ in marks:
                return True
    return False
