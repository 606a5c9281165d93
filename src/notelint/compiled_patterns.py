"""Compiled regular expressions kept between runs, beside the package's bytecode.

Compiling its patterns was a fifth of a pre-commit run of notelint on one file, and as much of a 1 MB check
past its start-up: the `re` module parses and compiles each pattern in Python. What that produces, the
engine's code for the pattern, is plain data (a list of integers and the group names). So, as Python keeps
a module's bytecode in __pycache__, notelint keeps the code of the patterns its runs compiled there, and
the next run hands it to the engine directly (`_sre.compile`, which validates the code as it loads it).

- One file per Python build and `re` engine (`patterns.cpython-311.sre-20220615.marshal`), in marshal's
  format (no pickle: loading it runs nothing). A pattern's entry is keyed by its text and flags (and, for
  the regex module's, that module's version), so a changed pattern is compiled afresh; a file that grows
  past _MAX_ENTRIES starts again.
- Read and written under the bytecode's own rules: not written where Python writes no bytecode
  (PYTHONDONTWRITEBYTECODE, `-B`, a read-only install); under `sys.pycache_prefix` when one is set.
  Written once, when the process exits, and atomically (a temporary file renamed over the old one), the
  entries already there kept: two runs at once lose at most an update.
- Anything unexpected (a truncated or foreign file, a Python whose `re` internals differ) only means the
  pattern is compiled as usual: `compile_re` always returns what `re.compile` would (tests compare the
  two, code included, for every pattern notelint defines).

The `regex` module's patterns are kept the same way, as the arguments of its engine's compile that it
pickles a pattern as (`compile_regex`), keyed by the module's version too.
"""
from __future__ import annotations

import os
import re
import sys

_MAX_ENTRIES = 4000

# (pattern, flags) -> the arguments of _sre.compile, marshalled on their own: a run unmarshals only the
# entries it uses (all of them as Python lists of ints cost a small check ~3.5 MB of memory).
_entries: dict | None = None  # the file's, once it is read
_added: dict = {}  # what this process compiled that the file did not hold
_saving = False  # whether the exit handler is registered


def compile_re(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), from the kept code when there is some."""
    if type(pattern) is not str or not isinstance(flags, int):
        return re.compile(pattern, flags)  # bytes: not kept (notelint's patterns are text)
    flags = int(flags)  # re.IGNORECASE and the like are ints to _sre (and to marshal, as plain ones)
    key = (pattern, flags)
    args = _kept(key)
    if args is not None:
        try:
            import _sre

            return _sre.compile(*args)
        except Exception:  # noqa: BLE001 - code another build wrote: compile it here instead
            pass
    if sys.dont_write_bytecode:
        return re.compile(pattern, flags)  # nothing will be kept
    try:
        args = _compile_args(pattern, flags)
        import _sre

        compiled = _sre.compile(*args)
    except Exception:  # noqa: BLE001 - an error in the pattern, or re's internals differ: re says which
        return re.compile(pattern, flags)
    _keep(key, args)
    return compiled


def compile_regex(pattern: str, flags: int = 0, *rest, **options):
    """regex.compile(pattern, flags), from the kept code when there is some. The regex module pickles a
    pattern as the arguments of its engine's compile (`_pickled_data`), and those are what is kept."""
    import regex

    if rest or options or type(pattern) is not str or not isinstance(flags, int):
        return regex.compile(pattern, flags, *rest, **options)
    key = ("regex", regex.__version__, pattern, int(flags))
    args = _kept(key)
    if args is not None:
        try:
            return regex._regex.compile(*args)
        except Exception:  # noqa: BLE001 - code another build wrote: compile it here instead
            pass
    compiled = regex.compile(pattern, flags)  # an error in the pattern is regex's to report
    if sys.dont_write_bytecode:
        return compiled  # nothing will be kept
    try:
        _keep(key, compiled._pickled_data)
    except Exception:  # noqa: BLE001 - only what the file can hold is kept (a named list's values may not be)
        pass
    return compiled


def _compile_args(pattern: str, flags: int) -> tuple:
    """The arguments re._compiler.compile gives _sre.compile for a pattern: what it does, step by step."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # Its opcodes are int subclasses (named constants), which marshal does not store: plain ints are the same
    # code to _sre.
    return (pattern, int(flags | parsed.state.flags), [int(op) for op in code], int(parsed.state.groups - 1),
            dict(groupindex), tuple(indexgroup))


def cache_path() -> str | None:
    """Where the kept code lives: the package's __pycache__ (or its place under sys.pycache_prefix)."""
    try:
        import _sre

        tag = sys.implementation.cache_tag
        if tag is None:
            return None
        package = os.path.dirname(os.path.abspath(__file__))
        if sys.pycache_prefix:
            folder = os.path.join(sys.pycache_prefix, os.path.splitdrive(package)[1].lstrip(os.sep))
        else:
            folder = os.path.join(package, "__pycache__")
        return os.path.join(folder, f"patterns.{tag}.sre-{_sre.MAGIC}.marshal")
    except Exception:  # noqa: BLE001
        return None


def _load() -> dict:
    global _entries
    entries: dict = {}
    path = cache_path()
    if path is not None:
        try:
            import marshal

            with open(path, "rb") as fh:
                loaded = marshal.loads(fh.read())
            if type(loaded) is dict:
                entries = loaded
        except Exception:  # noqa: BLE001 - none yet, unreadable, or not ours: compile as usual
            pass
    _entries = entries
    return entries


def _kept(key: tuple) -> tuple | None:
    """The kept arguments for `key`, from the file or from this process, if any."""
    data = (_entries if _entries is not None else _load()).get(key) or _added.get(key)
    if data is None:
        return None
    import marshal

    try:
        return marshal.loads(data)
    except Exception:  # noqa: BLE001 - not ours
        return None


def _keep(key: tuple, args: tuple) -> None:
    global _saving
    import marshal

    _added[key] = marshal.dumps(args)
    if not _saving and not sys.dont_write_bytecode:
        import atexit

        atexit.register(save)
        _saving = True


def save() -> None:
    """Write what this process compiled to the file, with what another run put there meanwhile."""
    if not _added or sys.dont_write_bytecode:
        return
    path = cache_path()
    if path is None:
        return
    import marshal

    try:
        with open(path, "rb") as fh:
            current = marshal.loads(fh.read())
        if type(current) is not dict or len(current) + len(_added) > _MAX_ENTRIES:
            current = {}
    except Exception:  # noqa: BLE001
        current = {}
    current.update(_added)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as fh:
            fh.write(marshal.dumps(current))
        os.replace(temporary, path)
    except Exception:  # noqa: BLE001 - a read-only install: nothing kept, as with bytecode
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return
    if _entries is not None:
        _entries.update(_added)
    _added.clear()
