import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pyogrio
import pytest

from assetmap.errors import UserError
from assetmap.layers import LayerRole
from assetmap.project import SCHEMA_VERSION, Project


def test_new_project_is_a_valid_geopackage(tmp_path):
    p = Project.create(tmp_path / "city.gpkg", crs="EPSG:26915", title="My city")
    assert p.crs == "EPSG:26915"
    assert p.title == "My city"
    with sqlite3.connect(p.path) as con:
        assert con.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # GDAL sees the metadata tables as attribute tables of the GeoPackage
    names = [n for n, _ in pyogrio.list_layers(p.path)]
    assert {"assetmap_project", "assetmap_layers"} <= set(names)


def test_metadata_roundtrip_and_order(areas_project):
    p = areas_project
    info = p.layer("neighborhoods")
    assert info.role is LayerRole.AREAS
    assert info.feature_count == 88
    assert info.geometry_type == "MultiPolygon"
    assert info.source.endswith("neighborhoods.geojson")
    assert info.imported_at
    info.style = {"kind": "single", "color": "#123456"}
    info.opacity = 0.5
    info.visible = False
    p.update_layer_info(info)
    again = Project.open(p.path).layer("neighborhoods")
    assert again.style == {"kind": "single", "color": "#123456"}
    assert again.opacity == 0.5 and again.visible is False


