"""Survey responses: save, update, delete/restore, history, photos, undo — on a real project."""

from __future__ import annotations

import sqlite3

import pytest

from assetmap.errors import UserError
from tests.survey.storage_forms import asset_form, point_in


@pytest.fixture()
def store(demo_copy):
    from assetmap.survey.store import SurveyStore

    s = SurveyStore(demo_copy, device_id="laptop-1")
    s.install_form(asset_form())
    return s


def test_install_makes_a_point_layer_gdal_reads_with_style_by_type(store, demo_copy):
    import pyogrio

    from assetmap.layers import LayerRole

    info = demo_copy.layer("survey_assets")
    assert info.role == LayerRole.ASSETS and info.display_name == "Community assets"
    assert info.geometry_type == "Point" and info.feature_count == 0
    assert info.style["kind"] == "categorized" and info.style["field"] == "asset_type_label"
    assert set(info.style["categories"]) == {"Faith-based organisation", "School", "DV service"}
    meta = pyogrio.read_info(demo_copy.path, layer="survey_assets")
    assert meta["geometry_type"] == "Point" and meta["features"] == 0
    assert {"uuid", "surveyor", "device_id", "created_at", "modified_at", "revision", "deleted", "confidential",
            "answers", "name", "asset_type", "asset_type_label", "services", "staff", "photo"} <= set(meta["fields"])
    assert [f.form_id for f in store.forms()] == ["assets"]
    # Installing again (a new version) keeps the layer and is harmless.
    assert store.install_form(asset_form("2")) == "survey_assets"
    assert store.form("assets").version == "2"


def test_save_update_flattens_columns_and_keeps_exact_answers(store, demo_copy):
    lat, lon = point_in(demo_copy, 5)
    r = store.save("assets", {"name": "Grace Church", "asset_type": "faith", "services": ["food", "childcare"],
                              "staff": 3, "location": (lat, lon)}, surveyor="Ann")
    assert r.revision == 1 and r.surveyor == "Ann" and r.device_id == "laptop-1" and len(r.uuid) == 36
    gdf = demo_copy.read_layer("survey_assets")
    row = gdf.iloc[0]
    assert row["services"] == "food childcare" and row["staff"] == 3 and row["asset_type_label"] == "Faith-based organisation"
    assert row.geometry.x == pytest.approx(lon) and row.geometry.y == pytest.approx(lat)
    assert demo_copy.layer("survey_assets").feature_count == 1

    r2 = store.save("assets", {"name": "Grace Church", "asset_type": "faith", "services": ["food"], "staff": 4,
                               "location": (lat, lon)}, uuid=r.uuid, surveyor="Bob", device_id="laptop-2")
    assert r2.uuid == r.uuid and r2.revision == 2
    got = store.get(r.uuid)
    assert got.answers == {"name": "Grace Church", "asset_type": "faith", "services": ["food"], "staff": 4,
                           "location": (lat, lon)}
    assert got.surveyor == "Ann"  # who created it; the editor is in the history
    hist = store.history(r.uuid)
    assert [(h.revision, h.action, h.surveyor) for h in hist] == [(1, "create", "Ann"), (2, "edit", "Bob")]
    assert hist[1].changes == {"services": [["food", "childcare"], ["food"]], "staff": [3, 4]}
    assert hist[1].device_id == "laptop-2"
    assert len(demo_copy.read_layer("survey_assets")) == 1
    # Saving the same answers again is not a new revision.
    assert store.save("assets", dict(got.answers), uuid=r.uuid, surveyor="Bob").revision == 2
    assert len(store.history(r.uuid)) == 2


def test_invalid_answers_are_refused_and_nothing_is_written(store, demo_copy):
    with pytest.raises(UserError) as err:
        store.save("assets", {"asset_type": "faith", "staff": -2}, surveyor="Ann")
    assert "name" in err.value.message and "staff" in err.value.message
    with pytest.raises(UserError, match="no question named colour"):
        store.save("assets", {"name": "x", "colour": "red"}, surveyor="Ann")
    with pytest.raises(UserError, match="surveyor"):
        store.save("assets", {"name": "x"}, surveyor=" ")
    with pytest.raises(UserError, match="no survey form 'nope'"):
        store.save("nope", {"name": "x"}, surveyor="Ann")
    assert store.responses("assets") == []


def test_delete_hides_from_map_and_restore_brings_back(store, demo_copy):
    lat, lon = point_in(demo_copy, 10)
    seen = []
    store.changed.connect(lambda u: seen.append(u))
    r = store.save("assets", {"name": "Park", "location": (lat, lon)}, surveyor="Ann")
    store.delete(r.uuid, "Bob")
    assert seen == [r.uuid, r.uuid]
    assert store.responses("assets") == []
    assert store.responses("assets", include_deleted=True)[0].deleted
    assert demo_copy.read_layer("survey_assets").geometry.isna().all()  # not drawn
    with pytest.raises(UserError, match="deleted"):
        store.save("assets", {"name": "Park 2"}, uuid=r.uuid, surveyor="Ann")
    store.restore(r.uuid, "Ann")
    back = store.responses("assets")
    assert [x.uuid for x in back] == [r.uuid] and back[0].revision == 3
    assert demo_copy.read_layer("survey_assets").geometry.notna().all()
    assert [h.action for h in store.history(r.uuid)] == ["create", "delete", "restore"]
    assert store.history(r.uuid)[1].changes == {"deleted": [False, True]}


