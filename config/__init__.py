"""tarjama's embedded configuration: default.toml and presets/*.toml.

Installed as the package `tarjama.defaults` (pyproject.toml maps it onto this folder), so the
files ship inside the wheel and are read with importlib.resources from any folder."""
