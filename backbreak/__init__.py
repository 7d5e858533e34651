"""backbreak: a quiet tray app that counts real sitting time and guides short stretch breaks."""

__version__ = "0.1.0"

APP_ID = "io.github.backbreak.backbreak"
"""The reverse-DNS name of the app: its menu entry, icon, AppStream id, Flatpak id and macOS LaunchAgent label.

It assumes the project's home is github.com/backbreak/backbreak (Flathub wants an id under a domain the
publisher controls); packaging/ and the tests in tests/packaging check that every file uses this one.
"""
