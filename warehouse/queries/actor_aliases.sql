-- The surface forms that resolve to actor $actor: how often each was seen and why it resolves there.
SELECT alias, n_seen, reason
FROM aliases
WHERE entity_id = $actor
ORDER BY n_seen DESC, alias;
