"""The mirror's routes: (host, path) -> a handler that answers a query string."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import format_datetime

from jinja2 import Environment, PackageLoader, select_autoescape


@dataclass
class Reply:
    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


Handler = Callable[[dict[str, str]], Reply]

TEMPLATES = Environment(
    loader=PackageLoader("crawlers.mirror", "templates"),
    autoescape=select_autoescape(["html", "xml"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
TEMPLATES.filters["rfc822"] = lambda moment: format_datetime(moment)


def page(template: str, content_type: str = "text/html; charset=utf-8", **context) -> Reply:
    body = TEMPLATES.get_template(template).render(**context).encode("utf-8")
    return Reply(200, body, content_type)


def fixed(reply: Reply) -> Handler:
    """A handler that always gives the same reply (rendered once, at start-up)."""
    return lambda query: reply


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


class Routes(dict):
    """{(host, path): handler}, plus hosts that answer every path the same way."""

    def __init__(self, as_of: date | None = None):
        super().__init__()
        self.catch_all: dict[str, Handler] = {}
        self.as_of = as_of  # serve only what was published by this day

    def add(self, url: str, handler: Handler | Reply) -> None:
        host, _, path = url.removeprefix("https://").partition("/")
        self[(host, "/" + path)] = handler if callable(handler) else fixed(handler)

    def find(self, host: str, path: str) -> Handler | None:
        if host in self.catch_all:
            return self.catch_all[host]
        return self.get((host, path))
