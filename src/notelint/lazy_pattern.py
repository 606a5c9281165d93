"""Regular expressions compiled the first time they are used.

Most patterns serve one kind of paragraph or rule (bracketed insertions, bylines, attributed quotations,
suppression comments), and a run over a few short files meets few of those kinds: compiling them all at
import was most of the start-up. A module keeps its patterns at top level, where they are read, and pays
for each only when a text first needs it. Below parsing/, so every stage can use it."""
from __future__ import annotations


class LazyPattern:
    """`compile_function(*args)` (re.compile or regex.compile), compiled on first use. The first attribute
    asked for compiles it and copies the pattern's methods onto this object, so later calls cost what a
    compiled pattern's do."""

    def __init__(self, compile_function, *args) -> None:
        self._compile_args = (compile_function, args)

    def __getattr__(self, name: str):  # only reached while an attribute is missing: before compiling
        if name.startswith("__") or name == "_compile_args":
            raise AttributeError(name)
        compile_function, args = self._compile_args
        compiled = compile_function(*args)
        for attribute in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
                          "pattern", "flags", "groups", "groupindex"):
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)
