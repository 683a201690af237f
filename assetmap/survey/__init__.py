"""Door-to-door asset survey: forms, entry, field packages, merge (Qt-free)."""

from __future__ import annotations

BUILTIN_FORM_FILE = ("survey", "community_asset_survey.xlsx")


def builtin_form():
    """The built-in "Community asset survey" (form id ``community_assets``),
    English and Spanish; parsed from resources/ on each call (a fresh copy)."""
    from assetmap.resources import resource
    from assetmap.survey.xlsform import load_form

    return load_form(resource(*BUILTIN_FORM_FILE))
