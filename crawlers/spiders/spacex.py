"""SpaceX: the website's content API (its /updates page is an empty JavaScript shell)."""

import json
from datetime import UTC, datetime

from crawlers.items import DocumentItem
from crawlers.spiders.base import SourceSpider
from crawlers.text import clean_space, html_to_paragraphs, join_paragraphs

UPDATES_API = "https://content.spacex.com/api/spacex-website/updates"
PUBLIC_URL = "https://www.spacex.com/updates/{slug}/"
HEADERS = {"Accept": "application/json", "Referer": "https://www.spacex.com/updates/"}


class SpacexSpider(SourceSpider):
    name = "spacex"
    source = "spacex"
    allowed_domains = ["spacex.com"]

    async def start(self):
        yield self.request(UPDATES_API, self.parse_updates, headers=HEADERS)

    def parse_updates(self, response):
        records = self.load_json(response)
        if not isinstance(records, list):
            if records is not None:
                self.count_error("bad_json", f"{response.url}: expected a JSON array of updates")
            return
        external = 0
        for record in records:
            if (
                not isinstance(record, dict)
                or not record.get("updateId")
                or not record.get("title")
            ):
                self.count_error(
                    "bad_record", f"{response.url}: an update without updateId or title"
                )
                continue
            url = PUBLIC_URL.format(slug=record["updateId"])
            if self.unchanged(url, _date(record.get("date"))):
                continue
            paragraphs = blocks_to_paragraphs(record.get("contentBlocks") or [])
            if not paragraphs:
                external += 1  # link tiles to other sites carry no article text
                continue
            yield DocumentItem(
                source=self.source,
                fetched_via="content.spacex.com",
                url=url,
                title=clean_space(record.get("title", "")),
                published_at=_date(record.get("date")),
                text=join_paragraphs(paragraphs),
                raw_body=json.dumps(record, ensure_ascii=False).encode("utf-8"),
                content_type="application/json",
            )
        if external:
            self.run_notes.append(f"{external} external link tiles skipped")


def blocks_to_paragraphs(blocks: list[dict]) -> list[str]:
    """contentBlocks -> paragraphs: each heading, each <p>, each list item."""
    paragraphs = []
    for block in blocks:
        if block.get("heading"):
            paragraphs.append(clean_space(block["heading"]))
        paragraphs.extend(html_to_paragraphs(block.get("paragraph") or ""))
        for entry in block.get("listItems") or []:
            text = entry if isinstance(entry, str) else entry.get("text") or entry.get("content")
            if text:
                paragraphs.extend(html_to_paragraphs(text))
    return [p for p in paragraphs if p]


def _date(value: str | None) -> str | None:
    # The API gives a date only; it is stored as midnight UTC with the day as its precision.
    if not value:
        return None
    return datetime.fromisoformat(value[:10]).replace(tzinfo=UTC).isoformat()
