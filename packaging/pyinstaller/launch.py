"""The bundle's entry point: what the `backbreak` console script runs, as a script PyInstaller can start."""

import sys

from backbreak.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
