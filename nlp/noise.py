"""What the statistical NER calls an organisation or a person that is not an actor of the space
race: media outlets, places and launch sites, things (rockets, chips, AI models), lone first
names. Kept as data and small predicates so the actor finder stays readable."""

import re
from functools import cache

from spacy.tokens import Span

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
    "mercury", "venus", "jupiter", "saturn", "ram", "ai/ml", "ml", "group",
}  # fmt: skip

# A launch site, a field centre or a base is a place where actors work, not an actor.
PLACE = re.compile(
    r"\b(launch (center|centre|site|complex|pad|base)|spaceport|space force (station|base)|"
    r"air force (station|base)|cosmodrome|space (center|centre)|test (site|stand)|"
    r"proving ground|satellite launch|landing zone|recovery ship|drone ?ship)\b",
    re.I,
)

# "6.31am Eastern Time", "GMT": times the small model takes for organisations.
CLOCK = re.compile(r"\d\s*(am|pm|a\.m\.|p\.m\.)|\b(time|gmt|utc)\b", re.I)

# A name followed by one of these words names a thing: "the Odin spacecraft", "Blackwell chips".
THINGS = {
    "rocket", "rockets", "launcher", "booster", "boosters", "spacecraft", "capsule", "capsules",
    "lander", "landers", "rover", "rovers", "engine", "engines", "chip", "chips", "processor",
    "processors", "gpu", "gpus", "model", "models", "ship", "vessel", "drone", "telescope",
    "vehicle", "vehicles", "stage",
}  # fmt: skip


def is_noise(ent: Span) -> bool:
    """True when an NER organisation or person is not an actor (see the module's docstring)."""
    text = ent.text.strip(" .'\"‘’“”")
    bare = text.lower().removeprefix("the ")
    if bare in NAMES or bare in _capability_phrases() or not any(c.isalpha() for c in text):
        return True  # "Orbital Data Center" capitalised is still a capability, not an organisation
    if PLACE.search(text) or CLOCK.search(text):
        return True
    if len(text) <= 3 and ent.label_ == "ORG":  # "GMT", "ODC", "H1": acronyms the gazetteer lacks
        return True
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if following is not None and following.lower_ in THINGS:
        return True
    return ent[-1].lower_ in THINGS


@cache
def _capability_phrases() -> frozenset[str]:
    return frozenset(p.lower() for c in gazetteer.capabilities().values() for p in c.phrases)


def person_key(ent: Span, people: dict[str, str]) -> str | None:
    """A one-word person ("Duffy") is the person named in full earlier in the document, or no one
    (a lone first name or surname is too weak to stand as an actor)."""
    if len(ent) > 1:
        return None
    return people.get(ent.text.removesuffix("'s").lower(), "")
