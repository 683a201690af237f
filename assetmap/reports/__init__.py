"""Sensitive reports (maltreatment, domestic violence) turned into suppressed aggregates.

Raw report rows and coordinates exist only in memory while ``aggregate_reports`` runs;
the project receives counts per unit (and period), with small counts suppressed.
Qt-free: the wizard in ``assetmap.ui`` and the ``assetmap reports`` command both call this.
"""

from __future__ import annotations

from assetmap.reports.aggregate import KINDS, AggregateResult, aggregate_reports
from assetmap.reports.suppress import DEFAULT_THRESHOLD, MIN_THRESHOLD, suppress

__all__ = ["KINDS", "AggregateResult", "aggregate_reports", "suppress", "DEFAULT_THRESHOLD",
           "MIN_THRESHOLD"]
