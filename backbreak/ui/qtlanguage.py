"""Qt's own words (standard buttons, the file dialog, a text field's menu) in backbreak's language.

They come from the qtbase catalogues PySide6 ships (Qt/translations/qtbase_<code>.qm), loaded into one
QTranslator that is swapped when the language changes. In the pseudo-language, Qt's words are marked too,
so a test sees a standard button that no catalogue reached.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from backbreak.core.i18n import ENGLISH
from backbreak.core.languages import PSEUDO, catalogue_name
from backbreak.core.pseudo import pseudo


class PseudoQtTranslator(QTranslator):
    """Qt's words in the pseudo-language."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name: an empty translator is never asked
        return False


class QtLanguage:
    """Installs the qtbase translator of the language in force into the application."""

    def __init__(self, app: QObject) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self.code = ENGLISH

    def apply(self, code: str) -> bool:
        """Qt's words in `code` from now on; False when PySide6 has no catalogue for it (Qt stays English)."""
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        self.code = code
        if code == ENGLISH:
            return True
        translator: QTranslator = PseudoQtTranslator(self._app) if code == PSEUDO else QTranslator(self._app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if code != PSEUDO and not translator.load(f"qtbase_{catalogue_name(code)}", folder):
            return False
        QCoreApplication.installTranslator(translator)
        self._translator = translator
        return True


def desktop_languages() -> list[str]:
    """The languages the desktop prefers, as Qt reads them (what Windows and macOS say; Linux has the variables)."""
    return list(QLocale.system().uiLanguages())
