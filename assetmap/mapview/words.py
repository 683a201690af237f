"""Words the map draws itself (legend entries, notes), in the language of the user interface.

The core is Qt-free, so it can't call ``tr``. Every such word goes through ``word()``; the
UI installs Qt's translator behind it at start (``assetmap/ui/map_words.py``), so the legend of
the map window, and the maps it exports, read in the user's language. Headless exports (no UI)
stay in English. ``pyside6-lupdate`` only reads ``assetmap/ui``: the UI module lists these
words for it, and a test fails when one used here is missing from that list.
"""

from __future__ import annotations

from typing import Callable

_translate: Callable[[str], str] | None = None


def set_translator(fn: Callable[[str], str] | None) -> None:
    """``fn(english) -> text in the user's language``; None goes back to English."""
    global _translate
    _translate = fn


# The map page's own words (resources/js: ``api.word("...")``): sent to the page when it loads,
# in the window and in exported HTML.
PAGE_WORDS = ("Legend", "Trend over the periods", "no data", "withheld", "Period",
              "Classes fixed over all periods", "Reports", "Per 1,000 people", "gaps: {0}",
              "{0} across, {1} up")


def page_words() -> dict[str, str]:
    """The page words that read differently in the user's language (empty in English)."""
    return {w: t for w in PAGE_WORDS if (t := word(w)) != w}


def word(english: str) -> str:
    """``english`` in the user's language (a format string stays one: translate, then format)."""
    if _translate is None:
        return english
    return _translate(english) or english
