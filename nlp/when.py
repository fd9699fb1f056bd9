"""The date of a claim: which of a sentence's date phrases dates it, and which way it points."""

from datetime import date

from spacy.tokens import Span

from nlp.components import VEHICLES
from nlp.dates import YEAR_RANGE, ResolvedDate, resolve
from nlp.spans import ents_in, spans_in

VERBS = ("VERB", "AUX")


def sentence_date(
    sent: Span, published: date | None, status: str, near: Span | None = None
) -> ResolvedDate | None:
    """The sentence's date phrase that best fits the status (a plan's target after publication,
    an achievement's date not after it), and among those the first, preferring one that dates
    the main clause to one inside a relative or descriptive clause ("Blue Origin, founded in
    2000, launched its first crewed flight in July 2021"); bare years the NER missed ("around
    2028") count too. "Since 2019" starts a state and "founded in 2018" an actor: they date no event;
    "March 12A" in "Long March 12A" is a rocket. Among those that fit as well, the one nearest
    `near` (the capability): "landing by 2030, and by 2035 a lunar base"."""
    found = _resolved(sent, published, status, near)
    # A plan's date is its target, not the day it was said ("said Tuesday it plans to fly in
    # September"); an achievement's is not still to come.
    return min(found, key=lambda d: _misfit(d, published, status), default=None)


def fitting_dates(sent: Span, published: date | None, status: str, mine: list[Span] = (),
                  theirs: list[Span] = ()) -> list[ResolvedDate]:  # fmt: skip
    """Every date phrase of the span that fits the status as well as can be, in order: "the first
    module in 2028 and the complete station by 2035" are two targets, and so is "a data centre by
    the early 2030s", though it names no year; but not a date nearer another capability (`theirs`)
    than to this one's phrases (`mine`): "a station by 2035 and a crewed lunar landing by 2040"."""
    ours = (lambda ent: _gap(ent, mine) <= _gap(ent, theirs)) if mine and theirs else None
    found = [
        d for d in _resolved(sent, published, status, None, ours) if d.value or status == "planned"
    ]
    best = min((_misfit(d, published, status) for d in found), default=None)
    return [d for d in found if _misfit(d, published, status) == best]


def _resolved(sent: Span, published: date | None, status: str, near: Span | None, keep=None):
    future = status in ("planned", "announced")
    found = []
    phrases = [e for e in _date_phrases(sent, future) if keep is None or keep(e)]
    for ent in sorted(phrases, key=lambda e: (in_side_clause(e, sent), *_nearness(e, near))):
        found += _each_date(_with_preposition(ent), published, _looks_ahead(ent, future))
    return found


def _each_date(text: str, published: date | None, ahead: bool) -> list[ResolvedDate]:
    """ "In April and November" is two dates ("between 2025 and 2027" stays a span)."""
    if " and " in text and not YEAR_RANGE.search(text.lower()):
        sides = [resolve(side, published, ahead) for side in text.split(" and ", 1)]
        if all(side and side.value for side in sides) and sides[0].value != sides[1].value:
            return sides
    resolved = resolve(text, published, ahead)
    return [resolved] if resolved else []


def _date_phrases(sent: Span, future: bool) -> list[Span]:
    vehicles = {
        i for v in spans_in(sent.doc, VEHICLES, sent.start, sent.end) for i in range(v.start, v.end)
    }
    return [
        ent
        for ent in _joined([*ents_in(sent.doc, sent.start, sent.end), *_bare_years(sent)])
        if ent.label_ == "DATE"
        and not vehicles.intersection(range(ent.start, ent.end))
        and not (ent.start > 0 and sent.doc[ent.start - 1].lower_ == "since")
        and not _founding(ent)
        and not (future and _opens_a_span(ent))
    ]


def _joined(ents: list[Span]) -> list[Span]:
    """ "The end of this year or early next year" tagged as two dates: one phrase, so that only
    what both sides share is certain."""
    joined, skip = [], set()
    for ent in ents:
        if ent.start in skip:
            continue
        doc = ent.doc
        nxt = next((e for e in ents if e.label_ == "DATE" and e.start == ent.end + 1), None)
        if ent.label_ == "DATE" and nxt and doc[ent.end].lower_ == "or":
            joined.append(Span(doc, ent.start, nxt.end, label="DATE"))
            skip.add(nxt.start)
        else:
            joined.append(ent)
    return joined


