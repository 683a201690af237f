"""Shared measurement: indicators per neighbourhood and period, the partnership report, CSV.

Plain Python (no Qt): ``model`` (definitions stored in the project, defaults), ``compute``
(a long DataFrame a dock, a report or a CSV can use), ``export`` (CSV), ``report`` (PDF/HTML).
"""

from assetmap.indicators.compute import change_since, compute, ranked
from assetmap.indicators.model import (Indicator, default_indicators, load_indicators, save_indicators)

__all__ = ["Indicator", "change_since", "compute", "default_indicators", "load_indicators", "ranked",
           "save_indicators"]
