"""A confidential hub or service leaves no trace in any export."""

from __future__ import annotations

import pytest

from assetmap.commands import CommandStack
from assetmap.hubs import commands, directory
from assetmap.hubs.directory import ServiceSpec
from tests.conftest import run_cli

SECRET_NAME = "Hidden Haven Shelter"
SECRET_LON, SECRET_LAT = -90.271829, 38.594417
SECRET_SERVICE = "Confidential Court Advocate"


@pytest.fixture()
def mixed(project):
    stack = CommandStack()
    stack.push(commands.add_hub(project, "Open Door Family Center", -90.2, 38.63, organization="Open Door",
                                services=[ServiceSpec("Parenting group", "parenting"),
                                          ServiceSpec(SECRET_SERVICE, "dv_advocacy", confidential=True)],
                                phone="314-555-0101"))
    stack.push(commands.add_hub(project, SECRET_NAME, SECRET_LON, SECRET_LAT, organization="Haven Secret Org",
                                services=[ServiceSpec("Emergency shelter beds", "housing")],
                                phone="314-555-0999", address="4821 Quiet Lane", confidential=True))
    return project


def _traces(text: str) -> list[str]:
    needles = [SECRET_NAME, "Haven Secret Org", SECRET_SERVICE, "Emergency shelter beds", "314-555-0999",
               "4821 Quiet Lane", "38.5944", "-90.2718", "594417", "271829"]
    return [n for n in needles if n in text]


def _all_text(folder) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", "replace") for p in folder.rglob("*") if p.is_file())


def test_hsds_export_has_no_trace(mixed, tmp_path):
    from assetmap.hubs.hsds_export import export_hsds

    counts = export_hsds(mixed, tmp_path / "hsds")
    assert counts["locations"] == 1 and counts["services"] == 1
    assert _traces(_all_text(tmp_path / "hsds")) == []
    # the full directory does hold them: the filter, not an accident, removed them
    full = directory.load(mixed)
    assert SECRET_NAME in set(full["locations"]["name"]) and SECRET_SERVICE in set(full["services"]["name"])


@pytest.mark.parametrize("suffix", [".gpkg", ".csv", ".geojson"])
def test_layer_export_has_no_trace(mixed, tmp_path, suffix, backend):
    out = tmp_path / f"hubs{suffix}"
    r = run_cli("export", backend.target(mixed), "hubs", out)
    assert r.returncode == 0, r.stderr
    assert "Open Door Family Center" in out.read_bytes().decode("utf-8", "replace") or suffix == ".gpkg"
    if suffix == ".gpkg":
        import pyogrio

        gdf = pyogrio.read_dataframe(out)
        assert gdf["name"].tolist() == ["Open Door Family Center"]
        text = gdf.drop(columns="geometry").to_csv() + gdf.geometry.to_wkt().str.cat()
        # free pages of an SQLite file may still hold deleted bytes: check the raw file too
        assert _traces(out.read_bytes().decode("latin-1")) == []
    else:
        text = out.read_text()
    assert _traces(text) == []


def test_hub_popup_fields_hide_confidential_service(mixed):
    gdf = mixed.read_layer("hubs")
    public = gdf[gdf["confidential"] != "1"].iloc[0]
    assert public["categories"] == "parenting"
    assert _traces(" ".join(str(v) for v in public.to_dict().values())) == []


def test_cli_list_shows_only_a_count(mixed, backend):
    r = run_cli("hubs", "list", backend.target(mixed))
    assert r.returncode == 0 and _traces(r.stdout) == [] and "1 confidential hub" in r.stdout


def test_phone_and_hours_of_a_confidential_service_stay_out_of_the_popup(project, tmp_path):
    from assetmap.hubs.hsds_export import export_hsds

    stack = CommandStack()
    stack.push(commands.add_hub(project, "Open Door", -90.2, 38.63, services=[
        ServiceSpec("Parenting group", "parenting"), ServiceSpec(SECRET_SERVICE, "dv_advocacy", confidential=True)]))

    def secret_contact(d):
        hub = d.hub_ids()[0]
        sid = d["services"].loc[d["services"]["name"] == SECRET_SERVICE, "id"].iloc[0]
        d._append("phones", {"id": "ph-secret", "location_id": hub, "service_id": sid, "number": "314-555-0999"})
        d._append("schedules", {"id": "sch-secret", "location_id": hub, "service_id": sid,
                                "description": "Hidden Haven intake nights"})

    stack.push(commands.edit_command(project, "secret contact", secret_contact))
    row = project.read_layer("hubs").iloc[0]
    assert row["phone"] == "" and row["hours"] == ""
    export_hsds(project, tmp_path / "hsds")
    text = _all_text(tmp_path / "hsds")
    assert _traces(text) == [] and "Hidden Haven intake" not in text


def test_map_geojson_has_no_trace(mixed):
    """What the map draws (and its popups show) comes from the layer GeoJSON."""
    import importlib

    try:  # the map view is another feature's package, possibly still being written
        geojson = importlib.import_module("assetmap.mapview.geojson")
    except Exception as exc:  # noqa: BLE001
        pytest.skip(f"map view GeoJSON not importable: {exc}")
    if not hasattr(geojson, "layer_geojson"):
        pytest.skip("map view GeoJSON not available")
    import json

    for layer in ("hubs",):
        text = geojson.layer_geojson(mixed.read_layer(layer))
        names = [f["properties"]["name"] for f in json.loads(text)["features"]]
        assert names == ["Open Door Family Center"]
        assert _traces(text) == []
    from assetmap.access.catchments import catchment_layer, write_catchments

    write_catchments(mixed, catchment_layer(directory.load(mixed), [1609.344], by="hub"))
    text = geojson.layer_geojson(mixed.read_layer("catchments"))
    assert len(json.loads(text)["features"]) == 1 and _traces(text) == []
