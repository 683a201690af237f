"""Main window (first version: project layers; the map canvas comes with the map-window work)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMainWindow, QMessageBox

from assetmap.errors import UserError


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("assetmap")
        self.project = None
        self.layer_list = QListWidget()
        self.layer_list.setAccessibleName("Layers")
        self.setCentralWidget(self.layer_list)

    def open_project(self, path: Path) -> None:
        from assetmap.project import Project

        try:
            self.project = Project.open(path)
        except UserError as exc:
            QMessageBox.warning(self, "Can't open project", str(exc))
            return
        self.setWindowTitle(f"{self.project.title} — assetmap")
        self.layer_list.clear()
        for info in self.project.layers():
            item = QListWidgetItem(f"{info.display_name}  ({info.role.value}, {info.feature_count})")
            self.layer_list.addItem(item)
