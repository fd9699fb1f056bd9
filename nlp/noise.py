"""What the statistical NER calls an organisation or a person that is not an actor of the space
race: media outlets, places and launch sites, things (rockets, chips, AI models), lone first
names. Kept as data and small predicates so the actor finder stays readable."""

import re
from functools import cache

from spacy.tokens import Span
from wordfreq import zipf_frequency

from nlp import gazetteer

# Outlets cited as sources, and words the small model often tags as organisations.
NAMES = {
    "ai", "moon", "earth", "mars", "sun", "reuters", "xinhua", "xinhua news agency", "cgtn", "afp",
    "ap", "bloomberg", "cnbc", "space.com", "spacenews", "spaceflight now", "nasaspaceflight",
    "payload", "ars technica", "teslarati", "star market daily", "the associated press", "x", "gpu",
    "gpus", "cpu", "leo", "geo", "low earth orbit", "tops", "pflops", "gw", "mw", "kw", "kg", "llm",
    "llms", "iss", "gbps", "tbps", "the wall street journal", "financial times", "the new york times",
    "the washington post", "cnn", "bbc", "techcrunch", "the verge", "wired", "the information",
    "south china morning post", "scmp", "global times", "china daily", "people's daily", "xinhua news",
    "nikkei", "kyodo", "pti", "the hindu", "times of india", "nvidia h100", "h100", "a100",
    "starbase", "guiana", "french guiana", "kourou", "baikonur", "cape canaveral", "boca chica",
    "wenchang", "jiuquan", "xichang", "taiyuan", "sriharikota", "tanegashima", "vandenberg",
    "mahia", "covid", "ceo", "cto", "nasdaq", "nyse", "ipo", "cctv", "cbs", "cbs mornings", "nbc",
    "abc", "fox news", "pitchbook", "crunchbase", "white house", "house", "senate", "congress",
    "mercury", "venus", "jupiter", "saturn", "ram", "ai/ml", "ml", "group", "sbsp", "odc", "quantum", "artificial intelligence", "uttr",
}  # fmt: skip

# A launch site, a field centre or a base is a place where actors work, not an actor.
PLACE = re.compile(
    r"\b(launch (center|centre|site|complex|pad|base)|spaceport|space force (station|base)|"
    r"air force (station|base)|cosmodrome|space (center|centre)|test (site|stand)|"
    r"proving ground|satellite launch|landing zone|recovery ship|drone ?ship|training range)\b",
    re.I,
)

# "6.31am Eastern Time", "GMT": times the small model takes for organisations.
CLOCK = re.compile(r"\d\s*(am|pm|a\.m\.|p\.m\.)|\b(time|gmt|utc)\b", re.I)

# A name followed by one of these words names a thing: "the Odin spacecraft", "Blackwell chips".
THINGS = {
    "rocket", "rockets", "launcher", "booster", "boosters", "spacecraft", "capsule", "capsules",
    "lander", "landers", "rover", "rovers", "engine", "engines", "chip", "chips", "processor",
    "processors", "gpu", "gpus", "model", "models", "ship", "vessel", "drone", "telescope",
    "vehicle", "vehicles", "stage", "unit", "units", "spaceship", "spaceplane", "probe", "orbiter",
    "servicer",
}  # fmt: skip

# "Beijing Daily", "IEEE Spectrum", "Science News": outlets cited as sources.
MEDIA = re.compile(
    r"\b(news|daily|times|journal|post|press|magazine|gazette|tribune|herald|spectrum)\b", re.I
)


# A name ending in one of these words is an event, a part or a place: "Lunar Polar Exploration",
# "European Service Module", "Vehicle Assembly Building", "Italian Tech Week".
NOT_BODIES = {
    "explorer", "explorers", "exploration", "module", "modules", "experiment", "payload",
    "building", "week", "congress", "conference", "summit", "strategy", "communications", "dam",
    "orbit", "lagrange", "arrangement", "interpretation",
}  # fmt: skip
# "NG-3", "Tianwen-2", "B1067", "Galileo L13", "Merah Putih 2": a flight, a booster or a
# satellite, not a body.
DESIGNATION = re.compile(r"^([A-Z][A-Za-z]{0,11}-\d+[A-Za-z]?|[A-Z]{1,2}\d+[A-Z]?|\d+[A-Z]?)$")
YEAR = re.compile(r"^(19|20)\d\d$")
COMMON_WORD = 4.0  # Zipf frequency above which a lone capitalised word is an ordinary word


