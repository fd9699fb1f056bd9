"""Crawled text shown as text: never as HTML, Markdown, a link or a Streamlit directive."""

import re
from urllib.parse import quote

# CommonMark lets a backslash escape any ASCII punctuation; Streamlit's own directives
# (":red[...]", ":rocket:", "$math$") are punctuation-led too.
PUNCTUATION = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
# GFM makes bare addresses links even when escaped (it finds them in the parsed text): a word
# joiner inside "www.", "://" and before "@" keeps them text.
AUTOLINK = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?=@)")
URL_SAFE = "/:?#@!$&'*+,;=%~-._"  # kept as is; the rest (spaces, brackets) percent-encoded


def plain(text: str | None) -> str:
    """`text` that GFM will not turn into a link (still to be escaped for Markdown)."""
    return AUTOLINK.sub("\u2060", text or "")


def escaped(text: str | None) -> str:
    """`text` for st.markdown: every Markdown and HTML character escaped, no bare address
    made a link, and lines joined (a line break could start a heading or a list)."""
    return PUNCTUATION.sub(r"\\\1", plain(text)).replace("\n", " ")


def highlighted(text: str, start: int, end: int) -> str:
    """`text` escaped for st.markdown, with text[start:end] (a claim's sentence) marked; the
    spaces around the sentence stay outside the mark (bold cannot end on a space)."""
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return escaped(text)
    return (f"{escaped(text[:start])}:orange-background[**{escaped(text[start:end])}**]"
            f"{escaped(text[end:])}")  # fmt: skip


def link(label: str | None, url: str | None) -> str:
    """A Markdown link to a crawled page: its label escaped, and only an http(s) address (the
    characters that would end a Markdown link percent-encoded); else the label alone."""
    shown = escaped(label) or "the page"
    if not url or not url.lower().startswith(("http://", "https://")):
        return shown
    return f"[{shown}]({quote(url, safe=URL_SAFE)})"
