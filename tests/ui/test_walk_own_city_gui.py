"""Issue 18's walk once in the window, with the app's own menus and dialogs: New project → import the
State Plane boundaries → Layer › Join table… → import assets → Hubs › Import Open Referral → File ›
Import sensitive reports (wizard) → Territories › New plan… → Suggest balanced plan… → Export map."""

from __future__ import annotations

import pdfplumber
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QWizard

from assetmap.territories import store
from tests.conftest import STL
from tests.test_walk_own_city import ASSETS, hsds_in_st_louis
from tests.ui.conftest import wait_drawn


def _finish(qtbot, task):
    with qtbot.waitSignal(task.finished, timeout=120000) as sig:
        pass
    assert sig.args == [True], getattr(task, "error", None)


def test_own_city_walk_in_the_window(qtbot, isolated_home, tmp_path, monkeypatch):
    from assetmap.ui import territories_balance, territories_new, window_actions
    from assetmap.ui.hubs_menu import import_hsds_dialog
    from assetmap.ui.join_dialog import JoinDialog
    from assetmap.ui.main_window import MainWindow
    from assetmap.ui.reports_wizard import ReportsWizard

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    path = tmp_path / "city.gpkg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    w.actions_by_name["new"].trigger()
    assert w.project is not None and w.project.path == path

    _finish(qtbot, window_actions.import_files(w, [STL / "neighborhoods_stateplane" / "BND_Nhd88_cw.shp"], "areas"))
    wait_drawn(w, qtbot)
    from assetmap.layers import LayerRole

    areas = w.project.layers_by_role(LayerRole.AREAS)[0].name

    dlg = JoinDialog(w, areas)
    qtbot.addWidget(dlg)
    dlg.set_table(STL / "population_by_neighborhood.csv")
    _finish(qtbot, dlg.run())
    assert dlg.report.matched == 79

    (tmp_path / "assets.csv").write_text(ASSETS, encoding="utf-8")
    _finish(qtbot, window_actions.import_files(w, [tmp_path / "assets.csv"], "assets"))
    _finish(qtbot, import_hsds_dialog(w, str(hsds_in_st_louis(tmp_path))))
    w.hubs_report_box.close()

    def fill_wizard(wizard):
        page = wizard.file_page
        page.path.setText(str(STL / "slmpd_part1_2019.csv"))
        page._load_columns()
        page.kind.setCurrentIndex(page.kind.findData("dv"))
        page.filter_col.setCurrentText("description")
        page.filter_text.setText("DOMESTIC")
        wizard.units_page.areas.setCurrentIndex(wizard.units_page.areas.findData(areas))
        wizard.units_page.population.setCurrentText("pop17")
        return QWizard.DialogCode.Accepted

    monkeypatch.setattr(ReportsWizard, "exec", fill_wizard)
    w.actions_by_name["import reports"].trigger()
    task = w._assetmap_tasks[-1]
    _finish(qtbot, task)
    dv = [i for i in w.project.layers() if i.role.value == "aggregate"]
    assert len(dv) == 1 and "rate_per_1000" in w.project.read_layer(dv[0].name).columns
    # Its first map's breaks are kept with it: the next start needs no mapclassify (layers/breaks.py).
    from assetmap.layers.breaks import breaks_key

    rates = w.project.read_layer(dv[0].name)["rate_per_1000"].dropna().tolist()
    assert dv[0].style["breaks"] and dv[0].style["breaks_for"] == breaks_key(rates, "natural_breaks", 5)

    shown = {}

    def new_plan(dlg):
        shown["fields"] = [dlg.by.itemText(i) for i in range(dlg.by.count())]
        dlg.grab().save(str(tmp_path / "new_plan.png"))
        dlg.name.setText("Our teams")
        dlg.teams.setValue(6)
        dlg.by.setCurrentIndex(dlg.by.findData("pop17"))
        dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return dlg.result()

    monkeypatch.setattr(territories_new.NewPlanDialog, "exec", new_plan)
    monkeypatch.setattr(territories_balance.BalanceDialog, "exec", lambda dlg: 1)
    panel = w.features.territories
    panel.balance_button.click()  # no plan yet: New plan… first, then the balance on a worker
    assert "pop17" in shown["fields"] and "pop17_m" in shown["fields"]
    with qtbot.waitSignal(panel.worker.done, timeout=120000):
        pass
    assert set(store.plan_names(w.project)) == {"Our teams", "Our teams balanced"}
    assert panel.table_model.rowCount() == 6 and "within ±5%" in panel.status.text()
    plan = store.load_plan(w.project, "Our teams balanced")
    assert len(set(plan.assignments.values())) == 6 and len(plan.assignments) == 88

    out = tmp_path / "meeting.pdf"
    _finish(qtbot, window_actions.export_map(w, out, title="Our city"))
    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "Our city" in text and str(tmp_path) not in text.replace("\n", "")
