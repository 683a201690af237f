"""Resource finder: nearest first, confidential never listed, the spot left nowhere."""

from __future__ import annotations

import json
import re
import struct
import tempfile
import time
import zlib
from pathlib import Path

import pytest
import shapely
from pyproj import Transformer
from shapely.geometry import Point

from assetmap.access.finder import find_resources
from assetmap.access.referral_pdf import write_referral_sheet
from assetmap.errors import UserError
from tests.conftest import run_cli
from tests.hubs.conftest import PLACES

SPOT = (-90.24173, 38.61259)  # a made-up family address near Shaw
_T = Transformer.from_crs("EPSG:4326", "EPSG:32615", always_xy=True)


def _utm(lon, lat):
    return shapely.transform(Point(lon, lat), _T.transform, interleaved=False)


@pytest.fixture()
def with_assets(demo_with_hubs, tmp_path):
    from assetmap.importers import import_file

    csv = tmp_path / "assets.csv"
    csv.write_text("name,category,phone,latitude,longitude\n"
                   "Shaw Parent Circle,Parenting support,314-555-0111,38.6150,-90.2480\n"
                   "Corner Pantry,food,,38.6200,-90.2400\n")
    import_file(demo_with_hubs, csv, "assets", name="assets")
    csv.unlink()
    return demo_with_hubs


def _pdf_lines(path: Path) -> list[str]:
    data = path.read_bytes()
    raw = re.findall(rb"\(((?:[^()\\]|\\.)*)\) Tj", data)
    return [re.sub(r"\\(.)", r"\1", m.decode("cp1252")) for m in raw]


def test_nearest_first_with_independent_distances(with_assets):
    res = find_resources(with_assets, ["parenting", "health", "Domestic-violence advocacy"], spot=SPOT)
    here = _utm(*SPOT)
    places = {**PLACES, "Shaw Parent Circle": (-90.2480, 38.6150)}
    parenting = res.for_category("parenting")
    # public parenting hubs (SLU, Tower Grove Park) and the matching asset; never the shelter
    names = [r.name for r in parenting]
    expected = sorted(["Saint Louis University", "Tower Grove Park", "Shaw Parent Circle"],
                      key=lambda n: here.distance(_utm(*places[n])))
    assert names == expected
    for r in parenting:
        assert r.distance_m == pytest.approx(here.distance(_utm(*places[r.name])), rel=1e-6)
    assert [r.kind for r in parenting if r.name == "Shaw Parent Circle"] == ["asset"]
    health = [r.name for r in res.for_category("health")]
    assert health == sorted(["Tower Grove Park", "Gateway Arch", "Fairground Park"],
                            key=lambda n: here.distance(_utm(*places[n])))
    assert res.for_category("dv_advocacy") == []       # only the confidential shelter offers it
    assert all("Carondelet" not in r.name for r in res.resources)


def test_from_a_neighbourhood(with_assets):
    res = find_resources(with_assets, ["health"], area="Downtown", per_category=1)
    assert res.origin_label == "Downtown" and [r.name for r in res.for_category("health")] == ["Gateway Arch"]
    with pytest.raises(UserError, match="No neighbourhood"):
        find_resources(with_assets, ["health"], area="Atlantis")
    with pytest.raises(UserError, match="either a spot or a neighbourhood"):
        find_resources(with_assets, ["health"])


def test_referral_sheet_order_and_no_spot_anywhere(with_assets, tmp_path, monkeypatch, backend):
    monkeypatch.chdir(tmp_path)
    t = backend.target(with_assets)
    tmp_before = {p for p in Path(tempfile.gettempdir()).iterdir()}
    started = time.time()
    project_before = backend.state(t)
    out = tmp_path / "sheet.pdf"
    r = run_cli("find", t, f"--at={SPOT[0]},{SPOT[1]}", "--service", "parenting",
                "--service", "health", "--pdf", out)
    assert r.returncode == 0, r.stderr
    lines = _pdf_lines(out)
    assert out.read_bytes().startswith(b"%PDF-1.4") and out.read_bytes().rstrip().endswith(b"%%EOF")
    res = find_resources(with_assets, ["parenting", "health"], spot=SPOT)
    listed = [line.rsplit(" - ", 1)[0].split(". ", 1)[1] for line in lines if re.match(r"^\d\. ", line)]
    assert listed == [r.name for r in res.for_category("parenting")] + [r.name for r in res.for_category("health")]
    assert lines.index("Parenting support") < lines.index("Health")
    # the spot: in no file we can see, in any spelling
    assert backend.state(t) == project_before
    needles = [f"{v:.{k}f}".encode() for v in SPOT for k in (3, 4, 5)] + [struct.pack("<d", v) for v in SPOT]
    needles += [str(v).encode() for v in SPOT]
    candidates = [p for p in tmp_path.rglob("*") if p.is_file()]
    candidates += [p for p in Path(tempfile.gettempdir()).iterdir() if p.is_file() and p not in tmp_before]
    candidates += backend.server_files(since=started)  # the server's data, WAL and log
    for path in candidates:
        data = path.read_bytes()
        for blob in (data, _inflate(data)):
            assert not any(n in blob for n in needles), path
    assert not any(n.decode("latin-1") in r.stdout + r.stderr for n in needles[:6])


def _inflate(data: bytes) -> bytes:
    try:
        return zlib.decompress(data)
    except zlib.error:
        return b""


def test_cli_find_json_and_errors(with_assets, tmp_path, backend):
    t = backend.target(with_assets)
    r = run_cli("find", t, "--area", "Downtown", "--service", "food", "--json")
    assert r.returncode == 0, r.stderr
    assert [x["name"] for x in json.loads(r.stdout)["resources"]] == ["Corner Pantry"]
    r = run_cli("find", t, "--at", "38.6", "--service", "food")
    assert r.returncode == 2 and "LON,LAT" in r.stderr
    r = run_cli("find", t, "--at=-90.2,95", "--service", "food")
    assert r.returncode == 2 and "not a longitude/latitude" in r.stderr and "95" not in r.stderr
    sheet = tmp_path / "s.txt"
    r = run_cli("find", t, "--area", "Downtown", "--service", "food", "--pdf", sheet)
    assert r.returncode == 2 and ".pdf" in r.stderr


def test_sheet_too_long_goes_compact_then_says_what_is_cut(tmp_path):
    from assetmap.access.finder import FinderResult, Resource

    cats = [f"c{i}" for i in range(8)]
    res = FinderResult("Downtown", cats, {c: f"Category {c}" for c in cats})
    for c in cats:
        for k in range(3):
            res.resources.append(Resource(c, "hub", f"{c} hub {k}", 1000.0 * (k + 1), services="S " * 30,
                                          hours="Mon-Fri 9-5 " * 4, phone="314-555-0100", address="1 Main St",
                                          eligibility="Everyone " * 12))
    out = write_referral_sheet(res, tmp_path / "long.pdf")
    lines = _pdf_lines(out)
    assert "Category c0" in lines and lines[lines.index("Category c0") + 1].startswith("1. c0 hub 0 - 0.62 mi")
    assert any(line.startswith("(More results did not fit") for line in lines)
    assert not any(line.startswith("Eligibility") for line in lines)       # compact layout
    assert out.read_bytes().count(b"/Type /Page ") == 1
    short = FinderResult("Downtown", ["c0"], {"c0": "Category c0"}, res.for_category("c0"))
    lines = _pdf_lines(write_referral_sheet(short, tmp_path / "short.pdf"))
    assert any(line.startswith("Eligibility: Everyone") for line in lines)
    assert not any(line.startswith("(More results") for line in lines)
