"""St. Louis 2017 police incidents as public risk-factor layers for risk terrain tests and benchmarks.

Each incident category (the first word of ``description``: LARCENY, BURGLARY, AUTO theft, ROBBERY,
AGG.ASSAULT, ARSON, HOMICIDE) becomes a point layer. The CHILD rows (the outcome's stand-in) and the
DOMESTIC rows (sensitive, like the reports) are left out of every factor layer.
"""

from __future__ import annotations

from pathlib import Path

CATEGORIES = ("LARCENY", "BURGLARY", "AUTO", "ROBBERY", "AGG.ASSAULT", "ARSON", "HOMICIDE")


def factor_layer_name(category: str) -> str:
    return "f_" + category.lower().replace(".", "_")


def add_factor_layers(project, incidents_csv: Path, workdir: Path, categories=CATEGORIES) -> list[str]:
    import pandas as pd

    from assetmap.importers import import_file

    df = pd.read_csv(incidents_csv, low_memory=False)
    desc = df["description"].astype(str).str.strip()
    keep = ~desc.str.contains("CHILD|DOMESTIC", case=False, regex=True)
    df = df.loc[keep & pd.to_numeric(df["x"], errors="coerce").notna()]
    first = desc.loc[df.index].str.split(r"[-/ ]", n=1, regex=True).str[0]
    names = []
    for cat in categories:
        rows = df.loc[first == cat, ["x", "y"]]
        path = workdir / f"{factor_layer_name(cat)}.csv"
        rows.rename(columns={"x": "longitude", "y": "latitude"}).to_csv(path, index=False)
        import_file(project, path, "other", name=factor_layer_name(cat))
        names.append(factor_layer_name(cat))
    return names


def child_csv(incidents_csv: Path, out: Path) -> Path:
    """The CHILD rows only (the outcome), every column kept."""
    import pandas as pd

    df = pd.read_csv(incidents_csv, low_memory=False)
    df[df["description"].astype(str).str.contains("CHILD", case=False, regex=False)].to_csv(out, index=False)
    return out
