"""A clause's status (DESIGN.md's conventions) from its verbs, tense, modality and negation."""

from spacy.tokens import Span

from nlp import gazetteer
from nlp.components import ACTORS
from nlp.spans import says, spans_in
from nlp.verb_forms import (
    ACHIEVE_LEMMAS,
    PLAN_LEMMAS,
    as_planned,
    did_not_happen,
    done_with_particle,
    going_on_since,
    has_deadline,
    setting_something,
    under_way,
)

PLAN_FORMS = {"hopes", "hoping"}  # the small model's lemma of "hopes" is "hop"
# A plan or an announcement named by a noun: "has plans for a station", "made the announcement".
PLAN_NOUNS = {"goal", "target", "targets", "ambition", "ambitions", "aim", "timeline", "roadmap", "plan",
              "plans", "announcement", "proposal", "blueprint", "approval", "licence", "license",
              "permit", "authorisation", "authorization"}  # fmt: skip
ANNOUNCE_LEMMAS = {"announce", "unveil", "propose", "reveal", "sign", "select", "award", "agree",
                   "outline", "pledge", "commit", "file", "apply", "request", "submit"}  # fmt: skip
FAIL_LEMMAS = {"fail", "explode", "crash", "cancel", "scrap", "abort", "lose", "destroy",
               "terminate", "disintegrate", "shatter", "discontinue", "pause", "suspend",
               "halt", "burst"}  # fmt: skip
# A done event reported as a thing: "saw the deployment of", "announced the successful launch".
EVENT_NOUNS = {"launch", "landing", "deployment", "docking", "completion", "debut", "flight",
               "return", "touchdown", "liftoff", "splashdown", "arrival", "recovery", "catch"}  # fmt: skip
WITNESS_LEMMAS = {"see", "witness", "mark", "celebrate", "hail"}
# "congratulated ISRO on the launch", "praised the team for the landing": a done event.
PRAISE_LEMMAS = {"congratulate", "praise", "applaud", "commend", "laud"}
REPORT_LEMMAS = {"announce", "confirm", "report", "declare", "reveal"}
# What runs now: "which as of now consists of 8,100 satellites", "already operates".
STATE_LEMMAS = {"operate", "consist", "run", "comprise", "number", "host"}
NOW_WORDS = {"now", "currently", "already", "today"}
COUNTED = {"satellite", "spacecraft", "astronaut", "customer", "subscriber", "user"}
FAIL_NOUNS = {"failure", "anomaly", "explosion", "mishap"}  # "the flight ended in failure"
FAIL_PHRASES = ("hard landing", "lost contact", "lost communication", "broke up", "broken up",
                "breaking up", "broke apart", "broken apart", "breaking apart", "blew up",
                "crash landing", "crash-landed", "caught fire", "catch fire", "caught on fire",
                "given up on", "gave up on", "without its crew", "empty-handed")  # fmt: skip
# A programme given up, said with a negation: "will no longer develop", "is no longer pursuing".
DROPPED = ("no longer develop", "no longer build", "no longer pursue", "no longer fly")
FORECAST_LEMMAS = {"predict", "forecast", "believe", "think", "envision", "imagine", "estimate",
                   "argue", "reckon"}  # fmt: skip
HEDGES = {"could", "might", "may", "would"}


def sentence_status(sent: Span) -> str | None:
    """achieved | planned | announced | failed, or None for forecasts and hypotheticals. What an
    organisation reports is judged by what it reports: "CNSA announced that the capsule had
    touched down" is an achievement."""
    reported = _reported(sent)
    if reported is not None:
        return _status(reported) or _status(sent)
    return _status(sent)


def _reported(sent: Span) -> Span | None:
    """The clause an announcement or a confirmation reports, when it has one."""
    for t in sent:
        if t.lemma_.lower() in REPORT_LEMMAS and t.pos_ == "VERB":
            for c in t.children:
                if c.dep_ == "ccomp" and sent.start <= c.left_edge.i and c.right_edge.i < sent.end:
                    return sent.doc[c.left_edge.i : c.right_edge.i + 1]
    return None


