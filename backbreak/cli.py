"""The `backbreak` command line: parsing and the client side. Imports no Qt, so commands stay quick."""

from __future__ import annotations

import argparse

from backbreak import __version__


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One clear line and exit 2, not argparse's usage block.
        self.exit(2, f"backbreak: {message} (see 'backbreak --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; `backbreak` with no arguments starts the tray app."""
    parser = _Parser(
        prog="backbreak",
        description="A quiet tray app that counts how long you have really been sitting and guides short breaks.",
    )
    parser.add_argument("--version", action="version", version=f"backbreak {__version__}")
    return parser
