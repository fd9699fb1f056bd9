"""The crawl baseline: a bare Scrapy spider that fetches a list of URLs and parses nothing,
with the same concurrency and reactor as ours. Prints {"pages", "seconds" (wall, start-up
included), "crawling" (from the engine's start to its stop)} as JSON.

    python -m bench.bare_crawl URLS_FILE
"""

import json
import sys
import time
from pathlib import Path

import scrapy
from scrapy.crawler import CrawlerProcess

SETTINGS = {
    "LOG_LEVEL": "WARNING",
    "ROBOTSTXT_OBEY": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
    "TELNETCONSOLE_ENABLED": False,
}


class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings = SETTINGS
    pages = 0

    def __init__(self, urls: list[str], **kwargs):
        super().__init__(**kwargs)
        self.urls = urls

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, dont_filter=True)

    def parse(self, response):
        BareSpider.pages += 1


def main() -> None:
    started = time.perf_counter()
    urls = [line.strip() for line in Path(sys.argv[1]).read_text().splitlines() if line.strip()]
    process = CrawlerProcess()
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, urls=urls)
    process.start()
    crawling = crawler.stats.get_value("elapsed_time_seconds")
    print(
        json.dumps(
            {
                "pages": BareSpider.pages,
                "seconds": time.perf_counter() - started,
                "crawling": crawling,
            }
        )
    )


if __name__ == "__main__":
    main()
