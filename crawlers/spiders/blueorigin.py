"""Blue Origin: its /news pages, and when the site answers with a bot challenge (as it does to
non-browser clients) the fallbacks: the Spaceflight News API, whose records lead to the outlets'
full articles, and Launch Library 2 for launches."""

import json
from urllib.parse import urlsplit

from crawlers.items import DocumentItem
from crawlers.middlewares import CHALLENGED, DOMAINS
from crawlers.spiders.base import SourceSpider, validators
from crawlers.text import canonical_url, clean_space, extract_page, join_paragraphs

NEWS_URL = "https://www.blueorigin.com/news"
SNAPI_URL = "https://api.spaceflightnews.net/v4/articles/?search=Blue%20Origin&ordering=-published_at&limit=50"
LL2_URL = "https://ll.thespacedevs.com/2.2.0/launch/?lsp__id=141&limit=25&mode=detailed"

LISTING_LINKS = "li a[href^='/news/']::attr(href)"
ARTICLE_TITLE = "article h1::text"
ARTICLE_DATE = "article time::attr(datetime)"
ARTICLE_BODY = "article .news-body p"


class BlueOriginSpider(SourceSpider):
    name = "blueorigin"
    source = "blueorigin"
    allowed_domains = ["blueorigin.com", "spaceflightnews.net", "thespacedevs.com"]

    async def start(self):
        # The challenge arrives as 429 (sometimes 403): let it reach the callback to be recorded.
        yield self.request(
            NEWS_URL, self.parse_listing, meta={"handle_httpstatus_list": [403, 429]}
        )

    def parse_listing(self, response):
        if response.meta.get(CHALLENGED) or response.status in (403, 429):
            refusal = "a bot challenge" if response.meta.get(CHALLENGED) else "a refusal"
            self.run_notes.append(
                f"www.blueorigin.com answered HTTP {response.status} with {refusal}; "
                "news taken from the Spaceflight News API and Launch Library 2 fallbacks"
            )
            self.crawler.stats.set_value("spacerace/blocked", 1)
            yield self.request(SNAPI_URL, self.parse_snapi)
            yield self.request(LL2_URL, self.parse_launches)
            return
        for href in response.css(LISTING_LINKS).getall():
            yield self.page_request(response.urljoin(href), self.parse_article)

    def parse_article(self, response):
        if self.not_modified(response):
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
            **validators(response),
        )

    def parse_snapi(self, response):
        page = self.load_json(response)
        for record in page.get("results", []) if isinstance(page, dict) else []:
            if not record.get("url") or not record.get("title"):
                self.count_error(
                    "bad_record",
                    f"a Spaceflight News API record without url or title (id {record.get('id')})",
                )
                continue
            if self.unchanged(
                record["url"], record.get("updated_at") or record.get("published_at")
            ):
                continue
            # Outlets are off the spider's domains by design; each may redirect only within itself.
            host = urlsplit(record["url"]).netloc
            meta = {"allow_offsite": True, DOMAINS: [host.removeprefix("www.")]}
            yield self.page_request(
                record["url"], self.parse_outlet, cb_kwargs={"record": record}, meta=meta
            )
        if isinstance(page, dict) and page.get("next"):
            yield self.request(page["next"], self.parse_snapi)

    def parse_outlet(self, response, record: dict):
        if self.not_modified(response):
            return
        page = extract_page(response.text)
        body = (page.text if page else "") or ""
        paragraphs = [clean_space(line) for line in body.splitlines() if clean_space(line)]
        authors = [a.get("name") for a in record.get("authors") or [] if a.get("name")]
        self.crawler.stats.inc_value("spacerace/fallback_documents")
        yield DocumentItem(
            source=self.source,
            fetched_via=urlsplit(response.url).netloc,
            url=canonical_url(record["url"]),
            title=clean_space(record["title"]),
            author=", ".join(authors) or None,
            published_at=record.get("published_at"),
            modified_at=record.get("updated_at"),
            text=join_paragraphs(paragraphs),
            raw_body=response.body,
            **validators(response),
        )

    def parse_launches(self, response):
        page = self.load_json(response)
        for launch in page.get("results", []) if isinstance(page, dict) else []:
            item = launch_document(launch)
            if item is not None and self.unchanged(item.url, launch.get("last_updated")):
                continue
            if item is None:
                self.count_error(
                    "bad_record", f"a Launch Library 2 record without id or name ({response.url})"
                )
                continue
            self.crawler.stats.inc_value("spacerace/fallback_documents")
            yield item
        if isinstance(page, dict) and page.get("next"):
            yield self.request(page["next"], self.parse_launches)


def launch_document(launch: dict) -> DocumentItem | None:
    """A Launch Library 2 launch as a short document: what flew, when, and how it went."""
    if not launch.get("id") or not launch.get("name"):
        return None
    mission = launch.get("mission") or {}
    status = (launch.get("status") or {}).get("name") or "status unknown"
    pad = (launch.get("pad") or {}).get("name") or "an unknown pad"
    rocket = ((launch.get("rocket") or {}).get("configuration") or {}).get(
        "full_name"
    ) or "the rocket"
    provider = (launch.get("launch_service_provider") or {}).get("name") or "Blue Origin"
    paragraphs = [
        f"{provider} launch {launch['name']}: {rocket} from {pad}, net {launch.get('net') or 'to be determined'}. "
        f"Status: {status}.",
        clean_space(mission.get("description") or ""),
    ]
    return DocumentItem(
        source="blueorigin",
        fetched_via="ll.thespacedevs.com",
        url=f"https://ll.thespacedevs.com/2.2.0/launch/{launch['id']}/",
        title=launch["name"],
        published_at=launch.get("net"),
        modified_at=launch.get("last_updated"),
        text=join_paragraphs([p for p in paragraphs if p]),
        raw_body=json.dumps(launch).encode("utf-8"),
        content_type="application/json",
    )
