"""Clues in the words around a name: which nation it belongs to; its normalised form."""

import re
import unicodedata

from spacy.tokens import Span

NATION_WORDS = {
    "chinese": "CN",
    "china": "CN",
    "beijing": "CN",
    "shanghai": "CN",
    "chengdu": "CN",
    "hangzhou": "CN",
    "american": "US",
    "u.s.": "US",
    "us": "US",
    "california": "US",
    "texas": "US",
    "florida": "US",
    "japanese": "JP",
    "japan": "JP",
    "tokyo": "JP",
    "indian": "IN",
    "india": "IN",
    "bengaluru": "IN",
    "european": "INT",
    "europe": "INT",
    "russian": "RU",
    "russia": "RU",
    "moscow": "RU",
    "french": "FR",
    "france": "FR",
    "paris": "FR",
    "emirati": "AE",
    "uae": "AE",
    "dubai": "AE",
    "canadian": "CA",
    "canada": "CA",
    "pakistani": "PK",
    "pakistan": "PK",
    "british": "GB",
    "uk": "GB",
    "london": "GB",
    "german": "DE",
    "germany": "DE",
    "italian": "IT",
    "italy": "IT",
    "korean": "KR",
    "korea": "KR",
    "israeli": "IL",
    "australian": "AU",
    "saudi": "SA",
    "australia": "AU",
    "sydney": "AU",
    "melbourne": "AU",
    "shenzhen": "CN",
    "wuhan": "CN",
    "guangzhou": "CN",
    "seattle": "US",
    "houston": "US",
    "colorado": "US",
    "osaka": "JP",
    "seoul": "KR",
    "daejeon": "KR",
    "hyderabad": "IN",
    "chennai": "IN",
    "mumbai": "IN",
    "bangalore": "IN",
    "cardiff": "GB",
    "scottish": "GB",
    "glasgow": "GB",
    "munich": "DE",
    "berlin": "DE",
    "bremen": "DE",
    "toulouse": "FR",
    "rome": "IT",
    "turin": "IT",
    "milan": "IT",
    "icelandic": "IS",
    "iceland": "IS",
    "reykjavik": "IS",
    "swiss": "CH",
    "switzerland": "CH",
    "spanish": "ES",
    "spain": "ES",
    "madrid": "ES",
    "dutch": "NL",
    "netherlands": "NL",
    "swedish": "SE",
    "sweden": "SE",
    "norwegian": "NO",
    "norway": "NO",
    "finnish": "FI",
    "finland": "FI",
    "luxembourg": "LU",
    "polish": "PL",
    "poland": "PL",
    "brazilian": "BR",
    "brazil": "BR",
    "mexican": "MX",
    "turkish": "TR",
    "singapore": "SG",
    "israel": "IL",
}
WINDOW = 4
_SUFFIXES = re.compile(r"\b(inc|ltd|llc|corp|co|corporation|company|limited|plc)\b\.?", re.I)


def nation_from_context(span: Span) -> str | None:
    """A nation named or implied in the name ("Australian Space Agency"), right before it ("Chinese
    startup X", "Tokyo-based X") or right after it ("X, a Japanese firm"); None rather than a
    guess."""
    doc = span.doc
    for token in span:  # "Australian Space Agency", "Reykjavik Energy"
        if nation := NATION_WORDS.get(token.lower_):
            return nation
    before = doc[max(span.sent.start, span.start - WINDOW) : span.start]
    after = doc[span.end : min(span.sent.end, span.end + WINDOW)]
    for token in list(reversed(before)) + list(after):
        nation = NATION_WORDS.get(token.lower_)
        if nation:
            return nation
    return None


def clean_name(text: str) -> str:
    """A name as written, without a leading "the", a possessive or stray quotes."""
    text = re.sub(r"['’]s$", "", text.strip().strip("'\"‘’“”"))
    return re.sub(r"^the\s+", "", text, flags=re.I).strip("'\"‘’“” ")


def normalise_name(text: str) -> str:
    """Lower-case, accents folded (Sławosz = Slawosz), leading "the", possessive and company
    suffixes dropped, punctuation folded."""
    text = unicodedata.normalize("NFKD", clean_name(text).replace("ł", "l").replace("Ł", "L"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’]s\b", "", text)
    text = _SUFFIXES.sub("", text)
    text = re.sub(r"[^\w]+", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def defined_acronym(span: Span) -> str | None:
    """The acronym a name defines in brackets right after it: "Air Force Research Laboratory
    (AFRL)" names AFRL too; its letters are the name's initials, in order."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "(" or doc[span.end + 2].text != ")":
        return None
    short = doc[span.end + 1].text
    initials = "".join(t.text[0] for t in span if t.text[:1].isupper() and t.lower_ != "the")
    if not (short.isupper() and len(short) >= 2 and short[0] == initials[:1]):
        return None
    letters = iter(initials)
    return short if all(c in letters for c in short) else None
