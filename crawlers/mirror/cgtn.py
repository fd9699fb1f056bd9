"""CGTN as it serves itself: news sitemaps (latest + yearly archives), section RSS, article pages."""

from datetime import UTC
from itertools import groupby

from crawlers.mirror.corpus import load
from crawlers.mirror.site import Reply, Routes, page, parse_time

WWW = "https://www.cgtn.com"
LATEST_SIZE = 10
SECTIONS = {"China": "china", "World": "world", "Tech & Sci": "tech-sci"}
XML = "application/xml; charset=utf-8"


def page_time(article: dict) -> str:
    """'20:06, 31-May-2023' in Beijing time, as the page prints it (no zone shown)."""
    return article["published_dt"].strftime("%H:%M, %d-%b-%Y")


def add_routes(routes: Routes) -> None:
    articles = sorted(
        load("cgtn", "articles", routes.as_of), key=lambda a: a["published"], reverse=True
    )
    for article in articles:
        article["published_dt"] = parse_time(article["published"])
        article["published_utc"] = article["published_dt"].astimezone(UTC)
        article["page_time"] = page_time(article)
        reply = page("cgtn_article.html", article=article)
        routes.add(article["url"], reply)
        routes.add(article["url"].replace("/index.html", "/p.html"), reply)
    routes.add(
        f"{WWW}/sitemap_latestnews.xml", page("cgtn_sitemap.xml", XML, urls=articles[:LATEST_SIZE])
    )
    years = []
    for year, group in groupby(articles, key=lambda a: a["published"][:4]):
        years.append(year)
        routes.add(
            f"{WWW}/sitemap_archived_{year}.xml", page("cgtn_sitemap.xml", XML, urls=list(group))
        )
    archives = [f"{WWW}/sitemap_archived_{y}.xml" for y in years]
    routes.add(f"{WWW}/sitemap.xml", page("cgtn_sitemap_index.xml", XML, sitemaps=archives))
    for section, slug in SECTIONS.items():
        items = [a for a in articles if a.get("section") == section][:LATEST_SIZE]
        feed = page(
            "cgtn_rss.xml", "application/rss+xml; charset=utf-8", section=section, items=items
        )
        routes.add(f"{WWW}/subscribe/rss/section/{slug}.xml", feed)
    robots = (
        "User-agent: *\nDisallow: /*.do*\nDisallow: /*contents.0.shareBody.shareUrl*\n\n"
        f"Sitemap: {WWW}/sitemap_latestnews.xml\nSitemap: {WWW}/sitemap_news.xml\n"
        f"Sitemap: {WWW}/sitemap.xml\n"
    )
    routes.add(f"{WWW}/robots.txt", Reply(200, robots.encode(), "text/plain"))
