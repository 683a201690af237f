"""Access to services: catchments, coverage, gap analysis, resource finder (no Qt)."""
