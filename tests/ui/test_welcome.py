"""The first-run welcome page: its choices lead where they say."""

from __future__ import annotations

import pytest

import tests.ui.pyside_bool  # noqa: F401  (see the module)

pytestmark = pytest.mark.gui


def test_welcome_choices(qtbot, tmp_path, stl):
    from assetmap.project import Project
    from assetmap.ui.welcome import Choice, WelcomeDialog, project_from_boundaries

    dlg = WelcomeDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    assert all(b.accessibleName() for b in dlg.buttons.values())
    dlg.buttons[Choice.DEMO].click()
    assert dlg.result() == dlg.DialogCode.Accepted and dlg.choice is Choice.DEMO

    dlg2 = WelcomeDialog()
    qtbot.addWidget(dlg2)
    dlg2.choose(Choice.NEW_FROM_BOUNDARIES, path=str(stl / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp"))
    assert dlg2.choice is Choice.NEW_FROM_BOUNDARIES
    out = project_from_boundaries(dlg2, dlg2.path, tmp_path / "mine.gpkg")
    assert out == tmp_path / "mine.gpkg"
    assert Project.open(out).layer("neighbourhoods").feature_count == 88

    # A file that isn't boundaries: a message, and no half-made project left behind.
    bad = tmp_path / "notes.geojson"
    bad.write_text("not a map")
    assert project_from_boundaries(dlg2, bad, tmp_path / "bad.gpkg") is None
    assert not (tmp_path / "bad.gpkg").exists()


def test_recent_projects_offered(qtbot, tmp_path, demo_copy):
    from assetmap.ui.welcome import Choice, WelcomeDialog

    dlg = WelcomeDialog(recent=[str(demo_copy.path), str(tmp_path / "gone.gpkg")])
    qtbot.addWidget(dlg)
    assert len(dlg.recent_buttons) == 1  # a project that no longer exists is not offered
    dlg.recent_buttons[0].click()
    assert dlg.choice is Choice.OPEN and dlg.path == demo_copy.path


def test_shared_project_choice_returns_the_url(qtbot):
    from assetmap.ui.welcome import Choice, WelcomeDialog

    dlg = WelcomeDialog()
    qtbot.addWidget(dlg)
    assert Choice.SHARED in dlg.buttons
    dlg.choose(Choice.SHARED, path="postgresql://ann@db.example.org/partnership?options=-csearch_path%3Dassetmap")
    assert dlg.choice is Choice.SHARED and dlg.url.startswith("postgresql://")
