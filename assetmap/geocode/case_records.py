"""Does a table look like case records? Then its addresses are a family's, not public.

Report records are geocoded only inside ``assetmap reports`` (in memory, then counted). The plain
``geocode`` command writes positions next to every row, and a locator stores addresses, so both
refuse a table whose column names say it is about cases, clients, victims or incidents.
"""

from __future__ import annotations

import re

from assetmap.errors import UserError

# Whole words (or the start of one) of a column name: case_id, ClientName, victim_age, DOB.
_CASE_WORDS = ("case", "client", "victim", "allegation", "complaint", "crime", "offense", "offence",
               "incident", "dob", "birthdate", "ssn", "suspect", "perpetrator", "patient", "reporter",
               "maltreatment", "abuse", "neglect", "caseworker", "hotline")


def _words(column: str) -> list[str]:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", str(column))
    return [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w]


def case_like_columns(columns) -> list[str]:
    return [str(c) for c in columns if any(w.startswith(_CASE_WORDS) for w in _words(c))]


def refuse_case_records(columns, path, for_locator: bool = False) -> None:
    hits = case_like_columns(columns)
    if not hits:
        return
    shown = ", ".join(hits[:6])
    if for_locator:
        raise UserError(
            f"{path} looks like case or incident records (columns {shown}): a locator made from it "
            "would store the addresses of those records in the project.",
            "Build locators from public reference data (an address list, parcels, street centrelines). "
            "If this file is itself published open data, pass --public-source. Nothing was stored.")
    raise UserError(
        f"{path} looks like case or incident records (columns {shown}); geocode writes a position "
        "next to every row, which must not happen to report records.",
        "Count them instead: assetmap reports PROJECT FILE --kind maltreatment|dv --areas LAYER "
        "--locator NAME --address COL (or --number COL --street COL); only counts are stored. "
        "Nothing was written.")
