"""Typed addresses -> comparable keys: "2543 North Grand Boulevard, Apt 3, St. Louis, MO 63106"
-> number 2543, street "N GRAND BLVD", ZIP "63106".

Suffixes, directions, unit designators and state names come from the USPS Publication 28 tables
that usaddress-scourgify maintains; ordinals are spelled as numbers (FIRST -> 1ST). Keys are made
once per distinct text (``street_keys``), so a column of 100,000 rows costs what its few
thousand distinct streets cost. Free-form lines our rules can't split (no comma before the
city) go to ``usaddress``.
"""

from __future__ import annotations

import re
from functools import lru_cache

NORMALISER_VERSION = 1   # stored with a locator: its keys were made by these rules

_ORDINAL_UNITS = ["", "FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH", "SEVENTH", "EIGHTH", "NINTH"]
_TEENS = ["TENTH", "ELEVENTH", "TWELFTH", "THIRTEENTH", "FOURTEENTH", "FIFTEENTH", "SIXTEENTH",
          "SEVENTEENTH", "EIGHTEENTH", "NINETEENTH"]
_TENS_ORD = {2: "TWENTIETH", 3: "THIRTIETH", 4: "FORTIETH", 5: "FIFTIETH", 6: "SIXTIETH", 7: "SEVENTIETH",
             8: "EIGHTIETH", 9: "NINETIETH"}
_TENS = {2: "TWENTY", 3: "THIRTY", 4: "FORTY", 5: "FIFTY", 6: "SIXTY", 7: "SEVENTY", 8: "EIGHTY", 9: "NINETY"}
# Words whose meaning in a street name does not depend on spelling.
_INNER = {"SAINT": "ST", "MOUNT": "MT", "FORT": "FT", "MOUNTAIN": "MTN"}
# Truncations and spellings seen in real extracts that Pub 28 does not list.
_EXTRA_SUFFIXES = {"BL": "BLVD", "BLV": "BLVD", "PZ": "PLZ", "AV": "AVE", "TE": "TER", "WY": "WAY"}
_UNIT_WORDS = ("APT", "APARTMENT", "UNIT", "STE", "SUITE", "RM", "ROOM", "FL", "FLR", "FLOOR", "BLDG",
               "BUILDING", "LOT", "TRLR", "TRAILER", "SPC", "SPACE", "DEPT", "OFC", "OFFICE", "PH",
               "BSMT", "BASEMENT", "NO")
_UNIT_RE = re.compile(r"(?:\s+(?:" + "|".join(_UNIT_WORDS) + r")\b\.?\s*#?\s*[A-Z0-9-]*|\s*#\s*[A-Z0-9-]*"
                      r"|\s+(?:REAR|FRONT|FRNT|UPPER|UPPR|LOWER|LOWR))\s*$")
_ZIP_RE = re.compile(r"\b(\d{5})(?:\s*-?\s*\d{4})?\s*$")
_NUMBER_RE = re.compile(r"^\s*(\d{1,7})(?:\s*-\s*\d+|[A-Z](?=\s)|\s+1/2)?\s+(.*)$")
_PO_BOX_RE = re.compile(r"^\s*(?:P\s*O|POST\s+OFFICE|POB)\s*BOX\b|^\s*BOX\s+\d")
# Dispatch extracts mark a common place with "@" and may append its coordinates, cut short:
# "@FAIRGROUND PARK : XY(89964035". The name is what a reference and a query share.
_CAD_PLACE_RE = re.compile(r"^\s*@\s*|\s*:\s*(?:X(?:Y.*)?)?$", re.IGNORECASE)
_INTERSECTION_RE = re.compile(r"\s*(?:/|&|\bAND\b|\bAT\b|@)\s*")


@lru_cache(maxsize=1)
def tables():
    """(suffixes, directions, states): Pub 28 long and short forms -> standard abbreviation."""
    from scourgify import address_constants as c

    suffixes = dict(c.STREET_TYPE_ABBREVIATIONS)
    suffixes.update({v: v for v in c.STREET_TYPE_ABBREVIATIONS.values()})
    suffixes.update(_EXTRA_SUFFIXES)
    directions = dict(c.DIRECTIONAL_REPLACEMENTS)
    directions.update({v: v for v in c.DIRECTIONAL_REPLACEMENTS.values()})
    directions.update({k.replace("-", ""): v for k, v in c.AMBIGUOUS_DIRECTIONALS.items()})
    states = dict(c.STATE_ABBREVIATIONS)
    states.update({v: v for v in c.STATE_ABBREVIATIONS.values()})
    return suffixes, directions, states


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, str]:
    out = {}
    for n in range(1, 100):
        tens, unit = divmod(n, 10)
        if n < 10:
            word = _ORDINAL_UNITS[n]
        elif n < 20:
            word = _TEENS[n - 10]
        elif unit == 0:
            word = _TENS_ORD[tens]
        else:
            word = f"{_TENS[tens]}{_ORDINAL_UNITS[unit]}"
        suffix = "TH" if 10 <= n % 100 <= 20 else {1: "ST", 2: "ND", 3: "RD"}.get(n % 10, "TH")
        out[word] = f"{n}{suffix}"
    return out


