"""The second baseline: the bare tray icon plus APScheduler's QtScheduler holding one far-off job.

backbreak must use APScheduler (shared/DESIGN.md), so this is the least a tray app built on it can
cost. APScheduler is imported before PySide6, as backbreak does (backbreak/preload.py), so the
figure is the library's own cost and not PySide6's import hook reading its source.
"""

import datetime as dt
import sys

from apscheduler.schedulers.qt import QtScheduler  # isort: skip  (before PySide6, see above)
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

app = QApplication(sys.argv)
app.setQuitOnLastWindowClosed(False)
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("#2a9d8f"))
tray = QSystemTrayIcon(QIcon(pixmap))
menu = QMenu()
menu.addAction("Quit", app.quit)
tray.setContextMenu(menu)
tray.show()
scheduler = QtScheduler(executors={"default": {"type": "debug"}})
scheduler.add_job(app.quit, "date", run_date=dt.datetime.now().astimezone() + dt.timedelta(days=1))
scheduler.start()
sys.exit(app.exec())
