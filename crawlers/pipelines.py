"""Item pipelines, one concern each: validate a document, then spool it for the warehouse."""

import base64
import json
import zlib
from datetime import UTC, datetime

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.exceptions import DropItem

MIN_TEXT_CHARS = 80


class ValidateDocumentPipeline:
    """Drop pages with no article text; count pages without a findable date as warnings."""

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        doc = ItemAdapter(item)
        if len(doc.get("text") or "") < MIN_TEXT_CHARS:
            self.stats.inc_value("spacerace/errors")
            self.stats.inc_value("spacerace/errors/no_text")
            raise DropItem(f"no article text at {doc['url']}: page skipped")
        if not doc.get("published_at"):
            self.stats.inc_value("spacerace/warnings")
            doc["warnings"] = [*doc.get("warnings", []), "no publication date found"]
        return item


class SpoolPipeline:
    """Append each document, then the run's summary, to the JSONL spool the CLI loads in bulk."""

    def __init__(self, path: str | None, crawler):
        self.path = path
        self.crawler = crawler
        self.stats = crawler.stats
        self.handle = None
        self.started = datetime.now(UTC)

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler.settings.get("SPACERACE_SPOOL"), crawler)
        # The run summary is written when the spider has closed, to know why it closed.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self):
        if self.path:
            self.handle = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 (held for the whole run)

    def process_item(self, item):
        if self.handle:
            record = dict(ItemAdapter(item))  # the fields are flat: no deep copy needed
            body = record.pop("raw_body") or b""
            record["raw_body_z"] = base64.b64encode(zlib.compress(body, 1)).decode("ascii")
            self._write({"kind": "document", **record})
        self.stats.inc_value("spacerace/documents")
        return item

    def spider_closed(self, spider, reason):
        if not self.handle:
            return
        stats = self.stats.get_stats()
        self._write(
            {
                "kind": "run",
                "source": getattr(spider, "source", spider.name),
                "started_at": self.started.isoformat(),
                "finished_at": datetime.now(UTC).isoformat(),
                "pages": stats.get("response_received_count", 0),
                "documents": stats.get("spacerace/documents", 0),
                # Spiders count failures through their errbacks (spacerace/errors/<kind>);
                # log_count/ERROR is shared by every crawler in the process: not used here.
                "errors": stats.get("spacerace/errors", 0)
                + stats.get("spider_exceptions/count", 0),
                "errors_by_kind": errors_by_kind(stats),
                "warnings": stats.get("spacerace/warnings", 0),
                "retries": stats.get("retry/count", 0),
                "challenged": stats.get("spacerace/challenged", 0),
                "fallback_documents": stats.get("spacerace/fallback_documents", 0),
                "skipped": stats.get("spacerace/skipped", 0),
                "not_modified": stats.get("spacerace/not_modified", 0),
                "finish_reason": reason,
                "notes": getattr(spider, "run_notes", []),
            }
        )
        self.handle.close()

    def _write(self, record: dict) -> None:
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.handle.flush()


def errors_by_kind(stats: dict) -> dict[str, int]:
    kinds = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("spacerace/errors/")}
    if stats.get("spider_exceptions/count"):
        kinds["parse"] = stats["spider_exceptions/count"]
    return kinds