def _clean(text: str) -> str:
    text = text.upper().replace(".", "").replace("'", "").replace("’", "")
    # Compound ordinals are often hyphenated: TWENTY-FIRST -> TWENTYFIRST (looked up below).
    text = re.sub(r"\b(TWENTY|THIRTY|FORTY|FIFTY|SIXTY|SEVENTY|EIGHTY|NINETY)[\s-]+(?=[A-Z]+TH\b|FIRST|SECOND|THIRD)",
                  r"\1", text)
    return re.sub(r"[^A-Z0-9#/&@,\s]", " ", text)


def _street_tokens(text: str) -> list[str]:
    suffixes, directions, _ = tables()
    ordinals = _ordinals()
    t = [ordinals.get(w, _INNER.get(w, w)) for w in text.split()]
    if not t:
        return t
    # A leading direction word is a pre-direction unless the rest is only a suffix
    # (SOUTHWEST AVE is a street's name); a typed one may carry a typo (NROTH, SOTH).
    if len(t) > 2 and t[0] not in directions and len(t[0]) >= 4:
        t[0] = _direction_typo(t[0]) or t[0]
    if len(t) > 1 and t[0] in directions and not (len(t) == 2 and t[1] in suffixes):
        t[0] = directions[t[0]]
    post = len(t) > 2 and t[-1] in directions and t[-2] in suffixes
    if post:
        t[-1] = directions[t[-1]]
    i = len(t) - (2 if post else 1)
    first_name = 1 if len(t) > 1 and t[0] in directions.values() else 0
    if i > first_name and t[i] in suffixes:
        t[i] = suffixes[t[i]]
    return t


@lru_cache(maxsize=4096)
def _direction_typo(word: str) -> str | None:
    """NORTH, SOUTH, EAST or WEST (abbreviated) for a word one edit away from one of them."""
    from rapidfuzz.distance import OSA

    for full, short in (("NORTH", "N"), ("SOUTH", "S"), ("EAST", "E"), ("WEST", "W")):
        if OSA.distance(word, full, score_cutoff=1) <= 1:
            return short
    return None


def _drop_city(tokens: list[str]) -> list[str]:
    """Without a comma, a city after the street can only be told by the suffix before it."""
    suffixes, directions, _ = tables()
    first_name = 1 if len(tokens) > 1 and tokens[0] in directions.values() else 0
    for i in range(first_name + 1, len(tokens) - 1):
        if tokens[i] in suffixes.values():
            end = i + 2 if tokens[i + 1] in directions.values() else i + 1
            return tokens[:end]
    return tokens


def street_key(text: str) -> tuple[str, str]:
    """(street key, ZIP or "") of a street text, which may carry a unit, city, state and ZIP."""
    if not isinstance(text, str):
        return "", ""
    return _street_key(text)


# The same street text recurs with every house number on it: normalise it once.
@lru_cache(maxsize=262_144)
def _street_key(text: str) -> tuple[str, str]:
    text = _clean(_CAD_PLACE_RE.sub("", text))
    zip_code = ""
    m = _ZIP_RE.search(text)
    if m:
        zip_code = m.group(1)
        text = text[:m.start()]
    parts = [p.strip() for p in text.split(",")]
    street = parts[0]
    had_tail = len(parts) > 1 or bool(zip_code)
    if len(parts) == 1:
        _, _, states = tables()
        words = street.split()
        if len(words) > 2 and words[-1] in states:
            words = words[:-1]
            had_tail = True
        street = " ".join(words)
    street = _UNIT_RE.sub("", street)
    street = _UNIT_RE.sub("", street)   # "APT 3 REAR"
    sides = [s for s in _INTERSECTION_RE.split(street) if s.strip()]
    if len(sides) == 2 and "#" not in street:
        keys = sorted(" ".join(_street_tokens(_UNIT_RE.sub("", s))) for s in sides)
        return intersection_key(*keys), zip_code
    tokens = _street_tokens(street.replace("#", " "))
    if had_tail and len(parts) == 1:
        tokens = _drop_city(tokens)
    return " ".join(tokens), zip_code


