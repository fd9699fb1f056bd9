"""UTC times as the warehouse stores them (TIMESTAMP without a zone)."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now, in UTC, without tzinfo, as every TIMESTAMP column holds it."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def to_utc_naive(value: datetime | None) -> datetime | None:
    """An aware datetime converted to naive UTC; a naive one is taken as UTC already."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value
