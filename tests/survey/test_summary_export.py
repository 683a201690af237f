"""Per-area survey summary and exports, on the real St. Louis neighbourhoods."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.survey.storage_forms import asset_form, point_in


@pytest.fixture()
def surveyed(areas_project):
    from assetmap.survey.store import SurveyStore

    store = SurveyStore(areas_project, device_id="d")
    store.install_form(asset_form())
    p5, p6 = point_in(areas_project, 5), point_in(areas_project, 6)
    store.save("assets", {"name": "Church", "asset_type": "faith", "services": ["food", "childcare"],
                          "location": p5}, surveyor="Ann")
    store.save("assets", {"name": "School", "asset_type": "school", "location": p5}, surveyor="Ann")
    store.save("assets", {"name": "Chapel", "asset_type": "faith", "location": p6}, surveyor="Bob")
    store.save("assets", {"name": "Shelter", "asset_type": "dv", "confidential": "yes", "location": p6},
               surveyor="Bob")
    store.save("assets", {"name": "Helper (no place)"}, surveyor="Bob")
    gone = store.save("assets", {"name": "Gone", "asset_type": "faith", "location": p6}, surveyor="Bob")
    store.delete(gone.uuid, "Bob")
    return areas_project


def test_summary_per_area_type_and_surveyor(surveyed):
    from assetmap.survey.summary import survey_summary

    s = survey_summary(surveyed)
    assert s.areas_layer == "neighborhoods" and s.total_areas == 88 and s.covered == 2
    by_id = {a.area_id: a for a in s.areas}
    assert by_id["5"].by_type == {"Faith-based organisation": 1, "School": 1}
    assert by_id["6"].by_type == {"Faith-based organisation": 1}  # not the shelter, not the deleted one
    assert s.by_surveyor == {"Ann": 2, "Bob": 3}
    assert s.entries == 5 and s.confidential == 1 and s.no_location == 1 and s.outside == 0
    assert s.by_type == {"Faith-based organisation": 2, "School": 1}
    assert "areas covered 2 of 88" in s.text()


def test_export_csv_with_lat_lon_and_labels_without_confidential(surveyed, tmp_path):
    from assetmap.survey.summary import export_responses

    out = tmp_path / "responses.csv"
    assert export_responses(surveyed, out, labels=True) == 4
    df = pd.read_csv(out)
    assert set(df["name"]) == {"Church", "School", "Chapel", "Helper (no place)"}
    church = df[df["name"] == "Church"].iloc[0]
    lat, lon = point_in(surveyed, 5)
    assert church["latitude"] == pytest.approx(lat, abs=1e-6) and church["longitude"] == pytest.approx(lon, abs=1e-6)
    assert church["asset_type"] == "Faith-based organisation" and church["services"] == "food; childcare"
    assert "answers" not in df.columns and "Shelter" not in out.read_text()


def test_export_gpkg_opens_with_gdal(surveyed, tmp_path):
    import pyogrio

    from assetmap.errors import UserError
    from assetmap.survey.summary import export_responses

    out = tmp_path / "assets.gpkg"
    export_responses(surveyed, out)
    gdf = pyogrio.read_dataframe(out)
    assert sorted(gdf["name"]) == ["Chapel", "Church", "Helper (no place)", "School"]
    assert gdf["asset_type"].tolist().count("faith") == 2
    with pytest.raises(UserError, match="already exists"):
        export_responses(surveyed, out)


def test_survey_layer_draws_by_type_with_a_legend(surveyed):
    from assetmap.layers.style import Style
    from assetmap.mapview.leaflet_style import leaflet_style, legend_entries

    info = surveyed.layer("survey_assets")
    gdf = surveyed.read_layer("survey_assets")
    style = Style.from_dict(info.style)
    spec = leaflet_style(style, gdf)
    labels = [e.get("label") for e in legend_entries(style, spec)]
    assert {"Faith-based organisation", "School", "DV service"} <= set(labels)
