"""NASA (www.nasa.gov, WordPress): the press-release feed for new items, the REST API to
backfill, and the HTML article page when a feed item carries no full text."""

import json
from calendar import timegm
from datetime import UTC, datetime

import feedparser
import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider

from crawlers.items import DocumentItem
from crawlers.spiders.base import SourceSpider, validators
from crawlers.text import canonical_url, clean_space, html_to_paragraphs, join_paragraphs

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
PAGE_TITLE = ".article-header h1::text"
PAGE_DATE = "span.heading-12::text"  # "May 14, 2025": a date, no time, no zone
PAGE_UPDATED = "meta[property='og:updated_time']::attr(content)"
PAGE_AUTHOR = "h3.hds-meta-heading::text"
PAGE_BODY = "div.entry-content"
CANONICAL = "link[rel=canonical]::attr(href)"


class NasaSpider(SourceSpider):
    name = "nasa"
    source = "nasa"
    allowed_domains = ["nasa.gov"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seen: set[str] = set()
        self.excerpt_only: list[str] = []

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.fetch_excerpt_pages, signal=signals.spider_idle)
        return spider

    async def start(self):
        # The API is asked once the feed is read (see parse_feed), so a story both carry is
        # always stored from the feed, whatever order the responses would have come in.
        yield scrapy.Request(FEED_URL, callback=self.parse_feed, errback=self.feed_failed)

    def feed_failed(self, failure):
        self.on_error(failure)
        yield self.api_request(1)

    def api_request(self, page: int):
        return self.request(
            API_URL.format(per_page=PER_PAGE, page=page), self.parse_api, cb_kwargs={"page": page}
        )

    def parse_feed(self, response):
        feed = feedparser.parse(response.body)
        if feed.bozo and not feed.entries:
            self.count_error("bad_feed", f"{response.url}: {feed.get('bozo_exception')}")
        for entry in feed.entries:
            published = _feed_time(entry.get("published_parsed"))
            if not entry.get("link") or self.unchanged(entry.link, published):
                continue
            markup = entry.content[0].value if entry.get("content") else ""
            if not markup.strip():  # an excerpt-only item: its article page, or the API's copy
                self.excerpt_only.append(entry.link)
                continue
            yield from self._document(
                url=entry.link, title=entry.get("title", ""), markup=markup, published_at=published,
                author=entry.get("author") or None, raw=markup.encode("utf-8"),
            )  # fmt: skip
        yield self.api_request(1)

    def fetch_excerpt_pages(self) -> None:
        """Once the feed and the API are read, the article pages of the excerpt-only items the
        API did not bring. Fetched earlier, a page would race the API for the same story and the
        stored copy (page or API record) would change from run to run."""
        pages = [url for url in self.excerpt_only if canonical_url(url) not in self.seen]
        self.excerpt_only = []
        for url in pages:
            self.crawler.engine.crawl(self.page_request(url, self.parse_article))
        if pages:
            raise DontCloseSpider

    def parse_api(self, response, page: int):
        records = self.load_json(response)
        if not isinstance(records, list):
            return
        changed = 0
        for record in records:
            if not isinstance(record, dict) or not record.get("link"):
                self.count_error("bad_record", f"{response.url}: a record without a link")
                continue
            if self.unchanged(
                record["link"], _wp_time(record.get("modified_gmt") or record.get("date_gmt"))
            ):
                continue
            changed += 1
            yield from self._api_document(record)
        total = int(response.headers.get(b"X-WP-TotalPages", b"1"))
        # Newest first: a page with nothing new means older pages hold nothing new either.
        if changed and page < total:
            yield self.api_request(page + 1)

    def _api_document(self, record: dict):
        authors = (record.get("_embedded") or {}).get("author") or [{}]
        yield from self._document(
            url=record["link"],
            title=(record.get("title") or {}).get("rendered", ""),
            markup=(record.get("content") or {}).get("rendered", ""),
            published_at=_wp_time(record.get("date_gmt")),
            modified_at=_wp_time(record.get("modified_gmt")),
            author=authors[0].get("name") or None,
            raw=json.dumps(record, ensure_ascii=False).encode("utf-8"),
            content_type="application/json",
        )

    def parse_article(self, response):
        if self.not_modified(response):
            return
        body = response.css(PAGE_BODY).get() or ""
        stamp = clean_space(response.css(PAGE_DATE).get() or "")
        yield from self._document(
            url=response.css(CANONICAL).get() or response.url,
            title=response.css(PAGE_TITLE).get() or "",
            markup=body,
            published_at=_page_date(stamp),
            modified_at=response.css(PAGE_UPDATED).get(),
            author=clean_space(response.css(PAGE_AUTHOR).get() or "") or None,
            raw=response.body,
            **validators(response),
        )

    def _document(self, *, url, title, markup, raw, content_type="text/html", **fields):
        canonical = canonical_url(url)
        if canonical in self.seen:  # the feed and the API overlap
            return
        self.seen.add(canonical)
        yield DocumentItem(
            source=self.source,
            fetched_via="www.nasa.gov",
            url=canonical,
            title=(html_to_paragraphs(title) or [""])[0],
            text=join_paragraphs(html_to_paragraphs(markup, BOILERPLATE)),
            raw_body=raw,
            content_type=content_type,
            **fields,
        )


def _feed_time(parsed) -> str | None:
    return datetime.fromtimestamp(timegm(parsed), UTC).isoformat() if parsed else None


def _wp_time(value: str | None) -> str | None:
    # WordPress *_gmt fields are UTC without a zone suffix.
    return datetime.fromisoformat(value).replace(tzinfo=UTC).isoformat() if value else None


def _page_date(text: str) -> str | None:
    try:
        return datetime.strptime(text, "%b %d, %Y").replace(tzinfo=UTC).isoformat()
    except ValueError:
        return None
