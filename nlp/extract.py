"""Extraction in the contract of DESIGN.md: records in, actors/capabilities/milestones out."""

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.tokens import Doc

from nlp import gazetteer
from nlp.components import ACTORS, CAPABILITIES, discovered_nation, discovered_type
from nlp.context import clean_name
from nlp.milestones import claims_for_sentence, org_keys
from nlp.pipeline import build_pipeline

EXTRACTOR_VERSION = f"0.1.0+{gazetteer.patterns_digest()}"
BATCH_SIZE = 32


def extract_records(records: Iterable[dict], n_process: int = 1) -> Iterator[tuple[dict, Doc]]:
    """For each {"id", "text", "published", ...} record: (contract output, the spaCy Doc)."""
    nlp = build_pipeline()
    pairs = ((r.get("text") or "", r) for r in records)
    for doc, record in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE, n_process=n_process):
        yield document_output(doc, record), doc


def document_output(doc: Doc, record: dict) -> dict:
    published = _published(record.get("published"))
    return {
        "id": record["id"],
        "actors": actor_output(doc),
        "capabilities": sorted({span.label_ for span in doc.spans[CAPABILITIES]}),
        "milestones": milestone_output(doc, published),
    }


def actor_output(doc: Doc) -> list[dict]:
    found: dict[str, dict] = {}
    for span in doc.spans[ACTORS]:
        described = {k: v for k, v in describe_actor(span).items() if k not in ("display", "owner")}
        entry = found.setdefault(span.kb_id_, {**described, "mentions": []})
        if span.text not in entry["mentions"]:
            entry["mentions"].append(span.text)
    return list(found.values())


def describe_actor(span) -> dict:
    """name, type, nation of an actor span (gazetteer entry, or what the context says)."""
    actor = gazetteer.actors().get(span.kb_id_)
    if actor:
        return {
            "key": actor.id,
            "name": actor.name,
            "display": actor.display,
            "type": actor.type,
            "nation": actor.nation,
            "owner": actor.owner,
        }
    name = clean_name(span.text)
    return {
        "key": span.kb_id_,
        "name": name,
        "display": name,
        "type": discovered_type(span),
        "nation": discovered_nation(span),
        "owner": None,
    }


def milestone_output(doc: Doc, published: date | None) -> list[dict]:
    names = {a["key"]: a["name"] for a in actor_output(doc)}
    seen, out, last_actor = set(), [], None
    for sent in doc.sents:
        for claim in claims_for_sentence(sent, published, last_actor):
            when = claim.date.value if claim.date else None
            if claim.status in ("announced", "achieved") and published and when is None:
                # Said (or reported done) on the day of publication, as far as the text tells.
                when = published.isoformat()
            key = (claim.actor, claim.capability, claim.status, when)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                {
                    "actor": _actor_name(claim.actor, names),
                    "actor_key": claim.actor,
                    "capability": claim.capability,
                    "status": claim.status,
                    "date": when,
                    "date_text": claim.date.text if claim.date else None,
                    "sentence": sent.text,
                    "start": sent.start_char,
                    "end": sent.end_char,
                    "confidence": claim.confidence,
                }
            )
        last_actor = (org_keys(sent) or [last_actor])[-1]
    return out


def _actor_name(key: str, names: dict[str, str]) -> str:
    actor = gazetteer.actors().get(key)
    return actor.name if actor else names.get(key, key)


def _published(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