def is_noise(ent: Span) -> bool:
    """True when an NER organisation or person is not an actor (see the module's docstring)."""
    text = ent.text.strip(" .'\"‘’“”")
    bare = text.lower().removeprefix("the ")
    said = bare in _capability_phrases() or bare.endswith(_capability_endings())
    if bare in NAMES or said or not any(c.isalpha() for c in text):
        return True  # "Orbital Data Center", "Active Debris Removal": capabilities, not bodies
    if PLACE.search(text) or CLOCK.search(text) or MEDIA.search(text):
        return True
    if ent[0].text == "s":  # "s Kent" from "the company’s Kent": a name cut at the apostrophe
        return True
    if len(text) <= 3 and ent.label_ == "ORG":  # "GMT", "ODC", "H1": acronyms the gazetteer lacks
        return True
    if ent.label_ == "ORG" and not _looks_like_a_body(ent):
        return True
    if _designated(ent):
        return True  # "Turksat 5B", "Galileo L13": satellites, not their operators or a person
    # "the Odin spacecraft"; over one lower-case word, "Peregrine lunar lander"
    following = list(ent.doc[ent.end : ent.end + 2])
    if following and not following[0].is_lower:
        following = following[:1]
    if any(t.lower_ in THINGS for t in following):
        return True
    return ent[-1].lower_ in THINGS


def _designated(ent: Span) -> bool:
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    last = ent[-1] if len(ent) > 1 and ent.label_ == "PERSON" else None
    return any(
        t is not None and DESIGNATION.match(t.text) and not YEAR.match(t.text)
        for t in (after, last)
    )


def _looks_like_a_body(ent: Span) -> bool:
    """An organisation's name has a capital, is not an ordinary word ("Freedom", "Success"), a
    designation ("NG-3") or a name of a thing ("European Service Module")."""
    words = [t for t in ent if not t.is_punct]
    if not words or not any(t.text[:1].isupper() for t in words):
        return False
    if words[-1].lower_ in NOT_BODIES or DESIGNATION.match(words[-1].text):
        return False
    lone = words[0].text if len(words) == 1 else ""
    return not (lone.istitle() and zipf_frequency(lone, "en") >= COMMON_WORD)


@cache
def _capability_phrases() -> frozenset[str]:
    return frozenset(p.lower() for c in gazetteer.capabilities().values() for p in c.phrases)


@cache
def _capability_endings() -> tuple[str, ...]:
    return tuple(" " + phrase for phrase in _capability_phrases())


# Titles the NER takes into a name: "Spokesperson Camille Bergin", "Professors Harry Atwater".
TITLES = {
    "professor", "professors", "prof", "dr", "spokesperson", "spokesman", "spokeswoman", "ceo",
    "astronaut", "astronauts", "commander", "president", "director", "chairman", "minister",
    "senator", "administrator", "founder", "co-founder", "cofounder", "captain", "colonel", "pm",
    "premier",
}  # fmt: skip


def trimmed(ent: Span) -> Span | None:
    """The name inside what the NER tagged: cut at a paragraph break ("X.\n\nCarrying"), without a
    title before it ("PM Modi") or lower-case words after it ("University of Bath in", "Xinhua
    later"); None for a common noun phrase ("a Master of Science"). A name that followed a title
    is a person's."""
    doc, start, end = ent.doc, ent.start, ent.end
    if doc[start].lower_ in ("a", "an"):
        return None
    end = next((t.i for t in ent if "\n" in t.text or t.is_space), end)
    while start < end - 1 and doc[start].lower_.rstrip(".") in TITLES:
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_lower):  # "Xinhua later"
        end -= 1
    if start >= end:
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label="PERSON" if start > ent.start else ent.label_)


def person_key(ent: Span, people: dict[str, str]) -> str | None:
    """A one-word person ("Duffy") is the person named in full earlier in the document, or no one
    (a lone first name or surname is too weak to stand as an actor)."""
    if len(ent) > 1:
        return None
    return people.get(ent.text.removesuffix("'s").lower(), "")


# What ties a person to the space race: a role beside the name ("NASA astronaut X", "X, chief
# executive of Y"). Passengers and celebrities named on a flight are not actors.
ROLES = {
    "astronaut", "astronauts", "cosmonaut", "taikonaut", "ceo", "founder", "co-founder",
    "president", "chief", "executive", "director", "administrator", "spokesperson", "spokesman",
    "spokeswoman", "engineer", "scientist", "researcher", "professor", "official", "minister",
    "head", "manager", "designer", "commander", "pilot", "officer", "chairman", "chair", "lead",
    "leader", "secretary", "deputy", "adviser", "advisor", "analyst", "expert", "academician",
    "captain", "colonel", "general", "specialist", "physicist", "vice", "member", "partner",
}  # fmt: skip
NEAR = 6  # tokens either side of the name


def tied_to_work(ent: Span, known: list[Span]) -> bool:
    """Whether a role word or a known organisation stands within a few tokens of a person."""
    sent = ent.sent
    start, end = max(sent.start, ent.start - NEAR), min(sent.end, ent.end + NEAR)
    if any(t.lower_ in ROLES for t in ent.doc[start:end]):
        return True
    return any(span.start < end and span.end > start and span.start != ent.start for span in known)
