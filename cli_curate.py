"""`spacerace curate`: an analyst's merges, splits, nation fixes, rejections and status fixes,
recorded with who, when and why, and applied at once by a rebuild (and by every later one)."""

import argparse
import getpass

ACTIONS = {
    # command: (action stored, its arguments, help)
    "merge": ("merge", ("entity", "into"), "merge ENTITY into INTO (two names for one actor)"),
    "split": ("split", ("actor_key",), "let ACTOR_KEY stand alone again (a wrong merge)"),
    "set-nation": ("set_nation", ("entity", "nation"), "fix an entity's nation (ISO code or INT)"),
    "reject": ("reject_claim", ("claim_id",), "reject a claim: it never counts again"),
    "set-status": ("set_status", ("claim_id", "status"), "correct a claim's status"),
}
EXAMPLES = """examples:
  spacerace curate merge "new:goddard" "new:goddard space flight center" --why "one centre"
  spacerace curate reject 3f2a9c0d1e4b5a6f --why "a forecast by an analyst, not a plan"
  spacerace curate set-status 3f2a9c0d1e4b5a6f failed --why "the landing was lost"
  spacerace curate list
Ids: SELECT entity_id FROM entities; SELECT claim_id, sentence FROM claims (spacerace sql)."""


def add_parser(sub, command) -> None:
    """Register `curate` and its subcommands; `command` is cli's _command helper."""
    p = command(
        sub, "curate", "Correct the extraction: merge, split, fix a nation or a claim.", curate
    )
    p.epilog = f"{EXAMPLES}\n\n{p.epilog}"
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    for name, (_, params, text) in ACTIONS.items():
        a = actions.add_parser(name, help=text, description=text)
        for param in params:
            a.add_argument(param)
        a.add_argument("--why", required=True, help="the reason, kept in the curation log")
        a.add_argument("--by", default=getpass.getuser(), help="who (default: your user name)")
        _db_option(a)
    _db_option(actions.add_parser("list", help="show every curation, oldest first"))


def _db_option(p) -> None:
    # Also after the action ("curate merge A B --db X"); unset, the one before it holds.
    p.add_argument("--db", default=argparse.SUPPRESS, help="warehouse file")


def curate(args) -> int:
    from jobs import _build_into, _db
    from warehouse.publish import staged_update
    from warehouse.read import connect_readonly

    if args.action == "list":
        with connect_readonly(_db(args)) as con:
            frame = con.execute(
                "SELECT created_at, author, action, target, value, note FROM curation "
                "ORDER BY created_at"
            ).df()
        print(frame.fillna("").to_string(index=False) if len(frame) else "no curations yet")
        return 0
    from graph.curation import record

    action, params, _ = ACTIONS[args.action]
    values = [getattr(args, param) for param in params]
    target, value = values[0], (values[1] if len(values) > 1 else None)
    db = _db(args)
    with staged_update(db) as con:
        row = record(con, action, target, value, args.why, args.by)
        print(
            f"recorded {action} of {target}"
            + (f" -> {value}" if value else "")
            + f" by {row['author']}"
        )
        _build_into(con, db)
    return 0
