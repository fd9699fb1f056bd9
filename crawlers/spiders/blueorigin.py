"""Blue Origin: its /news pages, and when the site answers with a bot challenge (as it does to
non-browser clients) the fallback through the Spaceflight News API to the outlets' articles."""

import json
from urllib.parse import urlsplit

import trafilatura

from crawlers.items import DocumentItem
from crawlers.middlewares import CHALLENGED
from crawlers.spiders.base import SourceSpider
from crawlers.text import canonical_url, clean_space, join_paragraphs

NEWS_URL = "https://www.blueorigin.com/news"
SNAPI_URL = (
    "https://api.spaceflightnews.net/v4/articles/"
    "?search=Blue%20Origin&ordering=-published_at&limit=50"
)

LISTING_LINKS = "li a[href^='/news/']::attr(href)"
ARTICLE_TITLE = "article h1::text"
ARTICLE_DATE = "article time::attr(datetime)"
ARTICLE_BODY = "article .news-body p"


class BlueOriginSpider(SourceSpider):
    name = "blueorigin"
    source = "blueorigin"
    # The challenge arrives as 429 (sometimes 403): let it reach the callback to be recorded.
    handle_httpstatus_list = [403, 429]

    async def start(self):
        yield self.request(NEWS_URL, self.parse_listing)

    def parse_listing(self, response):
        if response.meta.get(CHALLENGED) or response.status in self.handle_httpstatus_list:
            self.run_notes.append(
                f"www.blueorigin.com answered HTTP {response.status} with a bot challenge; "
                "news taken from the Spaceflight News API fallback"
            )
            self.crawler.stats.set_value("spacerace/blocked", 1)
            yield self.request(SNAPI_URL, self.parse_snapi)
            return
        for href in response.css(LISTING_LINKS).getall():
            yield response.follow(href, self.parse_article, errback=self.on_error)

    def parse_article(self, response):
        if response.meta.get(CHALLENGED):
            self.crawler.stats.inc_value("spacerace/errors")
            return
        paragraphs = [
            clean_space(" ".join(p.css("::text").getall())) for p in response.css(ARTICLE_BODY)
        ]
        published = response.css(ARTICLE_DATE).get()
        yield DocumentItem(
            source=self.source,
            fetched_via="www.blueorigin.com",
            url=canonical_url(response.url),
            title=clean_space(response.css(ARTICLE_TITLE).get() or ""),
            published_at=f"{published}T00:00:00+00:00"
            if published and len(published) == 10
            else published,
            text=join_paragraphs([p for p in paragraphs if p]),
            raw_body=response.body,
        )

    def parse_snapi(self, response):
        page = json.loads(response.text)
        for record in page.get("results", []):
            yield self.request(record["url"], self.parse_outlet, cb_kwargs={"record": record})
        if page.get("next"):
            yield self.request(page["next"], self.parse_snapi)

    def parse_outlet(self, response, record: dict):
        body = (
            trafilatura.extract(response.text, include_comments=False, include_tables=False) or ""
        )
        paragraphs = [clean_space(line) for line in body.splitlines() if clean_space(line)]
        authors = [a.get("name") for a in record.get("authors") or [] if a.get("name")]
        self.crawler.stats.inc_value("spacerace/fallback_documents")
        yield DocumentItem(
            source=self.source,
            fetched_via=urlsplit(response.url).netloc,
            url=canonical_url(record["url"]),
            title=clean_space(record.get("title", "")),
            author=", ".join(authors) or None,
            published_at=record.get("published_at"),
            modified_at=record.get("updated_at"),
            text=join_paragraphs(paragraphs),
            raw_body=response.body,
        )
