"""The map's own words in the user's language: the legend entries the core writes and the texts
of the map page's popups and legend (``assetmap.mapview.words``; ``resources/js``).

Qt translates them under the context ``MapWords``. ``pyside6-lupdate`` finds only literal
``translate`` calls, so each word is listed here once; tests/ui/test_map_words.py fails when the
core or the page uses a word this list lacks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "MapWords"


def _catalogue() -> list[str]:
    """Never called: the legend words the core passes through ``word()``, for lupdate."""
    return [
        QCoreApplication.translate("MapWords", "no data"),
        QCoreApplication.translate("MapWords", "other"),
        QCoreApplication.translate("MapWords", "Reports"),
        QCoreApplication.translate("MapWords", "All periods (total)"),
        QCoreApplication.translate("MapWords", "0 (no report within reach)"),
        QCoreApplication.translate("MapWords", "Hot spot, 99 % confidence"),
        QCoreApplication.translate("MapWords", "Hot spot, 95 % confidence"),
        QCoreApplication.translate("MapWords", "Hot spot, 90 % confidence"),
        QCoreApplication.translate("MapWords", "Not significant"),
        QCoreApplication.translate("MapWords", "Cold spot, 90 % confidence"),
        QCoreApplication.translate("MapWords", "Cold spot, 95 % confidence"),
        QCoreApplication.translate("MapWords", "Cold spot, 99 % confidence"),
        QCoreApplication.translate("MapWords", ", FDR-controlled"),
        QCoreApplication.translate("MapWords", "Hot in both (90 % or more)"),
        QCoreApplication.translate("MapWords", "Not hot in both"),
        QCoreApplication.translate("MapWords", "{0} in either layer (withheld)"),
        QCoreApplication.translate("MapWords", "{0} reports: suppressed"),
        QCoreApplication.translate("MapWords", "1–10 (withheld)"),
        QCoreApplication.translate("MapWords", "no residents"),
        QCoreApplication.translate("MapWords", "withheld"),
        # the map page's own words (assetmap.mapview.words.PAGE_WORDS)
        QCoreApplication.translate("MapWords", "Legend"),
        QCoreApplication.translate("MapWords", "Trend over the periods"),
        QCoreApplication.translate("MapWords", "Period"),
        QCoreApplication.translate("MapWords", "Classes fixed over all periods"),
        QCoreApplication.translate("MapWords", "Per 1,000 people"),
        QCoreApplication.translate("MapWords", "gaps: {0}"),
        QCoreApplication.translate("MapWords", "{0} across, {1} up"),
        QCoreApplication.translate("MapWords", "neighbours: areas sharing an edge or a corner (queen)"),
        QCoreApplication.translate("MapWords", "neighbours: areas sharing an edge (rook)"),
        QCoreApplication.translate("MapWords", "rate per 1,000"),
        QCoreApplication.translate("MapWords", "Areas with few residents are pulled towards their neighbours' rate"),
        QCoreApplication.translate("MapWords", "Areas with few residents are pulled towards the overall rate"),
        QCoreApplication.translate("MapWords", "neighbours: areas whose centres are within {0} m (distance band)"),
        QCoreApplication.translate("MapWords", "{0} areas with 1–{1} reports (withheld) entered as {2}"),
        QCoreApplication.translate("MapWords", "{0} permutations (seed {1}), significant at p ≤ {2}"),
        QCoreApplication.translate("MapWords", "Hot spot: high, next to high"),
        QCoreApplication.translate("MapWords", "Outlier: low, next to high"),
        QCoreApplication.translate("MapWords", "Cold spot: low, next to low"),
        QCoreApplication.translate("MapWords", "Outlier: high, next to low"),
        QCoreApplication.translate("MapWords", "neighbours: the {0} nearest areas (k-nearest)"),
        QCoreApplication.translate("MapWords", "Bivariate local Moran's I: {0} against the neighbours' {1}"),
        QCoreApplication.translate("MapWords", "Local Moran's I of {0}"),
        QCoreApplication.translate("MapWords", "smoothed rate per 1,000 (empirical Bayes)"),
        QCoreApplication.translate("MapWords", "smoothed rate per 1,000 (spatial empirical Bayes)"),
        QCoreApplication.translate("MapWords", "Areas with few residents are pulled towards the overall rate ({0} per 1,000)"),
        QCoreApplication.translate("MapWords", "withheld counts (1–{0}) entered as {1}; nothing is shown for them"),
        QCoreApplication.translate("MapWords", "High {0}, next to high {1}"),
        QCoreApplication.translate("MapWords", "Low {0}, next to high {1}"),
        QCoreApplication.translate("MapWords", "Low {0}, next to low {1}"),
        QCoreApplication.translate("MapWords", "High {0}, next to low {1}"),
        QCoreApplication.translate("MapWords", "times the risk where none of the factors is present"),
        QCoreApplication.translate("MapWords", "Relative risk from {0}; built from public layers only"),
        QCoreApplication.translate("MapWords", "PAI {0} (model) vs {1} (last period's hot spots)"),
        QCoreApplication.translate("MapWords", "top {0} % of cells (highest risk)"),
    ]


def page_words() -> dict[str, str]:
    """What the map page is sent when it loads (see ``assetmap.mapview.words.page_words``)."""
    from assetmap.mapview import words

    return words.page_words()


def install() -> None:
    """Route the core's map words through Qt's translators (whatever language is loaded)."""
    from assetmap.mapview import words

    words.set_translator(lambda english: QCoreApplication.translate(CONTEXT, english))
