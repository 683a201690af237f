"""The indicator table as CSV for partners: long format, suppression kept.

Columns ``unit_id, unit, period, indicator, value, suppressed``. A suppressed value is an
empty cell with ``suppressed`` = ``true``; the numerator and denominator are never written,
so no count (withheld or not) is in the file beyond what the published rate says.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from assetmap.errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

CSV_COLUMNS = ["unit_id", "unit", "period", "indicator", "value", "suppressed"]


def csv_frame(df: "pd.DataFrame", digits: int = 4) -> "pd.DataFrame":
    """What goes into the CSV: values rounded, suppressed values blank."""
    import numpy as np
    import pandas as pd

    value = df["value"].astype(float).round(digits)
    sup = df["suppressed"].astype(bool)
    value = value.where(~sup.to_numpy(), np.nan)
    return pd.DataFrame({
        "unit_id": df["unit_id"].astype(str).to_numpy(),
        "unit": df["unit_name"].astype(str).to_numpy(),
        "period": df["period"].astype(str).to_numpy(),
        "indicator": df["indicator"].astype(str).to_numpy(),
        "value": value.to_numpy(),
        "suppressed": np.where(sup.to_numpy(), "true", "false"),
    })


def write_csv(df: "pd.DataFrame", out: str | os.PathLike) -> Path:
    """Write the long table (UTF-8, comma-separated); replaced in one step, never half-written."""
    out = Path(out)
    if out.suffix.lower() != ".csv":
        raise UserError(f"{out} does not end in .csv.", "Name the output file OUT.csv.")
    if not out.parent.is_dir():
        raise UserError(f"The folder {out.parent} does not exist.", "Create it first or choose another.")
    frame = csv_frame(df)
    tmp = out.with_name(out.name + ".part")
    try:
        frame.to_csv(tmp, index=False, encoding="utf-8", na_rep="", float_format="%.4f")
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"Can't write {out} ({exc.strerror}).", "Choose a folder you can write to.") from exc
    return out
