"""Linting: a Document -> Findings. Rule packs (TOML data) and small check functions, selected by the
settings of each file's configuration; suppression comments applied."""
from __future__ import annotations

from .config import Settings, load_settings
from .engine import lint_document, lint_source
from .findings import Finding
from .rules import Rule, RulePackError, load_rules

__all__ = ["Finding", "Rule", "RulePackError", "Settings", "lint_document", "lint_source", "load_rules",
           "load_settings"]
