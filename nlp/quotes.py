"""A sentence that opens with a quotation mark after one that ends on an abbreviation ("a post
on X. "This decision ...") is still a sentence of its own: the parser alone runs the two together."""

from spacy.language import Language
from spacy.tokens import Doc

OPENING = {'"', "“", "‘"}
ENDS = (".", "!", "?")


@Language.component("spacerace_quote_starts")
def quote_starts(doc: Doc) -> Doc:
    """Mark an opening quotation mark (space before it, none after it) that follows a full stop
    and comes before a capital as the start of a sentence, before the parser runs."""
    for token in doc[1:-1]:
        before, after = doc[token.i - 1], doc[token.i + 1]
        opening = token.text in OPENING and before.whitespace_ and not token.whitespace_
        if opening and before.text.endswith(ENDS) and after.text[:1].isupper():
            token.is_sent_start = True
            after.is_sent_start = False  # the quotation opens the sentence, it is not one
    return doc
