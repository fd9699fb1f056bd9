"""Span groups looked up by position (a long document has thousands of sentences and actor
spans, and scanning the whole group for each sentence would take quadratic time), and a
phrase test on a sentence."""

from bisect import bisect_left

from spacy.tokens import Doc, Span


def spans_in(doc: Doc, group: str, start: int, end: int) -> list[Span]:
    """The spans of `group` (kept sorted by start) that start in tokens [start, end)."""
    if group not in doc.spans:
        return []
    spans = doc.spans[group]
    key = ("spacerace.starts", group)
    starts = doc.user_data.get(key)
    if starts is None or len(starts) != len(spans):
        starts = doc.user_data[key] = [s.start for s in spans]
    return [spans[i] for i in range(bisect_left(starts, start), bisect_left(starts, end))]


def ents_in(doc: Doc, start: int, end: int) -> list[Span]:
    """The named entities that start in tokens [start, end); `Span.ents` would rebuild the whole
    document's list at every call."""
    key = "spacerace.ents"
    ents = doc.user_data.get(key)
    if ents is None:
        ents = doc.user_data[key] = (list(doc.ents), [e.start for e in doc.ents])
    spans, starts = ents
    return spans[bisect_left(starts, start) : bisect_left(starts, end)]


def says(sent: Span, phrases: tuple[str, ...]) -> bool:
    """Whether the sentence contains one of the phrases (lower case), as written."""
    text = sent.text.lower()
    return any(phrase in text for phrase in phrases)
