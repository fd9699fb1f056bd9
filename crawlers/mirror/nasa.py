"""NASA as WordPress serves it: RSS feeds, the REST API with paging headers, article pages."""

import json
import math
from datetime import UTC

from markupsafe import Markup, escape

from crawlers.mirror.corpus import load
from crawlers.mirror.site import Reply, Routes, page, parse_time

HOST = "https://www.nasa.gov"
FEED_SIZE = 10


def content_html(article: dict) -> str:
    """The article body as WordPress/HDS blocks: an image block, paragraphs, a related link."""
    figure = (
        '<div id="" class="hds-media hds-module wp-block-image"><div class="hds-media-wrapper">'
        f'<figure class="hds-media-inner"><img src="{HOST}/wp-content/uploads/{article["wp_id"]}.jpg?w=1280"'
        ' alt=""/></figure><figcaption class="hds-caption"><div class="hds-caption-text p-sm margin-0">'
        'Image caption.</div><div class="hds-credits">Credit: NASA</div></figcaption></div></div>\n'
    )
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in article["paragraphs"])
    related = (
        '\n<div id="" class="nasa-gb-align-center nasa-button-link hds-module '
        'wp-block-nasa-blocks-related-link"><a href="/news/" class="button-primary">'
        '<span class="line-height-alt-1">More NASA news</span></a></div>\n'
    )
    return figure + paragraphs + related


def api_record(article: dict) -> dict:
    published = parse_time(article["published"]).astimezone(UTC)
    modified = parse_time(article.get("modified") or article["published"]).astimezone(UTC)
    return {
        "id": article["wp_id"],
        "date": published.strftime("%Y-%m-%dT%H:%M:%S"),
        "date_gmt": published.strftime("%Y-%m-%dT%H:%M:%S"),
        "guid": {"rendered": f"{HOST}/?post_type=press-release&p={article['wp_id']}"},
        "modified": modified.strftime("%Y-%m-%dT%H:%M:%S"),
        "modified_gmt": modified.strftime("%Y-%m-%dT%H:%M:%S"),
        "slug": article["slug"],
        "status": "publish",
        "type": "press-release",
        "link": article["url"],
        "title": {"rendered": str(escape(article["title"]))},
        "content": {"rendered": content_html(article), "protected": False},
        "excerpt": {
            "rendered": f"<p>{escape(article['summary'])} [&hellip;]</p>\n",
            "protected": False,
        },
        "author": 40 + len(article.get("author") or ""),
        "featured_media": 0,
        "template": "",
        "meta": {},
        "_embedded": {"author": [{"name": article.get("author") or ""}]},
        "_links": {"self": [{"href": f"{HOST}/wp-json/wp/v2/press-release/{article['wp_id']}"}]},
    }


def rest_handler(articles: list[dict]):
    records = [api_record(a) for a in articles]

    def answer(query: dict[str, str]) -> Reply:
        per_page = max(1, min(100, int(query.get("per_page", 10))))
        number = int(query.get("page", 1))
        pages = max(1, math.ceil(len(records) / per_page))
        if number < 1 or number > pages:
            body = {
                "code": "rest_post_invalid_page_number",
                "message": "The page number requested "
                "is larger than the number of pages available.",
                "data": {"status": 400},
            }
            return Reply(400, json.dumps(body).encode(), "application/json; charset=UTF-8")
        chunk = records[(number - 1) * per_page : number * per_page]
        body = json.dumps(chunk).replace("/", "\\/").encode("utf-8")  # WordPress escapes slashes
        headers = {"X-WP-Total": str(len(records)), "X-WP-TotalPages": str(pages)}
        return Reply(200, body, "application/json; charset=UTF-8", headers)

    return answer


def add_routes(routes: Routes) -> None:
    articles = sorted(
        load("nasa", "articles", routes.as_of), key=lambda a: a["published"], reverse=True
    )
    for article in articles:
        article["published_dt"] = parse_time(article["published"])
        article["content_html"] = Markup(content_html(article))
        routes.add(article["url"], page("nasa_article.html", article=article))
    feed = page(
        "nasa_feed.xml",
        "application/rss+xml; charset=UTF-8",
        items=articles[:FEED_SIZE],
        feed_url=f"{HOST}/news-release/feed/",
        built=articles[0]["published_dt"] if articles else None,
    )
    routes.add(f"{HOST}/news-release/feed/", feed)
    routes.add(f"{HOST}/feed/", feed)
    routes.add(f"{HOST}/wp-json/wp/v2/press-release", rest_handler(articles))
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {HOST}/sitemap_index.xml\n"
    routes.add(f"{HOST}/robots.txt", Reply(200, robots.encode(), "text/plain"))
