"""HSDS packages whose locations have addresses but no coordinates (211 exports) import with positions."""

import pandas as pd
import pytest

from assetmap.cli import main

def test_hsds_locations_placed_from_addresses(project, package, tmp_path, capsys):
    rows = [(n, "MAIN ST", -90 + n * 1e-5, 38.6 + (n % 2) * 2e-4) for n in range(100, 200, 10)]
    rows += [(n, "MAIN ST", -90 + n * 1e-5, 38.6002) for n in range(101, 200, 10)]
    src = tmp_path / "addresses.csv"
    pd.DataFrame(rows, columns=["house", "street", "lon", "lat"]).to_csv(src, index=False)
    p = str(project.path)
    assert main(["locator", "add", p, "city", str(src), "--number", "house", "--street", "street"]) == 0
    assert main(["hubs", "import", p, str(package), "--locator", "city"]) == 0
    out = capsys.readouterr().out
    assert "2 hubs placed on the map, 1 without a position" in out
    assert "Placed 2 of 2 locations without coordinates from their address" in out
    hubs = project.read_layer("hubs").set_index("id")
    first = hubs.loc["3a19ff88-4620-4d17-9830-ac1d859eb5d5"]
    assert first["geocode_match"] == "exact"
    assert (first.geometry.x, first.geometry.y) == pytest.approx((-90 + 120e-5, 38.6))
    annex = hubs.loc["loc-2"]
    assert annex["geocode_match"] == "exact"
    assert (annex.geometry.x, annex.geometry.y) == pytest.approx((-90 + 151e-5, 38.6002))
    assert hubs.loc["loc-3"].geometry is None and hubs.loc["loc-3"]["geocode_match"] in ("", None)
    # The export writes the positions found (a public directory) but not assetmap's match column.
    out_dir = tmp_path / "export"
    assert main(["hubs", "export", p, str(out_dir)]) == 0
    exported = pd.read_csv(out_dir / "locations.csv", dtype=str, keep_default_na=False)
    assert "geocode_match" not in exported.columns
    assert float(exported.set_index("id").loc["loc-2", "latitude"]) == pytest.approx(38.6002)


def test_without_locator_they_stay_unplaced(project, package, capsys):
    assert main(["hubs", "import", str(project.path), str(package)]) == 0
    assert "0 hubs placed on the map, 3 without a position" in capsys.readouterr().out
