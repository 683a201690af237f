"""What a feature of the main window provides, and the list of them the window installs.

A feature is made once with the window (its menus, toolbars and docks go in then) and hears
when a project opens and closes; anything finer (a layer restyled, hubs saved, a plan renamed)
it subscribes to on the window's ``session``. ``open_project`` and the shared-project path
iterate ``window.window_features``; neither names a feature.
"""

from __future__ import annotations

from importlib import import_module
from typing import Protocol, runtime_checkable


@runtime_checkable
class WindowFeature(Protocol):
    def project_opened(self, project) -> None:
        """A project was opened in the window (make the feature's docks for it)."""

    def project_closed(self) -> None:
        """The project was closed or replaced (drop what was made for it)."""


class MenuFeature:
    """A feature that is only a menu over dialogs and workers (Hubs, Risk)."""

    def __init__(self, window, add_menu) -> None:
        add_menu(window)

    def project_opened(self, project) -> None:
        pass

    def project_closed(self) -> None:
        pass


def _docks(window):
    from assetmap.ui.feature_docks import FeatureDocks, add_menus

    features = FeatureDocks(window)
    add_menus(window, features)
    return features


def _menu(path: str):
    def make(window):
        module, name = path.split(":")
        return MenuFeature(window, getattr(import_module(module), name))
    return make


def _cls(path: str):
    def make(window):
        module, name = path.split(":")
        return getattr(import_module(module), name)(window)
    return make


# (window attribute, factory), in menu order; new features append here
FEATURES = [
    ("features", _docks),                                                 # hubs, finder, territories
    ("report_maps", _cls("assetmap.ui.report_maps:ReportMaps")),          # time slider, Reports menu
    ("survey", _cls("assetmap.ui.survey.feature:SurveyFeature")),         # Survey menu and dock
    ("indicators", _cls("assetmap.ui.indicators_feature:IndicatorsFeature")),  # dashboard, partnership report
    ("hubs_menu", _menu("assetmap.ui.hubs_menu:add_hubs_menu")),          # HSDS, catchments, access gaps
    ("risk_menu", _menu("assetmap.ui.risk_menu:add_risk_menu")),          # rates, clusters, risk terrain
]


def install_features(window) -> list[WindowFeature]:
    out = []
    for attribute, make in FEATURES:
        feature = make(window)
        setattr(window, attribute, feature)
        out.append(feature)
    return out
