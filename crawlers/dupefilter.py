"""Scrapy's duplicate filter, which also notices redirect loops: a redirect back to a page
already requested is dropped by the filter, silently; here it is counted and noted."""

from scrapy.dupefilters import RFPDupeFilter


class LoopAwareDupeFilter(RFPDupeFilter):
    @classmethod
    def from_crawler(cls, crawler):
        dupefilter = super().from_crawler(crawler)
        dupefilter.crawler = crawler
        return dupefilter

    def request_seen(self, request) -> bool:
        seen = super().request_seen(request)
        chain = request.meta.get("redirect_urls")
        spider = getattr(getattr(self, "crawler", None), "spider", None)
        if seen and chain and hasattr(spider, "count_error"):
            spider.count_error(
                "redirect_loop", f"{chain[0]}: the redirects lead back to {request.url}"
            )
        return seen
