"""CGTN: the news sitemaps (latest, plus the yearly archives for backfill) and article pages."""

import re

from crawlers.items import DocumentItem
from crawlers.spiders.base import SourceSpider
from crawlers.text import beijing_to_utc, canonical_url, clean_space, join_paragraphs

SITEMAPS = ("https://www.cgtn.com/sitemap_latestnews.xml", "https://www.cgtn.com/sitemap.xml")
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}

TITLE = "div.news-title::text"
AUTHOR = "div.news-author-name::text"
SECTION_DATE = "div.news-section-date::text"
BODY_BLOCKS = "#cmsMainContent div.text"
CANONICAL = "link[rel=canonical]::attr(href)"
# "China 20:06, 31-May-2023": page times are Beijing time with no zone printed.
PAGE_TIME = re.compile(r"(\d{1,2}:\d{2}, \d{1,2}-[A-Z][a-z]{2}-\d{4})")


class CgtnSpider(SourceSpider):
    name = "cgtn"
    source = "cgtn"

    async def start(self):
        for url in SITEMAPS:
            yield self.request(url, self.parse_sitemap)

    def parse_sitemap(self, response):
        response.selector.register_namespace("sm", SITEMAP_NS["sm"])
        for loc in response.xpath("//sm:sitemap/sm:loc/text()").getall():
            yield response.follow(loc.strip(), self.parse_sitemap, errback=self.on_error)
        for loc in response.xpath("//sm:url/sm:loc/text()").getall():
            yield response.follow(loc.strip(), self.parse_article, errback=self.on_error)

    def parse_article(self, response):
        paragraphs = [
            clean_space(" ".join(block.css("::text").getall()))
            for block in response.css(BODY_BLOCKS)
        ]
        stamp = PAGE_TIME.search(" ".join(response.css(SECTION_DATE).getall()))
        yield DocumentItem(
            source=self.source,
            fetched_via=response.url.split("/")[2],
            url=canonical_url(response.css(CANONICAL).get() or response.url),
            title=clean_space(response.css(TITLE).get() or ""),
            author=clean_space(response.css(AUTHOR).get() or "") or None,
            published_at=beijing_to_utc(stamp.group(1), "%H:%M, %d-%b-%Y") if stamp else None,
            text=join_paragraphs([p for p in paragraphs if p]),
            raw_body=response.body,
        )
