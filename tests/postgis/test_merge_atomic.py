"""Survey merge on a shared project (issue 17's leftovers): the package's forms are installed inside
the merge's transaction on both backends, and a role that may not merge gets one clear message."""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg
import pytest

from assetmap.cli import main
from assetmap.project import Project
from assetmap.project.backends import open_any
from tests.survey.storage_forms import asset_form, point_in

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "st_louis_demo.gpkg"


def _office_without_the_form(tmp_path, backend):
    """(target, package): the package has form 'assets', the project (wherever it lives) has none."""
    from assetmap.survey.pack import make_package, project_id
    from assetmap.survey.store import SurveyStore

    path = tmp_path / "office.gpkg"
    shutil.copy(DEMO, path)
    project = Project.open(path)
    project_id(project)  # the id the package will name, before the project goes to the server
    staging = tmp_path / "staging.gpkg"
    shutil.copy(path, staging)  # the project as it is now: no survey form
    target = backend.target(staging) if backend.is_postgis else str(path)
    SurveyStore(project, device_id="office").install_form(asset_form())
    pkg = make_package(project, tmp_path / "ann.gpkg", surveyor="Ann").path
    if not backend.is_postgis:  # the file project goes back to no form; the package keeps it
        shutil.copy(staging, path)
    SurveyStore(Project.open(pkg), device_id="ann").save(
        "assets", {"name": "Library", "asset_type": "school", "location": point_in(project, 5)}, surveyor="Ann")
    return target, pkg


def _state(target):
    from assetmap.survey.store import SurveyStore

    project = open_any(target)
    return [f.form_id for f in SurveyStore(project).forms()], project.layer_names()


def test_a_cancelled_merge_installs_no_form_on_either_backend(backend, tmp_path):
    from assetmap.errors import Cancelled
    from assetmap.survey.merge import merge_package
    from assetmap.tasks import TaskContext

    target, pkg = _office_without_the_form(tmp_path, backend)
    before = _state(target)
    assert before[0] == [] and "survey_assets" not in before[1]
    raw = None if backend.is_postgis else Path(target).read_bytes()
    ctx = TaskContext()
    ctx.cancel()
    with pytest.raises(Cancelled):
        merge_package(open_any(target), pkg, ctx=ctx)
    assert _state(target) == before  # no form, no form layer: the install went with the rollback
    if raw is not None:
        assert Path(target).read_bytes() == raw
    report = merge_package(open_any(target), pkg)  # and the same merge then works
    assert len(report.added) == 1
    assert _state(target)[0] == ["assets"]


@pytest.fixture
def shared_with_roles(tmp_path, pg_url, pg_server):
    from assetmap.survey.store import SurveyStore

    path = tmp_path / "demo.gpkg"
    shutil.copy(DEMO, path)
    from assetmap.postgis.publish import publish

    publish(path, pg_url)
    SurveyStore(open_any(pg_url), device_id="office").install_form(asset_form())
    assert main(["admin", "init-roles", pg_url]) == 0
    with psycopg.connect(pg_server.url(), autocommit=True) as con:
        for user, role in (("alice", "surveyor"), ("tina", "team_lead")):
            con.execute(f'DROP ROLE IF EXISTS "{user}"')
            con.execute(f'CREATE ROLE "{user}" LOGIN IN ROLE "{role}"')
    return pg_url


def test_a_surveyor_merging_is_told_who_may_and_nothing_changes(shared_with_roles, tmp_path, capsys):
    from assetmap.survey.pack import make_package
    from assetmap.survey.store import SurveyStore

    url = shared_with_roles
    owner = open_any(url)
    pkg = make_package(owner, tmp_path / "ann.gpkg", surveyor="alice").path
    SurveyStore(Project.open(pkg), device_id="ann").save(
        "assets", {"name": "Library", "asset_type": "school", "location": point_in(owner, 5)}, surveyor="alice")
    before = (len(SurveyStore(owner).responses("assets")), owner.layer_names())
    capsys.readouterr()
    rc = main(["survey", "merge", url.replace("postgres@", "alice@"), str(pkg)])
    err = capsys.readouterr().err
    assert rc == 2, err
    assert "Traceback" not in err
    assert "User 'alice' may not merge field packages" in err and "team_lead" in err
    assert (len(SurveyStore(open_any(url)).responses("assets")), open_any(url).layer_names()) == before
    rc = main(["survey", "merge", url.replace("postgres@", "tina@"), str(pkg)])  # who may, does
    assert rc == 0, capsys.readouterr().err
    assert len(SurveyStore(open_any(url)).responses("assets")) == before[0] + 1
