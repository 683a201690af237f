"""Survey exports whose rows carry a typed address instead of a GPS point (paper sheets typed in
later, a phone without a fix): the form's location question is filled from the address with a
locator. Survey answers describe community assets, not families, so the position is stored like
a GPS one; how it was found is kept in the response's history note."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from assetmap.survey.form import Form
    from assetmap.survey.kobo_columns import RawRow


def location_question(form: "Form") -> str:
    from assetmap.survey.form import QType

    for q in form.input_questions():
        if q.type is QType.GEOPOINT:
            return q.name
    raise UserError(f"The form '{form.title}' has no location (geopoint) question to fill from addresses.",
                    "Import without --locator.")


def _column_texts(path: Path, column: str, encoding: str | None) -> dict[int, str]:
    from assetmap.survey.export_tables import read_table

    table = read_table(path, encoding) or [[]]
    headers = [h.strip() for h in table[0]]
    if column not in headers:
        raise UserError(f"{path.name} has no column '{column}' (the address).",
                        "Columns in it: " + ", ".join(headers[:20]) + ". Nothing was imported.")
    i = headers.index(column)
    return {n: (cells[i].strip() if i < len(cells) else "") for n, cells in enumerate(table[1:], start=2)}


def fill_locations(path, form: "Form", rows: list["RawRow"], matcher, address_column: str,
                   encoding: str | None = None) -> dict[int, str]:
    """Set the location answer of rows that have none from their address; {row number: match type}."""
    import numpy as np

    q = location_question(form)
    if form.has_question(address_column):
        texts = {r.row_number: r.values.get(address_column, "") for r in rows}
    else:
        texts = _column_texts(Path(path), address_column, encoding)
    todo = [r for r in rows if not r.values.get(q) and texts.get(r.row_number, "")]
    if not todo:
        return {}
    m = matcher.match_addresses(np.array([texts[r.row_number] for r in todo], dtype=object))
    found = {}
    for k, r in enumerate(todo):
        if m.match_type[k] != "unmatched":
            r.values[q] = f"{m.lat[k]:.7f} {m.lon[k]:.7f}"
        found[r.row_number] = str(m.match_type[k])
    return found
