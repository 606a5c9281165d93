"""Regular expressions compiled, and a package's names imported, the first time they are used.

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


def lazy_names(package: str, homes: dict[str, str]):
    """A package's module `__getattr__` and `__dir__` (PEP 562) that import each name of `homes` (name ->
    submodule) from its submodule when first asked for: a module that needs one part of a package (its
    settings, its model) then does not import the rest, which a run answered from the cache never uses."""

    def __getattr__(name: str):
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        import importlib
        import sys

        value = getattr(importlib.import_module(f".{home}", package), name)
        setattr(sys.modules[package], name, value)  # asked once: later lookups find it in the module
        return value

    def __dir__() -> list[str]:
        import sys

        return sorted(set(vars(sys.modules[package])) | set(homes))

    return __getattr__, __dir__
