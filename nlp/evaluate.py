"""Scoring an extraction against gold annotations: P/R/F1 for actors, capabilities, milestones,
and status and date accuracy on the milestones that match."""

from dataclasses import dataclass

from nlp.context import normalise_name
from nlp.gazetteer import alias_index


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def actor_id(name: str) -> str:
    """A name as written in gold or output -> the gazetteer id, else its normalised form."""
    return alias_index().get(name.lower()) or normalise_name(name)


def score(gold: list[dict], pred: list[dict]) -> dict:
    """Compare two extractions document by document (matched on "id"). Accuracies are over what
    matched: nation over matched actors; status, achieved-or-not, date and year over the gold
    milestones whose (actor, capability) was found, each judged against the found milestone from
    its sentence (with its date, if several), else the first found."""
    by_id = {p["id"]: p for p in pred}
    actors, caps, milestones, strict = Score(), Score(), Score(), Score()
    hits = dict.fromkeys(("nation", "status", "achieved", "date", "year"), 0)
    matched_actors = matched = 0
    for g in gold:
        p = by_id.get(g["id"], {"actors": [], "capabilities": [], "milestones": []})
        gold_actors = {actor_id(a["name"]): a for a in g["actors"]}
        pred_actors = {actor_id(a["name"]): a for a in p["actors"]}
        actors.add(set(gold_actors), set(pred_actors))
        for key in gold_actors.keys() & pred_actors.keys():
            matched_actors += 1
            hits["nation"] += gold_actors[key].get("nation") == pred_actors[key].get("nation")
        caps.add(set(g["capabilities"]), set(p["capabilities"]))
        milestones.add({_key(m) for m in g["milestones"]}, {_key(m) for m in p["milestones"]})
        strict.add({_strict(m) for m in g["milestones"]}, {_strict(m) for m in p["milestones"]})
        for m in g["milestones"]:
            paired = _paired(m, p["milestones"])
            if paired is not None:
                matched += 1
                for name, hit in _milestone_hits(m, paired).items():
                    hits[name] += hit
    return {
        "documents": len(gold),
        "actors": actors.as_dict(),
        "capabilities": caps.as_dict(),
        "milestones": milestones.as_dict(),
        "milestones_strict": strict.as_dict(),
        "nation_accuracy": _share(hits["nation"], matched_actors),
        "status_accuracy": _share(hits["status"], matched),
        "achieved_accuracy": _share(hits["achieved"], matched),
        "date_accuracy": _share(hits["date"], matched),
        "year_accuracy": _share(hits["year"], matched),
        "matched_actors": matched_actors,
        "matched_milestones": matched,
    }


def _key(m: dict) -> tuple[str, str]:
    return actor_id(m["actor"]), m["capability"]


def _paired(gold: dict, pred: list[dict]) -> dict | None:
    """The predicted milestone a gold one is judged against: same actor and capability, from the
    same sentence when there is one (the one with the same date, when the sentence gives several:
    "Starcloud-2 next year, a 100 kW satellite by 2027"), else the first (the contract's first
    supporting sentence)."""
    same = [m for m in pred if _key(m) == _key(gold)]
    sentence = " ".join(gold.get("sentence", "").split())
    here = [m for m in same if _same_sentence(sentence, m)]
    dated = [m for m in here if (m.get("date") or None) == (gold.get("date") or None)]
    return (dated or here or same or [None])[0]


def _same_sentence(sentence: str, pred: dict) -> bool:
    found = " ".join(str(pred.get("sentence", "")).split())
    return bool(sentence and found) and (sentence in found or found in sentence)


def _milestone_hits(gold: dict, pred: dict) -> dict[str, bool]:
    gold_date, pred_date = gold.get("date") or None, pred.get("date") or None
    return {
        "status": gold["status"] == pred["status"],
        "achieved": (gold["status"] == "achieved") == (pred["status"] == "achieved"),
        "date": gold_date == pred_date,
        "year": (gold_date or "")[:4] == (pred_date or "")[:4],
    }


def _share(hits: int, total: int) -> float:
    return round(hits / total, 3) if total else 0.0


def _strict(m: dict) -> tuple:
    return (actor_id(m["actor"]), m["capability"], m["status"], m.get("date") or None)
