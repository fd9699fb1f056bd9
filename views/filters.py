"""The filters every page shares (nations, capabilities, sources, dates, minimum confidence),
kept in the URL's query parameters so a view can be shared as a link."""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import streamlit as st

from views.state import query

LISTS = ("nations", "capabilities", "sources")


@dataclass(frozen=True)
class Filters:
    nations: tuple[str, ...] = ()  # empty: all
    capabilities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    min_confidence: float = 0.0
    options: dict = field(default_factory=dict, compare=False)

    def params(self) -> dict:
        """Bound parameters for the named queries (see warehouse/queries: an empty list means
        every value)."""
        return {"nations": list(self.nations), "capabilities": list(self.capabilities),
                "sources": list(self.sources), "start": self.start, "end": self.end,
                "min_confidence": self.min_confidence}  # fmt: skip


def from_query_params(params) -> Filters:
    """Filters as a shared link gives them (?nations=CN,US&start=2024-01-01&min_confidence=0.5);
    anything unreadable is left at its default."""
    lists = {name: tuple(v for v in params.get(name, "").split(",") if v) for name in LISTS}
    return Filters(**lists, start=_day(params.get("start")), end=_day(params.get("end")),
                   min_confidence=_share(params.get("min_confidence")))  # fmt: skip


def sidebar_filters(db: Path) -> Filters:
    """The filter widgets in the sidebar, started from the URL and written back to it."""
    options = _options(db)
    wanted = from_query_params(st.query_params)
    bar = st.sidebar
    bar.header("Filters")
    picked = {
        name: tuple(
            bar.multiselect(
                name.capitalize(),
                options[name],
                key=f"filter_{name}",
                default=[v for v in getattr(wanted, name) if v in options[name]],
                placeholder="all",
            )
        )  # fmt: skip
        for name in LISTS
    }
    first, last = options["first_day"], options["last_day"]
    start = bar.date_input("From", wanted.start or first, key="filter_start")
    end = bar.date_input("To", wanted.end or last, key="filter_end")
    confidence = bar.slider("Minimum confidence", 0.0, 1.0, wanted.min_confidence, 0.05,
                            key="filter_min_confidence")  # fmt: skip
    chosen = Filters(**picked, start=start if start != first else None,
                     end=end if end != last else None, min_confidence=confidence,
                     options=options)  # fmt: skip
    _write_to_url(chosen)
    return chosen


def _options(db: Path) -> dict:
    rows = query(db, "filter_options")
    values = {facet: rows.value[rows.facet == facet].tolist() for facet in rows.facet.unique()}
    today = date.today()
    return {
        "nations": values.get("nation", []),
        "capabilities": values.get("capability", []),
        "sources": values.get("source", []),
        "first_day": _day((values.get("first_day") or [None])[0]) or today,
        "last_day": _day((values.get("last_day") or [None])[0]) or today,
    }


def _write_to_url(chosen: Filters) -> None:
    shown = {name: ",".join(getattr(chosen, name)) for name in LISTS if getattr(chosen, name)}
    if chosen.start:
        shown["start"] = chosen.start.isoformat()
    if chosen.end:
        shown["end"] = chosen.end.isoformat()
    if chosen.min_confidence:
        shown["min_confidence"] = f"{chosen.min_confidence:g}"
    for name in (*LISTS, "start", "end", "min_confidence"):
        if name in st.query_params and name not in shown:
            del st.query_params[name]
    st.query_params.update(shown)


def _day(text) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def _share(text) -> float:
    try:
        return min(1.0, max(0.0, float(text)))
    except (TypeError, ValueError):
        return 0.0
