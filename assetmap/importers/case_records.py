"""Case-level records caught at the door.

A file of hotline reports or police calls has one row per case: a description or code naming
abuse, neglect, domestic violence, assault or a victim; a case or complaint number; a date of
birth. Imported as assets, hubs or a plain layer it would store every case as a point, to be
drawn and exported like a church or a park. Such files go through ``assetmap reports``, which
keeps only suppressed counts; ``find_case_columns`` names the columns that give a file away.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

# Words that name a case (English and Spanish), matched at the start of a word so that
# "assaults" and "ABUSE-CHILD" match and "disabused" does not.
_CASE_WORDS = (r"abus", r"neglect", r"domestic", r"assault", r"victim", r"maltreat", r"molest",
               r"rape", r"sodomy", r"endanger", r"battery", r"maltrato", r"abuso", r"violencia",
               r"v[ií]ctima", r"agresi[oó]n", r"dv\b", r"ipv\b")
_WORD_RE = re.compile(r"(?<![a-z])(?:" + "|".join(_CASE_WORDS) + ")", re.IGNORECASE)

# Column names: what the column is, whatever its values.
_NAME_RULES = (
    ("case or complaint numbers", re.compile(
        r"^(case|complaint|incident|referral|report|hotline|intake|ccn|cad)[ _\-#]*(no|nr|num|number|id|#)?$|"
        r"^(case|complaint|incident|referral)[ _\-]?(no|nr|num|number|id)|^complaint$", re.IGNORECASE)),
    ("dates of birth", re.compile(r"^(dob|d_o_b|birth[ _\-]?date|date[ _\-]?of[ _\-]?birth|birthdate|"
                                  r"fecha[ _\-]?(de[ _\-]?)?nacimiento)$", re.IGNORECASE)),
    ("victims", re.compile(r"victim|v[ií]ctima", re.IGNORECASE)),
    ("abuse, neglect or violence", _WORD_RE),
)
MIN_ROWS, MIN_SHARE = 3, 0.02  # a column whose values name cases in >= 3 rows and >= 2 % of them


def find_case_columns(df: "pd.DataFrame") -> dict[str, str]:
    """{column: why it looks like case records}; empty for an ordinary layer."""
    import pandas as pd

    found: dict[str, str] = {}
    for col in df.columns:
        if col == getattr(df, "_geometry_column_name", None) or str(col).lower() == "geometry":
            continue
        name = str(col).strip()
        for why, rule in _NAME_RULES:
            if rule.search(name):
                found[col] = f"its name says {why}"
                break
        if col in found:
            continue
        series = df[col]
        if not (pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series)):
            continue
        text = series.dropna().astype(str)
        if text.empty:
            continue
        hits = text.str.contains(_WORD_RE, regex=True)
        n = int(hits.sum())
        if n >= MIN_ROWS and n >= MIN_SHARE * len(text):
            examples = ", ".join(sorted({_word(v) for v in text[hits].head(200)})[:3])
            found[col] = f"{n} of its {len(text)} values name {examples}"
    return found


def _word(value: str) -> str:
    m = _WORD_RE.search(value)
    return m.group(0).lower() if m else value[:12]


class CaseRecordsFound(UserError):
    """An import refused because its columns look like case records; ``columns`` names them
    (column -> why), so the app can offer the two ways on: aggregate, or import anyway."""

    def __init__(self, columns: dict[str, str], message: str, hint: str | None = None):
        super().__init__(message, hint)
        self.columns = dict(columns)


def check_case_columns(df: "pd.DataFrame", path, role: str) -> None:
    """Stop an import of case-level records as an ordinary layer, naming the columns."""
    found = find_case_columns(df)
    if not found:
        return
    listed = "; ".join(f"'{c}' ({why})" for c, why in found.items())
    raise CaseRecordsFound(found, 
        f"{getattr(path, 'name', path)} looks like case records (one row per report or incident): {listed}. "
        f"Case-level records are never stored as points in a '{role}' layer.",
        "Aggregate them into suppressed counts instead: assetmap reports PROJECT FILE --kind dv|maltreatment "
        "--areas AREAS (in the app: File › Import sensitive reports). If these are not case records, "
        "import again with --allow-case-records (recorded in the layer's provenance).")
