"""Text as it comes, made safe to extract from: markup and control characters blanked (offsets
stay those of the input), empty and non-English texts skipped with a reason, long texts cut
into pieces the parser can hold."""

import re

MAX_PIECE = 100_000  # characters: spaCy's parser needs about 1 GB per 100,000 at once
MIN_WORDS_FOR_LANGUAGE = 20  # fewer words than this say too little about their language
# English's commonest words: a text where they are at least this share of the words is English,
# whatever the language model makes of its many foreign names ("Zhang Lu, Wu Fei and ...").
ENGLISH_WORDS = {"the", "and", "of", "to", "in", "a", "an", "is", "on", "for", "with", "at", "by",
                 "from", "that", "its", "said", "will", "has", "was", "were", "as", "it", "be",
                 "are", "this", "have", "which", "after", "into"}  # fmt: skip
ENGLISH_SHARE = 0.08
ENGLISH = "en"

_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]{0,500}>", re.S)
_INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\u2060\ufeff]")
_WORD = re.compile(r"[^\W\d_]{2,}")


def blank_markup(text: str) -> str:
    """HTML tags and invisible characters replaced by spaces of the same length, so every
    character offset in the result is the same as in the input."""
    text = _TAG.sub(lambda m: " " * len(m.group()), text)
    return _INVISIBLE.sub(" ", text)


def skip_reason(text: str) -> str | None:
    """Why a text gives no extraction (empty, no words, not English), or None."""
    if not text.strip():
        return "empty text"
    words = _WORD.findall(text[:5000])
    if not words:
        return "no words in the text"
    if len(words) >= MIN_WORDS_FOR_LANGUAGE and not _mostly_english(words):
        language = detect_language(" ".join(words[:400]))
        if language != ENGLISH:
            return f"not English (the text looks like language '{language}'); only English is extracted"
    return None


def _mostly_english(words: list[str]) -> bool:
    common = sum(1 for w in words if w.lower() in ENGLISH_WORDS)
    return common >= ENGLISH_SHARE * len(words)


def detect_language(text: str) -> str:
    """The ISO 639-1 code py3langid gives the text (its model loads on first use)."""
    import py3langid

    return py3langid.classify(text)[0]


def pieces(text: str, size: int = MAX_PIECE) -> list[str]:
    """The text cut at paragraph breaks (else sentence ends, else anywhere) into pieces of at
    most `size` characters that join back into exactly the text."""
    out, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind("\n\n"), window.rfind(". "))
        if cut > size // 2:
            end = start + cut + 2
        else:
            space = window.rfind(" ")
            end = start + (space + 1 if space > 0 else size)
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out
