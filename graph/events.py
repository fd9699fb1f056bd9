"""Which claims tell of one event, and which documents are one story reposted."""

import re
import zlib
from collections import defaultdict

import numpy as np
import pandas as pd

WINDOW_DAYS = 31  # reports of an achievement or failure this close together are one event
SHINGLE = 5  # words per shingle
BANDS, ROWS = 16, 4  # MinHash LSH: 64 hashes; pairs near 0.7 Jaccard or more become candidates
SAME_STORY = 0.7  # Jaccard of word shingles from which two texts are the same story
# Multiply-shift hashing (odd multipliers mod 2**64, top 32 bits), fixed so ids are stable.
MULTIPLIERS = np.random.default_rng(7).integers(1, 2**63, size=BANDS * ROWS, dtype=np.uint64) | 1


def event_keys(claims: pd.DataFrame) -> pd.Series:
    """An event key per claim. Plans and announcements: one per actor, capability and status
    (their targets may move). Achievements and failures: claims whose dates lie within
    WINDOW_DAYS of the one before are one event; a year-only date joins that year's first event
    when there is one; undated claims are one event of their own."""
    base = claims.entity_id + "|" + claims.capability + "|" + claims.status
    keys = base.copy()
    done = ~claims.status.isin(["planned", "announced"])
    start = pd.to_datetime(claims.date_start, errors="coerce")
    year_only = claims.date.fillna("").str.len() == 4
    dated = done & ~year_only & start.notna()
    # Dated reports in order: a new event where the gap to the report before passes the window.
    order = pd.DataFrame({"base": base[dated], "start": start[dated]}).sort_values(
        ["base", "start"]
    )
    gap = order.groupby("base").start.diff().dt.days
    opens = gap.isna() | (gap > WINDOW_DAYS)
    name = order.start.dt.strftime("%Y-%m-%d").where(opens).ffill()
    keys[order.index] = order.base + "|" + name
    # A year-only report: the first event of its year, else the year.
    first_of_year = (
        pd.DataFrame({"base": order.base, "year": name.str[:4], "name": name})
        .groupby(["base", "year"]).name.min()
    )  # fmt: skip
    years = claims.date[done & year_only]
    found = [first_of_year.get((b, y), y) for b, y in zip(base[years.index], years, strict=True)]
    keys[years.index] = base[years.index] + "|" + pd.Series(found, index=years.index, dtype=object)
    undated = done & ~year_only & start.isna()
    keys[undated] = base[undated] + "|undated"
    return keys


def story_ids(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> story id: documents whose texts share most of their word shingles (a wire story
    reposted by several outlets) get the id of the first of them."""
    signatures = {
        doc_id: _shingles(text)
        for doc_id, text in zip(documents.doc_id.tolist(), documents.text.tolist(), strict=True)
    }
    buckets = defaultdict(list)
    for doc_id, shingles in signatures.items():
        for band in _bands(shingles):
            buckets[band].append(doc_id)
    story = {doc_id: doc_id for doc_id in signatures}
    for members in buckets.values():
        for other in members[1:]:
            first = members[0]
            if (
                story[other] == other
                and _jaccard(signatures[first], signatures[other]) >= SAME_STORY
            ):
                story[other] = story[first]
    return story


def _shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", (text or "").lower())
    return {
        zlib.crc32(" ".join(words[i : i + SHINGLE]).encode())
        for i in range(max(1, len(words) - SHINGLE + 1))
    }


def _bands(shingles: set[int]) -> list[tuple]:
    if not shingles:
        return []
    values = np.fromiter(shingles, dtype=np.uint64, count=len(shingles))
    mins = ((values[None, :] * MULTIPLIERS[:, None]) >> np.uint64(32)).min(axis=1).tolist()
    return [(b, *mins[b * ROWS : (b + 1) * ROWS]) for b in range(BANDS)]


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
