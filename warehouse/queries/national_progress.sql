-- Best status per nation and capability (the dashboard's matrix).
SELECT nation, capability, best_status, n_milestones, first_achieved
FROM national_progress
ORDER BY nation, capability;
