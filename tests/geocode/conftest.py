from __future__ import annotations

import shutil

import pytest

from tests.shared_data import STL  # noqa: E402


@pytest.fixture(scope="session")
def police_years():
    if not (STL / "slmpd_part1_2017.csv").exists():
        pytest.fail(f"shared data not found at {STL}")
    return {y: STL / f"slmpd_part1_{y}.csv" for y in (2017, 2018, 2019)}


@pytest.fixture(scope="session")
def reference_csv(police_years, tmp_path_factory):
    """2017 + 2018 police incidents in one file: the locator source the issue names."""
    import pandas as pd

    d = tmp_path_factory.mktemp("geocode_ref")
    out = d / "ref.csv"
    pd.concat([pd.read_csv(police_years[y], dtype=str, keep_default_na=False) for y in (2017, 2018)]).to_csv(
        out, index=False)
    return out


@pytest.fixture(scope="session")
def _located_template(reference_csv, tmp_path_factory):
    from assetmap.geocode.locators import add_locator
    from assetmap.importers import import_file
    from assetmap.project import Project

    d = tmp_path_factory.mktemp("geocode_tpl")
    p = Project.create(d / "tpl.gpkg", crs="EPSG:4326")
    import_file(p, STL / "neighborhoods.geojson", "areas", name="neighborhoods", id_field="NHD_NUM",
                name_field="NHD_NAME")
    add_locator(p, "police", reference_csv, number="ileads_address", street="ileads_street", public_source=True)
    return p.path


@pytest.fixture()
def gproject(_located_template, tmp_path):
    """A project with the neighbourhoods and a locator 'police' made from 2017+2018."""
    import shutil

    from assetmap.project import Project

    dst = tmp_path / "g.gpkg"
    shutil.copyfile(_located_template, dst)
    return Project.open(dst)


HSDS = STL.parent / "hsds3"


@pytest.fixture()
def package(tmp_path):
    """The official example package, its location duplicated, coordinates removed, addresses in a
    city the locator knows (one location has no address at all)."""
    import pandas as pd

    pkg = tmp_path / "pkg"
    shutil.copytree(HSDS, pkg)
    loc = pd.read_csv(pkg / "locations.csv", dtype=str, keep_default_na=False)
    two = pd.concat([loc, loc.assign(id="loc-2", name="Annex"), loc.assign(id="loc-3", name="Van")],
                    ignore_index=True)
    two["latitude"] = ""
    two["longitude"] = ""
    two.to_csv(pkg / "locations.csv", index=False)
    addr = pd.read_csv(pkg / "addresses.csv", dtype=str, keep_default_na=False)
    a2 = addr.assign(id="addr-2", location_id="loc-2")
    addr["address_1"], addr["city"], addr["state_province"], addr["postal_code"] = (
        "120 Main Street", "St. Louis", "MO", "63110")
    addr["address_type"] = "physical"
    a2["address_1"], a2["city"], a2["state_province"], a2["address_type"] = "151 main st", "St. Louis", "MO", "postal"
    pd.concat([addr, a2], ignore_index=True).to_csv(pkg / "addresses.csv", index=False)
    return pkg
