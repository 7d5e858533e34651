"""About & safety: what backbreak is, the safety note, who should check first, the red flags, the log, languages.

The log's path is there because it is the first thing to look at, or to attach, when something went wrong.
The languages part says which translations are complete and how to add or improve one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout, QWidget

from backbreak import __version__, paths
from backbreak.core.i18n import _
from backbreak.core.languages import LANGUAGES, coverage
from backbreak.core.safety import CHECK_FIRST, GENERAL_NOTE
from backbreak.ui.text import add_red_flags, scrolling_column, text_label


class AboutWindow(QWidget):
    """A plain, scrollable page; Esc or Close shuts it."""

    def __init__(self, parent: QWidget | None = None, log_file: Path | None = None) -> None:
        super().__init__(parent)
        log_file = log_file or paths.log_file()
        self.setWindowTitle(_("About & safety · backbreak"))
        self.setAccessibleName(_("About and safety"))
        self.resize(560, 640)
        outer = QVBoxLayout(self)
        column = scrolling_column(outer, _("About and safety text"))
        column.addWidget(text_label(_("backbreak {version}").format(version=__version__), 1.6, bold=True))
        column.addWidget(
            text_label(_("A quiet reminder to get up, and short guided stretches. No account, no network."))
        )
        column.addWidget(text_label(_("Safety"), 1.3, bold=True))
        for paragraph in GENERAL_NOTE:
            column.addWidget(text_label(_(paragraph)))
        column.addWidget(text_label(_("Check with a clinician first, or use the changes given"), 1.3, bold=True))
        for group, advice in CHECK_FIRST:
            column.addWidget(text_label(_(group), bold=True))
            column.addWidget(text_label(_(advice)))
        column.addWidget(text_label(_("When to get help instead of stretching"), 1.3, bold=True))
        add_red_flags(column)
        column.addWidget(text_label(_("When something goes wrong"), 1.3, bold=True))
        # i18n: "backbreak doctor" is a command, typed as it is: never translated
        said = _('The log is {log}. The command "backbreak doctor" tells what this desktop offers.')
        column.addWidget(text_label(said.format(log=log_file)))
        column.addWidget(text_label(_("Languages"), 1.3, bold=True))
        column.addWidget(text_label(languages_said()))
        column.addWidget(text_label(contributing()))
        column.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        outer.addWidget(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)


def languages_said() -> str:
    """Which translations are complete, and which are partly done (their missing texts show in English)."""
    found = coverage()
    complete = [LANGUAGES[language.code] for language in found if language.complete]
    said = [
        _("backbreak is written in English. Complete translations: {languages}.").format(
            languages=", ".join(complete) or "-"
        )
    ]
    partial = [
        # i18n: a language that is not completely translated, like "Deutsch (80 %)"
        _("{language} ({percent} %)").format(
            language=LANGUAGES[language.code], percent=100 * language.translated // max(1, language.total)
        )
        for language in found
        if not language.complete
    ]
    if partial:
        said.append(
            _("Partly translated: {languages}; what is missing shows in English.").format(languages=", ".join(partial))
        )
    return " ".join(said)


def contributing() -> str:
    """How to add or improve a language."""
    # i18n: file names and "make translations" are typed as they are: never translated
    return _(
        "To add or improve a language, edit its catalogues in backbreak's source, assets/locale/CODE.po and "
        "assets/routines/locale/CODE.po (a new language starts from the .pot templates beside them), then run "
        '"make translations" to refresh and compile them.'
    )