def _nearness(ent: Span, near: Span | None) -> tuple[bool, int]:
    """Whether the date hangs on a verb other than those the capability hangs on, then how many
    words lie between them."""
    if near is None:
        return False, 0
    verbs = {t for t in (near.root, *near.root.ancestors) if t.pos_ in VERBS}
    return _verb_of(ent) not in verbs, max(ent.start - near.end, near.start - ent.end, 0)


def _gap(ent: Span, spans: list[Span]) -> int:
    """Words between a date and the nearest of the spans."""
    return min(max(ent.start - s.end, s.start - ent.end, 0) for s in spans)


def _opens_a_span(ent: Span) -> bool:
    """ "From 2028 to 2030" tagged as two dates: a plan's target is the second."""
    doc = ent.doc
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end : ent.end + 2]
    return (
        before in ("from", "between")
        and len(after) == 2
        and after[0].lower_ in ("to", "and", "through", "until")
        and after[1].like_num
    )


FOUNDING = {"found", "establish", "incorporate", "form", "bear"}


def _verb_of(ent: Span):
    return next((t for t in ent.root.ancestors if t.pos_ in VERBS), None)


def _founding(ent: Span) -> bool:
    """ "Founded in 2018": when the actor began, never when it did something ("to establish a
    base by 2035" is a plan)."""
    verb = _verb_of(ent)
    return verb is not None and verb.lemma_.lower() in FOUNDING and verb.tag_ in ("VBN", "VBD")


def _looks_ahead(ent: Span, default: bool) -> bool:
    """Whether a weekday or month points forward: "said Tuesday" looks back whatever the plan."""
    verb = _verb_of(ent)
    if verb is None:
        return default
    if verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children):
        return False
    if any(c.lower_ in ("will", "'ll") for c in verb.children):
        return True
    return default


def _misfit(when: ResolvedDate, published: date | None, status: str) -> int:
    """0 for the date a claim of this status should have, higher the worse it fits: a plan's
    target is after publication (the same day will do), an achievement's not after it."""
    if status == "planned":
        # A timeframe with no year ("in the 2030s") is a target too.
        ahead = after(when, published) or not when.value or published is None
        return 0 if ahead else 1 if not before(when, published) else 2
    if status == "achieved":
        return 1 if after(when, published) else 0
    return 0


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


def in_side_clause(ent: Span, sent: Span) -> bool:
    """Whether the span (a date, an actor) hangs in a clause describing something else, inside
    `sent`: "founded in 2000", "launching on SpaceX's Falcon 9"."""
    return any(t.dep_ in SIDE_CLAUSES and sent.start <= t.i < sent.end for t in ent.root.ancestors)


def _with_preposition(ent: Span) -> str:
    word = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return f"{word} {ent.text}" if word in ("by", "within", "in", "on", "before") else ent.text


def mission_year(mission: Span, published: date | None) -> ResolvedDate | None:
    """The year written before a mission's name, when it is past: "a veteran of the 2022 Shenzhou
    15 mission" flew in 2022."""
    if mission.start == 0:
        return None
    year = mission.doc[mission.start - 1]
    modifies = year.head in mission or year.head == mission.root.head
    if not (year.is_digit and len(year.text) == 4 and modifies):
        return None
    found = ResolvedDate(year.text, "year", year.text)
    return found if before(found, published) else None


def after(when: ResolvedDate | None, published: date | None) -> bool:
    """Whether the date is later than publication, at its own precision."""
    if when is None or not when.value or published is None:
        return False
    return when.value > published.isoformat()[: len(when.value)]


def before(when: ResolvedDate | None, published: date | None) -> bool:
    """Whether the date is earlier than publication, at its own precision."""
    if when is None or not when.value or published is None:
        return False
    return when.value < published.isoformat()[: len(when.value)]
