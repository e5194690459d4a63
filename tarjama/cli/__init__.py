"""The command line: the parser, and one module per command. Nothing below imports from here."""

from tarjama.cli.main import main

__all__ = ["main"]
