"""Sensitivity is part of the layer model: every command that writes a layer, and then what a
field package holds (issue 17, case 1: `bivariate --layer` reached a volunteer's package)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from assetmap.cli import main
from assetmap.errors import UserError
from assetmap.project import Project

SLU, TGP, ARCH = (-90.2340, 38.6365), (-90.2590, 38.6070), (-90.1848, 38.6247)


def _run(*args) -> None:
    assert main([str(a) for a in args]) == 0, args


@pytest.fixture()
def full(rproject, incidents, tmp_path):
    """A project where every command that writes a layer has written one."""
    import geopandas as gpd
    from shapely.geometry import Point

    p = rproject.path
    assets = tmp_path / "assets.geojson"
    gpd.GeoDataFrame({"name": ["Library", "Church"]}, geometry=[Point(*SLU), Point(*ARCH)],
                     crs="EPSG:4326").to_file(assets, driver="GeoJSON")
    _run("import", p, assets, "--role", "assets", "--name", "assets")
    for kind in ("dv", "maltreatment"):
        filt = ["--filter-col", "description", "--filter-contains",
                "DOMESTIC" if kind == "dv" else "CHILD"]
        _run("reports", p, incidents, "--kind", kind, "--areas", "neighborhoods",
             "--population-field", "pop17", *filt)
    _run("reports", p, incidents, "--kind", "dv", "--areas", "neighborhoods", "--kde", "600",
         "--name", "dv_density", "--filter-col", "description", "--filter-contains", "DOMESTIC")
    _run("hotspots", p, "dv_by_neighborhoods")
    _run("bivariate", p, "dv_by_neighborhoods", "maltreatment_by_neighborhoods", "--layer")
    _run("hubs", "add", p, "Parent cafe", "--lon", TGP[0], "--lat", TGP[1], "--service", "parenting")
    _run("hubs", "add", p, "Clinic", "--lon", SLU[0], "--lat", SLU[1], "--service", "health")
    _run("catchments", p, "--within", "1mi")
    _run("coverage", p, "--within", "1mi", "--layer", "coverage_1mi")
    _run("access", p, "--need", "dv_by_neighborhoods:rate_per_1000", "--service", "parenting")
    _run("survey", "install", p, "--builtin")
    return Project.open(p)


EXPECTED = {
    "neighborhoods": "public", "assets": "public", "hubs": "public", "catchments": "public",
    "coverage_1mi": "public",
    "dv_by_neighborhoods": "internal", "maltreatment_by_neighborhoods": "internal", "dv_density": "internal",
    "dv_by_neighborhoods_hotspots": "internal", "access_gaps_parenting": "internal",
    "dv_x_maltreatment_by_neighborhoods": "internal",
}


def test_every_written_layer_has_its_sensitivity_and_a_package_holds_only_public_ones(full, tmp_path):
    levels = {i.name: i.sensitivity for i in full.layers()}
    for name, level in EXPECTED.items():
        assert levels[name] == level, (name, levels[name])
    assert set(levels.values()) <= {"public", "internal", "confidential"}
    # stored in the project, not only derived on reading
    with sqlite3.connect(full.path) as con:
        stored = {n: json.loads(e).get("sensitivity") for n, e in con.execute("SELECT name, extra FROM assetmap_layers")}
    assert stored["dv_x_maltreatment_by_neighborhoods"] == "internal"
    assert stored["assets"] == "public"

    pkg = tmp_path / "ann.gpkg"
    _run("survey", "pack", full.path, pkg, "--surveyor", "Ann")
    inside = set(Project.open(pkg).layer_names())
    assert "dv_x_maltreatment_by_neighborhoods" not in inside  # the case
    for name, level in EXPECTED.items():
        if level == "public":
            assert name in inside, name
        else:
            assert name not in inside, name
    # nothing in the package's tables carries a report count or rate
    with sqlite3.connect(pkg) as con:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for t in tables:
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')]
            assert not {"rate_per_1000", "value_a", "gi_z", "density"} & set(cols), t


def test_a_new_kind_of_layer_made_from_an_internal_one_is_internal_for_free(full, tmp_path):
    """A feature nobody taught about privacy: it reads an aggregate and writes a plain layer."""
    from assetmap.layers import LayerInfo, LayerRole
    from assetmap.layers.sensitivity import track

    with track():  # what every CLI command and every GUI task runs in
        gdf = full.read_layer("dv_by_neighborhoods")
        risk = gdf[["geometry"]].assign(score=gdf["count"].fillna(0) * 2)
        full.write_layer(risk, LayerInfo("risk_score", LayerRole.OTHER, "Risk score"))
    info = full.layer("risk_score")
    assert info.sensitivity == "internal"
    assert "dv_by_neighborhoods" in info.extra["derived_from"]
    # ... and one made from that is internal too (lineage follows chains)
    with track():
        second = full.read_layer("risk_score")
        full.write_layer(second, LayerInfo("risk_copy", LayerRole.OTHER, "Copy"))
    assert full.layer("risk_copy").sensitivity == "internal"
    pkg = tmp_path / "bob.gpkg"
    _run("survey", "pack", full.path, pkg, "--surveyor", "Bob")
    assert not {"risk_score", "risk_copy"} & set(Project.open(pkg).layer_names())


def test_sensitivity_can_be_raised_not_lowered_below_lineage(full):
    from assetmap.privacy import set_sensitivity

    with pytest.raises(UserError, match="internal"):
        set_sensitivity(full, "dv_x_maltreatment_by_neighborhoods", "public")
    with pytest.raises(UserError):
        set_sensitivity(full, "dv_by_neighborhoods", "public")
    assert full.layer("dv_by_neighborhoods").sensitivity == "internal"
    set_sensitivity(full, "dv_by_neighborhoods", "confidential")
    # what was made from it follows
    assert full.layer("dv_x_maltreatment_by_neighborhoods").sensitivity == "confidential"
    assert full.layer("dv_by_neighborhoods_hotspots").sensitivity == "confidential"
    set_sensitivity(full, "assets", "internal")
    assert full.layer("assets").sensitivity == "internal"
    set_sensitivity(full, "assets", "public")  # a user's own raise can be undone
    assert full.layer("assets").sensitivity == "public"


def test_projects_from_before_sensitivity_derive_it_from_role_and_provenance(full):
    """Migration: strip the stored value, as in a project made by the previous version."""
    with sqlite3.connect(full.path) as con:
        for name, extra in con.execute("SELECT name, extra FROM assetmap_layers").fetchall():
            e = json.loads(extra)
            e.pop("sensitivity", None)
            e.pop("derived_from", None)
            con.execute("UPDATE assetmap_layers SET extra=? WHERE name=?", (json.dumps(e), name))
    levels = {i.name: i.sensitivity for i in Project.open(full.path).layers()}
    for name, level in EXPECTED.items():
        assert levels[name] == level, name


def test_exits_refuse_a_confidential_layer(full, tmp_path):
    from assetmap.mapview.export import pick_layers
    from assetmap.privacy import set_sensitivity

    set_sensitivity(full, "assets", "confidential")
    assert main(["export", str(full.path), "assets", str(tmp_path / "a.geojson")]) == 2
    assert not (tmp_path / "a.geojson").exists()
    with pytest.raises(UserError, match="confidential"):
        pick_layers(full, ["assets"])
    assert "assets" not in [i.name for i in pick_layers(full, None)]
    assert main(["map", str(full.path), str(tmp_path / "m.html"), "--layers", "assets"]) == 2
    # internal layers are office products: they may be exported (suppressed), never packaged
    assert main(["export", str(full.path), "dv_by_neighborhoods", str(tmp_path / "dv.geojson")]) == 0


def test_sensitivity_command(full, capsys):
    assert main(["sensitivity", str(full.path)]) == 0
    out = capsys.readouterr().out
    assert "dv_x_maltreatment_by_neighborhoods" in out and "made from dv_by_neighborhoods" in out
    assert main(["sensitivity", str(full.path), "dv_by_neighborhoods_hotspots", "public"]) == 2
    assert "made from internal data" in capsys.readouterr().err
    assert main(["sensitivity", str(full.path), "assets", "internal"]) == 0
    assert full.layer("assets").sensitivity == "internal"


def test_a_surveyor_on_the_shared_server_reads_exactly_the_public_layers(full, pg_server):
    """The same walk, then what the `surveyor` role reads with plain SQL once it is published."""
    import psycopg

    from assetmap.postgis.connect import connect
    from assetmap.postgis.publish import publish

    base = pg_server.url()
    url = base + "?options=-csearch_path%3Dlineage17"
    publish(full.path, url, replace=True)
    assert main(["admin", "init-roles", url]) == 0
    with psycopg.connect(base, autocommit=True) as con:
        con.execute('DROP ROLE IF EXISTS "vol17"')
        con.execute('CREATE ROLE "vol17" LOGIN IN ROLE "surveyor"')
    levels = {i.name: i.sensitivity for i in full.layers()}
    with connect(url.replace("postgres@", "vol17@"), autocommit=True) as vol:
        for name, level in levels.items():
            if level == "public":
                vol.execute(f'SELECT count(*) FROM "{name}"').fetchone()
            else:
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    vol.execute(f'SELECT * FROM "{name}"')
    assert levels["dv_x_maltreatment_by_neighborhoods"] == "internal"


def test_what_each_audience_is_drawn(full):
    """The map window (office), map files (share) and survey mode (field) draw through one cache."""
    import json as _json

    from assetmap.mapview.layers import LayerCache
    from assetmap.privacy import set_sensitivity

    set_sensitivity(full, "assets", "confidential")
    office, share, field = (LayerCache(full, audience=a) for a in ("office", "share", "field"))
    assert len(office.frame("dv_by_neighborhoods")) == 88 and len(share.frame("dv_by_neighborhoods")) == 88
    assert len(field.frame("dv_by_neighborhoods")) == 0            # a volunteer never sees report counts
    assert len(field.frame("dv_x_maltreatment_by_neighborhoods")) == 0
    assert len(field.frame("neighborhoods")) == 88
    for cache in (office, share, field):                              # a confidential layer: nowhere
        assert _json.loads(cache.geojson("assets"))["features"] == []