def intersection_key(a: str, b: str) -> str:
    return " & ".join(sorted((a, b)))


def is_intersection(key: str) -> bool:
    return " & " in key


def split_key(key: str) -> tuple[str, str, str, str]:
    """(pre-direction, name, suffix, post-direction) of a street key."""
    suffixes, directions, _ = tables()
    t = key.split()
    pre = t[0] if len(t) > 1 and t[0] in directions.values() else ""
    if pre:
        t = t[1:]
    post = t[-1] if len(t) > 2 and t[-1] in directions.values() else ""
    if post:
        t = t[:-1]
    suffix = t[-1] if len(t) > 1 and t[-1] in suffixes.values() else ""
    if suffix:
        t = t[:-1]
    return pre, " ".join(t), suffix, post


def parse_address(text: str) -> tuple[int, str, str]:
    """(house number or -1, street key, ZIP) of a one-line address; -2 marks a PO box."""
    if not isinstance(text, str) or not text.strip():
        return -1, "", ""
    upper = text.upper()
    if _PO_BOX_RE.search(upper.replace(".", "")):
        return -2, "", ""
    m = _NUMBER_RE.match(upper)
    if m:
        number, rest = int(m.group(1)), m.group(2)
        key, zip_code = street_key(rest)
        if "," in rest or not _needs_parser(rest):
            return number, key, zip_code
    elif _INTERSECTION_RE.search(_clean(upper).split(",")[0]):
        key, zip_code = street_key(upper)
        return (0 if is_intersection(key) else -1), key, zip_code
    number, key, zip_code = _parse_with_usaddress(text)
    if number < 0 and (not key or "," in upper):
        # No number: a named place ("Tower Grove Park, St. Louis, MO"), which usaddress takes
        # apart as a street; the name is what comes before the first comma.
        key, zip_code = street_key(text)
    return number, key, zip_code


@lru_cache(maxsize=262_144)
def _needs_parser(rest: str) -> bool:
    """A line ending in a state but with no comma before the city: where the street ends is
    usaddress's call (N BROADWAY ST LOUIS MO has no suffix; ST is the city's)."""
    _, _, states = tables()
    words = _ZIP_RE.sub("", _clean(rest)).split()
    return len(words) > 2 and words[-1] in states


def _parse_with_usaddress(text: str) -> tuple[int, str, str]:
    import usaddress

    try:
        tagged, _ = usaddress.tag(text)
    except usaddress.RepeatedLabelError:
        return -1, "", ""
    if "USPSBoxID" in tagged or "USPSBoxType" in tagged:
        return -2, "", ""
    number = re.match(r"\d+", tagged.get("AddressNumber", "") or "")
    parts = [tagged.get(k, "") for k in ("StreetNamePreDirectional", "StreetNamePreType", "StreetName",
                                         "StreetNamePostType", "StreetNamePostDirectional")]
    key, _ = street_key(" ".join(p for p in parts if p))
    zip_code = (tagged.get("ZipCode") or "")[:5]
    return (int(number.group()) if number else -1), key, zip_code


def street_keys(values) -> tuple["object", "object"]:
    """Street keys and ZIPs of a column, each distinct text normalised once."""
    import pandas as pd

    s = pd.Series(values, dtype="object")
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    keys = [street_key(u) for u in uniques]
    import numpy as np

    k = np.array([a for a, _ in keys] + [""], dtype=object)
    z = np.array([b for _, b in keys] + [""], dtype=object)
    return k[codes], z[codes]


def parse_addresses(values):
    """(numbers, street keys, ZIPs) of a one-line address column, each distinct text parsed once."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(pd.Series(values, dtype="object"), use_na_sentinel=True)
    parsed = [parse_address(u) for u in uniques] + [(-1, "", "")]
    n = np.array([p[0] for p in parsed], dtype=np.int64)
    k = np.array([p[1] for p in parsed], dtype=object)
    z = np.array([p[2] for p in parsed], dtype=object)
    return n[codes], k[codes], z[codes]


def house_numbers(values):
    """Leading house numbers of a column (123, "123", "123A", "123-125" -> 123); -1 where none."""
    import numpy as np
    import pandas as pd

    s = pd.Series(values)
    if pd.api.types.is_numeric_dtype(s.dtype):
        a = s.to_numpy(dtype=float, na_value=np.nan)
        ok = np.isfinite(a) & (a >= 0) & (a == np.floor(a))
        return np.where(ok, np.nan_to_num(a), -1).astype(np.int64)
    digits = s.astype("string").str.extract(r"^\s*(\d{1,7})", expand=False)
    return pd.to_numeric(digits, errors="coerce").fillna(-1).astype(np.int64).to_numpy()
