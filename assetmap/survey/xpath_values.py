"""Values inside the XPath evaluator and XPath 1.0's conversions between them.

Values are ``str``, ``float``, ``bool``, ``datetime.date`` and
``datetime.datetime``; an empty answer is ``''``. Dates convert to numbers as
days since 1970-01-01, as in JavaRosa (ODK Collect).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any


class Nodes(list):
    """The answers to a question inside a repeat, one per instance (an XPath node-set), as seen
    from outside the repeat; a repeat's own name gives its instances. ``count()``, ``sum()`` and
    ``indexed-repeat()`` take them whole; anywhere else XPath reads the first one."""

    def first(self):
        return answer_to_xpath(self[0]) if self else ""


class ExpressionError(ValueError):
    """An expression that cannot be parsed or evaluated, with where and why."""

    def __init__(self, expression: str, message: str, position: int | None = None):
        where = f" at position {position + 1}" if position is not None else ""
        super().__init__(f"{message}{where} in `{expression}`")
        self.expression = expression
        self.reason = message
        self.position = position


_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?.*)?\s*$")
_EPOCH = dt.date(1970, 1, 1)


def _as_date(value) -> dt.date | dt.datetime | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, str):
        m = _DATE_RE.match(value)
        if m:
            try:
                y, mo, d = int(m[1]), int(m[2]), int(m[3])
                if m[4]:
                    return dt.datetime(y, mo, d, int(m[4]), int(m[5]), int(m[6] or 0))
                return dt.date(y, mo, d)
            except ValueError:
                return None
    return None


def _days(value: dt.date | dt.datetime) -> float:
    if isinstance(value, dt.datetime):
        base = dt.datetime(1970, 1, 1, tzinfo=value.tzinfo)
        return (value - base).total_seconds() / 86400.0
    return float((value - _EPOCH).days)


def to_number(value) -> float:
    if isinstance(value, Nodes):
        return to_number(value.first()) if value else math.nan
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return _days(value)
    text = str(value).strip()
    # JavaRosa and Enketo read exponent notation too ("1e3", "7.9e-12")
    if re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", text):
        return float(text)
    d = _as_date(text)
    if d is not None:  # JavaRosa: a date's number is days since 1970
        return _days(d)
    return math.nan


def to_string(value) -> str:
    if isinstance(value, Nodes):
        return to_string(value.first())
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def to_bool(value) -> bool:
    if isinstance(value, Nodes):
        return len(value) > 0
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return not (value == 0 or math.isnan(value))
    if isinstance(value, (dt.date, dt.datetime)):
        return True
    return len(str(value)) > 0


def answer_to_xpath(value) -> Any:
    """A stored answer (see form.py) as the evaluator sees it."""
    if value is None:
        return ""
    if isinstance(value, Nodes):
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, (list, set)):
        return " ".join(str(v) for v in value)
    if isinstance(value, tuple):  # geopoint (lat, lon) -> ODK's "lat lon alt acc"
        parts = [to_string(float(v)) for v in value] + ["0"] * max(0, 4 - len(value))
        return " ".join(parts[:4])
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    return str(value)
