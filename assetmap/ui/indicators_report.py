"""Reports › Partnership report…: choose the period, the indicators, PDF or HTML and the paper;
``assetmap.indicators.report.build_report`` then runs on a worker with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from assetmap.indicators.compute import ALL_PERIODS


def report_periods(project, indicators) -> list[str]:
    """The dated periods of the report indicators' aggregate layers, in time order."""
    from assetmap.indicators.compute import period_sort_key
    from assetmap.mapview.report_styles import layer_periods

    found: set[str] = set()
    for ind in indicators:
        if ind.method == "report_rate" and ind.period == "by_period" and project.has_layer(ind.numerator_layer):
            found.update(layer_periods(project.layer(ind.numerator_layer)))
    return sorted(found, key=period_sort_key)


class ReportDialog(QDialog):
    def __init__(self, project, indicators, periods: list[str], parent=None, period: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Partnership report"))
        self.setAccessibleName(self.tr("Partnership report"))
        self.project = project
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Report period"))
        for p in reversed(periods):  # latest first: the usual choice
            self.period.addItem(p, p)
        if periods:
            self.period.addItem(self.tr("All periods (total)"), ALL_PERIODS)
        else:  # only snapshot indicators (assets, hubs, survey): the report takes them as they are
            self.period.addItem(self.tr("Current (the layers as they are now)"), None)
        if period and self.period.findData(period) >= 0:
            self.period.setCurrentIndex(self.period.findData(period))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Indicators in the report"))
        for ind in indicators:
            item = QListWidgetItem(ind.name)
            item.setData(Qt.ItemDataRole.UserRole, ind.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Report format"))
        self.format.addItem(self.tr("PDF"), "pdf")
        self.format.addItem(self.tr("HTML (one offline file)"), "html")
        self.format.currentIndexChanged.connect(lambda _i: self._fix_suffix())
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("Letter"), "letter")
        self.out = QLineEdit(str(Path(project.path).with_name(Path(project.path).stem + "-report.pdf")))
        self.out.setAccessibleName(self.tr("Report file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.setAccessibleName(self.tr("Choose the report file"))
        browse.clicked.connect(lambda *_: self._browse())
        row = QHBoxLayout()
        row.addWidget(self.out, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Period"), self.period)
        form.addRow(self.tr("Indicators"), self.list)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Paper"), self.paper)
        form.addRow(self.tr("Save as"), row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make the report"))
        self.buttons.setAccessibleName(self.tr("Make the report or cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.resize(560, 420)

    def _fix_suffix(self) -> None:
        path = Path(self.out.text().strip() or "report")
        self.out.setText(str(path.with_suffix("." + self.format.currentData())))

    def _browse(self) -> None:
        fmt = self.format.currentData()
        filt = self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("HTML (*.html)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as"), self.out.text(), filt)
        if path:
            self.out.setText(path)
            self._fix_suffix()

    def chosen_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def options(self) -> dict:
        return {"out": Path(self.out.text().strip()), "period": self.period.currentData(),
                "indicators": self.chosen_ids(), "fmt": self.format.currentData(),
                "paper": self.paper.currentData()}

    def accept(self) -> None:
        if not self.chosen_ids():
            QMessageBox.warning(self, self.tr("Partnership report"), self.tr("Tick at least one indicator."))
            return
        if not self.out.text().strip():
            QMessageBox.warning(self, self.tr("Partnership report"), self.tr("Choose where to save the report."))
            return
        super().accept()
