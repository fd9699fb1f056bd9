"""CGTN: the news sitemaps (latest, plus the yearly archives for backfill), the section RSS
feeds, and the article pages they list."""

import re
from calendar import timegm
from datetime import UTC, datetime

import feedparser

from crawlers.items import DocumentItem
from crawlers.spiders.base import SourceSpider, validators
from crawlers.text import beijing_to_utc, canonical_url, clean_space, join_paragraphs

SITEMAPS = ("https://www.cgtn.com/sitemap_latestnews.xml", "https://www.cgtn.com/sitemap.xml")
SECTION_FEEDS = tuple(
    f"https://www.cgtn.com/subscribe/rss/section/{s}.xml" for s in ("china", "world", "tech-sci")
)

TITLE = "div.news-title::text"
AUTHOR = "div.news-author-name::text"
SECTION_DATE = "div.news-section-date::text"
BODY_BLOCKS = "#cmsMainContent div.text"
CANONICAL = "link[rel=canonical]::attr(href)"
# "China 20:06, 31-May-2023": page times are Beijing time with no zone printed.
PAGE_TIME = re.compile(r"(\d{1,2}:\d{2}, \d{1,2}-[A-Z][a-z]{2}-\d{4})")
MIN_BODY_CHARS = 100  # video-only pages carry a caption at most


class CgtnSpider(SourceSpider):
    name = "cgtn"
    source = "cgtn"
    allowed_domains = ["cgtn.com"]

    async def start(self):
        for url in SITEMAPS:
            yield self.request(url, self.parse_sitemap)
        for url in SECTION_FEEDS:
            yield self.request(url, self.parse_section_feed)

    def parse_sitemap(self, response):
        nested, pages = self.read_sitemap(response)
        for loc in nested:
            yield self.request(loc, self.parse_sitemap)
        for loc, stamp in pages:
            if not self.unchanged(loc, stamp):
                yield self.page_request(article_url(loc), self.parse_article)

    def parse_section_feed(self, response):
        feed = feedparser.parse(response.body)
        if feed.bozo and not feed.entries:
            self.count_error(
                "bad_feed", f"{response.url}: {feed.get('bozo_exception', 'unreadable feed')}"
            )
        for entry in feed.entries:
            stamp = _feed_time(entry.get("published_parsed"))
            if entry.get("link") and not self.unchanged(article_url(entry.link), stamp):
                # The sitemaps list the same pages; the request fingerprint drops the repeat.
                yield self.page_request(article_url(entry.link), self.parse_article)

    def parse_article(self, response):
        if self.not_modified(response):
            return
        paragraphs = [
            clean_space(" ".join(block.css("::text").getall()))
            for block in response.css(BODY_BLOCKS)
        ]
        text = join_paragraphs([p for p in paragraphs if p])
        if len(text) < MIN_BODY_CHARS:
            self.crawler.stats.inc_value("spacerace/video_only")
            return
        stamp = PAGE_TIME.search(" ".join(response.css(SECTION_DATE).getall()))
        yield DocumentItem(
            source=self.source,
            fetched_via=response.url.split("/")[2],
            url=canonical_url(response.css(CANONICAL).get() or response.url),
            title=clean_space(response.css(TITLE).get() or ""),
            author=clean_space(response.css(AUTHOR).get() or "") or None,
            published_at=beijing_to_utc(stamp.group(1), "%H:%M, %d-%b-%Y") if stamp else None,
            text=text,
            raw_body=response.body,
            **validators(response),
        )


def _feed_time(parsed) -> str | None:
    return datetime.fromtimestamp(timegm(parsed), UTC).isoformat() if parsed else None


def article_url(url: str) -> str:
    """The page's index.html address: RSS links point at p.html with tracking parameters."""
    return canonical_url(url).replace("/p.html", "/index.html")
