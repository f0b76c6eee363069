"""The header's Print, for the page on screen.

On a desktop, Print is a menu: Print… opens the system's print dialog and Save as PDF…
asks where to save.  On a kiosk there is no dialog at all: Print goes straight to the
printer the staff set (``printer`` in the configuration), and the button is not there
when none is set; there is no Save as PDF.  Text at 150 % or more prints in large print.
What was printed is neither logged nor kept: the only file written is the one asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from explorer.model.handout import HandoutSettings, printable
from explorer.model.i18n import tr

LARGE_PRINT_FROM = 150  # text size, percent
FEEDBACK_MS = 5000  # how long a button says what happened


class Handouts(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.settings = HandoutSettings()
        window.header.print_clicked.connect(self.print_page)
        window.header.save_clicked.connect(self.save_page)
        window.session.changed.connect(self._changed)
        self._restore = QTimer(self)
        self._restore.setSingleShot(True)
        self._restore.timeout.connect(window.header.retranslate)
        window.session.restarted.connect(self._restart)
        self.show_buttons()

    def configure(self, settings: HandoutSettings) -> None:
        """The clinic's details, the paper and (for a kiosk) the printer."""
        self.settings = settings
        self.show_buttons()

    @property
    def kiosk(self) -> bool:
        return self.window.session.preferences.kiosk

    def _restart(self) -> None:
        """A new visitor does not see what the last one printed."""
        if self._restore.isActive():
            self._restore.stop()
            self.window.header.retranslate()

    def _changed(self, names: frozenset[str]) -> None:
        if names & {"history", "preferences"}:
            self.show_buttons()

    def show_buttons(self) -> None:
        header = self.window.header
        header.offer_menu(not self.kiosk)
        header.show_print(bool(self.settings.printer) or not self.kiosk,
                          self.window.world.ok and printable(self.window.session.page))

    def printout(self):
        """The handout of the page on screen, in its language, with the marks on it."""
        from explorer.ui.handout.printout import make

        state = self.window.session.state
        return make(self.window.world, self.window.session.page, self.window.language.code,
                    self.settings, state.marks,
                    large=state.preferences.text_size >= LARGE_PRINT_FROM)

    # -- the two buttons ---------------------------------------------------------------------
    def save_page(self) -> bool:
        from explorer.ui.handout.dialogs import SaveDialog
        from explorer.ui.handout.printout import write_pdf

        printout = self.printout()
        if printout is None or self.kiosk:
            return False
        path = SaveDialog.ask(self.window, printout.handout.title)
        if path is None:
            return False
        done = write_pdf(printout, path)
        self._tell(tr("✓ Saved") if done else tr("Could not save the PDF"))
        return done

    def print_page(self) -> bool:
        from explorer.ui.handout.printout import new_printer, print_on

        printout = self.printout()
        if printout is None or (self.kiosk and not self.settings.printer):
            return False
        printer = new_printer(self.settings, kiosk=self.kiosk)
        if self.kiosk:  # no dialog: the staff chose the printer
            done = printer is not None and print_on(printout, printer)
        else:
            from explorer.ui.handout.dialogs import PrintDialog

            if not PrintDialog.ask(self.window, printer):
                return False
            done = print_on(printout, printer)
        self._tell(tr("✓ Sent to the printer") if done else
                   tr("The printer is not ready. Please ask at the desk.") if self.kiosk
                   else tr("Could not print"))
        return done

    def _tell(self, text: str) -> None:
        """What happened, on the Print button (or under More, when Print is in its menu) for
        a few seconds (no dialog to close), and said to a screen reader."""
        self.window.header.tell(text)
        self.window.announce(text.removeprefix("✓ "))  # the tick is for the eye only
        self._restore.start(FEEDBACK_MS)
