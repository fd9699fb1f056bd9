"""The mirror's HTTP server: a threaded server with a real listen backlog (the stock one holds 5)."""

import errno
import hashlib
import re
import threading
from datetime import date
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from crawlers.mirror import blueorigin, cgtn, extras, faults, nasa, spacex
from crawlers.mirror.site import Reply, Routes
from warehouse.errors import SpaceraceError

# What an unchanged crawl may ask for: robots.txt and the listings (feeds, sitemaps, APIs).
LISTINGS = re.compile(
    r"robots\.txt$|sitemap\w*\.xml$|/feed/$|/rss/|/rssfeed/|\.rdf$|/wp-json/|/api/|/v4/articles/$|/launch/$"
    r"|^/www\.blueorigin\.com/news$"
)


def is_listing(path: str) -> bool:
    """True for a mirror path that lists pages rather than being an article page."""
    return bool(LISTINGS.search(path.split("?")[0]))


NOT_FOUND = Reply(404, b"<!DOCTYPE html><title>404 Not Found</title><h1>Not Found</h1>")


def build_routes(
    open_blueorigin: bool = False, with_faults: bool = False, as_of: date | None = None
) -> Routes:
    """Every page the mirror serves, rendered from the corpus (plus the fault host if asked);
    with `as_of`, only what was published by that day."""
    routes = Routes(as_of)
    nasa.add_routes(routes)
    cgtn.add_routes(routes)
    spacex.add_routes(routes)
    blueorigin.add_routes(routes, open_site=open_blueorigin)
    extras.add_routes(routes)
    if with_faults:
        faults.add_routes(routes)
    return routes


class MirrorServer(ThreadingHTTPServer):
    request_queue_size = 512
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, routes: Routes):
        self.routes = routes
        self.requested: list[str] = []  # every path asked for, in order (list.append is atomic)
        super().__init__(address, MirrorHandler)


class MirrorHandler(BaseHTTPRequestHandler):
    server_version = "spacerace-mirror/0.1"

    def do_GET(self):
        self.reply(self.answer(), with_body=True)

    def do_HEAD(self):
        self.reply(self.answer(), with_body=False)

    def reply(self, reply: Reply, with_body: bool) -> None:
        reply = self.conditional(reply)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        if "Content-Length" not in reply.headers:
            self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(reply.body)

    def conditional(self, reply: Reply) -> Reply:
        """ETag on every page; 304 when the client's If-None-Match or If-Modified-Since says it
        has this version, as a real web server does."""
        if reply.status != 200:
            return reply
        etag = '"' + hashlib.sha1(reply.body).hexdigest()[:16] + '"'
        headers = {"ETag": etag, **reply.headers}
        if self.headers.get("If-None-Match") == etag or self._not_modified_since(headers):
            return Reply(304, b"", reply.content_type, {"ETag": etag, "Content-Length": "0"})
        return Reply(reply.status, reply.body, reply.content_type, headers)

    def _not_modified_since(self, headers: dict) -> bool:
        since, modified = self.headers.get("If-Modified-Since"), headers.get("Last-Modified")
        if not since or not modified:
            return False
        try:
            return parsedate_to_datetime(modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False

    def answer(self) -> Reply:
        self.server.requested.append(self.path)
        parts = urlsplit(self.path)
        host, _, rest = parts.path.lstrip("/").partition("/")
        if not host:
            return self.index()
        handler = self.server.routes.find(host, "/" + rest)
        if handler is None:
            return NOT_FOUND
        return handler(dict(parse_qsl(parts.query)))

    def index(self) -> Reply:
        hosts = sorted({host for host, _ in self.server.routes} | set(self.server.routes.catch_all))
        links = "".join(f'<li><a href="/{h}/">{h}</a></li>' for h in hosts)
        return Reply(200, f"<h1>spacerace mirror</h1><ul>{links}</ul>".encode())

    def log_message(self, format, *args):  # quiet: a crawl makes hundreds of requests
        pass


def make_server(
    port: int = 8765,
    host: str = "127.0.0.1",
    open_blueorigin: bool = False,
    with_faults: bool = False,
    as_of: date | None = None,
) -> MirrorServer:
    """A bound (not yet serving) mirror; port 0 picks a free port."""
    try:
        return MirrorServer((host, port), build_routes(open_blueorigin, with_faults, as_of))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise SpaceraceError(
                f"port {port} on {host} is in use: stop what holds it or pick another with --port"
            ) from None
        raise


def start_in_thread(server: MirrorServer) -> str:
    """Serve in a background thread; return the mirror's base URL."""
    threading.Thread(target=server.serve_forever, name="mirror", daemon=True).start()
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"
