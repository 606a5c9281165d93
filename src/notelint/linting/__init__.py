"""Linting: a Document -> Findings. Rule packs (TOML data) and small check functions, selected by the
settings of each file's configuration; suppression comments applied.

The names below are imported when first asked for: importing a part of this package (its settings, its
findings) must not import the engine, and with it the parser, which a run answered from the cache never uses.
"""
from __future__ import annotations

from ..lazy_pattern import lazy_names

__all__ = ["Finding", "Rule", "RulePackError", "Settings", "lint_document", "lint_source", "load_rules",
           "load_settings"]

_HOMES = {"Settings": "config", "load_settings": "config", "lint_document": "engine", "lint_source": "engine",
          "Finding": "findings", "Rule": "rules", "RulePackError": "rules", "load_rules": "rules"}


__getattr__, __dir__ = lazy_names(__name__, _HOMES)
