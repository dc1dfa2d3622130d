"""Translation helpers: every user-visible string goes through `translate(context, text)`, context spelled out.

pylupdate5 finds `translate("Context", "text")` calls only when the context is a string literal, so every
call spells its context out: `translate("ConnectDialog", "...")`. The translator follows the QGIS locale
(th_TH → jitasa_th.qm, falling back to the two-letter language).
"""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QTranslator


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def qm_path_for_locale(locale: str, i18n_dir: Path) -> Path | None:
    """The .qm file for a locale: the full name first (th_TH), then the language (th)."""
    locale = (locale or "").replace("-", "_")
    for name in (locale, locale.split("_")[0]):
        if name:
            candidate = i18n_dir / f"jitasa_{name}.qm"
            if candidate.is_file():
                return candidate
    return None


def load_translator(locale: str, i18n_dir: Path) -> QTranslator | None:
    """A loaded QTranslator for the locale, or None when there is no translation (English UI)."""
    path = qm_path_for_locale(locale, i18n_dir)
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    return translator
