"""Extra sources as the generic spider meets them: an RSS 2.0, Atom or RSS 1.0 feed, or a
sitemap, as crawlers/sources.toml configures each, and article pages on the source's host."""

from crawlers.mirror.corpus import load
from crawlers.mirror.site import Routes, page, parse_time
from crawlers.sources import load_sources

XML = "application/xml; charset=utf-8"
FEED_TEMPLATES = {
    ".rdf": ("feed_rss1.xml", "application/rdf+xml"),
    ".atom": ("feed_atom.xml", "application/atom+xml"),
}
# Xinhua's English service publishes Atom; the others the format their address says.
ATOM_SOURCES = {"xinhua"}


def add_routes(routes: Routes) -> None:
    for source in load_sources().values():
        if source.spider != "feed":
            continue
        articles = sorted(
            load(f"extras/{source.source_id}", "articles", routes.as_of),
            key=lambda a: a["published"],
            reverse=True,
        )
        if not articles:
            continue
        for article in articles:
            article["published_dt"] = parse_time(article["published"])
            # Half the pages print their date in a meta tag, half only in the visible byline.
            article["meta_date"] = int(article["id"].rsplit("-", 1)[-1]) % 2 == 1
            routes.add(article["url"], page("generic_article.html", article=article, site=source))
        if source.feed:
            template, kind = _feed_template(source)
            routes.add(
                source.feed, page(template, f"{kind}; charset=utf-8", items=articles, site=source)
            )
        if source.sitemap:
            routes.add(source.sitemap, page("generic_sitemap.xml", XML, items=articles))


def _feed_template(source) -> tuple[str, str]:
    if source.source_id in ATOM_SOURCES:
        return FEED_TEMPLATES[".atom"]
    for suffix, found in FEED_TEMPLATES.items():
        if source.feed.endswith(suffix):
            return found
    return "feed_rss2.xml", "application/rss+xml"
