"""Merging at city scale: 200 new responses into 10,000 in one transaction, never locked by
itself; the duplicate check agrees with the all-pairs definition."""

from __future__ import annotations

import math
import random
import uuid as uuidlib

from tests.survey.storage_forms import asset_form


def _fill(store, form, n, rng, *, surveyor="Lead", name="Asset {i}", when="2026-01-01T00:00:00Z",
          box=(38.58, 38.70, -90.30, -90.20), types=("faith", "school")):
    """``n`` responses written straight into one transaction (fast; no validation needed)."""
    from assetmap.survey.response import Response
    from assetmap.survey.response_write import insert_copy

    out = []
    with store._tx() as con:
        for i in range(n):
            answers = {"name": name(i) if callable(name) else name.format(i=i), "asset_type": rng.choice(types),
                       "location": (rng.uniform(box[0], box[1]), rng.uniform(box[2], box[3]))}
            r = Response(str(uuidlib.UUID(int=rng.getrandbits(128))), form.form_id, answers, surveyor, "dev",
                         when, when, 1)
            insert_copy(con, store, form, r)
            out.append(r)
    return out


def test_merging_200_new_into_10000_is_one_transaction_not_locked(demo_copy, tmp_path):
    # Before: the first added response read project.crs through a second connection while the
    # merge's BEGIN IMMEDIATE had already spilled 10,000 merge records to the file, and waited
    # 30 s for "database is locked".
    from assetmap.project import Project
    from assetmap.survey.pack import make_package, merge_package
    from assetmap.survey.store import SurveyStore

    rng = random.Random(4)
    store = SurveyStore(demo_copy, device_id="office")
    form = asset_form()
    store.install_form(form)
    _fill(store, form, 10_000, rng)
    pkg = make_package(demo_copy, tmp_path / "ann.gpkg", surveyor="Ann")
    assert pkg.responses == 10_000
    new = _fill(SurveyStore(Project.open(pkg.path), device_id="ann"), form, 200, rng, surveyor="Ann",
                name="New {i}", when="2026-02-01T00:00:00Z")
    report = merge_package(demo_copy, pkg.path)
    assert report.counts == {"added": 200, "updated": 0, "unchanged": 10_000, "conflicts": 0}
    assert sorted(report.added) == sorted(r.uuid for r in new)
    assert len(store.responses("assets")) == 10_200
    assert store.history(new[0].uuid)[-1].action == "merge"
    # Merging again changes nothing.
    again = merge_package(demo_copy, pkg.path)
    assert again.counts == {"added": 0, "updated": 0, "unchanged": 10_200, "conflicts": 0}


def _all_pairs(store, form, uuids):
    """The definition, compared pair by pair (the check as it was before the grid)."""
    live = [r for r in store.responses(form.form_id) if r.location(form)]

    def key(r):
        return (r.answers.get("asset_type"), "".join(ch for ch in r.answers.get("name", "").casefold() if ch.isalnum()))

    def metres(a, b):
        x = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
        return 6371000.0 * math.hypot(x, math.radians(b[0] - a[0]))

    out = []
    for new in (r for r in live if r.uuid in uuids):
        for old in live:
            if old.uuid != new.uuid and key(old) == key(new) and metres(new.location(form), old.location(form)) <= 50 \
                    and (old.uuid not in uuids or old.uuid < new.uuid):
                out.append((new.uuid, old.uuid))
                break
    return out


def test_duplicate_check_matches_all_pairs_on_dense_data(demo_copy):
    from assetmap.survey.duplicates import possible_duplicates
    from assetmap.survey.store import SurveyStore

    rng = random.Random(9)
    store = SurveyStore(demo_copy, device_id="office")
    form = asset_form()
    store.install_form(form)
    # A 300 m square, few names and types: many pairs within 50 m, across cell borders.
    box = (38.6300, 38.6327, -90.2500, -90.2465)
    names = ["Mt. Zion Church", "mt zion church", "MT-ZION  CHURCH!", "Head Start", "head start"]
    _fill(store, form, 400, rng, name=lambda i: rng.choice(names), box=box)
    added = {r.uuid for r in rng.sample(store.responses("assets"), 120)}
    want = _all_pairs(store, form, added)
    assert len(want) > 50  # the data really is dense
    assert possible_duplicates(store, form, added) == want
