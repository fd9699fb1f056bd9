"""The build stage: entity resolution, milestones and slips, the knowledge graph, exports."""
