"""What a spider yields: one fetched article."""

from dataclasses import dataclass, field


@dataclass
class DocumentItem:
    source: str  # the tracked source, e.g. "blueorigin"
    fetched_via: str  # the host it really came from, e.g. "api.spaceflightnews.net"
    url: str  # canonical URL
    title: str
    text: str
    published_at: str | None = None  # ISO 8601 in UTC, or None when the page has no date
    modified_at: str | None = None
    author: str | None = None
    language: str = "en"
    raw_body: bytes = b""
    content_type: str = "text/html"
    warnings: list[str] = field(default_factory=list)
    etag: str | None = None  # validators the page came with, for conditional requests next time
    last_modified: str | None = None
