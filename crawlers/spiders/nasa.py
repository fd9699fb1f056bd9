"""NASA (www.nasa.gov, WordPress): the press-release feed for new items, the REST API to backfill."""

import json
from calendar import timegm
from datetime import UTC, datetime

import feedparser

from crawlers.items import DocumentItem
from crawlers.spiders.base import SourceSpider
from crawlers.text import canonical_url, html_to_paragraphs, join_paragraphs

FEED_URL = "https://www.nasa.gov/news-release/feed/"
API_URL = (
    "https://www.nasa.gov/wp-json/wp/v2/press-release?_embed=1&per_page={per_page}&page={page}"
)
PER_PAGE = 20
# HDS theme blocks that are navigation, credits or related links, not article text.
BOILERPLATE = (
    "//*[contains(@class, 'hds-') or contains(@class, 'wp-block-nasa-blocks-')"
    " or contains(@class, 'entry-footer')]"
)


class NasaSpider(SourceSpider):
    name = "nasa"
    source = "nasa"

    async def start(self):
        yield self.request(FEED_URL, self.parse_feed)
        yield self.request(API_URL.format(per_page=PER_PAGE, page=1), self.parse_api)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seen: set[str] = set()

    def parse_feed(self, response):
        feed = feedparser.parse(response.body)
        for entry in feed.entries:
            markup = entry.content[0].value if entry.get("content") else entry.get("summary", "")
            yield from self._document(
                url=entry.link,
                title=entry.get("title", ""),
                markup=markup,
                published_at=_feed_time(entry.get("published_parsed")),
                author=entry.get("author") or None,
                raw=markup.encode("utf-8"),
            )

    def parse_api(self, response):
        page = int(response.url.rsplit("page=", 1)[-1].split("&")[0])
        if page == 1:
            total = int(response.headers.get(b"X-WP-TotalPages", b"1"))
            for number in range(2, total + 1):
                yield self.request(API_URL.format(per_page=PER_PAGE, page=number), self.parse_api)
        for record in json.loads(response.text):
            authors = record.get("_embedded", {}).get("author") or [{}]
            yield from self._document(
                url=record["link"],
                title=record["title"]["rendered"],
                markup=record["content"]["rendered"],
                published_at=_wp_time(record.get("date_gmt")),
                modified_at=_wp_time(record.get("modified_gmt")),
                author=authors[0].get("name"),
                raw=json.dumps(record).encode("utf-8"),
                content_type="application/json",
            )

    def _document(self, *, url, title, markup, raw, content_type="text/html", **fields):
        canonical = canonical_url(url)
        if canonical in self.seen:  # the feed and the API overlap
            return
        self.seen.add(canonical)
        paragraphs = html_to_paragraphs(markup, BOILERPLATE)
        yield DocumentItem(
            source=self.source,
            fetched_via="www.nasa.gov",
            url=canonical,
            title=html_to_paragraphs(title)[0] if title else "",
            text=join_paragraphs(paragraphs),
            raw_body=raw,
            content_type=content_type,
            **fields,
        )


def _feed_time(parsed) -> str | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(timegm(parsed), UTC).isoformat()


def _wp_time(value: str | None) -> str | None:
    # WordPress *_gmt fields are UTC without a zone suffix.
    if not value:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=UTC).isoformat()
