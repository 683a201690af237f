"""Resource finder dock for family team meetings.

The caseworker picks a neighbourhood, or clicks the map (the map calls
``set_spot``), ticks the services the family needs and gets the nearest hubs
and assets; "Referral sheet…" writes the one-page PDF. The spot is kept in
this widget's memory only — no QSettings, no file, no log, not shown as
numbers — and "Forget spot" (or closing) drops it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDockWidget, QFileDialog, QHBoxLayout, QListWidget,
                               QListWidgetItem, QPushButton, QSpinBox, QTextBrowser, QVBoxLayout, QWidget)

from assetmap.access.catchments import format_distance
from assetmap.access.finder import FinderResult, find_resources
from assetmap.access.referral_pdf import write_referral_sheet
from assetmap.errors import UserError
from assetmap.hubs.taxonomy import categories
from assetmap.ui.accessible import BuddyLabel, add_dock_help, buddy_label

_SPOT = "__spot__"


class FinderDock(QDockWidget):
    pick_requested = Signal()   # the map should ask the user for a click, then call set_spot

    def __init__(self, project, parent=None, load: bool = True):
        """``load=False``: the services and areas are read when the dock is first shown or
        ``ensure_loaded`` (the window's docks, hidden at start-up)."""
        super().__init__(self.tr("Resource finder"), parent)
        self.setObjectName("FinderDock")
        self.setAccessibleName(self.tr("Resource finder panel"))
        self.project = project
        self._spot: tuple[float, float] | None = None
        self.result: FinderResult | None = None
        body = QWidget()
        body.setAccessibleName(self.tr("Resource finder panel"))
        lay = QVBoxLayout(body)
        self.help = add_dock_help(
            self, lay,
            self.tr("Finds the resource hubs and community assets nearest to a family, for a family team "
                    "meeting.\n\n"
                    "Choose the family's neighbourhood under From, or press Pick on map and click near "
                    "where the family lives (that spot is never saved; Forget spot drops it). Tick the "
                    "services the family needs and press Find. Referral sheet… saves a one-page PDF "
                    "to print or hand over."),
            self.tr("No services to choose yet: add resource hubs with their services first."))
        row = QHBoxLayout()
        self.origin = QComboBox()
        self.origin.setAccessibleName(self.tr("From (neighbourhood or picked spot)"))
        self.pick_button = QPushButton(self.tr("Pick on map"))
        self.pick_button.setAccessibleName(self.tr("Pick the family's spot on the map"))
        self.forget_button = QPushButton(self.tr("Forget spot"))
        self.forget_button.setAccessibleName(self.tr("Forget the picked spot"))
        row.addWidget(self.origin, 1)
        row.addWidget(self.pick_button)
        row.addWidget(self.forget_button)
        from_label = buddy_label(self.tr("&From"), self.origin)
        lay.addWidget(from_label)
        lay.addLayout(row)
        services_label = BuddyLabel(self.tr("&Services the family needs"))
        lay.addWidget(services_label)
        self.services = QListWidget()
        self.services.setAccessibleName(self.tr("Services the family needs"))
        services_label.setBuddy(self.services)
        lay.addWidget(self.services)
        row = QHBoxLayout()
        self.per_service = QSpinBox()
        self.per_service.setRange(1, 10)
        self.per_service.setValue(3)
        self.per_service.setAccessibleName(self.tr("Results for each service"))
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.setAccessibleName(self.tr("Find the nearest resources"))
        self.sheet_button = QPushButton(self.tr("Referral sheet…"))
        self.sheet_button.setAccessibleName(self.tr("Save a referral sheet"))
        each_label = buddy_label(self.tr("&Results each"), self.per_service)
        row.addWidget(each_label)
        row.addWidget(self.per_service)
        row.addStretch(1)
        row.addWidget(self.find_button)
        row.addWidget(self.sheet_button)
        lay.addLayout(row)
        self.results = QTextBrowser()
        self.results.setAccessibleName(self.tr("Nearest resources found"))
        lay.addWidget(self.results, 2)
        self.setWidget(body)
        self.pick_button.clicked.connect(self.pick_requested.emit)
        self.forget_button.clicked.connect(self.forget_spot)
        self.find_button.clicked.connect(self.find)
        self.sheet_button.clicked.connect(self.save_sheet)
        self.ask_pdf_path = lambda: QFileDialog.getSaveFileName(self, self.tr("Save referral sheet"),
                                                                "referral.pdf", "PDF (*.pdf)")[0]
        self._loaded = False
        if load:
            self.ensure_loaded()
        self._update()

    def ensure_loaded(self) -> None:
        """The services and areas to choose from, read from the project unless read before."""
        if self._loaded:
            return
        self._loaded = True
        for code, cat in categories(self.project).items():
            item = QListWidgetItem(cat["label"])
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.services.addItem(item)
        self._fill_areas()
        self.help.set_empty(self.services.count() == 0)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.ensure_loaded()
        super().showEvent(event)

    def _fill_areas(self) -> None:
        from assetmap.access.catchments import areas_layer

        self.origin.clear()
        try:
            gdf, _, name_field, _ = areas_layer(self.project)
        except UserError:
            return
        # A name column read from a user's file may hold numbers or blanks (pd.NA does not sort).
        names = {str(v) for v in gdf[name_field].dropna().tolist() if str(v).strip()}
        for name in sorted(names):
            self.origin.addItem(name, name)

    def _update(self) -> None:
        self.forget_button.setEnabled(self._spot is not None)
        self.sheet_button.setEnabled(self.result is not None)

    # ------------------------------------------------------------------ spot (memory only)
    def set_spot(self, lon: float, lat: float) -> None:
        self._spot = (lon, lat)
        if self.origin.findData(_SPOT) < 0:
            self.origin.insertItem(0, self.tr("The spot picked on the map"), _SPOT)
        self.origin.setCurrentIndex(self.origin.findData(_SPOT))
        self._update()

    def forget_spot(self) -> None:
        self._spot = None
        i = self.origin.findData(_SPOT)
        if i >= 0:
            self.origin.removeItem(i)
        self.result = None
        self.results.clear()
        self._update()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt)
        self.forget_spot()
        super().closeEvent(event)

    # ------------------------------------------------------------------ search
    def checked_services(self) -> list[str]:
        return [self.services.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.services.count())
                if self.services.item(i).checkState() == Qt.CheckState.Checked]

    def find(self) -> FinderResult | None:
        choice = self.origin.currentData()
        try:
            if choice == _SPOT:
                res = find_resources(self.project, self.checked_services(), spot=self._spot,
                                     per_category=self.per_service.value())
            else:
                res = find_resources(self.project, self.checked_services(), area=choice,
                                     per_category=self.per_service.value())
        except UserError as exc:
            self.results.setPlainText(str(exc))
            self.result = None
            self._update()
            return None
        self.result = res
        html = ["<p>" + self.tr("Nearest from <b>{0}</b>:").format(_esc(res.origin_label)) + "</p>"]
        for cat in res.categories:
            html.append(f"<h4>{_esc(res.labels[cat])}</h4><ol>")
            rows = res.for_category(cat) or []
            for r in rows:
                extra = " · ".join(_esc(v) for v in (r.phone, r.hours) if v)
                html.append(f"<li><b>{_esc(r.name)}</b> — {format_distance(r.distance_m)}<br>{extra}</li>")
            html.append("</ol>" if rows else "</ol><p><i>" + self.tr("None in this project.") + "</i></p>")
        self.results.setHtml("".join(html))
        self._update()
        return res

    def save_sheet(self) -> str | None:
        if self.result is None:
            return None
        path = self.ask_pdf_path()
        if not path:
            return None
        try:
            write_referral_sheet(self.result, path, overwrite=True)
        except UserError as exc:
            self.results.append(str(exc))
            return None
        return path


def _esc(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
