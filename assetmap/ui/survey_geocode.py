"""Survey › Import export, with a locator in the project: rows without a GPS point (paper sheets
typed in later, a phone without a fix) can get their location from a typed address column, as
`assetmap survey import --locator NAME --address-column COL` does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # context "SurveyGeocode" written out for the .ts file


def _header(path: Path) -> list[str]:
    from assetmap.errors import UserError
    from assetmap.survey.export_tables import read_table

    if path.suffix.lower() == ".zip":       # ODK Central: the main table is inside
        import tempfile
        import zipfile

        try:
            with zipfile.ZipFile(path) as z, tempfile.TemporaryDirectory(prefix="assetmap-head-") as tmp:
                csvs = sorted((n for n in z.namelist() if n.lower().endswith(".csv")), key=len)
                if not csvs:
                    return []
                return _header(Path(z.extract(csvs[0], tmp)))
        except (OSError, zipfile.BadZipFile):
            return []
    try:
        table = read_table(path) or [[]]
    except UserError:
        return []                            # the import itself will say what is wrong
    return [h.strip() for h in table[0] if h.strip()]


def choose_address_geocoding(w, path) -> "tuple[str | None, str | None, str | None] | bool":
    """(locator, address column, ZIP column or None), (None, None, None) to import without, or
    False when cancelled. The ZIP column is asked for only when a column's name says ZIP."""
    from PySide6.QtWidgets import QInputDialog

    from assetmap.geocode.layer_import import guess_columns, zip_column_guess
    from assetmap.geocode.locators import list_locators

    names = [i.name for i in list_locators(w.project)] if w.project is not None else []
    if not names:
        return None, None, None
    cols = _header(Path(path))
    if not cols:
        return None, None, None
    title = translate("SurveyGeocode", "Import survey export")
    guess = guess_columns(cols)["address"]
    ordered = ([guess] if guess else []) + [c for c in cols if c != guess]
    none = translate("SurveyGeocode", "Leave rows without a location as they are")
    column, ok = QInputDialog.getItem(
        w, title, translate("SurveyGeocode", "Rows without a GPS location: place them (offline) from the typed "
                                             "address in the column"), [none] + ordered, 1 if guess else 0, False)
    if not ok:
        return False
    if column == none:
        return None, None, None
    zip_column = None
    zguess = zip_column_guess([c for c in cols if c != column])
    if zguess is not None:
        no_zip = translate("SurveyGeocode", "No ZIP column (a ZIP typed in the address still counts)")
        others = [zguess] + [c for c in cols if c not in (zguess, column)]
        picked, ok = QInputDialog.getItem(
            w, title, translate("SurveyGeocode", "ZIP code column (chooses between streets of the same name in "
                                                 "two places)"), others + [no_zip], 0, False)
        if not ok:
            return False
        zip_column = None if picked == no_zip else picked
    if len(names) == 1:
        return names[0], column, zip_column
    locator, ok = QInputDialog.getItem(w, title, translate("SurveyGeocode", "with the locator"), names, 0, False)
    return (locator, column, zip_column) if ok else False
