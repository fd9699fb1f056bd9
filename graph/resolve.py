"""Entity resolution: every actor key seen in the mentions -> one entity, with its aliases."""

import numpy as np
import pandas as pd

from graph.fuzzy import Named, match_discovered, same_nation
from nlp.context import normalise_name

ENTITY_SQL = """
SELECT actor_key, actor_name, actor_display, actor_type, nation, actor_owner, surface,
       count(*) AS n_seen
FROM mentions
GROUP BY ALL
"""


def resolve_entities(
    mentions: pd.DataFrame, curated: dict[str, tuple[str | None, str]] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """(entities, aliases, actor_key -> entity_id). Gazetteer actors keep their key; a discovered
    actor whose normalised name is a known alias joins that actor, and one whose name is an
    acronym or a near spelling of another's joins it (graph/fuzzy.py); never across nations.
    `curated`: an analyst's merges (key -> entity) and splits (key -> None), which win."""
    nations = _nations(mentions)
    known = mentions[~mentions.actor_key.str.startswith("new:")]
    alias_to_key = {
        normalise_name(s): k for k, s in zip(known.actor_key, known.surface, strict=True)
    }
    alias_to_key.update(
        {normalise_name(n): k for k, n in zip(known.actor_key, known.actor_name, strict=True)}
    )
    key_map, reasons = {}, {}
    for key in mentions.actor_key.unique():
        key_map[key], reasons[key] = key, "discovered by NER (normalised name)"
        if not key.startswith("new:"):
            reasons[key] = "gazetteer alias"
        elif (alias := alias_to_key.get(key[4:])) and same_nation(
            nations.get(alias), nations.get(key)
        ):
            key_map[key], reasons[key] = alias, "normalised name matches a known alias"
    alone = [k for k in key_map if k.startswith("new:") and key_map[k] == k]
    seen = mentions.groupby("actor_key").n_seen.sum()
    discovered = [Named(k, normalise_name(k[4:]), nations.get(k), int(seen[k])) for k in alone]
    targets = [Named(k, a, nations.get(k), 0) for a, k in alias_to_key.items() if a]
    for key, (target, reason) in match_discovered(discovered, targets).items():
        key_map[key], reasons[key] = target, reason
    _apply_curated(key_map, reasons, curated or {})
    mentions = mentions.assign(entity_id=mentions.actor_key.map(key_map))
    return _entities(mentions), _aliases(mentions, reasons), key_map


def _apply_curated(key_map: dict, reasons: dict, curated: dict) -> None:
    for target, (entity, why) in curated.items():
        if entity is None and target in key_map:
            key_map[target], reasons[target] = target, why
            continue
        for key, now in list(key_map.items()):
            if entity is not None and target in (key, now):
                key_map[key], reasons[key] = entity, why


def _nations(mentions: pd.DataFrame) -> dict[str, str]:
    """Each actor key's nation: the one its mentions give most."""
    given = mentions.dropna(subset=["nation"])
    if given.empty:
        return {}
    counts = given.groupby(["actor_key", "nation"]).n_seen.sum().reset_index()
    top = counts.sort_values(["n_seen", "nation"], ascending=[False, True])
    return dict(top.drop_duplicates("actor_key")[["actor_key", "nation"]].itertuples(index=False))


def unmentioned_entities(keys: set[str]) -> pd.DataFrame:
    """Entities for actor keys that claims name but no text mentions: a programme's milestones go
    to its owner ("Starlink" -> SpaceX), who may not be named in that document or any other."""
    from nlp import gazetteer

    rows = []
    for key in sorted(keys):
        actor = gazetteer.actors().get(key)
        if actor:
            rows.append({"entity_id": key, "name": actor.name, "display_name": actor.display,
                         "type": actor.type, "nation": actor.nation, "origin": "gazetteer"})  # fmt: skip
    return pd.DataFrame(
        rows, columns=["entity_id", "name", "display_name", "type", "nation", "origin"]
    )


def _entities(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per entity, in bulk: its name and type from its own most seen mention (else the
    most seen of those merged into it), a discovered actor's display name its most seen surface,
    its nation the one its mentions give most often."""
    if mentions.empty:
        return pd.DataFrame(
            columns=["entity_id", "name", "display_name", "type", "nation", "origin"]
        )
    m = mentions.assign(own=mentions.actor_key == mentions.entity_id)
    first = _first(m, ["own", "n_seen"], [False, False])
    surfaces = m.groupby(["entity_id", "surface"], as_index=False).n_seen.sum()
    top_surface = _first(surfaces, ["n_seen", "surface"], [False, True]).surface
    votes = m.dropna(subset=["nation"]).groupby(["entity_id", "nation"], as_index=False).size()
    nation = _first(votes, ["size", "nation"], [False, True]).nation
    discovered = first.index.str.startswith("new:")
    lengths = m.assign(length=m.actor_name.str.len())
    fullest = _first(lengths, ["own", "length"], [False, False]).actor_name.reindex(first.index)
    return pd.DataFrame(
        {
            "entity_id": first.index,
            "name": fullest.to_numpy(),  # the extractor's fullest form of the actor's own name
            "display_name": _display(top_surface.reindex(first.index), first, fullest, discovered),
            "type": first.actor_type.values,
            "nation": nation.reindex(first.index)
            .astype(object)
            .where(lambda n: n.notna(), None)
            .values,
            "origin": ["discovered" if d else "gazetteer" for d in discovered],
        }
    )


def _display(top_surface: pd.Series, first: pd.DataFrame, fullest: pd.Series, discovered) -> list:
    """A gazetteer actor's display name; a discovered actor's most seen surface without a
    leading "the", except a person's: the fullest name ("Williams" alone may be anyone)."""
    surface = top_surface.str.replace(r"^[Tt]he\s+", "", regex=True)
    person = first.actor_type.eq("person").to_numpy()
    shown = np.where(person, fullest.to_numpy(), surface.to_numpy())
    return np.where(discovered, shown, first.actor_display.to_numpy()).tolist()


def _first(frame: pd.DataFrame, by: list[str], ascending: list[bool]) -> pd.DataFrame:
    """Each entity's first row in the given order, indexed by entity_id."""
    ordered = frame.sort_values(["entity_id", *by], ascending=[True, *ascending], kind="stable")
    return ordered.drop_duplicates("entity_id").set_index("entity_id")


def _aliases(mentions: pd.DataFrame, reasons: dict[str, str]) -> pd.DataFrame:
    grouped = mentions.groupby(["entity_id", "surface"], as_index=False).agg(
        n_seen=("n_seen", "sum"), actor_key=("actor_key", "first")
    )
    grouped["reason"] = grouped.actor_key.map(reasons)
    return grouped.rename(columns={"surface": "alias"})[["entity_id", "alias", "n_seen", "reason"]]
