"""Developer tools that write committed files (the translation catalogues); never part of the wheel."""
