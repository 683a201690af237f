"""The part of Open Referral HSDS 3 that assetmap models, and where it is stored.

A hub is an HSDS *location*: the ``hubs`` point layer holds one row per
location (every HSDS location column, plus ``confidential`` and a few summary
columns for popups). The other HSDS tables we model live in the project
GeoPackage as attribute tables named ``assetmap_hsds_<table>``, every value
kept as text so that an import followed by an export gives back what came in.
"""

from __future__ import annotations

HUBS_LAYER = "hubs"
TABLE_PREFIX = "assetmap_hsds_"

# Column order as in HSDS 3.0 (and the official example package).
COLUMNS: dict[str, tuple[str, ...]] = {
    "organizations": (
        "id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id",
        "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id",
    ),
    "services": (
        "id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email",
        "status", "interpretation_services", "application_process", "fees_description", "wait_time",
        "fees", "accreditations", "eligibility_description", "minimum_age", "maximum_age",
        "assured_date", "assurer_email", "licenses", "alert", "last_modified",
    ),
    "locations": (
        "id", "location_type", "url", "organization_id", "name", "alternate_name", "description",
        "transportation", "latitude", "longitude", "external_identifier", "external_identifier_type",
    ),
    "service_at_location": ("id", "service_id", "location_id", "description"),
    "addresses": (
        "id", "location_id", "attention", "address_1", "address_2", "city", "region",
        "state_province", "postal_code", "country", "address_type",
    ),
    "phones": (
        "id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id",
        "number", "extension", "type", "description",
    ),
    "schedules": (
        "id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to",
        "dtstart", "timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno",
        "bymonthday", "byyearday", "description", "opens_at", "closes_at", "schedule_link",
        "attending_type", "notes",
    ),
    "taxonomies": ("id", "name", "description", "uri", "version"),
    "taxonomy_terms": (
        "id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id",
        "term_uri",
    ),
    "attributes": ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"),
}
TABLES = tuple(COLUMNS)

# Columns a file must have for us to make sense of it (HSDS 3 required fields we rely on).
REQUIRED: dict[str, tuple[str, ...]] = {
    "organizations": ("id", "name"),
    "services": ("id", "organization_id", "name"),
    "locations": ("id",),
    "service_at_location": ("id", "service_id", "location_id"),
    "addresses": ("id", "location_id"),
    "phones": ("id", "number"),
    "schedules": ("id",),
    "taxonomies": ("id", "name"),
    "taxonomy_terms": ("id", "name"),
    "attributes": ("id", "link_id", "taxonomy_term_id"),
}

# assetmap's own columns (never exported to HSDS).
CONFIDENTIAL = "confidential"
EXTRA_COLUMNS: dict[str, tuple[str, ...]] = {
    "services": ("category", CONFIDENTIAL),
    "locations": (CONFIDENTIAL, "geocode_match"),   # geocode_match: how a position was found from the address
}
# Summary columns on the hubs layer, rebuilt on every save from the public services only.
SUMMARY_COLUMNS = ("organization", "categories", "services", "phone", "hours", "address")


def stored_columns(table: str) -> tuple[str, ...]:
    return COLUMNS[table] + EXTRA_COLUMNS.get(table, ())


def table_name(table: str) -> str:
    return TABLE_PREFIX + table


# Optional links between the tables assetmap keeps (may be empty): an import warns when one
# names a row that is not there. Those that are foreign keys of the HSDS 3 schema
# (``EXPORT_CHECKED_LINKS``) are left empty by an export, so the package validates.
OPTIONAL_LINKS: tuple[tuple[str, str, str], ...] = (
    ("organizations", "parent_organization_id", "organizations"),
    ("locations", "organization_id", "organizations"),
    ("phones", "location_id", "locations"),
    ("phones", "service_id", "services"),
    ("phones", "organization_id", "organizations"),
    ("phones", "service_at_location_id", "service_at_location"),
    ("schedules", "location_id", "locations"),
    ("schedules", "service_id", "services"),
    ("schedules", "service_at_location_id", "service_at_location"),
    ("taxonomy_terms", "taxonomy_id", "taxonomies"),
    ("taxonomy_terms", "parent_id", "taxonomy_terms"),
)
EXPORT_CHECKED_LINKS = tuple(link for link in OPTIONAL_LINKS
                             if link[:2] not in {("organizations", "parent_organization_id"),
                                                 ("taxonomy_terms", "parent_id")})
