"""Languages of the user interface.

Translations are Qt's own: strings go through ``tr``; ``resources/i18n/assetmap_<lang>.ts``
is the committed source (made with ``pyside6-lupdate``, see ``python -m assetmap.ui.i18n
--update``), compiled to ``.qm`` with ``pyside6-lrelease`` at install time (``scripts/run``,
``scripts/test``, the installer). If the compiled file is missing or older than its
source, it is compiled into the user's cache on first use, so a checkout never shows
stale or English-only text.

The language follows the system locale unless the user chose one in Settings
(QSettings ``ui/language``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from assetmap.resources import resource, user_data_dir

LANGUAGES = {"en": "English", "es": "Español"}
SETTINGS_KEY = "ui/language"
# Survey forms name their languages the XLSForm way ("Español", "Spanish (es)"):
FORM_LANGUAGE_NAMES = {"en": ("english", "en", "inglés"), "es": ("español", "espanol", "spanish", "es")}

_installed: list[QTranslator] = []


def ts_file(lang: str) -> Path:
    return resource("i18n", f"assetmap_{lang}.ts")


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    import PySide6

    exe = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    return str(exe) if exe.exists() else None


def compile_ts(ts: Path, qm: Path) -> bool:
    tool = _lrelease()
    if tool is None or not ts.exists():
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True)
    return done.returncode == 0 and qm.exists()


def qm_file(lang: str) -> Path | None:
    """The compiled translation for ``lang``, compiling it if needed; None if there is none."""
    ts = ts_file(lang)
    built = ts.with_suffix(".qm")
    if built.exists() and (not ts.exists() or built.stat().st_mtime >= ts.stat().st_mtime):
        return built
    cached = user_data_dir() / "i18n" / built.name
    if cached.exists() and ts.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    if compile_ts(ts, built) or compile_ts(ts, cached):
        return built if built.exists() and built.stat().st_mtime >= ts.stat().st_mtime else cached
    return None


def _settings():
    from assetmap.ui.window_actions import settings  # the one settings file (follows XDG_CONFIG_HOME)

    return settings()


def chosen_language() -> str:
    env = os.environ.get("ASSETMAP_LANGUAGE")
    if env:
        return env
    value = _settings().value(SETTINGS_KEY, "")
    if value in LANGUAGES:
        return value
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def set_language_setting(lang: str) -> None:
    _settings().setValue(SETTINGS_KEY, lang)


def install(app: QApplication | None = None, lang: str | None = None) -> str:
    """Load ``lang`` (default: the chosen one) into the app; returns the language in use."""
    from assetmap.ui import map_words

    app = app or QApplication.instance()
    lang = lang or chosen_language()
    map_words.install()  # the core's legend words follow whichever translators are loaded
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return "en"
    qm = qm_file(lang)
    if qm is None:
        return "en"
    ours = QTranslator(app)
    if not ours.load(str(qm)):
        return "en"
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)  # Qt's standard buttons and dialogs (OK, Cancel, file dialogs)
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    QLocale.setDefault(QLocale(lang))
    return lang


def current_language() -> str:
    return QLocale().name().split("_")[0] if _installed else "en"


def form_language(form_languages: list[str], ui_lang: str) -> str | None:
    """The form's own label language matching the UI language, if the form has it."""
    names = FORM_LANGUAGE_NAMES.get(ui_lang, (ui_lang,))
    for lang in form_languages:
        low = lang.lower()
        code = low.rsplit("(", 1)[-1].rstrip(")").strip() if "(" in low else None
        if low.split("(")[0].strip() in names or code == ui_lang:
            return lang
    return None


UPDATE_SOURCES = ["assetmap/ui"]


def update_ts(root: Path) -> None:
    """Refresh the .ts sources from the code (keeps existing translations)."""
    files = sorted(str(p.relative_to(root)) for d in UPDATE_SOURCES for p in (root / d).rglob("*.py"))
    for lang in LANGUAGES:
        if lang == "en":
            continue
        ts = root / "resources" / "i18n" / f"assetmap_{lang}.ts"
        subprocess.run(["pyside6-lupdate", *files, "-no-obsolete", "-target-language", lang, "-ts", str(ts)], cwd=root, check=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    root = Path(__file__).resolve().parents[2]
    if "--update" in args:
        update_ts(root)
    ok = True
    for lang in LANGUAGES:
        if lang != "en":
            ts = ts_file(lang)
            ok &= compile_ts(ts, ts.with_suffix(".qm"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
