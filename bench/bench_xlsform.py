"""Install an XLSForm whose choice list has 100,000 rows (a list of every address of a city).

Ours: ``load_form`` (expat reader of the .xlsx) + ``SurveyStore.install_form``. Baseline:
pyxform reading the same file through openpyxl, as assetmap did before, to the same sheet dict.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from run import Case


def _make(path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(["type", "name", "label"])
    ws.append(["select_one places", "place", "Place"])
    ws.append(["geopoint", "location", "Location"])
    ch = wb.create_sheet("choices")
    ch.append(["list_name", "name", "label"])
    for i in range(100_000):
        ch.append(["places", f"p{i}", f"Place {i}"])
    wb.save(path)


def xlsform_100k_choices() -> Case:
    tmp = Path(tempfile.mkdtemp(prefix="assetmap-bench-xlsform-"))
    form = tmp / "big.xlsx"
    _make(form)

    def setup() -> None:
        from assetmap.project import Project

        (tmp / "p.gpkg").unlink(missing_ok=True)
        Project.create(tmp / "p.gpkg")

    def ours() -> None:
        from assetmap.project import Project
        from assetmap.survey.store import SurveyStore
        from assetmap.survey.xlsform import load_form

        SurveyStore(Project.open(tmp / "p.gpkg")).install_form(load_form(form))

    def baseline() -> None:
        from pyxform.xls2json_backends import get_xlsform

        get_xlsform(str(form))  # only the reading, which alone took most of the time before

    return Case(ours=ours, baseline=baseline, setup=setup, teardown=lambda: shutil.rmtree(tmp),
                notes={"choices": 100_000})


BENCHMARKS = {"xlsform_100k_choices": xlsform_100k_choices}
