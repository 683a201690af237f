"""File › Open shared project (PostGIS)…: server, database, user and password fields.

Settings remember the server, port, database, schema and user, never the password: it
lives only in this process (so reopening in the same session does not ask again) and in
the connection URL handed to the window, which shows and records only the redacted form.
OK checks the connection and that a project is published there before closing. The check runs
on a worker thread (a server that does not answer takes up to the connect timeout): the window
stays responsive, a progress dialog offers Cancel, and Open is disabled meanwhile.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout)

from assetmap.errors import UserError
from assetmap.postgis.url import DEFAULT_PORT, SharedTarget

_KEYS = ("host", "port", "database", "user", "schema")
# (host, port, database, user) -> password, for this process only.
_SESSION_PASSWORDS: dict[tuple, str] = {}


class SharedProjectDialog(QDialog):
    def __init__(self, parent=None, check=None):
        super().__init__(parent)
        from assetmap.ui.window_actions import settings

        self._check = check if check is not None else _open_check
        self._task = None
        self.url: str | None = None
        self.setWindowTitle(self.tr("Open shared project (PostGIS)"))
        self.setAccessibleName(self.tr("Open shared project"))
        st = settings()
        saved = {k: str(st.value(f"shared/{k}") or "") for k in _KEYS}
        form = QFormLayout()

        def field(label, widget, name):
            widget.setAccessibleName(name)
            lab = QLabel(label)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
            return widget

        self.host = field(self.tr("&Server"), QLineEdit(saved["host"]), self.tr("Server"))
        self.host.setPlaceholderText("db.example.org")
        self.port = field(self.tr("&Port"), QSpinBox(), self.tr("Port"))
        self.port.setRange(1, 65535)
        self.port.setValue(int(saved["port"]) if saved["port"].isdigit() else DEFAULT_PORT)
        self.database = field(self.tr("&Database"), QLineEdit(saved["database"]), self.tr("Database"))
        self.schema = field(self.tr("Sc&hema"), QLineEdit(saved["schema"] or "assetmap"), self.tr("Schema"))
        self.user = field(self.tr("&User name"), QLineEdit(saved["user"]), self.tr("User name"))
        self.password = field(self.tr("Pass&word"), QLineEdit(), self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setText(_SESSION_PASSWORDS.get(self._key(), ""))
        note = QLabel(self.tr("The password is not saved on this computer; you type it once per session."))
        note.setWordWrap(True)
        form.addRow("", note)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("error")
        self.message.setStyleSheet("color: #b00020")
        self.message.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_open)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.setMinimumWidth(460)  # room for the wrapped note and messages
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.password if self.host.text() and self.user.text() else self.host).setFocus()

    def _key(self) -> tuple:
        return (self.host.text().strip(), self.port.value(), self.database.text().strip(), self.user.text().strip())

    def target(self) -> SharedTarget:
        return SharedTarget(host=self.host.text(), port=self.port.value(), database=self.database.text(),
                            user=self.user.text(), password=self.password.text(), schema=self.schema.text())

    @property
    def checking(self) -> bool:
        """A connection check is running."""
        return self._task is not None

    def try_open(self) -> None:
        """Check the fields, then the connection on a worker thread; stay open with the reason if
        they fail."""
        from assetmap.ui.workers import run_task

        if self._task is not None:
            return
        target = self.target()
        try:
            url = target.url()
        except UserError as exc:
            self._show_problem(exc)
            return
        check = self._check

        def work(ctx):
            check(url)
            ctx.check()  # Cancel pressed while connecting: the answer comes too late to matter
            return url

        self.message.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(False)
        self._task = run_task(self, self.tr("Connecting to {0}…").format(target.host or "?"), work,
                              on_done=lambda u: self._opened(target, u), quiet_errors=True)
        self._task.finished.connect(self._check_ended)

    def _check_ended(self, ok: bool) -> None:
        task, self._task = self._task, None
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(True)
        if not ok and task is not None and task.error is not None:
            self._show_problem(task.error)

    def _show_problem(self, exc: BaseException) -> None:
        from assetmap.ui.workers import explain

        message, hint = explain(exc, self.tr("Open shared project"))
        self.message.setText(message + (f"\n{hint}" if hint else ""))
        self.message.show()
        self.adjustSize()  # grow for the message rather than squeeze the wrapped note

    def _opened(self, target: SharedTarget, url: str) -> None:
        from assetmap.ui.window_actions import settings

        st = settings()
        for k, v in target.public_fields().items():
            st.setValue(f"shared/{k}", v)
        st.sync()
        if target.password:
            _SESSION_PASSWORDS[self._key()] = target.password
        self.url = url
        self.accept()


def _open_check(url: str) -> None:
    from assetmap.project.backends import open_any

    open_any(url)


def ask_shared_project(parent=None) -> str | None:
    """The URL of a shared project the user chose (connection checked), or None."""
    dialog = SharedProjectDialog(parent)
    return dialog.url if dialog.exec() == QDialog.DialogCode.Accepted else None


def open_shared_dialog(w) -> None:
    """The File menu's action: ask, then open the shared project in the window ``w``."""
    url = ask_shared_project(w)
    if url:
        w.open_project(url)


def show_shared_project(w, project) -> bool:
    """After ``MainWindow.open_project`` drew a shared project's layers: its panels and title.

    The hub, territory, survey and indicator panels work on it as on a file (their stores run
    in the project's own SQL dialect, assetmap.project.interface; they were installed on the session's ProjectOpened); the
    title shows the URL without its password."""
    w.setWindowTitle(f"{project.title} — {project.path} — assetmap")
    w.statusBar().showMessage(w.tr("Shared project on {0}: changes are saved to the server as you make "
                                   "them.").format(project.path), 15000)
    from assetmap.ui.basemap import apply_basemap

    apply_basemap(w.canvas)
    w.canvas.zoom_all()
    return True
