from __future__ import annotations

import shutil

import pytest

from tests.conftest import STL

INCIDENT_FILES = [STL / f"slmpd_part1_{y}.csv" for y in (2017, 2018, 2019)]
DV_LAYER = "dv_by_neighborhoods_quarterly"
MAL_LAYER = "maltreatment_by_neighborhoods_quarterly"

# Known public places in St. Louis (WGS 84).
SLU = (-90.2340, 38.6365)
TOWER_GROVE = (-90.2590, 38.6070)
CARONDELET_PARK = (-90.2620, 38.5620)
# Positions (in NHD_NUM order) of the neighbourhoods holding each asset / survey response.
ASSET_AT = [0, 0, 1, 4, 4, 4, 10]
ASSET_TYPES = ["faith", "youth", "faith", "faith", "youth", "shelter", "faith"]
ASSET_CONFIDENTIAL = [0, 0, 0, 0, 0, 1, 0]
SURVEY_AT = [2, 2, 5, 20]


@pytest.fixture(scope="session")
def independent_counts():
    """Reports per (NHD_NUM, quarter) counted straight from the police files with geopandas:
    rows whose description contains the word, sjoin on the neighbourhoods, smallest id wins a
    border point. Nothing from assetmap is used."""
    import geopandas as gpd
    import pandas as pd

    nh = gpd.read_file(STL / "neighborhoods.geojson")[["NHD_NUM", "geometry"]]
    raw = pd.concat([pd.read_csv(f, usecols=["date_occur", "description", "x", "y"], low_memory=False)
                     for f in INCIDENT_FILES], ignore_index=True)
    out = {}
    for word in ("DOMESTIC", "CHILD"):
        df = raw[raw["description"].astype(str).str.contains(word, regex=False)]
        df = df[pd.to_numeric(df["x"], errors="coerce").notna() & pd.to_numeric(df["y"], errors="coerce").notna()]
        when = pd.to_datetime(df["date_occur"], format="mixed")
        q = when.dt.year.astype(str) + "-Q" + when.dt.quarter.astype(str)
        pts = gpd.GeoDataFrame({"q": q.to_numpy()}, geometry=gpd.points_from_xy(
            pd.to_numeric(df["x"]), pd.to_numeric(df["y"])), crs="EPSG:4326")
        joined = gpd.sjoin(pts, nh, predicate="intersects")
        first = joined.reset_index().groupby("index").agg(q=("q", "first"), nhd=("NHD_NUM", "min"))
        out[word] = first.groupby(["nhd", "q"]).size().to_dict()
    return out


@pytest.fixture()
def demo(demo_copy):
    return demo_copy


@pytest.fixture()
def demo_full(demo_copy):
    """The demo plus public parenting hubs at SLU and Tower Grove Park, a confidential shelter
    offering parenting at Carondelet Park, an assets layer with types (one confidential) and a
    survey layer with responses in three neighbourhoods."""
    import geopandas as gpd

    from assetmap.commands import CommandStack
    from assetmap.hubs import commands
    from assetmap.hubs.directory import ServiceSpec
    from assetmap.layers import LayerInfo, LayerRole

    p = demo_copy
    stack = CommandStack()
    stack.push(commands.add_hub(p, "SLU family centre", *SLU, services=[ServiceSpec("Parenting class", "parenting")]))
    stack.push(commands.add_hub(p, "Tower Grove hub", *TOWER_GROVE,
                                services=[ServiceSpec("Parent cafe", "parenting"), ServiceSpec("Clinic", "health")]))
    stack.push(commands.add_hub(p, "Carondelet Shelter", *CARONDELET_PARK, confidential=True,
                                services=[ServiceSpec("Parenting", "parenting")]))
    areas = p.read_layer("neighborhoods").sort_values("NHD_NUM").reset_index(drop=True)
    inside = areas.geometry.representative_point()
    assets = gpd.GeoDataFrame(
        {"name": [f"asset {i}" for i in range(len(ASSET_AT))], "type": ASSET_TYPES,
         "confidential": ASSET_CONFIDENTIAL},
        geometry=[inside.iloc[i] for i in ASSET_AT], crs=areas.crs)
    p.write_layer(assets, LayerInfo("assets", LayerRole.ASSETS, "Community assets"))
    survey = gpd.GeoDataFrame({"answer": ["a", "b", "c", "d"]},
                              geometry=[inside.iloc[i] for i in SURVEY_AT], crs=areas.crs)
    p.write_layer(survey, LayerInfo("survey_visits", LayerRole.SURVEY, "Door-to-door visits"))
    return p


def copy_project(project, tmp_path, name="copy.gpkg"):
    from assetmap.project import Project

    dst = tmp_path / name
    shutil.copyfile(project.path, dst)
    return Project.open(dst)
