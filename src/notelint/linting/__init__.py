"""Linting: a Document -> Findings. Rule packs (TOML data) and small check functions, selected by the
settings of each file's configuration; suppression comments applied.

The names below are imported when first asked for: importing a part of this package (its settings, its
findings) must not import the engine, and with it the parser, which a run answered from the cache never uses.
"""
from __future__ import annotations

__all__ = ["Finding", "Rule", "RulePackError", "Settings", "lint_document", "lint_source", "load_rules",
           "load_settings"]

_HOMES = {"Settings": "config", "load_settings": "config", "lint_document": "engine", "lint_source": "engine",
          "Finding": "findings", "Rule": "rules", "RulePackError": "rules", "load_rules": "rules"}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
