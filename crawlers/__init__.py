"""The Scrapy project: one spider per source, the host-mapping middleware, the bundled mirror."""
