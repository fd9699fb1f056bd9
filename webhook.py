"""POSTing a digest to a webhook the user gave: http(s) only, no redirects, a timeout, and the
URL's path kept out of messages (chat webhooks carry their secret in it, and messages end up in
cron logs)."""

import http.client
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from warehouse import SpaceraceError

TIMEOUT_S = 10


def shown(url: str) -> str:
    """The URL as messages show it: scheme, host and port, the path hidden."""
    parts = urlsplit(url)
    return (
        f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}/..." if parts.path.strip("/") else url
    )


def post_json(url: str, body: str) -> int:
    """POST `body` as JSON; the HTTP status, or an error naming the URL and what went wrong."""
    request = urllib.request.Request(url, data=body.encode(), method="POST",
                                     headers={"Content-Type": "application/json"})  # fmt: skip
    # No redirects: urllib would follow one with a GET and drop the digest.
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=TIMEOUT_S) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        raise SpaceraceError(f"the webhook {shown(url)} answered HTTP {exc.code} {exc.reason}: the digest was not delivered; check the URL and the receiving service") from None  # fmt: skip
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", exc)
        raise SpaceraceError(f"could not reach the webhook {shown(url)} ({reason}): the digest was not delivered; check the URL and the network") from None  # fmt: skip


def check_webhook(url: str) -> None:
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # an unclosed [ of an IPv6 address, a port that is no number
        host = None
    if not host or parts.scheme not in ("http", "https"):
        raise SpaceraceError(f"--webhook takes an http:// or https:// URL, not {url!r}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
