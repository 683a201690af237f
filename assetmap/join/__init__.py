"""Join a table (CSV, XLSX, DBF) to a layer by a key: population onto neighbourhoods."""

from assetmap.join.core import JoinPlan, JoinReport, join_table, parse_on, plan_join, replace_features
from assetmap.join.table import SUPPORTED_TABLES, normalise_key, read_table

__all__ = ["JoinPlan", "JoinReport", "join_table", "parse_on", "plan_join", "replace_features",
           "SUPPORTED_TABLES", "normalise_key", "read_table"]
