"""Work around PySide6 6.12 on Python 3.11 losing references to True/False on some bool signal
paths: with enough UI tests in one process `True` is freed at interpreter exit (Fatal Python
error: bool_dealloc, exit 134 after all tests passed). References that are never released keep
the count from reaching 0. Import this module from a UI test module that needs it."""

import ctypes

for _b in (True, False):
    for _ in range(100_000):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(_b))