def test_responses_by_surveyor_and_confidential_flag(store, demo_copy):
    lat, lon = point_in(demo_copy, 5)
    store.save("assets", {"name": "A"}, surveyor="Ann")
    store.save("assets", {"name": "Shelter", "asset_type": "dv", "confidential": "yes", "location": (lat, lon)},
               surveyor="Bob")
    assert [r.answers["name"] for r in store.responses("assets", surveyor="Bob")] == ["Shelter"]
    assert store.responses("assets", surveyor="Bob")[0].confidential
    from assetmap.mapview.geojson import layer_geojson

    import json

    text = layer_geojson(demo_copy.read_layer("survey_assets"))
    names = [f["properties"].get("name") for f in json.loads(text)["features"]]
    assert names == ["A"] or names == []  # "A" has no location
    assert "Shelter" not in text and f"{lon:.5f}"[:8] not in text


def test_photo_bytes_are_stored_in_the_project(store, tmp_path):
    photo = tmp_path / "front.jpg"
    photo.write_bytes(b"\xff\xd8\xff fake jpeg bytes")
    r = store.save("assets", {"name": "Barber"}, surveyor="Ann", media={"photo": photo})
    assert r.answers["photo"] == "front.jpg"
    assert store.media(r.uuid, "photo") == ("front.jpg", "image/jpeg", photo.read_bytes())
    with pytest.raises(UserError, match="photo"):
        store.save("assets", {"name": "Barber"}, surveyor="Ann", media={"photo": tmp_path / "gone.jpg"})


def test_save_is_one_transaction_with_synchronous_full(store, demo_copy, monkeypatch):
    """A failure inside the save (after the feature row) leaves neither row nor history."""
    import assetmap.survey.response_write as rw

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(rw, "log", boom)
    with pytest.raises(RuntimeError):
        store.save("assets", {"name": "A"}, surveyor="Ann")
    with sqlite3.connect(demo_copy.path) as con:
        assert con.execute("SELECT count(*) FROM survey_assets").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM assetmap_survey_history").fetchone()[0] == 0


def test_undo_redo_create_edit_delete(store, demo_copy):
    from assetmap.commands import CommandStack
    from assetmap.survey.commands import DeleteResponse, EditResponse, SaveResponse

    stack = CommandStack()
    create = SaveResponse(store, "assets", {"name": "Library", "staff": 2}, surveyor="Ann")
    stack.push(create)
    uuid = create.uuid
    stack.push(EditResponse(store, uuid, {"name": "Central Library", "staff": 5}, surveyor="Ann"))
    assert store.get(uuid).answers == {"name": "Central Library", "staff": 5}

    stack.undo()  # the edit: old answers come back as a new revision
    got = store.get(uuid)
    assert got.answers == {"name": "Library", "staff": 2} and got.revision == 3
    stack.redo()
    assert store.get(uuid).answers["name"] == "Central Library"

    stack.push(DeleteResponse(store, uuid, surveyor="Ann"))
    assert store.responses("assets") == []
    stack.undo()
    assert [r.uuid for r in store.responses("assets")] == [uuid]

    stack.undo()  # the edit again
    stack.undo()  # the create: the response is deleted (kept in history)
    assert store.responses("assets") == []
    stack.redo()
    assert store.get(uuid).answers == {"name": "Library", "staff": 2} and not store.get(uuid).deleted
    actions = [h.action for h in store.history(uuid)]
    assert actions == ["create", "edit", "edit", "edit", "delete", "restore", "edit", "delete", "restore"]


def test_device_id_is_stable_per_machine(isolated_home):
    from assetmap.survey.device import default_device_id

    first = default_device_id()
    assert first == default_device_id() and len(first) == 36
    assert (isolated_home / ".config" / "assetmap" / "device_id").read_text().strip() == first


def test_save_imported_is_idempotent(store):
    assert store.save_imported("assets", {"name": "A"}, uuid="u-1", surveyor="kobo",
                               submitted_at="2024-05-01T10:00:00+00:00") == "added"
    assert store.save_imported("assets", {"name": "A"}, uuid="u-1", surveyor="kobo") == "unchanged"
    assert store.save_imported("assets", {"name": "B"}, uuid="u-1", surveyor="kobo") == "updated"
    assert store.get("u-1").created_at == "2024-05-01T10:00:00+00:00"
