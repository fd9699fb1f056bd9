"""A paragraph break ends a sentence: the parser alone runs a list or a heading without a full
stop into the next paragraph ("- Research module\n\nThis change means ...")."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("spacerace_paragraph_starts")
def paragraph_starts(doc: Doc) -> Doc:
    """Mark the first word after a blank line as the start of a sentence, before the parser."""
    for token in doc[:-1]:
        if "\n\n" in token.text_with_ws and (token.is_space or token.whitespace_):
            following = doc[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
    return doc
