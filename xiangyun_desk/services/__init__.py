"""Use cases: registers, statistics, set-up, demo data. No Qt."""
