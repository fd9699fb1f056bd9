"""Dates in text, resolved against the publication date, with their precision."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

import dateparser

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
    "a couple of": 2,
    "several": None,
}
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Whole names or their abbreviations only: "decade" is no December, nor "Mars" March.
MONTH_RE = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
YEAR_RANGE = re.compile(r"\b(20\d\d) ?(?:to|-|–|through|and|until) ?(20\d\d)\b")
DECADE = re.compile(r"\b(?:19|20)\d0s\b")
# A timeframe ahead with no year to name ("by the end of the decade", "in the next few years"):
# a plan all the same, with a null date. "For decades" looks back and dates nothing.
VAGUE = re.compile(
    r"\b(?:by|before|within|later|end of|early|mid|late|this|next)\b.*\bdecade\b"
    r"|\b(?:next|coming) (?:few|several|couple of) years\b|\bcoming years\b"
    r"|\b(?:within|in|over)(?: the next)? \w+ (?:to|or) \w+ years\b"  # "within two to three years"
)
DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)? {MONTH_RE},? (\d{{4}})\b|\b{MONTH_RE} (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b"
)
MONTH_YEAR = re.compile(rf"\b{MONTH_RE},? (\d{{4}})\b")
ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
IN_N_YEARS = re.compile(r"\b(?:within|in|over)(?: the next)? (\w+(?: couple of)?) years?\b")


PRECISIONS = ("year", "month", "day")
UNDATED_ANCHOR = date(2000, 1, 1)  # any day: only whether a phrase is relative is asked of it


@dataclass(frozen=True)
class ResolvedDate:
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None when only vague ("in the 2030s")
    precision: str | None  # year | month | day
    text: str


def resolve(phrase: str, published: date | None, future: bool) -> ResolvedDate | None:
    """The date a phrase means; `future` says whether the sentence looks ahead (for "Wednesday"),
    and so whether a span of years ("2025 to 2027") means its end, the target, or its start."""
    low = phrase.lower().strip()
    if DECADE.search(low) or VAGUE.search(low) or low in ("tbd", "to be determined"):
        return ResolvedDate(None, None, phrase)
    if future and (span := YEAR_RANGE.search(low)):
        return ResolvedDate(span[2], "year", phrase)
    if " or " in low and (either := _either(low, published, future)):
        return ResolvedDate(*either, phrase)
    absolute = _absolute(low)
    if absolute:
        return ResolvedDate(*absolute, phrase)
    if published is None:
        # "Later this year" in a page with no date still says the plan has a timeframe.
        known = future and _relative(low, UNDATED_ANCHOR, future)
        return ResolvedDate(None, None, phrase) if known else None
    relative = _relative(low, published, future)
    return ResolvedDate(*relative, phrase) if relative else None


def _either(low: str, published: date | None, future: bool) -> tuple | None:
    """What both sides of "X or Y" share: "March or April 2026" is 2026, "this year or early
    next year" no year at all; None when the phrase is no such pair."""
    sides = [resolve(side, published, future) for side in low.split(" or ", 1)]
    if not all(side and side.value for side in sides):
        return None
    first, second = (side.value.split("-") for side in sides)
    shared = 0
    while shared < min(len(first), len(second)) and first[shared] == second[shared]:
        shared += 1
    return ("-".join(first[:shared]), PRECISIONS[shared - 1]) if shared else (None, None)


def _absolute(low: str) -> tuple[str, str] | None:
    if m := ISO_DAY.search(low):
        return f"{m[1]}-{m[2]}-{m[3]}", "day"
    if DAY_MONTH_YEAR.search(low):
        parsed = dateparser.parse(low, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
        if parsed:
            return parsed.strftime("%Y-%m-%d"), "day"
    # "early March 2026" is still the month; "Q1 2027", "late 2027", "by 2030" are the year.
    if m := MONTH_YEAR.search(low):
        return f"{m[2]}-{_month_number(m[1]):02d}", "month"
    if m := YEAR.search(low):
        return m[1], "year"
    return None


def _relative(low: str, published: date, future: bool) -> tuple[str, str] | None:
    year = published.year
    if m := re.search(rf"\b{MONTH_RE} (last|next) year\b", low):
        # "in May last year": the month, in the year before (or after).
        shifted = year - 1 if m[2] == "last" else year + 1
        return f"{shifted}-{_month_number(m[1]):02d}", "month"
    if re.search(r"\bnext year\b", low):
        return str(year + 1), "year"
    if re.search(r"\blast year\b", low):
        return str(year - 1), "year"
    if m := re.search(r"\b(\w+) years? ago\b", low):
        n = NUMBER_WORDS.get(m[1]) if not m[1].isdigit() else int(m[1])
        return (str(year - n), "year") if n else None
    if re.search(
        r"\b(this year|later this year|end of the year|the year's end|this fall|this summer)\b", low
    ):
        return str(year), "year"
    if re.search(r"\bnext month\b", low):
        nxt = (published.replace(day=1) + timedelta(days=32)).replace(day=1)
        return nxt.strftime("%Y-%m"), "month"
    if re.search(r"\b(this month|later this month|end of the month)\b", low):
        return published.strftime("%Y-%m"), "month"
    if re.search(r"\blast month\b", low):
        return (published.replace(day=1) - timedelta(days=1)).strftime("%Y-%m"), "month"
    if m := re.search(r"\b(last|next) week\b", low):  # "this week" is the news's own: publication
        shift = -7 if m[1] == "last" else 7
        return (published + timedelta(days=shift)).strftime("%Y-%m"), "month"
    if m := IN_N_YEARS.search(low):
        n = NUMBER_WORDS.get(m[1]) if not m[1].isdigit() else int(m[1])
        return (str(year + n), "year") if n else None
    if re.search(r"\b(today|this morning|tonight)\b", low):
        return published.isoformat(), "day"
    if "yesterday" in low:
        return (published - timedelta(days=1)).isoformat(), "day"
    if "tomorrow" in low:
        return (published + timedelta(days=1)).isoformat(), "day"
    for index, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", low):
            return _weekday(published, index, future).isoformat(), "day"
    # "last June" is behind us and "next March" ahead, whatever the sentence's tense; "last
    # February", said in February, is a year ago.
    said = "last" if re.search(r"\blast\b", low) else "next" if re.search(r"\bnext\b", low) else ""
    found = _month_day(low, published, future if not said else said == "next")
    if found and said and found[1] == "month" and found[0][5:7] == f"{published.month:02d}":
        shifted = int(found[0][:4]) + (1 if said == "next" else -1)
        return f"{shifted}{found[0][4:]}", found[1]
    return found


def _weekday(published: date, weekday: int, future: bool) -> date:
    if future:
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _month_day(low: str, published: date, future: bool) -> tuple[str, str] | None:
    m = re.search(rf"\b{MONTH_RE}(?: (\d{{1,2}})(?:st|nd|rd|th)?)?\b|\b(\d{{1,2}}) {MONTH_RE}", low)
    if not m:
        return None
    month = _month_number(m[1] or m[4])
    day = int(m[2] or m[3]) if (m[2] or m[3]) else None
    year = published.year
    if future and (month, day or 31) < (published.month, published.day):
        year += 1
    if not future and (month, day or 1) > (published.month, published.day):
        year -= 1
    if day:
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
    return f"{year}-{month:02d}", "month"


def _month_number(token: str) -> int:
    token = token.lower().rstrip(".")[:3]
    return [m[:3] for m in MONTHS].index(token) + 1


def date_start(value: str | None) -> date | None:
    """The first day a YYYY / YYYY-MM / YYYY-MM-DD value covers."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])
