"""Regenerate the README's screenshots from the app itself, on the bundled mission demo.

    QT_QPA_PLATFORM=offscreen python scripts/make_screenshots.py [--out docs/images] [--only demo,territories]

Each picture is a real window (offscreen Qt, the map drawn by QtWebEngine) grabbed once the map
page says it has drawn everything and two grabs in a row are identical. Settings, recent files
and the demo copy live in a throw-away home, so the user's own settings neither shape the
pictures nor change. Look at every PNG after running it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
IMAGES = ROOT / "docs" / "images"


def _home(tmp: Path) -> None:
    home = tmp / "home"
    home.mkdir()
    os.environ.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local" / "share"),
                      XDG_CONFIG_HOME=str(home / ".config"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")


def _mission_copy(tmp: Path, name: str, hidden: tuple[str, ...] = ()) -> Path:
    """A styled private copy of the mission demo, with some layers switched off."""
    from assetmap.cli.gui_cmds import _style_demo
    from assetmap.demo import bundled_mission_demo
    from assetmap.project import Project

    path = tmp / f"{name}.gpkg"
    shutil.copyfile(bundled_mission_demo(), path)
    _style_demo(path)
    project = Project.open(path)
    for layer in hidden:
        info = project.layer(layer)
        info.visible = False
        project.update_layer_info(info)
    return path


def _grab(window, out: Path, size: tuple[int, int]) -> None:
    """Show, wait until drawn and steady, save; then close the window."""
    from PySide6.QtCore import QEventLoop, QTimer

    from assetmap.ui.app import grab_when_drawn

    window.resize(*size)
    window.show()
    loop = QEventLoop()
    QTimer.singleShot(60000, loop.quit)  # a map that never finishes still gives a picture to look at
    grab_when_drawn(window, out, loop.quit)
    loop.exec()
    print(f"wrote {out}")
    window.close()
    window.deleteLater()


def _main_window(path: Path):
    from assetmap.ui.main_window import MainWindow

    window = MainWindow()
    if not window.open_project(path):
        raise SystemExit(f"could not open {path}")
    return window


def shot_demo(tmp: Path, out: Path) -> None:
    """The whole mission at a glance: DV calls per 1,000, survey assets, resource hubs."""
    _grab(_main_window(_mission_copy(tmp, "demo")), out / "demo.png", (1440, 900))


def shot_territories(tmp: Path, out: Path) -> None:
    """The six-team plan in the Territories panel, painted on the neighbourhoods."""
    path = _mission_copy(tmp, "territories", hidden=("dv_by_neighborhoods_quarterly", "survey_community_assets",
                                                     "hubs"))
    window = _main_window(path)
    panel = _territories_dock(window)
    panel.show()
    panel.raise_()
    panel.open_plan("Six teams")
    _grab(window, out / "territories.png", (1440, 900))


def _territories_dock(window):
    from assetmap.ui.territories_panel import TerritoriesPanel

    found = window.findChildren(TerritoriesPanel)
    if not found:
        raise SystemExit("the main window has no Territories panel")
    return found[0]


def shot_accessibility(tmp: Path, out: Path) -> None:
    """150 % text and high contrast (Edit › Settings…)."""
    from PySide6.QtWidgets import QApplication

    from assetmap.ui import appearance

    app = QApplication.instance()
    appearance.apply(app, scale=1.5, contrast=True)
    try:
        # One layer, so that the 150 % legend leaves the map visible.
        path = _mission_copy(tmp, "accessible", hidden=("dv_by_neighborhoods_quarterly", "survey_community_assets",
                                                        "hubs"))
        _grab(_main_window(path), out / "accessibility_large_text_high_contrast.png", (1600, 1000))
    finally:
        appearance.apply(app, scale=1.0, contrast=False)


def shot_survey_mode(tmp: Path, out: Path) -> None:
    """A volunteer's field package in survey mode, in Spanish with large text."""
    from PySide6.QtWidgets import QApplication

    from assetmap.project import Project
    from assetmap.survey.pack import make_package
    from assetmap.ui import appearance, i18n
    from assetmap.ui.survey.survey_mode import SurveyModeWindow

    project = Project.open(_mission_copy(tmp, "office"))
    package = make_package(project, tmp / "rosa.gpkg", surveyor="Rosa", areas=_areas_with_entries(project, 3)).path
    app = QApplication.instance()
    i18n.install(app, "es")
    appearance.apply(app, scale=1.5, contrast=False)
    try:
        window = SurveyModeWindow()
        if not window.open_package(Path(package)):
            raise SystemExit(f"could not open {package}")
        # The form keeps most of the width by default; the picture gives the map room for its
        # legend and scale bar side by side.
        window.resize(1400, 950)
        window.split.setSizes([800, 600])
        window.canvas.zoom_all()
        _grab(window, out / "survey_mode_es_large.png", (1400, 950))
    finally:
        appearance.apply(app, scale=1.0, contrast=False)
        i18n.install(app, "en")


