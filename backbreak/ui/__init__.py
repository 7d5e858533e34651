"""Widgets only: they render the state they are given and emit what the user asked for."""
