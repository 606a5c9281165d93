"""notelint's version: the one place it is defined (pyproject.toml reads it from here)."""
__version__ = "0.1.0"
