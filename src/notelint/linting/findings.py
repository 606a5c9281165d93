"""A finding: one thing a rule (or the parser) reports, as plain as pyflakes' messages."""
from __future__ import annotations

import functools

from ..values import Frozen

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@functools.total_ordering  # __le__, __gt__, __ge__ from __lt__ and __eq__, as the keys are tuples
class Finding(Frozen):
    """A frozen value with the constructor, equality, ordering, hash, repr and pickling of
    `@dataclass(frozen=True, order=True)`, written out: the dataclasses module (and inspect, which it
    imports) cost ~7 ms of every start-up. Findings are made one per report, so __init__ is spelled out as
    the dataclass generated it."""

    # Field order is the report order: path, line, column, code.
    _FIELDS = ("path", "line", "col", "code", "end_line", "end_col", "start", "end", "name", "severity",
               "message", "text")
    __match_args__ = _FIELDS
    path: str
    line: int
    col: int
    code: str
    end_line: int
    end_col: int
    start: int  # code-point offsets into the original file
    end: int
    name: str
    severity: str
    message: str
    text: str = ""  # the offending text, for display

    def __init__(self, path: str, line: int, col: int, code: str, end_line: int, end_col: int, start: int,
                 end: int, name: str, severity: str, message: str, text: str = "") -> None:
        setattr_ = object.__setattr__
        setattr_(self, "path", path)
        setattr_(self, "line", line)
        setattr_(self, "col", col)
        setattr_(self, "code", code)
        setattr_(self, "end_line", end_line)
        setattr_(self, "end_col", end_col)
        setattr_(self, "start", start)
        setattr_(self, "end", end)
        setattr_(self, "name", name)
        setattr_(self, "severity", severity)
        setattr_(self, "message", message)
        setattr_(self, "text", text)

    def _key(self) -> tuple:
        return (self.path, self.line, self.col, self.code, self.end_line, self.end_col, self.start, self.end,
                self.name, self.severity, self.message, self.text)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if other.__class__ is self.__class__:
            return self._key() < other._key()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def fields(self) -> dict:
        """The fields by name, in order (dataclasses.asdict of a Finding)."""
        d = self.__dict__
        return {name: d[name] for name in self._FIELDS}

    def replace(self, **changes) -> "Finding":
        """A copy with some fields changed (dataclasses.replace)."""
        values = self.fields()
        for name in changes:
            if name not in values:
                raise TypeError(f"{type(self).__qualname__}.__init__() got an unexpected keyword argument {name!r}")
        values.update(changes)
        return type(self)(**values)

    def to_json(self) -> dict:
        d = self.__dict__
        return {key: d[key] for key in ("code", "name", "severity", "message", "path", "line", "col",
                                        "end_line", "end_col", "start", "end", "text")}
