"""The command line of a plain `check`, read without argparse.

A pre-commit hook runs `notelint check [options] FILE...` on every commit, and argparse costs that run more
than any other part of the command line: importing it (with gettext, which looks for translations of its
messages as each parser is made), then building the command's parser, option by option. What the command
accepts is still defined once, by its module's `register(sub)`: here that function is run against a
recorder instead of a parser, and the line is read from what it declared. Only the plain forms are read
here (each option spelt out in full, its value in the next word, the paths in one run); anything else
(--help, an abbreviation, --opt=value, `-`, `--`, a value argparse would refuse, an option it would not
know) returns None, and main() hands the line to argparse, which then reads it or says what is wrong.
Either way the command gets the same arguments: a test compares the two readers on generated lines."""
from __future__ import annotations

import types

# Commands read here: the one a hook runs. Their register() may only declare what the recorder knows.
QUICK_COMMANDS = ("check",)


class _NotQuick(Exception):
    """Something register() declared that this reader does not read as argparse would."""


class _Option:
    __slots__ = ("flags", "dest", "action", "default", "type", "choices", "const")

    def __init__(self, flags: tuple[str, ...], kwargs: dict) -> None:
        known = {"action", "dest", "default", "type", "choices", "help", "metavar", "nargs", "const"}
        if set(kwargs) - known:
            raise _NotQuick(f"{flags}: {sorted(set(kwargs) - known)}")
        self.flags = flags
        self.action = kwargs.get("action", "store")
        self.type = kwargs.get("type")
        self.choices = kwargs.get("choices")
        self.const = kwargs.get("const")
        nargs = kwargs.get("nargs")
        if not flags[0].startswith("-"):  # the positional: argparse names it by its one flag
            if nargs != "*" or self.action != "store" or len(flags) != 1 or self.type or self.choices:
                raise _NotQuick(f"positional {flags}")
            self.dest = flags[0]
            self.default = kwargs.get("default")
            self.action = "positional"
            return
        if nargs is not None or self.action not in ("store", "store_true", "store_false", "store_const", "append"):
            raise _NotQuick(f"{flags}: {self.action} {nargs}")
        long = [f for f in flags if f.startswith("--")]
        self.dest = kwargs.get("dest") or (long[0] if long else flags[0]).lstrip("-").replace("-", "_")
        defaults = {"store_true": False, "store_false": True}
        self.default = kwargs.get("default", defaults.get(self.action))
        if isinstance(self.default, str) and self.type is not None:
            self.default = self.type(self.default)  # as argparse converts a string default


class _Recorder:
    """Stands in for argparse's sub-parsers action, one sub-parser and its argument groups: keeps what
    register() declares."""

    def __init__(self) -> None:
        self.options: list[_Option] = []
        self.defaults: dict = {}
        self.parsers: dict[str, _Recorder] = {}

    def add_parser(self, name: str, **kwargs) -> _Recorder:
        self.parsers[name] = parser = _Recorder()
        for alias in kwargs.get("aliases", ()):
            self.parsers[alias] = parser
        return parser

    def add_argument(self, *flags: str, **kwargs) -> None:
        self.options.append(_Option(flags, kwargs))

    def add_argument_group(self, *args, **kwargs) -> _Recorder:
        return self  # a group only gathers options under a heading in the help

    def set_defaults(self, **kwargs) -> None:
        self.defaults.update(kwargs)

    def __getattr__(self, name: str):  # a mutually exclusive group, ...: not read here
        if name.startswith("__"):
            raise AttributeError(name)
        raise _NotQuick(name)


def quick_arguments(argv: list[str], command_module) -> types.SimpleNamespace | None:
    """The arguments of `argv` (its first word the command that `command_module` registers) as argparse
    would give them, or None when argparse must read the line."""
    command = argv[0]
    recorder = _Recorder()
    try:
        command_module.register(recorder)
        parser = recorder.parsers[command]
    except (_NotQuick, KeyError):
        return None
    by_flag = {flag: option for option in parser.options for flag in option.flags}
    positional = [option for option in parser.options if option.action == "positional"]
    if len(positional) > 1:
        return None
    values = {"command": command}
    for option in parser.options:
        values[option.dest] = [] if option.action == "positional" and option.default is None else option.default
    values.update(parser.defaults)
    paths: list[str] | None = None  # argparse takes the positional's words once, as one run
    words = iter(argv[1:])
    for word in words:
        if not word.startswith("-"):
            if paths is not None or not positional:
                return None  # "check a --flag b": argparse refuses the second run
            paths = [word]
            for word in words:
                if word.startswith("-"):
                    break
                paths.append(word)
            else:
                break
        option = by_flag.get(word)
        if option is None:
            return None
        if option.action == "store_true":
            values[option.dest] = True
        elif option.action == "store_false":
            values[option.dest] = False
        elif option.action == "store_const":
            values[option.dest] = option.const
        else:
            text = next(words, None)
            if text is None or text.startswith("-"):
                return None
            try:
                value = option.type(text) if option.type is not None else text
            except Exception:  # argparse says why
                return None
            if option.choices is not None and value not in option.choices:
                return None
            if option.action == "append":
                values[option.dest] = (values[option.dest] or []) + [value]
            else:
                values[option.dest] = value
    if paths is not None:
        values[positional[0].dest] = paths
    return types.SimpleNamespace(**values)
