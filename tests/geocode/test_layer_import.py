"""A public CSV with addresses and no coordinates imported as a point layer through a locator."""

import hashlib

import pandas as pd
import pytest

from assetmap.errors import UserError
from assetmap.geocode.columns import AddressColumns
from assetmap.geocode.layer_import import guess_columns, import_addresses, needs_geocoding, preview


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def located(project, tmp_path):
    from assetmap.geocode.locators import add_locator

    rows = [(n, "Main Street", -90 + n * 1e-5, 38.6) for n in range(100, 200, 10)]
    src = tmp_path / "addresses.csv"
    pd.DataFrame(rows, columns=["house", "street", "lon", "lat"]).to_csv(src, index=False)
    add_locator(project, "city", src, number="house", street="street")
    return project


@pytest.fixture()
def directory(tmp_path):
    p = tmp_path / "food_pantries.csv"
    pd.DataFrame({"name": ["Pantry A", "Pantry B", "Nowhere"],
                  "Address": ["120 Main St, St. Louis, MO 63110", "155 main street", "5 Elm St"]}).to_csv(p, index=False)
    return p


def test_needs_geocoding_reads_the_header(tmp_path, directory):
    assert needs_geocoding(directory)
    xy = tmp_path / "xy.csv"
    xy.write_text("name,lon,lat\nA,-90,38\n")
    assert not needs_geocoding(xy)
    assert not needs_geocoding(tmp_path / "shapes.geojson")
    assert guess_columns(["name", "Address"]) == {"address": "Address", "number": None, "street": None}
    assert guess_columns(["House Number", "Street", "City"]) == {"address": None, "number": "House Number",
                                                                "street": "Street"}


def test_preview_then_import_as_points(located, directory):
    before = _sha(located.path)
    lines = preview(located, directory, locator="city", columns=AddressColumns(address="Address"))
    assert lines[0].startswith("Geocoded 2 of 3 rows (66.7 %)") and "line" in lines[1] and "4" in lines[1]
    assert _sha(located.path) == before                         # the preview wrote nothing

    r = import_addresses(located, directory, "assets", locator="city", columns=AddressColumns(address="Address"))
    info = located.layer(r.report.layer)
    assert (r.report.layer, info.display_name) == ("food_pantries", "food pantries")   # as from the source
    assert info.source == str(directory.resolve())               # not the temporary file
    gdf = located.read_layer(r.report.layer)
    assert sorted(gdf["name"]) == ["Pantry A", "Pantry B"]       # the unmatched row is left out
    a = gdf.set_index("name")
    assert a.loc["Pantry A", "match_type"] == "exact"
    assert a.loc["Pantry A"].geometry.x == pytest.approx(-90 + 120e-5)
    assert a.loc["Pantry B", "match_type"] == "interpolated"
    assert a.loc["Pantry B"].geometry.x == pytest.approx(-90 + 155e-5)
    assert "Imported 2 of 3 rows" in r.lines()[0]


def test_case_records_refused_and_project_unchanged(located, tmp_path):
    p = tmp_path / "hotline.csv"
    pd.DataFrame({"case_id": ["1"], "address": ["120 Main St"]}).to_csv(p, index=False)
    before = _sha(located.path)
    with pytest.raises(UserError, match="case"):
        import_addresses(located, p, "assets", locator="city", columns=AddressColumns(address="address"))
    with pytest.raises(UserError):
        preview(located, p, locator="city", columns=AddressColumns(address="address"))
    assert _sha(located.path) == before


def test_spanish_translations_parse_and_cover_the_geocode_step():
    # lrelease refuses the whole file when one merge leaves it malformed: every Spanish text goes.
    import xml.etree.ElementTree as ET
    from pathlib import Path

    ts = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "assetmap_es.ts"
    root = ET.parse(ts).getroot()
    ours = [c for c in root.findall("context") if c.findtext("name") == "AddressImportDialog"]
    assert len(ours) == 1
    done = {m.findtext("source"): m.findtext("translation") for m in ours[0].findall("message")}
    assert done["&Import"] == "&Importar" and all(done.values())
