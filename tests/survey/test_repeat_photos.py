"""Photos inside repeats: each member's photo stored with the response, kept with its member when
another is removed, deleted with a removed member, packed and merged with the household."""

from __future__ import annotations

import sqlite3

import pytest

from assetmap.errors import UserError
from assetmap.survey.store import SurveyStore

from .household import SURVEY, write_household_form
from .storage_forms import point_in


def photo_form(tmp_path):
    from assetmap.survey.xlsform import load_form

    survey = [r[:] for r in SURVEY]
    end = next(i for i, r in enumerate(survey) if r[0] == "end_repeat")
    survey.insert(end, ["image", "member_photo", "Photo of the member", "", "", "", "", ""])
    form = load_form(write_household_form(tmp_path / "photos.xlsx", survey))
    assert form.unsupported == []
    return form


def photo(tmp_path, folder: str, data: bytes):
    path = tmp_path / folder / "door.png"  # one file name from two phones
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def household(loc, members):
    return {"nhd": "tower_grove", "block": "tg2", "head_name": "Ana Ruiz", "location": loc, "members": members}


ANA = {"member_name": "Ana", "age": 34}
LEO = {"member_name": "Leo", "age": 9}


def test_each_members_photo_is_kept_with_that_member(map_project, tmp_path):
    store = SurveyStore(map_project, device_id="t")
    store.install_form(photo_form(tmp_path))
    loc = point_in(map_project, 5)
    a, b = photo(tmp_path, "phone1", b"\x89PNG ana"), photo(tmp_path, "phone2", b"\x89PNG leo")
    r = store.save("household", household(loc, [ANA, LEO]), surveyor="ana",
                   media={"members[1]/member_photo": a, "members[2]/member_photo": b})
    members = store.get(r.uuid).answers["members"]
    assert [m["member_photo"] for m in members] == ["door.png", "2-door.png"]  # apart, same file name
    assert store.media(r.uuid, "members/member_photo/door.png")[2] == b"\x89PNG ana"
    assert store.media(r.uuid, "members/member_photo/2-door.png")[2] == b"\x89PNG leo"
    from assetmap.survey import repeat_store

    with sqlite3.connect(map_project.path) as con:  # the child rows name each photo
        assert con.execute(f'SELECT member_name, member_photo FROM "{repeat_store.table_name("household", "members")}" '
                           "ORDER BY position").fetchall() == [("Ana", "door.png"), ("Leo", "2-door.png")]

    # Ana leaves the household: Leo keeps his photo (not Ana's), and Ana's is not kept.
    store.save("household", household(loc, members[1:]), uuid=r.uuid, surveyor="ana")
    assert store.get(r.uuid).answers["members"][0]["member_photo"] == "2-door.png"
    assert store.media(r.uuid, "members/member_photo/2-door.png")[2] == b"\x89PNG leo"
    assert store.media(r.uuid, "members/member_photo/door.png") is None
    with sqlite3.connect(map_project.path) as con:
        assert b"\x89PNG ana" not in b"".join(bytes(d) for (d,) in con.execute(
            "SELECT data FROM assetmap_survey_media"))


@pytest.mark.parametrize("key, message", [("members[3]/member_photo", "2 members instance"),
                                          ("members[1]/age", "no photo question"),
                                          ("pets[1]/member_photo", "no photo question")])
def test_a_photo_for_no_such_member_is_refused_and_nothing_is_written(map_project, tmp_path, key, message):
    store = SurveyStore(map_project, device_id="t")
    store.install_form(photo_form(tmp_path))
    before = map_project.path.read_bytes()
    with pytest.raises(UserError, match=message.replace("[", r"\[")):
        store.save("household", household(point_in(map_project, 5), [ANA, LEO]), surveyor="ana",
                   media={key: photo(tmp_path, "phone1", b"x")})
    assert map_project.path.read_bytes() == before


def test_member_photos_travel_in_field_packages_and_merge_back(map_project, tmp_path):
    from assetmap.project import Project
    from assetmap.survey.merge import merge_package
    from assetmap.survey.pack import make_package

    store = SurveyStore(map_project, device_id="office")
    store.install_form(photo_form(tmp_path))
    loc = point_in(map_project, 5)
    r = store.save("household", household(loc, [ANA]), surveyor="office",
                   media={"members[1]/member_photo": photo(tmp_path, "phone1", b"\x89PNG ana")})
    pkg = make_package(map_project, tmp_path / "ann.gpkg", surveyor="Ann", areas=["5"]).path
    field = SurveyStore(Project.open(pkg), device_id="ann")
    assert field.media(r.uuid, "members/member_photo/door.png")[2] == b"\x89PNG ana"
    members = field.get(r.uuid).answers["members"]
    field.save("household", household(loc, members + [LEO]), uuid=r.uuid, surveyor="Ann",
               media={"members[2]/member_photo": photo(tmp_path, "phone2", b"\x89PNG leo")})
    assert len(merge_package(map_project, pkg).updated) == 1
    assert store.media(r.uuid, "members/member_photo/2-door.png")[2] == b"\x89PNG leo"
    assert store.media(r.uuid, "members/member_photo/door.png")[2] == b"\x89PNG ana"
