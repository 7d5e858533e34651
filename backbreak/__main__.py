"""`python -m backbreak` and the `backbreak` console script: parse, then start the app if asked."""

from __future__ import annotations

import sys

from backbreak.cli import build_parser


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run it."""
    args = sys.argv[1:] if argv is None else argv
    build_parser().parse_args(args)
    # Qt loads only when the tray app starts; the command-line client never pays for it.
    from backbreak import app

    return app.run([sys.argv[0]])


if __name__ == "__main__":
    sys.exit(main())
