"""Capabilities shown by words standing close together ("data centres would be built in space"),
from the `near` rules of nlp/patterns/capabilities.jsonl."""

import re
from functools import cache

from spacy.tokens import Doc, Span

from nlp import gazetteer


@cache
def _rules() -> list[tuple[str, list[re.Pattern], int]]:
    rules = []
    for capability in gazetteer.capabilities().values():
        for rule in capability.near:
            groups = [
                re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)
                for words in rule["words"]
            ]
            rules.append((capability.id, groups, rule["window"]))
    return rules


def near_spans(doc: Doc) -> list[Span]:
    """A span for each rule whose words all stand within its window of one another."""
    found = []
    for sent in doc.sents:
        for label, groups, window in _rules():
            span = _near(sent, groups, window)
            if span is not None:
                found.append(Span(doc, span[0], span[1], label=label))
    return found


def _near(sent: Span, groups: list[re.Pattern], window: int) -> tuple[int, int] | None:
    hits = []
    for pattern in groups:
        tokens = [_token_at(sent, m.start()) for m in pattern.finditer(sent.text)]
        if not tokens:
            return None
        hits.append(tokens)
    for anchor in hits[0]:
        chosen = [min(tokens, key=lambda t: abs(t - anchor)) for tokens in hits[1:]]
        if all(abs(t - anchor) <= window for t in chosen):
            return min(anchor, *chosen), max(anchor, *chosen) + 1
    return None


def _token_at(sent: Span, offset: int) -> int:
    char = sent.start_char + offset
    token = sent.doc.char_span(char, char + 1, alignment_mode="expand")
    return token.start if token is not None else sent.start
