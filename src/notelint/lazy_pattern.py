"""Regular expressions compiled, and a package's names imported, the first time they are used.

Most patterns serve one kind of paragraph or rule (bracketed insertions, bylines, attributed quotations,
suppression comments), and a run over a few short files meets few of those kinds: compiling them all at
import was most of the start-up. A module keeps its patterns at top level, where they are read, and pays
for each only when a text first needs it. Below parsing/, so every stage can use it."""
from __future__ import annotations

import re


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
        if compile_function is re.compile:  # from the code a run before this one kept, where there is some
            from .compiled_patterns import compile_re

            compiled = compile_re(*args)
        else:
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


class _LazyRegexModule:
    """Stands for the `regex` module where patterns are defined: its flags are plain numbers (the same as
    regex's own; a test holds them equal) and `compile` imports it, so a module that defines patterns for
    it does not import it (~10 ms of start-up) until a run first compiles one. Any other name is the
    module's own, imported when asked for."""

    I = IGNORECASE = 0x2
    M = MULTILINE = 0x8
    S = DOTALL = 0x10
    X = VERBOSE = 0x40
    REVERSE = R = 0x400
    V0 = VERSION0 = 0x2000

    @staticmethod
    def compile(*args):
        from .compiled_patterns import compile_regex  # from kept code where a run before kept some

        return compile_regex(*args)

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        import regex

        return getattr(regex, name)


regex = _LazyRegexModule()

# The characters on which `re` and `regex` (version 0) agree about every construct a DualPattern may use:
# which are word characters (\w, hence \b), which are white space (\s) and which characters an ASCII
# letter matches when case is ignored. ASCII, Latin-1 and Latin Extended-A and -B, general punctuation
# (the curly quotation marks, dashes, no-break and thin spaces of news copy) and currency signs, less
# those they read apart: \x1c-\x1f (white space to re only), ² ³ ¹ ¼ ½ ¾ (word characters to re only),
# İ and ı (an I to re when case is ignored; to regex, İ is an i only and ı neither), the zero-width
# joiners and the tie punctuation ‿ ⁀ ⁔ (word characters to regex only). A test compares the two
# modules at each of these code points.
SAME_READING = ("\x00-\x1b\x20-\xb1\xb4-\xb8\xba\xbb\xbf-\u012f\u0132-\u024f\u2000-\u200b\u200e-\u203e"
                "\u2041-\u2053\u2055-\u206f\u20a0-\u20c0")


class DualPattern:
    """A pattern of the `regex` module's version 0 that `re` reads alike, run by `re` on a text `re` reads
    alike, so a run whose texts are all such (most wire copy) never imports `regex`.

    The source uses only what both modules read the same way on the characters of SAME_READING (\\w, \\b,
    \\s, literal and ASCII-letter matching with or without case, fixed-width lookarounds, possessive and
    atomic forms), and both search by the same backtracking rules (the leftmost match; alternatives in
    order; greedy, lazy and possessive repeats alike). So on a text made only of those characters the two
    give the same matches; on any other text the `regex` pattern runs, as it always did. `flags`: re's
    (IGNORECASE, MULTILINE, DOTALL, VERBOSE), which are regex's numbers too. Each compiles on first use."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern, self.flags = source, flags
        self._re = LazyPattern(re.compile, source, flags)
        self._regex = LazyPattern(regex.compile, source, flags | regex.V0)
        self._last: tuple = (None, None)  # the last text searched and the pattern that reads it

    def _for(self, text: str):
        last_text, pattern = self._last
        if last_text is not text:  # a parse or a rule searches one document's text many times
            if text.isascii():  # (known to str at no cost) of ASCII, only \x1c-\x1f are read apart
                apart = "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text
            else:
                apart = _OTHER_READING.search(text) is not None
            pattern = self._regex if apart else self._re
            self._last = (text, pattern)
        return pattern

    def search(self, text: str, *bounds):
        return self._for(text).search(text, *bounds)

    def match(self, text: str, *bounds):
        return self._for(text).match(text, *bounds)

    def fullmatch(self, text: str, *bounds):
        return self._for(text).fullmatch(text, *bounds)

    def finditer(self, text: str, *bounds):
        return self._for(text).finditer(text, *bounds)

    def findall(self, text: str, *bounds):
        return self._for(text).findall(text, *bounds)

    def __reduce__(self):  # pickled (with the wire names a cache holds) without the last text searched
        return DualPattern, (self.pattern, self.flags)


# The first character of a text that SAME_READING does not hold, if any.
_OTHER_READING = LazyPattern(re.compile, f"[^{SAME_READING}]")