def _areas_with_entries(project, n: int) -> list[str]:
    """A volunteer's blocks: n neighbouring neighbourhoods, starting from one with survey entries."""
    import geopandas as gpd

    areas = project.read_layer("neighborhoods")[["NHD_NUM", "geometry"]]
    assets = project.read_layer("survey_community_assets")[["geometry"]].to_crs(areas.crs)
    counts = gpd.sjoin(assets, areas, predicate="within").groupby("NHD_NUM").size()
    first = counts.sort_values(ascending=False, kind="stable").index[0]
    shape = areas.loc[areas["NHD_NUM"] == first, "geometry"].iloc[0]
    touching = areas[areas.geometry.touches(shape)]["NHD_NUM"].tolist()
    return [str(k) for k in [first, *sorted(touching, key=lambda k: -counts.get(k, 0))][:n]]


def shot_risk_clusters(tmp: Path, out: Path) -> None:
    """Risk › Local clusters: DV against the neighbours' maltreatment reports (docs/risk.md)."""
    from assetmap.project import Project
    from assetmap.risk.clusters import write_clusters

    # The neighbourhoods too: the mission's team plan colours them, and the clusters have outlines.
    path = _mission_copy(tmp, "risk", hidden=("dv_by_neighborhoods_quarterly", "maltreatment_by_neighborhoods_quarterly",
                                              "survey_community_assets", "hubs", "neighborhoods"))
    project = Project.open(path)
    write_clusters(project, "dv_by_neighborhoods_quarterly", field="count",
                   with_layer="maltreatment_by_neighborhoods_quarterly", weights="knn:5", name="dv_x_mal_clusters")
    _grab(_main_window(path), out / "risk_bivariate_lisa.png", (1280, 820))


def shot_geocode(tmp: Path, out: Path) -> None:
    """The reports wizard's Geocode step after *Check the addresses* (docs/geocoding.md): the 2019
    police incidents with their coordinates dropped, a locator made from 2017 and 2018."""
    import time

    import pandas as pd
    from PySide6.QtWidgets import QApplication

    from assetmap.geocode.locators import add_locator
    from assetmap.importers import import_file
    from assetmap.project import Project
    from assetmap.ui.reports_wizard import ReportsWizard
    from tests.shared_data import STL

    if not (STL / "slmpd_part1_2019.csv").exists():
        raise SystemExit(f"the St. Louis police files are not at {STL} (see ../shared/data/README.md)")
    years = {y: pd.read_csv(STL / f"slmpd_part1_{y}.csv", dtype=str, keep_default_na=False)
             for y in (2017, 2018, 2019)}
    pd.concat([years[2017], years[2018]]).to_csv(tmp / "incidents_2017_2018.csv", index=False)
    years[2019].drop(columns=["x", "y"]).to_csv(tmp / "calls_2019.csv", index=False)
    project = Project.create(tmp / "city.gpkg", crs="EPSG:4326")
    import_file(project, STL / "neighborhoods.geojson", "areas", name="neighborhoods", id_field="NHD_NUM",
                name_field="NHD_NAME")
    add_locator(project, "police", tmp / "incidents_2017_2018.csv", number="ileads_address",
                street="ileads_street", public_source=True)
    wizard = ReportsWizard(project)
    wizard.file_page.path.setText(str(tmp / "calls_2019.csv"))
    wizard.resize(820, 560)
    wizard.show()
    wizard.next()
    wizard.next()
    page = wizard.geocode_page
    page.by_address.setChecked(True)
    page.number.setCurrentText("ileads_address")
    page.street.setCurrentText("ileads_street")
    page.check.click()

    def pump(seconds: float, until=lambda: False) -> None:
        app, deadline = QApplication.instance(), time.monotonic() + seconds
        while not until() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)

    pump(120, until=lambda: "Geocoded" in page.summary.text())
    pump(0.5)   # the summary's wrapped lines are laid out on the next events: let them settle first
    wizard.grab().save(str(out / "geocode_reports_wizard.png"))
    print(f"wrote {out / 'geocode_reports_wizard.png'}")
    wizard.close()
    wizard.deleteLater()


SHOTS = {"demo": shot_demo, "territories": shot_territories, "accessibility": shot_accessibility,
         "survey_mode": shot_survey_mode, "risk_clusters": shot_risk_clusters,
         "geocode": shot_geocode}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMAGES)
    parser.add_argument("--only", default=",".join(SHOTS), help="comma-separated: " + ", ".join(SHOTS))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        _home(tmp)
        from assetmap.ui.app import ensure_qt_app
        from assetmap.ui import i18n

        app = ensure_qt_app()
        i18n.install(app, "en")
        args.out.mkdir(parents=True, exist_ok=True)
        for name in args.only.split(","):
            SHOTS[name.strip()](tmp, args.out)


if __name__ == "__main__":
    main()
