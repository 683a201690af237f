"""Errors a user can act on, as opposed to bugs.

A ``UserError`` carries a message naming what is wrong (and the file), plus a
hint saying what to do next. The CLI prints it without a traceback and exits 2;
the GUI shows it in a dialog.
"""

from __future__ import annotations


class UserError(Exception):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class NotPermitted(UserError):
    """The project's server refused a change for the user's role (nothing was saved)."""

    def __init__(self, message: str, hint: str | None = None, who: str = "", reason: str = ""):
        super().__init__(message, hint)
        self.who = who        # the database user refused
        self.reason = reason  # what the server said


class Cancelled(Exception):
    """Raised inside long work when the user pressed Cancel."""
