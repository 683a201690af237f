"""Type mapping between GeoPackage/pandas columns and PostgreSQL columns."""

from __future__ import annotations


def pg_type_for_sqlite(declared: str) -> str:
    """PostgreSQL type for a SQLite declared column type (SQLite's affinity rules)."""
    t = (declared or "").upper()
    if "INT" in t:
        return "bigint"
    if t in ("BOOLEAN", "BOOL"):
        return "boolean"
    if any(k in t for k in ("REAL", "FLOA", "DOUB")):
        return "double precision"
    if "BLOB" in t or t == "GEOMETRY" or t in ("POINT", "LINESTRING", "POLYGON", "MULTIPOLYGON",
                                                "MULTIPOINT", "MULTILINESTRING"):
        return "bytea"
    # TEXT, DATE, DATETIME and anything else: kept as the exact text SQLite holds.
    return "text"


def pg_type_for_dtype(dtype) -> str:
    """PostgreSQL type for a pandas column read from a GeoPackage layer."""
    import pandas as pd

    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "bigint"
    if pd.api.types.is_float_dtype(dtype):
        return "double precision"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "timestamptz" if getattr(dtype, "tz", None) is not None else "timestamp"
    return "text"


def python_value(v):
    """A value psycopg can send: numpy scalars and NaN/NaT become plain Python / None."""
    import pandas as pd

    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(v, "item") and not isinstance(v, (bytes, str)):
        try:
            return v.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    return v
