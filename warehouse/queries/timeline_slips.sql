-- Each move of a plan's target, old and new target as days (a year or month target at its
-- first day), for the chosen nations and capabilities.
SELECT actor, nation, capability, old_target, new_target, direction,
       CAST(new_reported_at AS DATE) AS reported, new_url,
       CASE length(old_target) WHEN 4 THEN make_date(CAST(old_target AS INTEGER), 1, 1)
            WHEN 7 THEN CAST(old_target || '-01' AS DATE) ELSE CAST(old_target AS DATE) END AS old_day,
       CASE length(new_target) WHEN 4 THEN make_date(CAST(new_target AS INTEGER), 1, 1)
            WHEN 7 THEN CAST(new_target || '-01' AS DATE) ELSE CAST(new_target AS DATE) END AS new_day
FROM slips
WHERE (len($nations) = 0 OR list_contains($nations, nation))
  AND (len($capabilities) = 0 OR list_contains($capabilities, capability))
ORDER BY new_reported_at DESC;
