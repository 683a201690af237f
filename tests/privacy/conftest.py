from __future__ import annotations

import pytest

from tests.reports.conftest import INCIDENTS, _template, incidents, rproject  # noqa: F401
