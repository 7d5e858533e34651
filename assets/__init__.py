"""Packaged assets: icons, routines, sounds (read with importlib.resources)."""
