"""The generic spider: any source configured with an RSS/Atom/RSS 1.0 feed or a sitemap.
feedparser reads the feed; trafilatura the page's body and metadata, with htmldate (which
trafilatura runs) finding the date when the feed has none."""

from calendar import timegm
from datetime import UTC, datetime
from urllib.parse import urlsplit

import feedparser

from crawlers.items import DocumentItem
from crawlers.sources import load_sources
from crawlers.spiders.base import SourceSpider, validators
from crawlers.text import canonical_url, clean_space, extract_page, join_paragraphs

REPLACEMENT = "\ufffd"


class FeedSpider(SourceSpider):
    name = "feed"

    def __init__(self, source_id: str | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not source_id:
            raise ValueError("the feed spider needs a source: scrapy crawl feed -a source_id=esa")
        self.config = load_sources()[source_id]
        self.source = source_id
        self.allowed_domains = [self.config.domain]

    async def start(self):
        if self.config.feed:
            yield self.request(self.config.feed, self.parse_feed)
        if self.config.sitemap:
            yield self.request(self.config.sitemap, self.parse_sitemap)

    def parse_feed(self, response):
        feed = feedparser.parse(response.body)
        if feed.bozo:
            # feedparser recovers what it can from broken XML; the fault is still counted.
            reason = feed.get("bozo_exception", "unreadable feed")
            self.count_error("bad_feed", f"{response.url}: {reason}")
        for entry in feed.entries:
            if not entry.get("link"):
                self.count_error("bad_record", f"{response.url}: a feed entry without a link")
                continue
            stamp = _feed_time(entry.get("updated_parsed") or entry.get("published_parsed"))
            if self.unchanged(entry.link, stamp):
                continue
            listed = {"title": entry.get("title"), "published": _feed_time(entry.get("published_parsed")),
                      "updated": stamp, "author": entry.get("author")}  # fmt: skip
            yield self.page_request(entry.link, self.parse_page, cb_kwargs={"listed": listed})

    def parse_sitemap(self, response):
        nested, pages = self.read_sitemap(response)
        for loc in nested:
            yield self.request(loc, self.parse_sitemap)
        for loc, stamp in pages:
            if not self.unchanged(loc, stamp):
                yield self.page_request(
                    loc, self.parse_page, cb_kwargs={"listed": {"updated": stamp}}
                )

    def parse_page(self, response, listed: dict):
        if self.not_modified(response):
            return
        # One pass gives the body and the metadata; its date comes from htmldate.
        page = extract_page(self.decoded(response), with_metadata=True)
        body = (page.text if page else "") or ""
        paragraphs = [clean_space(line) for line in body.splitlines() if clean_space(line)]
        published = listed.get("published") or _page_date(page.date if page else None)
        yield DocumentItem(
            source=self.source,
            fetched_via=urlsplit(response.url).netloc,
            url=canonical_url((page.url if page and page.url else None) or response.url),
            title=clean_space(listed.get("title") or (page.title if page else "") or ""),
            author=listed.get("author") or (page.author if page else None),
            published_at=published,
            modified_at=listed.get("updated"),
            text=join_paragraphs(paragraphs),
            raw_body=response.body,
            **validators(response),
        )

    def decoded(self, response) -> str:
        """The page's text; a page whose declared charset is wrong is counted and re-read."""
        text = response.text
        if REPLACEMENT in text or _mojibake(text):
            self.count_error(
                "bad_charset",
                f"{response.url}: declared charset {response.encoding} does not fit the bytes",
            )
            for encoding in ("utf-8", "cp1252"):
                try:
                    return response.body.decode(encoding)
                except UnicodeDecodeError:
                    continue
        return text


def _mojibake(text: str) -> bool:
    # UTF-8 bytes read as Latin-1 leave these pairs behind.
    return any(pair in text for pair in ("Ã©", "â€™", "â€œ", "Ã¨", "Ã¶"))


def _feed_time(parsed) -> str | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(timegm(parsed), UTC).isoformat()


def _page_date(found: str | None) -> str | None:
    """htmldate's YYYY-MM-DD (through trafilatura's metadata) as a UTC timestamp."""
    return f"{found}T00:00:00+00:00" if found else None
