"""Survey exports with a typed address and no GPS point get their location from a locator."""

import pandas as pd
import pytest

from assetmap.cli import main
from assetmap.survey import builtin_form
from assetmap.survey.store import SurveyStore
from tests.survey.storage_forms import point_in
from tests.survey.test_kobo_import import KOBO_HEADER, kobo_row, write_csv


def test_survey_import_locates_rows_by_address(areas_project, tmp_path, capsys):
    project = areas_project
    SurveyStore(project, device_id="office").install_form(builtin_form())
    lat, lon = point_in(project, 17)
    glat, glon = point_in(project, 39)
    # A locator whose 100-block of Main St runs east from a point inside neighbourhood 17.
    ref = tmp_path / "ref.csv"
    pd.DataFrame({"n": [100, 120, 140], "street": ["MAIN ST"] * 3, "lon": [lon, lon + 2e-4, lon + 4e-4],
                  "lat": [lat] * 3}).to_csv(ref, index=False)
    p = str(project.path)
    assert main(["locator", "add", p, "city", str(ref), "--number", "n", "--street", "street"]) == 0
    header = KOBO_HEADER + ["street_address"]
    rows = [
        kobo_row(asset_type="faith", asset_name="Church", _uuid="a1", street_address="130 Main Street, St. Louis MO"),
        # a GPS point wins over the address
        kobo_row(asset_type="faith", asset_name="Temple", _uuid="a2", location=f"{glat} {glon} 0 0",
                 street_address="120 Main St"),
        kobo_row(asset_type="faith", asset_name="Nowhere", _uuid="a3", street_address="5 Unknown Rd"),
    ]
    export = write_csv(tmp_path / "kobo.csv", header, [dict(r, street_address=r.get("street_address", "")) for r in rows])
    assert main(["survey", "import", p, str(export), "--locator", "city", "--address-column", "street_address"]) == 0
    out = capsys.readouterr().out
    assert "located from their address: 1 of 2 rows without a location; row 4: not found" in out
    store = SurveyStore(project)
    got = {r.uuid: r for r in store.responses("community_assets")}
    assert got["a1"].answers["location"] == pytest.approx((lat, lon + 3e-4))   # halfway 120..140
    assert got["a2"].answers["location"] == pytest.approx((glat, glon))
    assert "location from the address: interpolated" in store.history("a1")[-1].note
    assert "a3" not in got   # no location: the form requires one, so the row is reported


def test_survey_locator_needs_its_column(areas_project, tmp_path, capsys):
    SurveyStore(areas_project, device_id="office").install_form(builtin_form())
    export = write_csv(tmp_path / "kobo.csv", KOBO_HEADER, [kobo_row(asset_type="faith", asset_name="X", _uuid="b")])
    assert main(["survey", "import", str(areas_project.path), str(export), "--locator", "city"]) == 2
    assert "--address-column" in capsys.readouterr().err