def _status(sent: Span) -> str | None:
    # Verbs only: "their planned work" is no plan, "the announced date" no announcement.
    lemmas = {
        t.lemma_.lower()
        for t in sent
        if (t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" or t.lower_ == "due")
        and not setting_something(t)
        and not as_planned(t)
    }
    words = {t.lower_ for t in sent}
    negated = any(t.dep_ == "neg" for t in sent) or "yet" in words and "not" in words
    if lemmas & FORECAST_LEMMAS and _person_speaks(sent):
        return None
    nouns = {t.lemma_.lower() for t in sent if t.pos_ == "NOUN"} | words  # "ended in explosions"
    if (lemmas & FAIL_LEMMAS or nouns & FAIL_NOUNS or says(sent, FAIL_PHRASES)) and not negated:
        return "failed"
    if says(sent, DROPPED) or negated and did_not_happen(sent):
        return "failed"  # "its first stage did not land on the pad as planned"
    deadline = has_deadline(sent)
    looks_ahead = "will" in words or lemmas & PLAN_LEMMAS or words & PLAN_FORMS or deadline
    if words & HEDGES and not looks_ahead:
        return None
    if looks_ahead:  # a plan noun with a deadline too: "its target of landing before 2030"
        return "planned"
    if _reports_done(sent) and not negated:
        return "achieved"
    # "astronauts, selected in 2020": a choice that describes someone announces nothing.
    announcing = {t.lemma_.lower() for t in sent if t.dep_ not in ("acl", "relcl")}
    if announcing & ANNOUNCE_LEMMAS or _plan_nouns(sent) or under_way(sent):
        return "announced"
    if negated:
        # "has not yet flown" is still intended; "won't launch until 2026" is a plan.
        if has_deadline(sent, ("until",)):
            return "planned"
        return "announced" if "yet" in words else None
    past = any(
        t.tag_ in ("VBD", "VBN") and (t.lemma_.lower() in ACHIEVE_LEMMAS or done_with_particle(t))
        for t in sent
    )
    return "achieved" if past or _in_service_now(sent, words) or going_on_since(sent) else None


def _in_service_now(sent: Span, words: set[str]) -> bool:
    """ "which as of now consists of 8,100 satellites", "Starlink has 9,400 satellites"."""
    for t in sent:
        if t.tag_ not in ("VBZ", "VBP"):
            continue
        if t.lemma_.lower() in STATE_LEMMAS and words & NOW_WORDS:
            return True
        counted = (c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in COUNTED)
        if t.lemma_.lower() == "have" and any(g.like_num for c in counted for g in c.subtree):
            return True
    return False


def _reports_done(sent: Span) -> bool:
    """ "The mission saw the deployment of ADRAS-J", "CASC announced the successful launch"."""
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma in PRAISE_LEMMAS and any(
            c.dep_ == "prep" and c.lower_ in ("on", "for") and _names_an_event(c)
            for c in t.children
        ):
            return True
        if t.tag_ not in ("VBD", "VBN") or lemma not in WITNESS_LEMMAS | REPORT_LEMMAS:
            continue
        for obj in (c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in EVENT_NOUNS):
            success = any(c.lower_ in ("successful", "first") for c in obj.children)
            if lemma in WITNESS_LEMMAS or success:
                return True
    return False


def _plan_nouns(sent: Span) -> bool:
    """ "has plans for a station", "its target of 2030"; not a target met in orbit ("completed
    rendezvous with its target")."""
    return any(
        t.lower_ in PLAN_NOUNS
        and not (t.lemma_.lower() == "target" and t.dep_ == "pobj" and t.head.lower_ == "with")
        for t in sent
    )


def _names_an_event(prep) -> bool:
    return any(c.dep_ == "pobj" and c.lemma_.lower() in EVENT_NOUNS for c in prep.children)


def _person_speaks(sent: Span) -> bool:
    return any(
        s.kb_id_ in gazetteer.actors()
        and gazetteer.actors()[s.kb_id_].type == "person"
        or s.label_ == "PERSON"
        for s in spans_in(sent.doc, ACTORS, sent.start, sent.end)
    )
