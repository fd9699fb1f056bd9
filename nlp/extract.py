"""Extraction in the contract of DESIGN.md: records in, actors/capabilities/milestones out."""

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.tokens import Doc

from nlp import gazetteer
from nlp.carried import carried_claims, unnamed_doer_claims
from nlp.components import ACTORS, CAPABILITIES, discovered_type
from nlp.context import clean_name
from nlp.doers import org_keys
from nlp.guard import blank_markup, pieces, skip_reason
from nlp.milestones import claims_for_sentence
from nlp.nations import discovered_nation
from nlp.pipeline import build_pipeline

# The code's version (raise it when extraction changes) and the pattern files' digest: a new
# version re-extracts the stored documents at the next update.
EXTRACTOR_VERSION = f"0.8.0+{gazetteer.patterns_digest()}"
BATCH_SIZE = 32
RECENT = 8  # organisations remembered for "it", "the agency" in later sentences


def extract_records(records: Iterable[dict], n_process: int = 1) -> Iterator[tuple[dict, Doc]]:
    """For each {"id", "text", "published", ...} record, in order: (contract output, the spaCy
    Doc). A text that cannot be extracted gives empty lists and a "skipped" reason; markup is
    blanked and a long text parsed in pieces, with offsets still those of the input."""
    nlp = build_pipeline()
    stream = nlp.pipe(_pieces(records), as_tuples=True, batch_size=BATCH_SIZE, n_process=n_process)
    parts: list[Doc] = []
    for doc, (record, n_parts, reason) in stream:
        parts.append(doc)
        if len(parts) < n_parts:
            continue
        whole = parts[0] if n_parts == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        parts = []
        if reason:
            yield {**empty_output(record["id"]), "skipped": reason}, whole
        else:
            yield document_output(whole, record), whole


def _pieces(records: Iterable[dict]) -> Iterator[tuple[str, tuple[dict, int, str | None]]]:
    for record in records:
        text = blank_markup(str(record.get("text") or ""))
        reason = skip_reason(text)
        parts = [""] if reason else pieces(text)
        for part in parts:
            yield part, (record, len(parts), reason)


def empty_output(record_id: str) -> dict:
    return {"id": record_id, "actors": [], "capabilities": [], "milestones": []}


def document_output(doc: Doc, record: dict) -> dict:
    published = _published(record.get("published"))
    milestones = milestone_output(doc, published)
    doing = {m["actor_key"] for m in milestones}
    return {
        "id": record["id"],
        "actors": [a for a in actor_output(doc) if a["key"] in doing or not _in_passing(a, doc)],
        "capabilities": sorted({span.label_ for span in doc.spans[CAPABILITIES]}),
        "milestones": milestones,
    }


def _in_passing(actor: dict, doc: Doc) -> bool:
    """An actor named in passing (the caller keeps every actor a milestone is given to): a nation
    as a bystander, or a company the gazetteer does not know (a supplier, a customer, an
    investor)."""
    if actor["type"] == "company" and actor["key"].startswith("new:"):
        return True
    return _a_bystander(actor, doc)


PARTICIPANT_DEPS = ("nsubj", "nsubjpass", "poss")


def _a_bystander(actor: dict, doc: Doc) -> bool:
    """A nation never a subject, an owner or a contributor ("China launched", "China's station",
    "a team from Egypt"): named only as a place ("available in Japan"), a modifier ("US firm
    SpaceX") or a comparison ("without relying on Russia")."""
    if actor["type"] != "nation":
        return False
    spans = [span for span in doc.spans[ACTORS] if span.kb_id_ == actor["key"]]
    return not any(_a_participant(span.root) for span in spans)


def _a_participant(token) -> bool:
    while token.dep_ == "conj" and token.head != token:  # "China and Russia have signed"
        token = token.head
    if token.dep_ in PARTICIPANT_DEPS:
        return True
    # "instruments from Egypt", "an astronaut from Pakistan": what a nation contributes.
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "from" and head.head.pos_ in ("NOUN", "PROPN")


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
    seen, out, recent, before = set(), [], (), []
    for sent in doc.sents:
        claims = (
            claims_for_sentence(sent, published, recent)
            or carried_claims(sent, published, before, recent)
            or unnamed_doer_claims(sent, published, before)
        )
        before = claims or before
        for claim in claims:
            when = claim.date.value if claim.date else None
            told = claim.date is None or bool(claim.date.text)
            if claim.status != "planned" and published and when is None and told:
                # Said (or reported done, or lost) on the day of publication, as far as the text tells;
                # a date with no words behind it (done before the others) stays unknown.
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
        recent = (*recent, *org_keys(sent))[-RECENT:]
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
