"""Qt tests run on the offscreen platform: no display needed, nothing flashes on a desktop."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
