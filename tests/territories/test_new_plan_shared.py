"""The New plan and Join table dialogs list a shared (PostGIS) project's fields too."""

from __future__ import annotations


def test_dialog_fields_on_both_backends(qtbot, stl_project, backend):
    from assetmap.ui.territories_new import NewPlanDialog, numeric_fields

    project = backend.open(backend.target(stl_project))
    fields = numeric_fields(project, "neighborhoods")
    assert "population" in fields and "NHD_NUM" not in fields
    dlg = NewPlanDialog(project)
    qtbot.addWidget(dlg)
    assert dlg.by.currentData() == "population"
