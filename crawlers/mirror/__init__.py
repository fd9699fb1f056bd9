"""The bundled mirror: the demo corpus served on 127.0.0.1 in each source's real URL scheme and
page structure. Real hosts map to path prefixes: https://www.nasa.gov/feed/ is served at
http://127.0.0.1:PORT/www.nasa.gov/feed/."""
