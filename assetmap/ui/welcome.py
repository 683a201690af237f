"""First run: what would you like to do? Three plain choices, big enough to find."""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCommandLinkButton, QDialog, QFileDialog, QLabel, QPushButton,
                               QVBoxLayout)

from assetmap.importers.readers import boundary_labels, patterns


class Choice(enum.Enum):
    DEMO = "demo"
    NEW_FROM_BOUNDARIES = "new"
    JOIN_SURVEY = "survey"
    OPEN = "open"
    SHARED = "shared"


class WelcomeDialog(QDialog):
    def __init__(self, parent=None, recent: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to assetmap"))
        self.setAccessibleName(self.tr("Welcome"))
        self.choice: Choice | None = None
        self.path: Path | None = None
        self.url: str | None = None
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("Welcome to assetmap"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        title.setFont(font)
        lay.addWidget(title)
        intro = QLabel(self.tr("One map of your neighbourhoods: community assets, resource hubs, where "
                               "reports concentrate, and the teams' territories. What would you like to do?"))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.buttons = {}
        for choice, text, detail in (
            (Choice.DEMO, self.tr("Look around the demo project"),
             self.tr("Real St. Louis neighbourhoods, to try things out. Nothing you do there matters.")),
            (Choice.NEW_FROM_BOUNDARIES, self.tr("Start a project from my neighbourhood boundaries"),
             self.tr("Choose the boundary file from your city's GIS office (%1).").replace(
                 "%1", boundary_labels())),
            (Choice.JOIN_SURVEY, self.tr("Join a survey (open a field package)"),
             self.tr("Your survey lead gave you a file: open it to enter what you find door to door.")),
            (Choice.OPEN, self.tr("Open a project I already have"), self.tr("A .gpkg project file.")),
            (Choice.SHARED, self.tr("Open a shared project on a server"),
             self.tr("Your partnership keeps one project on a PostGIS server: you need its address, your "
                     "user name and password.")),
        ):
            b = QCommandLinkButton(text, detail)
            b.setAccessibleName(text)
            b.setAccessibleDescription(detail)
            b.clicked.connect(lambda *_, c=choice: self.choose(c))
            self.buttons[choice] = b
            lay.addWidget(b)
        recent = [p for p in (recent or []) if Path(p).exists()][:5]
        if recent:
            heading = QLabel(self.tr("Recent projects"))
            font = heading.font()
            font.setWeight(QFont.Weight.Bold)
            heading.setFont(font)
            lay.addWidget(heading)
        self.recent_buttons = []
        for path in recent:
            b = QCommandLinkButton(Path(path).stem, str(path))
            b.setAccessibleName(self.tr("Open recent project %1").replace("%1", Path(path).stem))
            b.clicked.connect(lambda *_, p=path: self.choose(Choice.OPEN, path=p))
            self.recent_buttons.append(b)
            lay.addWidget(b)
        close = QPushButton(self.tr("Close"))
        close.setAccessibleName(self.tr("Close without choosing"))
        close.clicked.connect(self.reject)
        lay.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.buttons[Choice.DEMO].setFocus()

    def choose(self, choice: Choice, path: str | None = None) -> None:
        if choice is Choice.DEMO:
            self.choice = choice
            self.accept()
            return
        if choice is Choice.SHARED:
            if path is None:  # path here is the server URL (tests pass it)
                from assetmap.ui.shared_project_dialog import ask_shared_project

                path = ask_shared_project(self)
            if path:
                self.choice, self.url = choice, path
                self.accept()
            return
        if path is None:
            title, pattern = {
                Choice.NEW_FROM_BOUNDARIES: (self.tr("Choose your neighbourhood boundaries"),
                                             self.tr("Boundaries") + f" ({patterns(boundaries=True)})"),
                Choice.JOIN_SURVEY: (self.tr("Open your field package"), self.tr("Field package (*.gpkg)")),
                Choice.OPEN: (self.tr("Open a project"), self.tr("assetmap project (*.gpkg)")),
            }[choice]
            path, _ = QFileDialog.getOpenFileName(self, title, "", pattern)
        if not path:
            return
        self.choice, self.path = choice, Path(path)
        self.accept()


def project_from_boundaries(parent, boundaries: Path, target: Path | None = None) -> Path | None:
    """Create a project next to the boundary file and import it as the areas layer.

    Runs the import in a worker with a progress dialog; returns the new project's path,
    or None if the user cancelled or the file could not be read (the message says why)."""
    from PySide6.QtCore import QEventLoop

    from assetmap.ui.workers import run_task

    if target is None:
        suggested = boundaries.with_name(boundaries.stem + "_project.gpkg")
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Welcome", "Save the new project as"),
                                              str(suggested),
                                              QCoreApplication.translate("Welcome", "assetmap project (*.gpkg)"))
        if not path:
            return None
        target = Path(path if path.endswith(".gpkg") else path + ".gpkg")

    def work(ctx):
        from assetmap.project.create import create_from_boundaries

        return create_from_boundaries(boundaries, target, ctx=ctx)

    loop = QEventLoop()
    task = run_task(parent, QCoreApplication.translate("Welcome", "New project"), work)
    task.finished.connect(lambda ok: loop.quit())
    loop.exec()
    if task.error is not None:
        return None
    return task.result

