"""The extraction stage: spaCy components that find actors, capabilities and milestones."""
