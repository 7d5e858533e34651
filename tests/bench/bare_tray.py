"""The baselines for idle cost: the least a PySide6 tray app can be (QApplication, tray icon, menu).

With --apscheduler it also holds one far-off job in APScheduler's QtScheduler: backbreak must use it
(shared/DESIGN.md), so that is the least a tray app built on it can cost. APScheduler is then imported
before PySide6, so the figure is the library's own cost and not PySide6's import hook reading its
source (backbreak makes that hook cheap instead: backbreak/importcheck.py).
"""

import datetime as dt
import sys

WITH_SCHEDULER = "--apscheduler" in sys.argv
if WITH_SCHEDULER:
    from apscheduler.schedulers.qt import QtScheduler

from PySide6.QtGui import QColor, QIcon, QPixmap  # noqa: E402  (after APScheduler, see above)
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon  # noqa: E402

app = QApplication(sys.argv[:1])
app.setQuitOnLastWindowClosed(False)
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("#2a9d8f"))
tray = QSystemTrayIcon(QIcon(pixmap))
menu = QMenu()
menu.addAction("Quit", app.quit)
tray.setContextMenu(menu)
tray.show()
if WITH_SCHEDULER:
    scheduler = QtScheduler(executors={"default": {"type": "debug"}})
    scheduler.add_job(app.quit, "date", run_date=dt.datetime.now().astimezone() + dt.timedelta(days=1))
    scheduler.start()
sys.exit(app.exec())
