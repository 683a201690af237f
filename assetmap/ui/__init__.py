"""The Qt desktop app: a thin view over the Qt-free core. Only this package imports PySide6."""