def test_new_layers_go_on_top_and_order_can_change(areas_project, stl):
    from assetmap.importers import import_file

    import_file(areas_project, stl / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp", "areas", name="sp")
    assert areas_project.layer_names() == ["sp", "neighborhoods"]
    areas_project.set_layer_order(["neighborhoods", "sp"])
    assert areas_project.layer_names() == ["neighborhoods", "sp"]


def test_remove_layer(areas_project):
    areas_project.remove_layer("neighborhoods")
    assert areas_project.layer_names() == []
    assert "neighborhoods" not in [n for n, _ in pyogrio.list_layers(areas_project.path)]
    with sqlite3.connect(areas_project.path) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_failed_edit_leaves_project_byte_for_byte(areas_project):
    before = areas_project.path.read_bytes()
    gdf = areas_project.read_layer("neighborhoods")
    with pytest.raises(RuntimeError):
        with areas_project.edit() as tx:
            from assetmap.layers import LayerInfo

            tx.write_layer(gdf, LayerInfo("copy", LayerRole.AREAS, "Copy"))
            raise RuntimeError("simulated failure after the write")
    assert areas_project.path.read_bytes() == before
    leftovers = [p.name for p in areas_project.path.parent.iterdir() if p != areas_project.path]
    assert leftovers == []


def test_killed_import_leaves_project_as_it_was(areas_project, stl, tmp_path):
    """SIGKILL while an import is writing: the original file is intact and opens."""
    before = areas_project.path.read_bytes()
    script = textwrap.dedent(f"""
        import os, signal
        from assetmap.project import edit as store
        def then_die(real):
            def write(self, *a, **k):
                real(self, *a, **k)
                os.kill(os.getpid(), signal.SIGKILL)   # killed before the commit
            return write
        store.ProjectEdit.write_layer = then_die(store.ProjectEdit.write_layer)
        store.ProjectEdit.write_layer_chunks = then_die(store.ProjectEdit.write_layer_chunks)  # CSV files
        from assetmap.project import Project
        from assetmap.importers import import_file
        import_file(Project.open({str(areas_project.path)!r}), {str(stl / 'slmpd_part1_2019.csv')!r}, 'other', allow_case_records=True)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL
    # The next open rolls back the dead process's journal and removes its staging file:
    # the project is then byte-for-byte what it was.
    assert Project.open(areas_project.path).layer_names() == ["neighborhoods"]
    assert areas_project.path.read_bytes() == before
    assert [p.name for p in areas_project.path.parent.iterdir() if p.name != areas_project.path.name] == []
    with sqlite3.connect(areas_project.path) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_newer_project_version_is_refused_untouched(project):
    with sqlite3.connect(project.path) as con:
        con.execute("UPDATE assetmap_project SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION + 1),))
    before = project.path.read_bytes()
    with pytest.raises(UserError) as err:
        Project.open(project.path)
    assert "newer version of assetmap" in err.value.message
    assert "Update assetmap" in err.value.hint
    assert project.path.read_bytes() == before


def test_plain_geopackage_is_not_mistaken_for_a_project(tmp_path, stl):
    gdf = pyogrio.read_dataframe(stl / "neighborhoods.geojson")
    other = tmp_path / "partner.gpkg"
    pyogrio.write_dataframe(gdf, other, layer="nbh")
    with pytest.raises(UserError) as err:
        Project.open(other)
    assert "not an assetmap project" in err.value.message
    assert "assetmap import" in err.value.hint


def test_not_a_geopackage(tmp_path):
    bogus = tmp_path / "notes.gpkg"
    bogus.write_text("hello")
    with pytest.raises(UserError, match="not a GeoPackage"):
        Project.open(bogus)


def test_create_refuses_existing_and_bad_crs(tmp_path):
    Project.create(tmp_path / "a.gpkg")
    with pytest.raises(UserError, match="already exists"):
        Project.create(tmp_path / "a.gpkg")
    with pytest.raises(UserError, match="coordinate reference system"):
        Project.create(tmp_path / "b.gpkg", crs="EPSG:999999")
    assert not (tmp_path / "b.gpkg").exists()


def test_unwritable_project_is_reported_untouched(areas_project, stl, monkeypatch):
    from assetmap.importers import import_file

    before = areas_project.path.read_bytes()
    real_access = os.access
    # CI runs as root, for whom chmod does not make files read-only; emulate the check instead.
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with pytest.raises(UserError) as err:
        import_file(areas_project, stl / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp", "areas", name="x")
    assert "read-only" in err.value.message and str(areas_project.path) in err.value.message
    assert areas_project.path.read_bytes() == before


def test_plain_sqlite_insert_into_a_feature_table_keeps_the_spatial_index(areas_project, tmp_path):
    """Survey saves write points with sqlite3 directly; GDAL's index triggers must still work."""
    import geopandas as gpd
    from shapely.geometry import Point

    from assetmap.layers import LayerInfo
    from assetmap.project import gpkg

    pts = gpd.GeoDataFrame({"name": ["a"]}, geometry=[Point(-90.2, 38.6)], crs="EPSG:4326")
    areas_project.write_layer(pts, LayerInfo("pts", LayerRole.ASSETS, "Points"))
    with gpkg.transaction(areas_project.path) as con:
        con.execute("INSERT INTO pts (geom, name) VALUES (?, ?)", (gpkg.point_blob(-90.25, 38.65, 4326), "b"))
    got = pyogrio.read_dataframe(areas_project.path, layer="pts", bbox=(-90.26, 38.64, -90.24, 38.66))
    assert list(got["name"]) == ["b"]


def test_a_second_writer_waits_instead_of_being_lost(areas_project):
    """An import in progress and a metadata save from elsewhere are serialised by SQLite."""
    import threading
    import time

    from assetmap.layers import LayerInfo

    gdf = areas_project.read_layer("neighborhoods")
    done = []

    def other_writer():
        areas_project.set_meta("note", "saved while importing")
        done.append(time.monotonic())

    with areas_project.edit() as tx:
        tx.write_layer(gdf, LayerInfo("copy", LayerRole.AREAS, "Copy"))
        t = threading.Thread(target=other_writer)
        t.start()
        time.sleep(0.3)
        assert done == []  # blocked by our transaction, not failed
        committed_at = time.monotonic()
    t.join(10)
    assert done and done[0] >= committed_at
    assert areas_project.meta("note") == "saved while importing"
    assert set(areas_project.layer_names()) == {"copy", "neighborhoods"}


def test_copied_spatial_index_answers_bbox_queries_like_a_full_scan(areas_project, stl):
    from assetmap.importers import import_file

    import_file(areas_project, stl / "slmpd_part1_2018.csv", "other", name="incidents", allow_case_records=True)
    with sqlite3.connect(areas_project.path) as con:
        n_index = con.execute("SELECT count(*) FROM rtree_incidents_geom").fetchone()[0]
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    everything = pyogrio.read_dataframe(areas_project.path, layer="incidents")
    assert n_index == len(everything)
    box = (-90.26, 38.60, -90.23, 38.63)
    via_index = pyogrio.read_dataframe(areas_project.path, layer="incidents", bbox=box)
    x, y = everything.geometry.x, everything.geometry.y
    brute = everything[x.between(box[0], box[2]) & y.between(box[1], box[3])]
    assert len(via_index) == len(brute) > 100


def test_metadata_reads_share_one_connection_that_never_blocks_a_writer(areas_project, monkeypatch):
    """``layer``/``layers``/``has_layer``/``meta`` reuse one read-only connection per thread (a new
    one parses the schema again); it holds no lock between reads, so a writer commits at once."""
    import sqlite3
    import threading

    project = Project(areas_project.path)   # no read made yet
    opened = []
    real = sqlite3.connect

    def counting(*a, **k):
        opened.append(a[0] if a else k.get("database"))
        return real(*a, **k)

    monkeypatch.setattr(sqlite3, "connect", counting)
    for _ in range(20):
        project.layer("neighborhoods")
        project.layers()
        project.has_layer("neighborhoods")
        project.layer_names()
        assert project.crs == "EPSG:4326"
    assert len(opened) == 1
    monkeypatch.setattr(sqlite3, "connect", real)
    writer = sqlite3.connect(project.path, timeout=0.1, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE assetmap_layers SET display_name='Areas' WHERE name='neighborhoods'")
    writer.execute("COMMIT")   # "database is locked" if a metadata read had kept a lock
    writer.close()
    assert project.layer("neighborhoods").display_name == "Areas"   # seen at the next read

    got = []
    t = threading.Thread(target=lambda: got.append(project.layer("neighborhoods").display_name))
    t.start()
    t.join()
    assert got == ["Areas"]   # another thread gets a connection of its own


def test_a_project_file_replaced_under_its_name_is_read_anew(tmp_path):
    from assetmap.project import Project

    path = tmp_path / "p.gpkg"
    first = Project.create(path, title="First")
    assert first.title == "First" and first.layers() == []
    Project.create(path, title="Second", overwrite=True)   # a new file under the same name
    assert first.title == "Second"
