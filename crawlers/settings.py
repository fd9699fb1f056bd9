"""Scrapy settings for the spacerace crawlers. Polite by default; the mirror profile relaxes it."""

from scrapy.settings import default_settings as _scrapy_defaults

BOT_NAME = "spacerace"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

USER_AGENT = "spacerace/0.1 (+https://github.com/spacerace-tracker/spacerace; research crawler)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
DOWNLOAD_TIMEOUT = 30
REDIRECT_MAX_TIMES = 5
DUPEFILTER_CLASS = "crawlers.dupefilter.LoopAwareDupeFilter"
SPACERACE_BACKOFF_BASE = 2.0  # seconds before the first retry when the server gives no Retry-After
SPACERACE_MAX_RETRY_WAIT = (
    120.0  # a longer Retry-After is not waited for: the page counts as an error
)
DOWNLOAD_MAXSIZE = 4 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

# With SPACERACE_MIRROR set, downloads go to the mirror; everything else sees the real hosts.
DOWNLOAD_HANDLERS = {
    "http": "crawlers.mirroring.MirrorDownloadHandler",
    "https": "crawlers.mirroring.MirrorDownloadHandler",
}

# No cookies: news pages, feeds and APIs need no session, and a crawler that sends none is
# easier on the sites. Left out of the base list, Scrapy's cookie middleware is never imported
# (it loads tldextract and requests: a twentieth of a second at every start).
COOKIES_ENABLED = False
DOWNLOADER_MIDDLEWARES_BASE = {
    name: order
    for name, order in _scrapy_defaults.DOWNLOADER_MIDDLEWARES_BASE.items()
    if not name.endswith(".CookiesMiddleware")
}

DOWNLOADER_MIDDLEWARES = {
    # Replaces Scrapy's off-site check, which drops redirects off-site without telling the
    # errback; this one raises where the errback counts it.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawlers.middlewares.AllowedDomainsMiddleware": 50,
    # Its process_response runs before the retry middleware's (550): a challenge is never retried.
    "crawlers.middlewares.ChallengeDetectorMiddleware": 560,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawlers.middlewares.PoliteRetryMiddleware": 550,
}

ITEM_PIPELINES = {
    "crawlers.pipelines.ValidateDocumentPipeline": 100,
    "crawlers.pipelines.SpoolPipeline": 900,
}

# Scrapy's own extensions without the telnet console and the remote control: left out of the
# base list, not only switched off, they are never imported (the remote control imports aiohttp,
# a tenth of a second at every start). Neither should listen on a port during a crawl.
EXTENSIONS_BASE = {
    name: order
    for name, order in _scrapy_defaults.EXTENSIONS_BASE.items()
    if not name.endswith((".TelnetConsole", ".RemoteControl"))
}
EXTENSIONS = {
    "crawlers.progress.CrawlProgress": 500,
    "crawlers.logfilter.QuietNetworkErrors": 510,
}

LOG_LEVEL = "WARNING"
# No control ports: a crawl listens on nothing (and starts faster without them).
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
# `scrapy crawl nasa -O out.jsonl` writes the readable fields; the raw body (bytes) goes to the
# warehouse through the spool only.
FEED_EXPORT_FIELDS = [
    "source",
    "fetched_via",
    "url",
    "title",
    "published_at",
    "modified_at",
    "author",
    "language",
    "content_type",
    "warnings",
    "text",
]

# spacerace's own settings.
SPACERACE_MIRROR = None  # e.g. "http://127.0.0.1:8765": route the real hosts to the bundled mirror
SPACERACE_SPOOL = None  # JSONL file the crawl writes documents and run summaries to
SPACERACE_PROGRESS = False

# Applied on top when SPACERACE_MIRROR is set: the mirror is local, so no delays.
MIRROR_PROFILE = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "RETRY_TIMES": 2,
    "SPACERACE_BACKOFF_BASE": 0.05,
    "DOWNLOAD_TIMEOUT": 5,
}

# A response yields an item or a few requests: Scrapy starts this many workers per response to
# process them, and the default (100) costs more than the parsing itself.
CONCURRENT_ITEMS = 4
