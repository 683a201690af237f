"""Postal addresses as HSDS 3 wants them: street, city, state, postal code and country apart.

HSDS requires ``city``, ``state_province``, ``postal_code`` and ``country`` on every address.
A hub added with the whole address in one line ("4200 Labadie Ave, St. Louis, MO 63115", as
people type it and as older projects stored it) is split here when it has the usual US form;
otherwise the parts stay as given and the export leaves out an address it can't complete.
"""

from __future__ import annotations

import re

_US_LINE = re.compile(
    r"^\s*(?P<street>[^,]+?)\s*,\s*(?P<city>[^,]+?)\s*,\s*(?P<state>[A-Za-z]{2})\.?\s+"
    r"(?P<zip>\d{5}(?:-\d{4})?)\s*(?:,\s*(?P<country>USA|US|U\.S\.A?\.?|United States(?: of America)?)\s*)?$")
REQUIRED = ("address_1", "city", "state_province", "postal_code", "country")


def complete_address(address_1: str, city: str = "", state_province: str = "", postal_code: str = "",
                     country: str = "") -> dict[str, str]:
    """The HSDS address fields, splitting a one-line US address when the parts were not given."""
    out = {"address_1": (address_1 or "").strip(), "city": (city or "").strip(),
           "state_province": (state_province or "").strip(), "postal_code": (postal_code or "").strip(),
           "country": (country or "").strip()}
    m = _US_LINE.match(out["address_1"])
    if m and not (out["city"] or out["state_province"] or out["postal_code"]):
        out.update(address_1=m["street"], city=m["city"], state_province=m["state"].upper(),
                   postal_code=m["zip"], country=out["country"] or "US")
    if not out["country"] and re.fullmatch(r"[A-Za-z]{2}", out["state_province"]) \
            and re.fullmatch(r"\d{5}(-\d{4})?", out["postal_code"]):
        out["country"] = "US"  # a two-letter state and a ZIP code
    return out


def is_complete(row: dict) -> bool:
    return all(str(row.get(c) or "").strip() for c in REQUIRED)
