"""Turning fetched markup into clean article text, and URLs into canonical ones."""

import html
import re
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import urlsplit, urlunsplit

from lxml import html as lxml_html

BLOCK_TAGS = ("p", "h2", "h3", "h4", "li", "blockquote")
_SPACE = re.compile(r"\s+")
BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")


def clean_space(text: str) -> str:
    return _SPACE.sub(" ", html.unescape(text or "")).strip()


def html_to_paragraphs(markup: str, drop_xpath: str | None = None) -> list[str]:
    """The text blocks of an HTML fragment, with boilerplate elements dropped first."""
    if not markup or not markup.strip():
        return []
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    for bad in root.xpath("//script|//style|//figure|//figcaption|//noscript"):
        bad.drop_tree()
    if drop_xpath:
        for bad in root.xpath(drop_xpath):
            bad.drop_tree()
    blocks = root.xpath("//" + "|//".join(BLOCK_TAGS))
    # Nested blocks (a <p> inside an <li>) are read once, through the outermost.
    inside = set(blocks)
    outer = [b for b in blocks if not any(a in inside for a in b.iterancestors())]
    paragraphs = [clean_space(b.text_content()) for b in outer]
    if not outer:
        paragraphs = [clean_space(root.text_content())]
    return [p for p in paragraphs if p]


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def canonical_url(url: str) -> str:
    """Scheme and host lower-cased, no query (tracking parameters) and no fragment."""
    parts = urlsplit(url.strip())
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, "", ""))


def iso_utc(moment: datetime | None) -> str | None:
    """An aware datetime as an ISO string in UTC."""
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat()


def beijing_to_utc(text: str, fmt: str) -> str | None:
    """A wall-clock time printed in Beijing time (no zone shown), as ISO UTC."""
    try:
        local = datetime.strptime(text.strip(), fmt).replace(tzinfo=BEIJING)
    except ValueError:
        return None
    return iso_utc(local)


def extract_page(markup: str, with_metadata: bool = False):
    """trafilatura's reading of a whole page (`.text`, and with metadata `.title`, `.author`,
    `.date`, `.url`), or None. Fast mode: on news pages its fallback extractors rarely win and
    cost as much as the rest of the crawl's parsing."""
    # Imported on first use: an unchanged crawl parses no page and starts faster without it.
    import trafilatura

    return trafilatura.bare_extraction(
        markup, fast=True, with_metadata=with_metadata, include_comments=False, include_tables=False
    )
